import Testing

@testable import AuthService

/// A small QR decoder for tests, for the clean, upright, unrotated codes the simulator draws: it finds
/// the symbol and its module size from the top-left finder, samples every module at its centre, checks
/// the quiet zone, reads both copies of the format information (checking their BCH code) and, from
/// version 7, the version information, unmasks the data, takes the codewords apart block by block and
/// reads one byte-mode segment. It corrects no errors. Apart from the block table (`QRVersion`, itself
/// checked against other encoders' symbols) it shares no code with the encoder.
struct QRTestDecoder {
    struct Problem: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    let version: Int
    /// The format information's two level bits (01 L, 00 M, 11 Q, 10 H).
    let levelBits: Int
    let mask: Int
    /// Pixels per module.
    let moduleSize: Int
    let payload: [UInt8]

    var text: String { String(decoding: payload, as: UTF8.self) }

    init(_ image: PNGTestReader) throws {
        guard let (left, top) = Self.firstDark(image) else { throw Problem("no dark pixel") }
        var run = 0
        while left + run < image.width && image.isDark(x: left + run, y: top) { run += 1 }
        guard run % 7 == 0 else { throw Problem("the top-left finder is \(run) pixels wide") }
        let moduleSize = run / 7
        var right = image.width - 1
        while !image.isDark(x: right, y: top) { right -= 1 }
        let span = right - left + 1
        guard span % moduleSize == 0, (span / moduleSize - 17) % 4 == 0 else { throw Problem("no symbol \(span) wide") }
        let size = span / moduleSize
        let quietZone = 4 * moduleSize
        guard left >= quietZone, top >= quietZone, image.width - left - span >= quietZone,
            image.height - top - span >= quietZone
        else { throw Problem("the quiet zone is narrower than 4 modules") }
        let modules = (0..<size).map { row in
            (0..<size).map { column in
                image.isDark(x: left + column * moduleSize + moduleSize / 2, y: top + row * moduleSize + moduleSize / 2)
            }
        }
        try self.init(modules: modules, moduleSize: moduleSize)
    }

    /// Decodes a symbol given module by module (true dark), without a quiet zone.
    init(modules: [[Bool]], moduleSize: Int = 1) throws {
        let size = modules.count
        self.moduleSize = moduleSize
        version = (size - 17) / 4
        func bits(_ positions: [(Int, Int)]) -> Int {
            positions.enumerated().reduce(0) { $0 | (modules[$1.element.0][$1.element.1] ? 1 << $1.offset : 0) }
        }
        let firstCopy = bits(
            (0...5).map { ($0, 8) } + [(7, 8), (8, 8), (8, 7)] + (9...14).map { (8, 14 - $0) })
        let secondCopy = bits((0...7).map { (8, size - 1 - $0) } + (8...14).map { (size - 15 + $0, 8) })
        guard firstCopy == secondCopy else { throw Problem("the two copies of the format information differ") }
        let format = firstCopy ^ 0b101_0100_0001_0010
        guard Self.bchRemainder((format >> 10) << 10, generator: 0b101_0011_0111) == format & 0x3FF else {
            throw Problem("the format information's BCH code is wrong")
        }
        levelBits = format >> 13
        mask = (format >> 10) & 7
        if version >= 7 {
            let stored = bits((0..<18).map { ($0 / 3, size - 11 + $0 % 3) })
            let mirrored = bits((0..<18).map { (size - 11 + $0 % 3, $0 / 3) })
            guard stored == mirrored, stored >> 12 == version,
                Self.bchRemainder((stored >> 12) << 12, generator: 0b1_1111_0010_0101) == stored & 0xFFF
            else { throw Problem("the version information does not say version \(version)") }
        }
        let codewords = Self.codewords(modules, version: version, mask: mask)
        payload = try Self.byteSegment(Self.deinterleaved(codewords, version: version, levelBits: levelBits), version)
    }

    private static func firstDark(_ image: PNGTestReader) -> (Int, Int)? {
        for y in 0..<image.height {
            for x in 0..<image.width where image.isDark(x: x, y: y) { return (x, y) }
        }
        return nil
    }

    static func bchRemainder(_ value: Int, generator: Int) -> Int {
        var remainder = value
        let degree = generator.bitWidth - generator.leadingZeroBitCount
        while remainder.bitWidth - remainder.leadingZeroBitCount >= degree {
            remainder ^= generator << (remainder.bitWidth - remainder.leadingZeroBitCount - degree)
        }
        return remainder
    }

