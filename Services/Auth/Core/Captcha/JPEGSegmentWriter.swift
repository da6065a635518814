/// Writes the marker segments around a baseline JFIF scan: SOI, APP0, DQT, SOF0, DHT, SOS, EOI.
struct JPEGSegmentWriter {
    private(set) var bytes: [UInt8]

    init(reservingCapacity capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ data: [UInt8]) {
        bytes.append(contentsOf: data)
    }

    mutating func writeStartOfImage() {
        bytes += [0xFF, 0xD8]
    }

    mutating func writeEndOfImage() {
        bytes += [0xFF, 0xD9]
    }

    /// APP0 "JFIF" version 1.01, no density unit with a 1:1 pixel aspect, no thumbnail.
    mutating func writeJFIFHeader() {
        writeSegment(marker: 0xE0, payload: [0x4A, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0])
    }

    /// One DQT segment with 8-bit tables numbered 0, 1, ... from natural-order tables.
    mutating func writeQuantisationTables(_ tables: [[Int]]) {
        var payload: [UInt8] = []
        for (identifier, table) in tables.enumerated() {
            payload.append(UInt8(identifier))
            for natural in JPEGTables.zigZagOrder {
                payload.append(UInt8(table[natural]))
            }
        }
        writeSegment(marker: 0xDB, payload: payload)
    }

    /// SOF0 with components 1 (Y, quantisation table 0, sampled `lumaSampling`×`lumaSampling`),
    /// 2 (Cb) and 3 (Cr) (table 1, sampled 1×1).
    mutating func writeBaselineFrame(width: Int, height: Int, lumaSampling: Int) {
        var payload: [UInt8] = [8]
        payload += Self.bigEndian(height) + Self.bigEndian(width)
        payload += [3, 1, UInt8(lumaSampling << 4 | lumaSampling), 0, 2, 0x11, 1, 3, 0x11, 1]
        writeSegment(marker: 0xC0, payload: payload)
    }

    /// One DHT segment; class 0 is DC, 1 is AC.
    mutating func writeHuffmanTables(
        _ tables: [(tableClass: Int, identifier: Int, specification: JPEGHuffmanSpecification)]
    ) {
        var payload: [UInt8] = []
        for table in tables {
            payload.append(UInt8(table.tableClass << 4 | table.identifier))
            payload += table.specification.codeCounts.map { UInt8($0) }
            payload += table.specification.symbols.map { UInt8($0) }
        }
        writeSegment(marker: 0xC4, payload: payload)
    }

    /// SOS for the three components interleaved (Y with tables 0/0, Cb and Cr with 1/1), spectral
    /// selection 0...63 and no successive approximation, as baseline requires.
    mutating func writeScanHeader() {
        writeSegment(marker: 0xDA, payload: [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0])
    }

    private mutating func writeSegment(marker: UInt8, payload: [UInt8]) {
        bytes += [0xFF, marker]
        bytes += Self.bigEndian(payload.count + 2)
        bytes += payload
    }

    private static func bigEndian(_ value: Int) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }
}
