import Foundation

/// A picture decoded by `BaselineJPEGDecoder`, with what the file said about itself.
struct DecodedJPEG {
    let width: Int
    let height: Int
    /// Red, green, blue of each pixel, row by row.
    let pixels: [UInt8]
    /// The second byte of every marker in file order (0xD8 for SOI, 0xE0 for APP0, ...).
    let markers: [UInt8]
    /// Whether an APP0 segment carried the "JFIF\0" identifier.
    let hasJFIFHeader: Bool
    /// Components of the frame in order.
    let components: [Component]
    /// Quantisation tables by identifier, in natural (row-by-row) order.
    let quantisationTables: [Int: [Int]]

    struct Component: Equatable {
        let identifier: Int
        let horizontalSampling: Int
        let verticalSampling: Int
        let quantisationTable: Int
    }
}

/// Why a file could not be decoded, and the byte offset where that was found.
struct JPEGDecodingError: Error, CustomStringConvertible {
    let reason: String
    let offset: Int

    var description: String { "\(reason) at byte \(offset)" }
}

/// A deliberately plain decoder for baseline sequential JPEG (SOF0, Huffman, 8-bit, one
/// interleaved scan), written from T.81 to check encoder output without outside tools: it parses
/// the markers, Huffman-decodes every block, dequantises, runs a direct inverse DCT, upsamples
/// chroma by repetition and converts YCbCr to RGB as JFIF defines. Anything outside baseline is
/// reported as an error instead of being guessed at.
enum BaselineJPEGDecoder {
    /// Natural index of the k-th coefficient in zig-zag order (T.81 figure A.6).
    static let zigZagOrder: [Int] = [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ]

    static func decode(_ bytes: [UInt8]) throws(JPEGDecodingError) -> DecodedJPEG {
        var state = DecoderState(bytes: bytes)
        try state.run()
        return try state.result()
    }
}

/// A Huffman table prepared for decoding as in T.81 F.2.2.3.
private struct HuffmanDecodingTable {
    var minimumCode = [Int](repeating: 0, count: 17)
    var maximumCode = [Int](repeating: -1, count: 17)
    var firstSymbolIndex = [Int](repeating: 0, count: 17)
    var symbols: [Int] = []

    init(counts: [Int], symbols: [Int]) {
        self.symbols = symbols
        var code = 0
        var index = 0
        for length in 1...16 {
            let count = counts[length - 1]
            if count > 0 {
                firstSymbolIndex[length] = index
                minimumCode[length] = code
                code += count
                index += count
                maximumCode[length] = code - 1
            }
            code <<= 1
        }
    }
}

private struct FrameComponent {
    let identifier: Int
    let horizontal: Int
    let vertical: Int
    let table: Int
    var blocksWide = 0
    var blocksHigh = 0
    /// Decoded samples 0...255 of the whole (padded) component plane.
    var plane: [UInt8] = []
}

private struct DecoderState {
    let bytes: [UInt8]
    var position = 0
    var markers: [UInt8] = []
    var hasJFIFHeader = false
    var quantisation: [Int: [Int]] = [:]
    var dcTables: [Int: HuffmanDecodingTable] = [:]
    var acTables: [Int: HuffmanDecodingTable] = [:]
    var width = 0
    var height = 0
    var components: [FrameComponent] = []
    var scanDone = false
    var ended = false

    // Entropy-coded data reader.
    var bitBuffer = 0
    var bitCount = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    func failure(_ reason: String) -> JPEGDecodingError {
        JPEGDecodingError(reason: reason, offset: position)
    }

    mutating func byte() throws(JPEGDecodingError) -> Int {
        guard position < bytes.count else { throw failure("file ends early") }
        defer { position += 1 }
        return Int(bytes[position])
    }

    mutating func word() throws(JPEGDecodingError) -> Int {
        let high = try byte()
        return high << 8 | (try byte())
    }

