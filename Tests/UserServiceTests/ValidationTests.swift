import Foundation
import JSON
import Mesh
import ServiceKit
import Testing

@testable import UserService

/// Bank cards, mobiles, names, amounts and the strict parameter reader.
struct ValidationTests {
    @Test func luhn() throws {
        try BankCardNumber.check("6228480402564890018")
        try BankCardNumber.check("4111111111111111")
        #expect(throws: BankCardNumber.Problem.checkDigit) { try BankCardNumber.check("6228480402564890019") }
        #expect(throws: BankCardNumber.Problem.malformed) { try BankCardNumber.check("62284804025648900181") }
        #expect(throws: BankCardNumber.Problem.malformed) { try BankCardNumber.check("12345678901") }
        #expect(throws: BankCardNumber.Problem.malformed) { try BankCardNumber.check("6228-4804-0256-4890") }
    }

    @Test func mobiles() {
        #expect(MobileNumber.isValid("13800138000"))
        #expect(!MobileNumber.isValid("23800138000"))
        #expect(!MobileNumber.isValid("1380013800"))
        #expect(!MobileNumber.isValid("138001380001"))
        #expect(!MobileNumber.isValid("1380013800a"))
    }

    @Test func names() {
        #expect(PersonName.isValid("张三"))
        #expect(PersonName.isValid("阿卜杜·热合曼"))
        #expect(PersonName.isValid("John Smith"))
        #expect(!PersonName.isValid("张"))
        #expect(!PersonName.isValid("张三1"))
        #expect(!PersonName.isValid("'; DROP TABLE"))
        #expect(!PersonName.isValid(String(repeating: "张", count: 31)))
    }

    @Test func yuan() {
        #expect(Yuan.text(fen: 0) == "0.00")
        #expect(Yuan.text(fen: 5) == "0.05")
        #expect(Yuan.text(fen: 8000) == "80.00")
        #expect(Yuan.text(fen: -12345) == "-123.45")
        #expect(Yuan.shortText(fen: 250) == "2.5")
        #expect(Yuan.shortText(fen: 300) == "3")
        #expect(Yuan.shortNumber(fen: 250) == .number(JSONNumber(text: "2.5")!))
        #expect(Yuan.text(fen: Int64.min) == "-92233720368547758.08")
    }

    @Test func parameterReader() throws {
        let parameters = Parameters([
            "text": "  hello  ", "number": 42, "digits": "42", "flag": true, "list": [1], "empty": "",
            "control": "a\u{0007}b", "long": "abcdef", "negative": -3, "zero": "0",
        ])
        #expect(try parameters.text("text", maxLength: 10) == "hello")
        #expect(try parameters.text("number", maxLength: 10) == "42")
        #expect(try parameters.text("empty", maxLength: 10) == nil)
        #expect(try parameters.text("absent", maxLength: 10) == nil)
        #expect(throws: InputProblem("flag", .notScalar)) { try parameters.text("flag", maxLength: 10) }
        #expect(throws: InputProblem("list", .notScalar)) { try parameters.text("list", maxLength: 10) }
        #expect(throws: InputProblem("long", .tooLong(maximum: 5))) { try parameters.text("long", maxLength: 5) }
        #expect(throws: InputProblem.self) { try parameters.text("control", maxLength: 10) }
        #expect(throws: InputProblem("absent", .missing)) { try parameters.required("absent", maxLength: 10) }
        #expect(try parameters.requiredPositiveInteger("number") == 42)
        #expect(try parameters.requiredPositiveInteger("digits") == 42)
        #expect(throws: InputProblem.self) { try parameters.requiredPositiveInteger("negative") }
        #expect(throws: InputProblem.self) { try parameters.requiredPositiveInteger("zero") }
        #expect(throws: InputProblem.self) { try parameters.requiredPositiveInteger("text") }
        #expect(throws: InputProblem.self) { try parameters.requiredPositiveInteger("number", maximum: 41) }
    }

    @Test func benefitRates() {
        for rate in ["0", "1", "0.006", "0.0060", "1.0000", "0.5"] {
            #expect(UserAdminOperations.isRate(rate), "\(rate)")
        }
        for rate in ["1.5", "-0.1", "0.00001", "abc", "0.", ".5", "2"] {
            #expect(!UserAdminOperations.isRate(rate), "\(rate)")
        }
    }

    @Test func idempotencyKeys() throws {
        #expect(try IdempotencyKeyRule.check("order-1-pay") == "order-1-pay")
        #expect(throws: MeshProtocolError.missing("Idempotency-Key")) { try IdempotencyKeyRule.check(nil) }
        #expect(throws: MeshProtocolError.self) { try IdempotencyKeyRule.check("has space") }
        #expect(throws: MeshProtocolError.self) { try IdempotencyKeyRule.check(String(repeating: "k", count: 129)) }
    }
}
