/// The penalty of a masked symbol (ISO/IEC 18004:2015 section 7.8.3.1, table 11); the encoder keeps the
/// mask with the lowest, the lower-numbered one on a tie. Encoders read the table differently (which
/// is why two encoders often pick different masks for the same data); this one reads it as follows,
/// counting the quiet zone around the symbol as light:
///
/// - N1: each run of five or more modules of one colour in a row or column scores 3, plus 1 for every
///   module beyond five;
/// - N2: each 2×2 block of one colour scores 3 (blocks overlap, so an m×n block scores 3(m−1)(n−1));
/// - N3: each dark-light-dark-light-dark sequence of runs in a row or column whose lengths are in the
///   ratio 1:1:3:1:1 (n, n, 3n, n, n modules) and that has a light run of at least 4n modules before
///   or after it scores 40, once;
/// - N4: 10 × k, where k is the number of whole 5 % steps the share of dark modules in the symbol
///   is away from 50 %.
enum QRPenalty {
    static let run = 3
    static let block = 3
    static let finderLike = 40
    static let balance = 10

    /// The total penalty of `matrix`.
    static func score(_ matrix: QRMatrix) -> Int {
        let size = matrix.size
        var total = 0
        var line = [Bool](repeating: false, count: size)
        for index in 0..<size {
            for position in 0..<size { line[position] = matrix[index, position] }
            total += lineScore(line)
            for position in 0..<size { line[position] = matrix[position, index] }
            total += lineScore(line)
        }
        return total + blocks(matrix) + darkBalance(matrix)
    }

    /// N1 and N3 of one row or column.
    static func lineScore(_ line: [Bool]) -> Int {
        let runs = runLengths(line)
        var score = 0
        for run in runs where run.length >= 5 { score += Self.run + run.length - 5 }
        for index in runs.indices where runs[index].dark && index + 4 < runs.count {
            let unit = runs[index].length
            guard runs[index + 1].length == unit, runs[index + 2].length == 3 * unit,
                runs[index + 3].length == unit, runs[index + 4].length == unit
            else { continue }
            // A light run at either end of the line continues into the quiet zone.
            let lightBefore = index <= 1 ? Int.max : runs[index - 1].length
            let lightAfter = index + 5 >= runs.count - 1 ? Int.max : runs[index + 5].length
            if lightBefore >= 4 * unit || lightAfter >= 4 * unit { score += finderLike }
        }
        return score
    }

    /// The runs of one colour along `line`, in order; neighbouring runs differ in colour.
    static func runLengths(_ line: [Bool]) -> [(dark: Bool, length: Int)] {
        var runs: [(dark: Bool, length: Int)] = []
        for module in line {
            if let last = runs.last, last.dark == module {
                runs[runs.count - 1].length += 1
            } else {
                runs.append((module, 1))
            }
        }
        return runs
    }

    /// N2.
    static func blocks(_ matrix: QRMatrix) -> Int {
        var score = 0
        for row in 0..<(matrix.size - 1) {
            for column in 0..<(matrix.size - 1) {
                let colour = matrix[row, column]
                if matrix[row, column + 1] == colour && matrix[row + 1, column] == colour
                    && matrix[row + 1, column + 1] == colour
                {
                    score += block
                }
            }
        }
        return score
    }

    /// N4.
    static func darkBalance(_ matrix: QRMatrix) -> Int {
        let total = matrix.size * matrix.size
        var dark = 0
        for row in 0..<matrix.size {
            for column in 0..<matrix.size where matrix[row, column] { dark += 1 }
        }
        return balance * (abs(dark * 20 - total * 10) / total)
    }
}
