/// The modules of a QR symbol under construction, row by row from the top-left corner, and which of
/// them belong to function patterns (finders, separators, timing, alignment, format and version
/// information, the dark module) and so take neither data nor the mask.
struct QRMatrix: Sendable, Equatable {
    let size: Int
    /// True for a dark module.
    private(set) var dark: [Bool]
    /// True for a module of a function pattern.
    private(set) var isFunction: [Bool]

    init(size: Int) {
        self.size = size
        dark = [Bool](repeating: false, count: size * size)
        isFunction = [Bool](repeating: false, count: size * size)
    }

    subscript(row: Int, column: Int) -> Bool {
        dark[row * size + column]
    }

    /// Sets a module of a function pattern.
    mutating func setFunction(row: Int, column: Int, dark value: Bool) {
        dark[row * size + column] = value
        isFunction[row * size + column] = true
    }

    /// Sets a data module (one that is not part of a function pattern).
    mutating func setData(row: Int, column: Int, dark value: Bool) {
        dark[row * size + column] = value
    }

    /// Flips a data module.
    mutating func flip(row: Int, column: Int) {
        dark[row * size + column].toggle()
    }

    /// Whether the module is part of a function pattern.
    func isFunction(row: Int, column: Int) -> Bool {
        isFunction[row * size + column]
    }

    /// Modules left for data and error correction codewords.
    var freeModuleCount: Int { isFunction.count(where: { !$0 }) }

    /// The symbol of `version` with every function pattern drawn, the version information written
    /// and the format information reserved (light until `writeFormat` fills it in).
    static func template(for version: QRVersion) -> QRMatrix {
        var matrix = QRMatrix(size: version.size)
        matrix.drawTimingPatterns()
        matrix.drawFinderPattern(centreRow: 3, centreColumn: 3)
        matrix.drawFinderPattern(centreRow: 3, centreColumn: matrix.size - 4)
        matrix.drawFinderPattern(centreRow: matrix.size - 4, centreColumn: 3)
        matrix.drawAlignmentPatterns(centres: version.alignmentCentres)
        matrix.writeFormat(QRFormatInformation.reservedBits)
        if version.hasVersionInformation {
            matrix.writeVersion(QRFormatInformation.versionBits(version))
        }
        return matrix
    }

    /// Row 6 and column 6: alternating, dark on even positions. Finders drawn later cover their ends.
    private mutating func drawTimingPatterns() {
        for index in 0..<size {
            setFunction(row: 6, column: index, dark: index % 2 == 0)
            setFunction(row: index, column: 6, dark: index % 2 == 0)
        }
    }

    /// A 7×7 finder pattern (dark ring, light ring, dark 3×3 core) and its light separator, clipped
    /// to the symbol.
    private mutating func drawFinderPattern(centreRow: Int, centreColumn: Int) {
        for rowOffset in -4...4 {
            for columnOffset in -4...4 {
                let row = centreRow + rowOffset
                let column = centreColumn + columnOffset
                guard (0..<size).contains(row), (0..<size).contains(column) else { continue }
                let ring = max(abs(rowOffset), abs(columnOffset))
                setFunction(row: row, column: column, dark: ring != 2 && ring != 4)
            }
        }
    }

    /// A 5×5 alignment pattern (dark ring, light ring, dark centre) on every pair of centres except
    /// the three that would overlap a finder.
    private mutating func drawAlignmentPatterns(centres: [Int]) {
        guard let first = centres.first, let last = centres.last else { return }
        for centreRow in centres {
            for centreColumn in centres {
                let overlapsFinder =
                    (centreRow == first && centreColumn == first) || (centreRow == first && centreColumn == last)
                    || (centreRow == last && centreColumn == first)
                guard !overlapsFinder else { continue }
                for rowOffset in -2...2 {
                    for columnOffset in -2...2 {
                        setFunction(
                            row: centreRow + rowOffset, column: centreColumn + columnOffset,
                            dark: max(abs(rowOffset), abs(columnOffset)) != 1)
                    }
                }
            }
        }
    }
}
