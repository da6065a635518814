/// A Huffman table as a JPEG DHT segment carries it: how many codes have each length 1...16, then
/// the symbols in order of increasing code; `encodingTable()` derives the codes themselves.
struct JPEGHuffmanSpecification: Sendable, Equatable {
    /// `codeCounts[n]` codes are `n + 1` bits long; sixteen entries.
    let codeCounts: [Int]
    /// The symbols, shortest code first; as many as `codeCounts` adds up to.
    let symbols: [Int]

    init(codeCounts: [Int], symbols: [Int]) {
        precondition(codeCounts.count == 16, "a Huffman specification has 16 code counts")
        precondition(codeCounts.reduce(0, +) == symbols.count, "code counts must add up to the symbol count")
        self.codeCounts = codeCounts
        self.symbols = symbols
    }

    /// The canonical code of every symbol (T.81 Annex C): codes of one length are consecutive
    /// integers, and moving to the next length appends a zero bit.
    func encodingTable() -> JPEGHuffmanCodes {
        var codes = [UInt32](repeating: 0, count: 256)
        var lengths = [UInt8](repeating: 0, count: 256)
        var code: UInt32 = 0
        var symbolIndex = 0
        for (lengthIndex, count) in codeCounts.enumerated() {
            for _ in 0..<count {
                let symbol = symbols[symbolIndex]
                codes[symbol] = code
                lengths[symbol] = UInt8(lengthIndex + 1)
                code += 1
                symbolIndex += 1
            }
            code <<= 1
        }
        return JPEGHuffmanCodes(codes: codes, lengths: lengths)
    }
}

/// Code and length of each symbol 0...255 of one Huffman table; a length of 0 marks a symbol the
/// table cannot encode.
struct JPEGHuffmanCodes: Sendable {
    let codes: [UInt32]
    let lengths: [UInt8]
}