    /// Alignment pattern centres: evenly spaced from 6 to size − 7 with an even step (26 for version 32).
    static func alignmentCentres(version: Int) -> [Int] {
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        let last = 4 * version + 10
        var step = version == 32 ? 26 : (last - 6 + count - 2) / (count - 1)
        if step % 2 == 1 { step += 1 }
        return [6] + (0..<(count - 1)).map { last - $0 * step }.reversed()
    }

    static func isFunction(row: Int, column: Int, version: Int) -> Bool {
        let size = 4 * version + 17
        if (row < 9 && column < 9) || (row < 9 && column >= size - 8) || (row >= size - 8 && column < 9) { return true }
        if row == 6 || column == 6 { return true }
        if version >= 7
            && ((row < 6 && column >= size - 11 && column < size - 8)
                || (column < 6 && row >= size - 11 && row < size - 8))
        {
            return true
        }
        let centres = alignmentCentres(version: version)
        for centreRow in centres {
            for centreColumn in centres where abs(row - centreRow) <= 2 && abs(column - centreColumn) <= 2 {
                let nearFinder =
                    (centreRow == 6 && centreColumn == 6) || (centreRow == 6 && centreColumn == size - 7)
                    || (centreRow == size - 7 && centreColumn == 6)
                if !nearFinder { return true }
            }
        }
        return false
    }

    static func masked(_ mask: Int, row i: Int, column j: Int) -> Bool {
        [
            (i + j) % 2 == 0, i % 2 == 0, j % 3 == 0, (i + j) % 3 == 0, (i / 2 + j / 3) % 2 == 0,
            (i * j) % 2 + (i * j) % 3 == 0, ((i * j) % 2 + (i * j) % 3) % 2 == 0,
            ((i + j) % 2 + (i * j) % 3) % 2 == 0,
        ][mask]
    }

    /// The codewords in placement order: column pairs from the right, up and down in turn.
    static func codewords(_ modules: [[Bool]], version: Int, mask: Int) -> [UInt8] {
        let size = modules.count
        var bits: [Bool] = []
        var pair = 0
        var right = size - 1
        while right > 0 {
            if right == 6 { right -= 1 }
            for step in 0..<size {
                let row = pair % 2 == 0 ? size - 1 - step : step
                for column in [right, right - 1] where !isFunction(row: row, column: column, version: version) {
                    bits.append(modules[row][column] != masked(mask, row: row, column: column))
                }
            }
            pair += 1
            right -= 2
        }
        return stride(from: 0, to: bits.count - 7, by: 8).map { start in
            (0..<8).reduce(UInt8(0)) { $0 << 1 | (bits[start + $1] ? 1 : 0) }
        }
    }

    static func deinterleaved(_ codewords: [UInt8], version: Int, levelBits: Int) throws -> [UInt8] {
        let level: QRErrorCorrection = [0b01: .low, 0b00: .medium, 0b11: .quartile, 0b10: .high][levelBits]!
        let symbol = try #require(QRVersion.numbered(version))
        let blocks = symbol.blockCount(level)
        let correction = symbol.errorCorrectionPerBlock(level)
        let shortData = codewords.count / blocks - correction
        let longBlocks = codewords.count % blocks
        let lengths = (0..<blocks).map { shortData + ($0 >= blocks - longBlocks ? 1 : 0) }
        var data = lengths.map { [UInt8](repeating: 0, count: $0) }
        var next = 0
        for index in 0...shortData {
            for block in 0..<blocks where index < lengths[block] {
                data[block][index] = codewords[next]
                next += 1
            }
        }
        return data.flatMap { $0 }
    }

    static func byteSegment(_ data: [UInt8], _ version: Int) throws -> [UInt8] {
        var position = 0
        func read(_ width: Int) -> Int {
            var value = 0
            for _ in 0..<width {
                value = value << 1 | Int((data[position / 8] >> UInt8(7 - position % 8)) & 1)
                position += 1
            }
            return value
        }
        guard read(4) == 0b0100 else { throw Problem("the first segment is not in byte mode") }
        let count = read(version < 10 ? 8 : 16)
        guard 12 + 8 * count <= data.count * 8 else { throw Problem("the byte count \(count) overruns the data") }
        return (0..<count).map { _ in UInt8(read(8)) }
    }
}
