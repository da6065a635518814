import Foundation
import ServiceKit
import Testing

/// Resident ID numbers under GB 11643: length, digits, province, birth date and check character.
struct ResidentIDNumberTests {
    static let today = Date(timeIntervalSince1970: 1_750_000_000)

    @Test(arguments: ["11010519491231002X", "11010519491231002x", "440304199001011233", "110101201003074565"])
    func acceptsValidNumbers(_ text: String) throws {
        let number = try ResidentIDNumber(text, today: Self.today)
        #expect(number.text == text.uppercased())
    }

    @Test func readsTheBirthDate() throws {
        #expect(try ResidentIDNumber("11010519491231002X", today: Self.today).birthDate == "1949-12-31")
    }

    @Test(arguments: [
        ("11010519491231002", ResidentIDNumber.Problem.wrongLength),
        ("11010519491231002XX", .wrongLength),
        ("1101051949123100AX", .notDigits),
        ("11010519491231002Y", .notDigits),
        ("99010519491231002X", .unknownProvince),
        ("110105194902300020", .implausibleBirthDate),
        ("110105189912310020", .implausibleBirthDate),
        ("110105209912310020", .implausibleBirthDate),
        ("110105194912310039", .wrongCheckCharacter),
    ])
    func refusesInvalidNumbers(_ text: String, _ problem: ResidentIDNumber.Problem) {
        #expect(throws: problem) { try ResidentIDNumber(text, today: Self.today) }
    }

    @Test func leapDays() {
        #expect(ResidentIDNumber.birthDate("20000229", today: Self.today) == "2000-02-29")
        #expect(ResidentIDNumber.birthDate("19000229", today: Self.today) == nil)
        #expect(ResidentIDNumber.birthDate("20240229", today: Self.today) == "2024-02-29")
    }
}
