/// The codeword sequence of a symbol (sections 7.4 and 7.6): one byte-mode segment (mode 0100, the
/// byte count, the bytes), the terminator, zero bits to a byte boundary and the pad bytes 11101100
/// and 00010001 in turn; then the data split into blocks, each with its error correction codewords,
/// interleaved block by block.
enum QRCodewords {
    /// The byte-mode mode indicator.
    static let byteMode = 0b0100
    /// The pad codewords, used in turn.
    static let padBytes: [UInt8] = [0xEC, 0x11]

    /// Bits a byte-mode segment of `count` bytes takes in `version`.
    static func segmentBits(count: Int, version: QRVersion) -> Int {
        4 + version.byteCountBits + 8 * count
    }

    /// The data codewords for `payload` in `version` at `level`; the payload must fit.
    static func data(for payload: [UInt8], version: QRVersion, level: QRErrorCorrection) -> [UInt8] {
        let capacityBits = version.dataCodewordCount(level) * 8
        precondition(segmentBits(count: payload.count, version: version) <= capacityBits, "payload does not fit")
        var buffer = QRBitBuffer()
        buffer.append(byteMode, width: 4)
        buffer.append(payload.count, width: version.byteCountBits)
        buffer.append(bytes: payload)
        buffer.append(0, width: min(4, capacityBits - buffer.count))
        while buffer.count % 8 != 0 { buffer.append(bit: false) }
        var codewords = buffer.bytes
        var pad = 0
        while codewords.count < capacityBits / 8 {
            codewords.append(padBytes[pad % 2])
            pad += 1
        }
        return codewords
    }

    /// The data codewords split into blocks (the first blocks one codeword shorter where the count does
    /// not divide evenly), each followed by its error correction, read out interleaved: the first
    /// codeword of every block, then the second, …, then the error correction codewords likewise.
    static func interleaved(data: [UInt8], version: QRVersion, level: QRErrorCorrection) -> [UInt8] {
        let blockCount = version.blockCount(level)
        let correctionCount = version.errorCorrectionPerBlock(level)
        let shortBlockData = version.codewordCount / blockCount - correctionCount
        let longBlocks = version.codewordCount % blockCount
        let encoder = ReedSolomonEncoder(degree: correctionCount)
        var dataBlocks: [[UInt8]] = []
        var correctionBlocks: [[UInt8]] = []
        var start = 0
        for block in 0..<blockCount {
            let length = shortBlockData + (block >= blockCount - longBlocks ? 1 : 0)
            let blockData = Array(data[start..<(start + length)])
            dataBlocks.append(blockData)
            correctionBlocks.append(encoder.remainder(of: blockData))
            start += length
        }
        precondition(start == data.count, "the data codewords do not match the version's blocks")
        var result: [UInt8] = []
        result.reserveCapacity(version.codewordCount)
        for index in 0...shortBlockData {
            for block in dataBlocks where index < block.count { result.append(block[index]) }
        }
        for index in 0..<correctionCount {
            for block in correctionBlocks { result.append(block[index]) }
        }
        return result
    }
}
