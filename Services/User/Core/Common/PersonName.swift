/// A person's name as identity documents write it: Chinese characters, Latin letters, spaces and the
/// middle dot of transcribed names (`·`), 2 to 30 characters, no digits or punctuation.
enum PersonName {
    static let maximumLength = 30

    static func isValid(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard (2...maximumLength).contains(scalars.count) else { return false }
        return scalars.allSatisfy { scalar in
            scalar.properties.isIdeographic || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || scalar == " " || scalar == "·" || scalar == "•" || scalar == "."
        }
    }
}
