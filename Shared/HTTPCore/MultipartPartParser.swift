/// Reads one multipart body part: header lines up to an empty line, then the content.
enum MultipartPartParser {
    /// Most header lines in one part.
    static let maxHeaderLines = 32

    static func parse(_ part: UnsafeBufferPointer<UInt8>, index: Int) -> Result<MultipartPart, MultipartError> {
        var headers = HTTPHeaders()
        var position = 0
        while true {
            guard let lineEnd = lineEnd(in: part, from: position) else {
                return .failure(.malformedPart(index: index, reason: "the part headers do not end with an empty line"))
            }
            if lineEnd == position { break }
            if headers.count == maxHeaderLines {
                return .failure(.malformedPart(index: index, reason: "more than \(maxHeaderLines) header lines"))
            }
            let line = UnsafeBufferPointer(rebasing: part[position..<lineEnd])
            if line.contains(HTTPGrammar.cr) || line.contains(HTTPGrammar.lf) {
                return .failure(.malformedPart(index: index, reason: "a header line holds a bare CR or LF"))
            }
            switch FieldLineParser.parse(line) {
            case .success(let field): headers.add(field.name, field.value)
            case .failure(let error):
                return .failure(.malformedPart(index: index, reason: Self.describe(error)))
            }
            position = lineEnd + 2
        }
        let body = Array(part[(position + 2)...])
        let disposition = headers["Content-Disposition"].map(ParameterizedFieldValue.init)
        let type = headers["Content-Type"].map(ParameterizedFieldValue.init)
        return .success(
            MultipartPart(
                name: disposition?.parameter("name"), filename: disposition?.parameter("filename"),
                contentType: type.flatMap { $0.isMediaType ? $0.value : nil }, headers: headers, body: body))
    }

    /// The index of the next CRLF at or after `start`.
    private static func lineEnd(in part: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 1 < part.count {
            if part[index] == HTTPGrammar.cr && part[index + 1] == HTTPGrammar.lf { return index }
            index += 1
        }
        return nil
    }

    private static func describe(_ error: HTTPParseError) -> String {
        if case .malformed(let reason) = error { return reason }
        return "invalid header line"
    }
}
