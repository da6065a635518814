import Foundation

/// Where a mobile number was given out: the province and city of its first seven digits, in the
/// segment data's short names (`广东`, `广州`).
struct NumberRegion: Sendable, Equatable {
    let province: String
    let city: String
}

/// The province and city of every 7-digit mobile number segment (`1300000` to `1999999`), from the
/// public data shipped in `SegmentData/segments.txt` (its README names the origin and the format).
/// It is read once at start-up and held as one region number per segment.
struct SegmentDirectory: Sendable {
    /// The first segment the table covers.
    static let firstSegment = 1_300_000
    /// How many segments the table covers: `1300000` to `1999999`.
    static let segmentCount = 700_000

    private let regions: [NumberRegion]
    /// Per segment from `firstSegment`: 0 when the data lacks it, else its region's index + 1.
    private let table: [UInt16]

    /// The directory of the shipped data.
    static func bundled() throws(SegmentDataError) -> SegmentDirectory {
        guard
            let url = Bundle.module.url(
                forResource: "segments", withExtension: "txt", subdirectory: "SegmentData"),
            let data = try? Data(contentsOf: url)
        else { throw SegmentDataError(line: 0, problem: "SegmentData/segments.txt is missing from the bundle") }
        return try SegmentDirectory(text: Array(data))
    }

    /// Reads the segment file's bytes (see the README beside the data for the format).
    init(text: [UInt8]) throws(SegmentDataError) {
        var reader = SegmentFileReader()
        var lineNumber = 0
        var start = 0
        while start < text.count {
            var end = start
            while end < text.count && text[end] != UInt8(ascii: "\n") { end += 1 }
            lineNumber += 1
            try reader.read(text[start..<end], line: lineNumber)
            start = end + 1
        }
        regions = reader.regions
        table = reader.table
    }

    /// The region of `number` (11 digits starting with 1); nil when the data does not have its segment.
    func region(of number: String) -> NumberRegion? {
        guard number.utf8.count == 11, let segment = Int(number.prefix(7)) else { return nil }
        let offset = segment - Self.firstSegment
        guard offset >= 0, offset < table.count else { return nil }
        let entry = Int(table[offset])
        return entry == 0 ? nil : regions[entry - 1]
    }

    /// How many segments the data has.
    var knownSegments: Int { table.count(where: { $0 != 0 }) }
}

/// The segment file is not as its README describes; the service does not start.
struct SegmentDataError: Error, Sendable, Equatable, CustomStringConvertible {
    let line: Int
    let problem: String

    var description: String { "segment data, line \(line): \(problem)" }
}
