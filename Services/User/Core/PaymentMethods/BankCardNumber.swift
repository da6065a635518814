import ServiceKit

/// A bank card number: 12 to 19 digits (the document's field allows 20 characters; issued cards have
/// at most 19) whose last digit is the Luhn check digit of the others.
enum BankCardNumber {
    /// Why a text is not a card number.
    enum Problem: Error, Sendable, Equatable {
        /// Not 12–19 digits.
        case malformed
        /// The Luhn check digit does not match.
        case checkDigit
    }

    static func check(_ text: String) throws(Problem) {
        let bytes = Array(text.utf8)
        guard (12...19).contains(bytes.count), bytes.allSatisfy(Parameters.isDigit) else { throw .malformed }
        guard passesLuhn(bytes.map { Int($0 - UInt8(ascii: "0")) }) else { throw .checkDigit }
    }

    /// The Luhn (mod 10) check over all digits, the check digit last.
    static func passesLuhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            if offset % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }
}
