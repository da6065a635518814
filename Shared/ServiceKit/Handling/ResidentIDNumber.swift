import Foundation

/// An 18-character resident identity number of the People's Republic of China (GB 11643-1999):
/// a 6-digit region code whose first two digits name a province, the birth date as `yyyyMMdd`, a
/// 3-digit sequence number and a check character computed with ISO 7064 MOD 11-2.
public struct ResidentIDNumber: Sendable, Hashable, CustomStringConvertible {
    /// Why a text is not a valid number.
    public enum Problem: Error, Sendable, Equatable {
        case wrongLength
        case notDigits
        case unknownProvince
        case implausibleBirthDate
        case wrongCheckCharacter
    }

    /// The number with an upper-case `X` check character.
    public let text: String
    /// The birth date, `yyyy-MM-dd`.
    public let birthDate: String

    public var description: String { text }

    /// The first two digits of every province-level division (mainland, Hong Kong, Macao, Taiwan).
    public static let provincePrefixes: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
        "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83",
    ]

    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// Checks `text` (a lower-case `x` is accepted) against `today` for the birth date.
    public init(_ text: String, today: Date = Date()) throws(Problem) {
        let characters = Array(text.uppercased())
        guard characters.count == 18 else { throw .wrongLength }
        let body = characters[0..<17]
        guard body.allSatisfy({ $0.isASCII && $0.isNumber }),
            characters[17] == "X" || (characters[17].isASCII && characters[17].isNumber)
        else { throw .notDigits }
        guard Self.provincePrefixes.contains(String(body[0..<2])) else { throw .unknownProvince }
        let digits = body.map { Int(String($0))! }
        let birth = String(body[6..<14])
        guard let date = Self.birthDate(birth, today: today) else { throw .implausibleBirthDate }
        let sum = zip(digits, Self.weights).reduce(0) { $0 + $1.0 * $1.1 }
        guard Self.checkCharacters[sum % 11] == characters[17] else { throw .wrongCheckCharacter }
        self.text = String(characters)
        self.birthDate = date
    }

    /// `yyyy-MM-dd` when `yyyyMMdd` is a real calendar day from 1900 up to `today`.
    public static func birthDate(_ compact: String, today: Date) -> String? {
        let bytes = Array(compact.utf8)
        guard bytes.count == 8, let year = Int(compact.prefix(4)), let month = Int(compact.dropFirst(4).prefix(2)),
            let day = Int(compact.suffix(2))
        else { return nil }
        guard year >= 1900, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
        let now = calendar.dateComponents([.year, .month, .day], from: today)
        let todayNumber = (now.year ?? 0) * 10_000 + (now.month ?? 0) * 100 + (now.day ?? 0)
        guard year * 10_000 + month * 100 + day <= todayNumber else { return nil }
        return "\(compact.prefix(4))-\(compact.dropFirst(4).prefix(2))-\(compact.suffix(2))"
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
