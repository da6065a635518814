/// Turns 8×8 blocks of one baseline scan into entropy-coded data: forward DCT, quantisation,
/// zig-zag ordering, DC prediction per component and Huffman coding of DC categories and AC
/// run/size symbols (T.81 F.1.2).
struct JPEGScanEncoder {
    /// What one component needs to code its blocks.
    struct ComponentTables {
        /// 1 / quantiser for each coefficient, in natural order.
        let reciprocalQuantisers: [Float]
        let dc: JPEGHuffmanCodes
        let ac: JPEGHuffmanCodes
    }

    private var writer: JPEGBitWriter
    private var previousDC: [Int32]
    private var block = [Float](repeating: 0, count: 64)
    private var scratch = [Float](repeating: 0, count: 64)
    private var zigZagCoefficients = [Int32](repeating: 0, count: 64)

    init(componentCount: Int, expectedBytes: Int) {
        writer = JPEGBitWriter(reservingCapacity: expectedBytes)
        previousDC = [Int32](repeating: 0, count: componentCount)
    }

    /// The coded scan, padded to a whole byte.
    mutating func finish() -> [UInt8] {
        writer.padToByte()
        return writer.bytes
    }

    /// Codes the 8×8 block whose top-left sample is at (`x`, `y`) of `plane` (`width` samples a row).
    mutating func encodeBlock(
        of plane: [Float], width: Int, x: Int, y: Int, component: Int, tables: ComponentTables
    ) {
        for row in 0..<8 {
            let start = (y + row) * width + x
            for column in 0..<8 {
                block[row * 8 + column] = plane[start + column]
            }
        }
        quantiseBlock(reciprocals: tables.reciprocalQuantisers)
        codeQuantisedBlock(component: component, tables: tables)
    }

    private mutating func quantiseBlock(reciprocals: [Float]) {
        block.withUnsafeMutableBufferPointer { block in
            scratch.withUnsafeMutableBufferPointer { scratch in
                ForwardDCT.basis.withUnsafeBufferPointer { basis in
                    ForwardDCT.transform(block, scratch: scratch, basis: basis)
                }
            }
        }
        let order = JPEGTables.zigZagOrder
        for index in 0..<64 {
            let natural = order[index]
            let scaled = block[natural] * reciprocals[natural]
            // Round half away from zero; converting to an integer then drops the fraction.
            let level = scaled + (scaled < 0 ? -0.5 : 0.5)
            // Baseline limits: DC in −1024...1023 keeps every difference within category 11,
            // and AC values stay within category 10.
            zigZagCoefficients[index] = Int32(min(max(level, index == 0 ? -1024 : -1023), 1023))
        }
    }

    private mutating func codeQuantisedBlock(component: Int, tables: ComponentTables) {
        let dc = zigZagCoefficients[0]
        let difference = dc - previousDC[component]
        previousDC[component] = dc
        let dcCategory = Self.category(of: difference)
        writeSymbol(dcCategory, codes: tables.dc)
        writeMagnitude(difference, category: dcCategory)

        var zeroRun = 0
        for index in 1..<64 {
            let coefficient = zigZagCoefficients[index]
            if coefficient == 0 {
                zeroRun += 1
                continue
            }
            while zeroRun > 15 {
                writeSymbol(0xF0, codes: tables.ac)
                zeroRun -= 16
            }
            let category = Self.category(of: coefficient)
            writeSymbol(zeroRun << 4 | category, codes: tables.ac)
            writeMagnitude(coefficient, category: category)
            zeroRun = 0
        }
        if zeroRun > 0 {
            writeSymbol(0x00, codes: tables.ac)
        }
    }

    @inline(__always)
    private mutating func writeSymbol(_ symbol: Int, codes: JPEGHuffmanCodes) {
        writer.write(codes.codes[symbol], count: Int(codes.lengths[symbol]))
    }

    /// The extra bits after a category: the value itself when positive, its one's complement
    /// (value − 1 in the low bits) when negative.
    @inline(__always)
    private mutating func writeMagnitude(_ value: Int32, category: Int) {
        guard category > 0 else { return }
        let bits = value < 0 ? value - 1 : value
        writer.write(UInt32(bitPattern: bits), count: category)
    }

    /// The number of bits of the magnitude (T.81 table F.1 / F.2 "SSSS").
    @inline(__always)
    static func category(of value: Int32) -> Int {
        value == 0 ? 0 : 32 - value.magnitude.leadingZeroBitCount
    }
}
