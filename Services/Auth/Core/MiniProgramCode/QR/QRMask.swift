/// The eight data mask patterns (section 7.8.2, table 10): a data module at row i, column j is
/// flipped where the pattern's condition holds.
enum QRMask {
    static let patterns = 0..<8

    /// Whether mask `pattern` flips the module at `row`, `column`.
    static func flips(pattern: Int, row i: Int, column j: Int) -> Bool {
        switch pattern {
        case 0: (i + j) % 2 == 0
        case 1: i % 2 == 0
        case 2: j % 3 == 0
        case 3: (i + j) % 3 == 0
        case 4: (i / 2 + j / 3) % 2 == 0
        case 5: (i * j) % 2 + (i * j) % 3 == 0
        case 6: ((i * j) % 2 + (i * j) % 3) % 2 == 0
        default: ((i + j) % 2 + (i * j) % 3) % 2 == 0
        }
    }
}

extension QRMatrix {
    /// Flips the data modules that mask `pattern` selects; applying it twice undoes it.
    mutating func apply(mask pattern: Int) {
        for row in 0..<size {
            for column in 0..<size where !isFunction(row: row, column: column) {
                if QRMask.flips(pattern: pattern, row: row, column: column) { flip(row: row, column: column) }
            }
        }
    }
}
