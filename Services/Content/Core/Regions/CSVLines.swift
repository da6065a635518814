/// Reads the shipped comma-separated data files: a header line, then one record per line (LF or
/// CRLF), no quoting (none of the files needs it).
enum CSVLines {
    /// The records of `text` as arrays of fields, with their 1-based line numbers; the header must equal
    /// `header`.
    static func records(
        _ text: String, file: String, header: [String]
    ) throws(RegionDataError) -> [(line: Int, fields: [String])] {
        // `\r\n` is one Character in Swift, a newline like `\n`.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        guard let first = lines.first,
            first.split(separator: ",", omittingEmptySubsequences: false).map(String.init) == header
        else {
            throw RegionDataError(file: file, line: 1, problem: "the header must be \(header.joined(separator: ","))")
        }
        var records: [(line: Int, fields: [String])] = []
        records.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated().dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == header.count else {
                throw RegionDataError(file: file, line: index + 1, problem: "expected \(header.count) fields")
            }
            records.append((index + 1, fields))
        }
        return records
    }
}