    mutating func run() throws(JPEGDecodingError) {
        guard try byte() == 0xFF, try byte() == 0xD8 else { throw failure("no SOI marker at the start") }
        markers.append(0xD8)
        while !ended {
            guard try byte() == 0xFF else { throw failure("expected a marker") }
            var marker = try byte()
            while marker == 0xFF {
                marker = try byte()
            }
            markers.append(UInt8(marker))
            switch marker {
            case 0xD9:
                ended = true
            case 0xC0:
                try readFrame()
            case 0xC1...0xC3, 0xC5...0xC7, 0xC9...0xCB, 0xCD...0xCF:
                throw failure(String(format: "frame type 0x%02X is not baseline", marker))
            case 0xC4:
                try readHuffmanTables()
            case 0xDB:
                try readQuantisationTables()
            case 0xDD:
                throw failure("restart intervals are not handled by this decoder")
            case 0xDA:
                try readScan()
            case 0xE0:
                try readApplicationZero()
            case 0xE1...0xEF, 0xFE:
                position += try word() - 2
            default:
                throw failure(String(format: "unexpected marker 0x%02X", marker))
            }
        }
        guard position == bytes.count else { throw failure("bytes after EOI") }
    }

    mutating func readApplicationZero() throws(JPEGDecodingError) {
        let length = try word()
        let end = position + length - 2
        if length >= 16, Array(bytes[position..<(position + 5)]) == [0x4A, 0x46, 0x49, 0x46, 0x00] {
            hasJFIFHeader = true
        }
        position = end
    }

    mutating func readQuantisationTables() throws(JPEGDecodingError) {
        let length = try word()
        let end = position + length - 2
        while position < end {
            let header = try byte()
            guard header >> 4 == 0 else { throw failure("16-bit quantisation tables are not baseline") }
            var table = [Int](repeating: 0, count: 64)
            for index in 0..<64 {
                table[BaselineJPEGDecoder.zigZagOrder[index]] = try byte()
            }
            guard !table.contains(0) else { throw failure("a quantisation table holds a zero") }
            quantisation[header & 15] = table
        }
        guard position == end else { throw failure("DQT length does not match its tables") }
    }

    mutating func readHuffmanTables() throws(JPEGDecodingError) {
        let length = try word()
        let end = position + length - 2
        while position < end {
            let header = try byte()
            var counts: [Int] = []
            for _ in 0..<16 {
                counts.append(try byte())
            }
            var symbols: [Int] = []
            for _ in 0..<counts.reduce(0, +) {
                symbols.append(try byte())
            }
            let table = HuffmanDecodingTable(counts: counts, symbols: symbols)
            switch header >> 4 {
            case 0: dcTables[header & 15] = table
            case 1: acTables[header & 15] = table
            default: throw failure("Huffman table class \(header >> 4)")
            }
        }
        guard position == end else { throw failure("DHT length does not match its tables") }
    }

    mutating func readFrame() throws(JPEGDecodingError) {
        let length = try word()
        guard try byte() == 8 else { throw failure("sample precision is not 8 bits") }
        height = try word()
        width = try word()
        let count = try byte()
        guard width > 0, height > 0 else { throw failure("zero image size") }
        guard count == 1 || count == 3, length == 8 + 3 * count else { throw failure("SOF0 length or component count") }
        for _ in 0..<count {
            let identifier = try byte()
            let sampling = try byte()
            let table = try byte()
            guard (1...2).contains(sampling >> 4), (1...2).contains(sampling & 15) else {
                throw failure("sampling factors \(sampling >> 4)x\(sampling & 15)")
            }
            components.append(
                FrameComponent(
                    identifier: identifier, horizontal: sampling >> 4, vertical: sampling & 15, table: table))
        }
    }

