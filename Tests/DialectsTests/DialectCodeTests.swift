import Catalog
import Dialects
import Mesh
import Testing

@Suite("Dialect codes and their notation")
struct DialectCodeTests {
    @Test func stringCodesKeepLeadingZeros() {
        let code = DialectCode.string("0000", "成功")
        #expect(code.text == "0000")
        #expect(!code.isNumeric)
        #expect(code.integerValue == 0)
        #expect(code.written(as: .number) == nil)
        #expect(code.written(as: .string) == code)
    }

    @Test func numberCodesConvertBothWays() {
        let code = DialectCode.number(200, "success")
        #expect(code.text == "200")
        #expect(code.isNumeric)
        #expect(code.integerValue == 200)
        let asString = code.written(as: .string)
        #expect(asString?.text == "200")
        #expect(asString?.notation == .string)
        #expect(asString?.message == "success")
        #expect(asString?.written(as: .number) == code)
    }

    @Test func trainCodesStayStringsEvenWhereTheyCannotBeNumbers() {
        let table = DialectCodeTable.train
        #expect(table.code(for: .notLoggedIn, operation: "login") == table.code(for: .notLoggedIn))
        #expect(table.code(for: .ok).written(as: .number) == nil)
    }

    @Test(arguments: [
        "member/index", "member/updateheadpic", "member/paypwd", "member/recharge", "member/exchangescore",
    ])
    func mobileEndpointsWithNumericExamplesWriteNumbers(operation: String) {
        let table = DialectCodeTable.mobile
        #expect(table.notation(forOperation: operation) == .number)
        #expect(table.code(for: .ok, operation: operation) == .number(200, "操作成功"))
        #expect(table.code(for: .internal, operation: operation).isNumeric)
        #expect(table.documentedCode("308", operation: operation)?.isNumeric == true)
    }

    @Test(arguments: ["login", "member/addr/addrList", "member/facevalue", "member/phonecheck", "weixinapi/address"])
    func otherMobileEndpointsWriteStrings(operation: String) {
        let table = DialectCodeTable.mobile
        #expect(table.notation(forOperation: operation) == .string)
        #expect(table.code(for: .ok, operation: operation) == .string("200", "操作成功"))
    }

    @Test func otherDialectsHaveNoNotationExceptions() {
        for dialect in Dialect.allCases where dialect != .mobile {
            #expect(dialect.codeTable.otherNotationOperations.isEmpty, "\(dialect)")
        }
    }

    @Test func descriptionShowsTheNotation() {
        #expect(DialectCode.string("0006", "用户未登陆").description == "\"0006\" 用户未登陆")
        #expect(DialectCode.number(602, "您还未登录").description == "602 您还未登录")
    }
}
