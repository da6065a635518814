extension QRMatrix {
    /// Places `codewords` (most significant bit first) in the modules that are not function patterns
    /// (section 7.7.3): in two-module-wide columns from the right edge leftwards, skipping the vertical
    /// timing pattern, going up the first column pair, down the next and so on, the right module of
    /// each pair before the left. Modules left over (the remainder bits) stay light.
    mutating func place(codewords: [UInt8]) {
        let bitCount = codewords.count * 8
        var bitIndex = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upwards = ((size - 1 - right) / 2) % 2 == 0
            for step in 0..<size {
                let row = upwards ? size - 1 - step : step
                for column in [right, right - 1] where !isFunction(row: row, column: column) {
                    guard bitIndex < bitCount else { continue }
                    let byte = codewords[bitIndex / 8]
                    setData(row: row, column: column, dark: (byte >> UInt8(7 - bitIndex % 8)) & 1 == 1)
                    bitIndex += 1
                }
            }
            right -= 2
        }
    }
}