    mutating func readScan() throws(JPEGDecodingError) {
        guard !components.isEmpty else { throw failure("SOS before SOF0") }
        guard !scanDone else { throw failure("more than one scan") }
        let length = try word()
        let count = try byte()
        guard count == components.count, length == 6 + 2 * count else {
            throw failure("the scan must interleave every component")
        }
        var tableChoice: [(dc: Int, ac: Int)] = []
        for index in 0..<count {
            guard try byte() == components[index].identifier else { throw failure("scan component order") }
            let tables = try byte()
            tableChoice.append((dc: tables >> 4, ac: tables & 15))
        }
        guard try byte() == 0, try byte() == 63, try byte() == 0 else {
            throw failure("spectral selection must be 0...63 with no approximation")
        }

        let maxHorizontal = components.map(\.horizontal).max()!
        let maxVertical = components.map(\.vertical).max()!
        let mcusWide = (width + 8 * maxHorizontal - 1) / (8 * maxHorizontal)
        let mcusHigh = (height + 8 * maxVertical - 1) / (8 * maxVertical)
        for index in components.indices {
            components[index].blocksWide = mcusWide * components[index].horizontal
            components[index].blocksHigh = mcusHigh * components[index].vertical
            components[index].plane = [UInt8](
                repeating: 0, count: components[index].blocksWide * components[index].blocksHigh * 64)
        }

        var predictions = [Int](repeating: 0, count: count)
        for mcuY in 0..<mcusHigh {
            for mcuX in 0..<mcusWide {
                for index in components.indices {
                    let component = components[index]
                    guard let dc = dcTables[tableChoice[index].dc], let ac = acTables[tableChoice[index].ac],
                        let table = quantisation[component.table]
                    else { throw failure("component \(component.identifier) names a missing table") }
                    for blockY in 0..<component.vertical {
                        for blockX in 0..<component.horizontal {
                            let coefficients = try decodeBlock(dc: dc, ac: ac, prediction: &predictions[index])
                            let samples = Self.inverseTransform(zip(coefficients, table).map { $0 * $1 })
                            place(
                                samples, component: index, blockColumn: mcuX * component.horizontal + blockX,
                                blockRow: mcuY * component.vertical + blockY)
                        }
                    }
                }
            }
        }
        try finishScan()
        scanDone = true
    }

    /// Skips the padding bits and checks that a marker follows the entropy-coded data.
    mutating func finishScan() throws(JPEGDecodingError) {
        let padding = bitBuffer & ((1 << bitCount) - 1)
        guard padding == (1 << bitCount) - 1 else { throw failure("scan padding bits are not all ones") }
        bitCount = 0
        guard position + 1 < bytes.count, bytes[position] == 0xFF, bytes[position + 1] != 0x00 else {
            throw failure("entropy-coded data continues past the last block")
        }
    }

    mutating func bit() throws(JPEGDecodingError) -> Int {
        if bitCount == 0 {
            let next = try byte()
            if next == 0xFF {
                let stuffed = try byte()
                guard stuffed == 0x00 else { throw failure("a marker interrupts the scan data") }
            }
            bitBuffer = next
            bitCount = 8
        }
        bitCount -= 1
        return (bitBuffer >> bitCount) & 1
    }

    mutating func bits(_ count: Int) throws(JPEGDecodingError) -> Int {
        var value = 0
        for _ in 0..<count {
            value = value << 1 | (try bit())
        }
        return value
    }

    mutating func symbol(_ table: HuffmanDecodingTable) throws(JPEGDecodingError) -> Int {
        var code = try bit()
        for length in 1...16 {
            if code <= table.maximumCode[length] {
                return table.symbols[table.firstSymbolIndex[length] + code - table.minimumCode[length]]
            }
            code = code << 1 | (try bit())
        }
        throw failure("no Huffman code matches")
    }

    /// The value of `size` magnitude bits (T.81 F.2.2.1 EXTEND).
    mutating func signedValue(size: Int) throws(JPEGDecodingError) -> Int {
        guard size > 0 else { return 0 }
        let raw = try bits(size)
        return raw < 1 << (size - 1) ? raw - (1 << size) + 1 : raw
    }

