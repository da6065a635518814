/// The bitmap glyphs captcha answers are drawn with: one 7×10 glyph for every character of
/// `CaptchaAlphabet`, strokes one cell wide so that scaling by two to three keeps them thin.
enum CaptchaFont {
    static let glyphWidth = 7
    static let glyphHeight = 10

    /// The glyph of `character` (upper or lower case), or `nil` if the font has none.
    static func glyph(for character: Character) -> CaptchaGlyph? {
        glyphs[Character(character.uppercased())]
    }

    private static let glyphs: [Character: CaptchaGlyph] = {
        var result: [Character: CaptchaGlyph] = [:]
        for (character, rows) in drawings {
            result[character] = CaptchaGlyph(rows: rows, width: glyphWidth, height: glyphHeight)
        }
        return result
    }()

    /// Each glyph row by row: `#` is ink, `.` is paper.
    private static let drawings: [Character: [String]] = [
        "2": [
            "..###..", ".#...#.", "#.....#", "......#", ".....#.",
            "....#..", "...#...", "..#....", ".#.....", "#######",
        ],
        "3": [
            ".#####.", "#.....#", "......#", "......#", "..####.",
            "......#", "......#", "......#", "#.....#", ".#####.",
        ],
        "4": [
            "#....#.", "#....#.", "#....#.", "#....#.", "#....#.",
            "#######", ".....#.", ".....#.", ".....#.", ".....#.",
        ],
        "5": [
            "#######", "#......", "#......", "######.", "......#",
            "......#", "......#", "......#", "#.....#", ".#####.",
        ],
        "6": [
            "..####.", ".#.....", "#......", "#......", "#.####.",
            "##....#", "#.....#", "#.....#", "#.....#", ".#####.",
        ],
        "7": [
            "#######", "......#", ".....#.", ".....#.", "....#..",
            "....#..", "...#...", "...#...", "..#....", "..#....",
        ],
        "8": [
            ".#####.", "#.....#", "#.....#", "#.....#", ".#####.",
            "#.....#", "#.....#", "#.....#", "#.....#", ".#####.",
        ],
        "9": [
            ".#####.", "#.....#", "#.....#", "#.....#", "#....##",
            ".####.#", "......#", "......#", ".....#.", ".####..",
        ],
        "A": [
            "...#...", "..#.#..", "..#.#..", ".#...#.", ".#...#.",
            "#.....#", "#######", "#.....#", "#.....#", "#.....#",
        ],
        "C": [
            "..####.", ".#....#", "#......", "#......", "#......",
            "#......", "#......", "#......", ".#....#", "..####.",
        ],
        "E": [
            "#######", "#......", "#......", "#......", "######.",
            "#......", "#......", "#......", "#......", "#######",
        ],
        "F": [
            "#######", "#......", "#......", "#......", "#####..",
            "#......", "#......", "#......", "#......", "#......",
        ],
        "H": [
            "#.....#", "#.....#", "#.....#", "#.....#", "#######",
            "#.....#", "#.....#", "#.....#", "#.....#", "#.....#",
        ],
        "J": [
            "..#####", ".....#.", ".....#.", ".....#.", ".....#.",
            ".....#.", ".....#.", "#....#.", "#....#.", ".####..",
        ],
        "K": [
            "#....#.", "#...#..", "#..#...", "#.#....", "##.....",
            "#.#....", "#..#...", "#...#..", "#....#.", "#.....#",
        ],
        "L": [
            "#......", "#......", "#......", "#......", "#......",
            "#......", "#......", "#......", "#......", "#######",
        ],
        "M": [
            "#.....#", "##...##", "#.#.#.#", "#..#..#", "#..#..#",
            "#.....#", "#.....#", "#.....#", "#.....#", "#.....#",
        ],
        "N": [
            "#.....#", "##....#", "##....#", "#.#...#", "#..#..#",
            "#..#..#", "#...#.#", "#....##", "#....##", "#.....#",
        ],
        "P": [
            "######.", "#.....#", "#.....#", "#.....#", "#.....#",
            "######.", "#......", "#......", "#......", "#......",
        ],
        "R": [
            "######.", "#.....#", "#.....#", "#.....#", "######.",
            "#..#...", "#...#..", "#....#.", "#.....#", "#.....#",
        ],
        "T": [
            "#######", "...#...", "...#...", "...#...", "...#...",
            "...#...", "...#...", "...#...", "...#...", "...#...",
        ],
        "U": [
            "#.....#", "#.....#", "#.....#", "#.....#", "#.....#",
            "#.....#", "#.....#", "#.....#", "#.....#", ".#####.",
        ],
        "W": [
            "#.....#", "#.....#", "#.....#", "#.....#", "#..#..#",
            "#..#..#", "#.#.#.#", "#.#.#.#", "##...##", "#.....#",
        ],
        "X": [
            "#.....#", "#.....#", ".#...#.", "..#.#..", "...#...",
            "...#...", "..#.#..", ".#...#.", "#.....#", "#.....#",
        ],
        "Y": [
            "#.....#", "#.....#", ".#...#.", "..#.#..", "...#...",
            "...#...", "...#...", "...#...", "...#...", "...#...",
        ],
    ]
}

/// One glyph of `CaptchaFont` as a grid of ink cells, sampled smoothly at any point.
struct CaptchaGlyph: Sendable {
    let width: Int
    let height: Int
    /// `ink[row * width + column]` is 1 for ink and 0 for paper.
    let ink: [Float]

    init(rows: [String], width: Int, height: Int) {
        precondition(rows.count == height && rows.allSatisfy { $0.count == width }, "glyph must be \(width)×\(height)")
        self.width = width
        self.height = height
        ink = rows.flatMap { row in row.map { $0 == "#" ? Float(1) : Float(0) } }
    }

    /// Whether the cell at `column`, `row` is ink.
    func isInk(column: Int, row: Int) -> Bool {
        ink[row * width + column] > 0
    }

    /// Ink coverage 0...1 at a point in glyph units ((0, 0) is the top-left corner of the grid,
    /// cell centres sit at half units): the cells interpolated bilinearly, then a soft threshold
    /// that keeps one-cell strokes and their diagonal joins solid with anti-aliased edges.
    func coverage(x: Float, y: Float) -> Float {
        let u = x - 0.5
        let v = y - 0.5
        let column = Int((u).rounded(.down))
        let row = Int((v).rounded(.down))
        let fractionX = u - Float(column)
        let fractionY = v - Float(row)
        let top = cell(column, row) * (1 - fractionX) + cell(column + 1, row) * fractionX
        let bottom = cell(column, row + 1) * (1 - fractionX) + cell(column + 1, row + 1) * fractionX
        let value = top * (1 - fractionY) + bottom * fractionY
        let ramp = min(max((value - 0.2) / 0.35, 0), 1)
        return ramp * ramp * (3 - 2 * ramp)
    }

    private func cell(_ column: Int, _ row: Int) -> Float {
        guard column >= 0, column < width, row >= 0, row < height else { return 0 }
        return ink[row * width + column]
    }
}
