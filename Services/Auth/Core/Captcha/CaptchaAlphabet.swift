import Foundation

/// The characters a captcha answer is drawn from, and how answers are made and compared.
///
/// The alphabet leaves out every character that distortion makes easy to mistake for another:
/// 0, O, Q, D (round shapes), 1, I (bars), B (8), G (6), S (5), Z (2) and V (U, Y). With no lower-case
/// letters at all, answers compare case-insensitively: "k7mp" answers "K7MP".
enum CaptchaAlphabet {
    /// Digits 2–9 and 17 upper-case letters: 25 symbols.
    static let characters: [Character] = Array("23456789ACEFHJKLMNPRTUWXY")

    /// Answer length used when none is given: 25⁴ ≈ 390 000 possible answers for a single-use,
    /// short-lived challenge.
    static let defaultLength = 4

    /// Answer lengths the renderer lays out legibly on its image.
    static let allowedLengths = 4...5

    /// A uniformly random answer of `length` characters (one of `allowedLengths`).
    static func randomAnswer(length: Int = defaultLength, using generator: inout some RandomNumberGenerator) -> String {
        precondition(
            allowedLengths.contains(length), "captcha answers have \(allowedLengths) characters, not \(length)")
        var answer = ""
        for _ in 0..<length {
            answer.append(characters.randomElement(using: &generator)!)
        }
        return answer
    }

    /// The form an answer is stored and compared in: surrounding blanks dropped and letters in
    /// upper case, so the check is case-insensitive. `nil` when the text cannot be an answer
    /// (wrong length or a character outside the alphabet).
    static func normalised(_ text: String) -> String? {
        let upper = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard allowedLengths.contains(upper.count), upper.allSatisfy(characters.contains) else {
            return nil
        }
        return upper
    }

    /// Whether `typed` answers a challenge whose answer is `expected`, ignoring case and
    /// surrounding blanks.
    static func matches(_ typed: String, expected: String) -> Bool {
        guard let typed = normalised(typed), let expected = normalised(expected) else { return false }
        return typed == expected
    }
}