    /// The 64 quantised coefficients of one block, in natural order.
    mutating func decodeBlock(
        dc: HuffmanDecodingTable, ac: HuffmanDecodingTable, prediction: inout Int
    ) throws(JPEGDecodingError) -> [Int] {
        var coefficients = [Int](repeating: 0, count: 64)
        let category = try symbol(dc)
        guard category <= 11 else { throw failure("DC category \(category)") }
        prediction += try signedValue(size: category)
        coefficients[0] = prediction
        var index = 1
        while index < 64 {
            let runSize = try symbol(ac)
            let run = runSize >> 4
            let size = runSize & 15
            if size == 0 {
                guard run == 15 else { break }
                index += 16
                continue
            }
            index += run
            guard index < 64 else { throw failure("AC run passes the end of the block") }
            coefficients[BaselineJPEGDecoder.zigZagOrder[index]] = try signedValue(size: size)
            index += 1
        }
        guard index <= 64 else { throw failure("zero run passes the end of the block") }
        return coefficients
    }

    /// Inverse DCT (T.81 A.3.3) of natural-order coefficients, level-shifted back and clamped.
    static func inverseTransform(_ coefficients: [Int]) -> [UInt8] {
        var rows = [Double](repeating: 0, count: 64)
        for vertical in 0..<8 {
            for x in 0..<8 {
                var sum = 0.0
                for horizontal in 0..<8 {
                    sum += weight(horizontal, x) * Double(coefficients[vertical * 8 + horizontal])
                }
                rows[vertical * 8 + x] = sum
            }
        }
        var samples = [UInt8](repeating: 0, count: 64)
        for y in 0..<8 {
            for x in 0..<8 {
                var sum = 0.0
                for vertical in 0..<8 {
                    sum += weight(vertical, y) * rows[vertical * 8 + x]
                }
                samples[y * 8 + x] = UInt8(min(max((sum + 128).rounded(), 0), 255))
            }
        }
        return samples
    }

    /// ½·C(frequency)·cos((2·position + 1)·frequency·π/16).
    static func weight(_ frequency: Int, _ position: Int) -> Double {
        let scale = frequency == 0 ? 1 / (2 * 2.0.squareRoot()) : 0.5
        return scale * cos(Double((2 * position + 1) * frequency) * Double.pi / 16)
    }

    mutating func place(_ samples: [UInt8], component: Int, blockColumn: Int, blockRow: Int) {
        let planeWidth = components[component].blocksWide * 8
        for y in 0..<8 {
            for x in 0..<8 {
                components[component].plane[(blockRow * 8 + y) * planeWidth + blockColumn * 8 + x] = samples[y * 8 + x]
            }
        }
    }

    func result() throws(JPEGDecodingError) -> DecodedJPEG {
        guard scanDone else { throw failure("no scan before EOI") }
        let maxHorizontal = components.map(\.horizontal).max()!
        let maxVertical = components.map(\.vertical).max()!
        func sample(_ component: FrameComponent, _ x: Int, _ y: Int) -> Double {
            let column = x * component.horizontal / maxHorizontal
            let row = y * component.vertical / maxVertical
            return Double(component.plane[row * component.blocksWide * 8 + column])
        }
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let luma = sample(components[0], x, y)
                var rgb = [luma, luma, luma]
                if components.count == 3 {
                    let blue = sample(components[1], x, y) - 128
                    let red = sample(components[2], x, y) - 128
                    rgb = [luma + 1.402 * red, luma - 0.344_136 * blue - 0.714_136 * red, luma + 1.772 * blue]
                }
                for channel in 0..<3 {
                    pixels[(y * width + x) * 3 + channel] = UInt8(min(max(rgb[channel].rounded(), 0), 255))
                }
            }
        }
        return DecodedJPEG(
            width: width, height: height, pixels: pixels, markers: markers, hasJFIFHeader: hasJFIFHeader,
            components: components.map {
                DecodedJPEG.Component(
                    identifier: $0.identifier, horizontalSampling: $0.horizontal, verticalSampling: $0.vertical,
                    quantisationTable: $0.table)
            },
            quantisationTables: quantisation)
    }
}
