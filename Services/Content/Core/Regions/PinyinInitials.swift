/// The pinyin initial (`A`–`Z`) of city names, from the shipped `city-initials.csv` (first character →
/// letter).
struct PinyinInitials: Sendable {
    private let letters: [Character: String]

    init(csv text: String) throws(RegionDataError) {
        let file = "city-initials.csv"
        var letters: [Character: String] = [:]
        for (line, fields) in try CSVLines.records(text, file: file, header: ["character", "initial"]) {
            guard fields[0].count == 1, let character = fields[0].first, fields[1].count == 1,
                let letter = fields[1].first, letter.isASCII, letter.isUppercase
            else {
                throw RegionDataError(file: file, line: line, problem: "expected one character and one capital letter")
            }
            guard letters[character] == nil else {
                throw RegionDataError(file: file, line: line, problem: "\(character) appears twice")
            }
            letters[character] = String(letter)
        }
        self.letters = letters
    }

    /// The initial of `name`, nil when its first character is not in the table.
    func initial(of name: String) -> String? {
        name.first.flatMap { letters[$0] }
    }
}
