/// Reads `segments.txt` line by line into the region list and the per-segment table of a
/// `SegmentDirectory`, refusing anything the format does not allow: a region defined twice or out of
/// order, a run naming an unknown region, a block outside `1300`–`1999` or given twice, counts that do
/// not add up to 1,000.
struct SegmentFileReader {
    private(set) var regions: [NumberRegion] = []
    private(set) var table = [UInt16](repeating: 0, count: SegmentDirectory.segmentCount)
    private var blocksSeen = Set<Int>()

    mutating func read(_ line: ArraySlice<UInt8>, line number: Int) throws(SegmentDataError) {
        if line.isEmpty || line.first == UInt8(ascii: "#") { return }
        let fields = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        if fields[0].elementsEqual("R".utf8) {
            try readRegion(fields, line: number)
        } else {
            try readBlock(fields, line: number)
        }
    }

    /// `R <id> <province> <city>`, ids counting up from 0.
    private mutating func readRegion(_ fields: [ArraySlice<UInt8>], line: Int) throws(SegmentDataError) {
        guard fields.count == 4, let id = Self.number(fields[1]), id == regions.count,
            regions.count < Int(UInt16.max) - 1, !fields[2].isEmpty, !fields[3].isEmpty
        else { throw SegmentDataError(line: line, problem: "a region must be `R <next id> <province> <city>`") }
        regions.append(
            NumberRegion(
                province: String(decoding: fields[2], as: UTF8.self), city: String(decoding: fields[3], as: UTF8.self)))
    }

    /// `<block> <count>:<region> …` covering the block's 1,000 segments.
    private mutating func readBlock(_ fields: [ArraySlice<UInt8>], line: Int) throws(SegmentDataError) {
        guard let block = Self.number(fields[0]), (1300...1999).contains(block), blocksSeen.insert(block).inserted
        else { throw SegmentDataError(line: line, problem: "a block must be a new number from 1300 to 1999") }
        var offset = block * 1000 - SegmentDirectory.firstSegment
        let end = offset + 1000
        for run in fields.dropFirst() {
            let parts = run.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            guard parts.count == 2, let count = Self.number(parts[0]), count > 0, offset + count <= end else {
                throw SegmentDataError(line: line, problem: "a run must be `<count>:<region>` inside the block")
            }
            let entry: UInt16
            if parts[1].elementsEqual("-".utf8) {
                entry = 0
            } else if let region = Self.number(parts[1]), region < regions.count {
                entry = UInt16(region + 1)
            } else {
                throw SegmentDataError(line: line, problem: "a run names a region not defined before it")
            }
            for index in offset..<(offset + count) { table[index] = entry }
            offset += count
        }
        guard offset == end else { throw SegmentDataError(line: line, problem: "the runs do not cover 1,000 segments") }
    }

    /// A decimal number of at most seven digits.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard (1...7).contains(digits.count) else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
