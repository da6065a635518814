import Dialects
import Foundation
import Mesh
import Testing

@Suite("Dialect code tables")
struct CodeTableTests {
    @Test(arguments: Dialect.allCases)
    func everyKindHasItsOwnRow(dialect: Dialect) {
        let table = dialect.codeTable
        let unmapped = ReplyKind.allCases.filter { !table.mappedKinds.contains($0) }
        #expect(unmapped.isEmpty, "\(dialect) has no row (or a row naming an undocumented code) for \(unmapped)")
        #expect(table.mappedKinds.count == ReplyKind.allCases.count)
    }

    @Test(arguments: Dialect.allCases)
    func everyKindMapsToADocumentedCode(dialect: Dialect) {
        let table = dialect.codeTable
        for kind in ReplyKind.allCases {
            let code = table.code(for: kind)
            #expect(table.documented.contains(code), "\(dialect) maps \(kind) to undocumented \(code)")
        }
    }

    @Test(arguments: Dialect.allCases)
    func onlySuccessMapsToTheSuccessCode(dialect: Dialect) {
        let table = dialect.codeTable
        for kind in ReplyKind.allCases where kind != .ok {
            #expect(table.code(for: kind) != table.success, "\(dialect) answers \(kind) with its success code")
        }
    }

    @Test(arguments: Dialect.allCases)
    func codesAreUniqueWithinADialect(dialect: Dialect) {
        let texts = dialect.codeTable.documented.map(\.text)
        let repeated = Dictionary(grouping: texts, by: { $0 }).filter { $0.value.count > 1 }.keys
        #expect(repeated.isEmpty, "\(dialect) lists \(repeated.sorted()) more than once")
    }

    @Test(arguments: Dialect.allCases)
    func messagesAreNotEmpty(dialect: Dialect) {
        for code in dialect.codeTable.documented {
            #expect(!code.message.trimmingCharacters(in: .whitespaces).isEmpty, "\(dialect) \(code.text)")
            #expect(code.message == code.message.trimmingCharacters(in: .whitespaces), "\(dialect) \(code.text)")
        }
    }

    @Test(arguments: Dialect.allCases)
    func everyCodeIsDigitsInTheDialectsNotation(dialect: Dialect) {
        let table = dialect.codeTable
        for code in table.documented {
            #expect(code.integerValue != nil, "\(dialect) \(code.text) is not a number")
            #expect(code.notation == table.notation, "\(dialect) \(code.text)")
        }
    }

    @Test(arguments: Dialect.allCases)
    func documentedCodeFindsEveryListedCode(dialect: Dialect) {
        let table = dialect.codeTable
        for code in table.documented {
            #expect(table.documentedCode(code.text) == code)
        }
        #expect(table.documentedCode("123456789") == nil)
        #expect(table.documentedCode("") == nil)
    }

    @Test(arguments: Dialect.allCases)
    func tableForADialectIsThatDialects(dialect: Dialect) {
        #expect(DialectCodeTable.table(for: dialect).dialect == dialect)
    }

    @Test func aKindWithoutARowGetsTheGenericFailure() {
        let unknown = ReplyKind(rawValue: "not_a_known_kind")
        let expected: [Dialect: String] = [.train: "9999", .o2o: "500", .c2c: "400", .yaf: "503", .mobile: "300"]
        for dialect in Dialect.allCases {
            #expect(dialect.codeTable.code(for: unknown).text == expected[dialect])
            #expect(dialect.codeTable.genericFailure.text == expected[dialect])
        }
    }

    @Test func allCasesHasNoRepeatedKind() {
        let raw = ReplyKind.allCases.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
    }

    @Test func notationsFollowTheEnvelopes() {
        #expect(DialectCodeTable.train.notation == .string)
        #expect(DialectCodeTable.o2o.notation == .number)
        #expect(DialectCodeTable.c2c.notation == .string)
        #expect(DialectCodeTable.yaf.notation == .number)
        #expect(DialectCodeTable.mobile.notation == .string)
    }
}
