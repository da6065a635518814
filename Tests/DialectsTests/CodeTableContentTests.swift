import Dialects
import Mesh
import Testing

/// Sizes and rows checked against the code lists of the five API documents.
@Suite("Dialect code table contents")
struct CodeTableContentTests {
    @Test func documentedListsHaveTheDocumentsSizes() {
        // Train appendix: 0000, 9999, 0001–0013 (13), 0015–0027 (13), 1000–1014 (15), 1016, 1017.
        #expect(DialectCodeTable.train.documented.count == 45)
        // O2O global status codes: 0, 500, 10000, 10001, 10003–10007 (5), 70010, 70011.
        #expect(DialectCodeTable.o2o.documented.count == 11)
        // C2C: 200 from the global reply description plus the 207 rows of the business error-code table.
        #expect(DialectCodeTable.c2c.documented.count == 208)
        // Yaf section 1.5: 200, 403, 404, 500, 503–510 (8), 601–607 (7), 700.
        #expect(DialectCodeTable.yaf.documented.count == 20)
        // Mobile endpoints: 200, 300, 308, 221, 222, 1000, 208505, 208506, 1004–1007 (4).
        #expect(DialectCodeTable.mobile.documented.count == 12)
    }

    @Test func documentedListsKeepTheDocumentsOrder() {
        #expect(DialectCodeTable.train.documented.prefix(3).map(\.text) == ["0000", "9999", "0001"])
        #expect(DialectCodeTable.train.documented.last?.text == "1017")
        #expect(DialectCodeTable.o2o.documented.map(\.text).suffix(2) == ["70010", "70011"])
        #expect(DialectCodeTable.c2c.documented.prefix(3).map(\.text) == ["200", "104", "304"])
        #expect(DialectCodeTable.c2c.documented.last?.text == "90006")
        #expect(DialectCodeTable.yaf.documented.last?.text == "700")
        #expect(DialectCodeTable.mobile.documented.prefix(3).map(\.text) == ["200", "300", "308"])
    }

    @Test func trainRows() {
        let table = DialectCodeTable.train
        let expected: [(ReplyKind, String)] = [
            (.ok, "0000"), (.notLoggedIn, "0006"), (.tokenInvalid, "0006"), (.signatureInvalid, "0017"),
            (.signatureMissing, "0018"), (.codeWrong, "0021"), (.codeExpired, "0020"), (.codeSendFailed, "0019"),
            (.insufficientBalance, "1003"), (.internal, "9999"), (.missingParameter, "0013"),
            (.invalidParams, "0013"), (.alreadyExists, "0025"), (.notFound, "0027"), (.wrongPassword, "0002"),
            (.replayed, "0017"), (.unknownApp, "0016"), (.providerFailed, "1001"),
        ]
        for (kind, text) in expected {
            #expect(table.code(for: kind).text == text, "train \(kind)")
        }
        #expect(table.documentedCode("0007")?.message == "缺少loginkey")
        #expect(table.documentedCode("0008")?.message == "缺少userId")
        #expect(table.documentedCode("0016")?.message == "缺少appCode")
        #expect(table.documentedCode("0014") == nil)
        #expect(table.documentedCode("1015") == nil)
        #expect(table.success.message == "成功")
    }

    @Test func o2oRows() {
        let table = DialectCodeTable.o2o
        let expected: [(ReplyKind, String)] = [
            (.ok, "0"), (.internal, "500"), (.noSuchOperation, "10000"), (.notImplemented, "10000"),
            (.invalidParams, "10001"), (.notLoggedIn, "10003"), (.accountNotFound, "10004"),
            (.wrongPassword, "10005"), (.accountExists, "10006"), (.tokenInvalid, "10007"),
            (.openIdMissing, "70010"), (.unknownApp, "70011"), (.alreadyExists, "500"),
        ]
        for (kind, text) in expected {
            #expect(table.code(for: kind).text == text, "o2o \(kind)")
        }
        #expect(table.documentedCode("10002") == nil)
        #expect(table.documentedCode("70011")?.message == "微信appid不存在")
    }

    @Test func c2cRows() {
        let table = DialectCodeTable.c2c
        let expected: [(ReplyKind, String)] = [
            (.ok, "200"), (.notLoggedIn, "104"), (.tokenInvalid, "104"), (.invalidParams, "404"),
            (.notFound, "1000"), (.forbidden, "1001"), (.accountDisabled, "1002"), (.accountNotFound, "2002"),
            (.wrongPassword, "2003"), (.codeSendFailed, "2001"), (.codeExpired, "20004"), (.codeWrong, "20005"),
            (.insufficientBalance, "30001"), (.outOfStock, "6001"), (.payPasswordWrong, "50002"),
            (.payPasswordNotSet, "50001"), (.replayed, "90003"), (.alreadyExists, "304"),
        ]
        for (kind, text) in expected {
            #expect(table.code(for: kind).text == text, "c2c \(kind)")
        }
        #expect(table.documentedCode("405")?.message == "您今天手机获取的验证码已达到上限")
        #expect(table.documentedCode("60041")?.message == "交易金额过大，无经销商接单")
        #expect(table.documentedCode("21001")?.message == "请切换牛商 牛掌柜查看企业账户")
    }

    @Test func yafRows() {
        let table = DialectCodeTable.yaf
        let expected: [(ReplyKind, String)] = [
            (.ok, "200"), (.forbidden, "403"), (.internal, "500"), (.invalidParams, "503"),
            (.noSuchOperation, "509"), (.tokenInvalid, "601"), (.notLoggedIn, "602"), (.tokenReplaced, "603"),
            (.accountExists, "604"), (.accountNotFound, "605"), (.passwordChanged, "606"),
            (.accountLocked, "607"), (.codeWrong, "700"), (.wrongPassword, "503"), (.notFound, "503"),
            (.alreadyExists, "503"), (.signatureInvalid, "403"),
        ]
        for (kind, text) in expected {
            #expect(table.code(for: kind).text == text, "yaf \(kind)")
        }
        for text in ["504", "505", "506", "507", "508", "510", "404"] {
            #expect(table.documentedCode(text) != nil, "yaf \(text)")
        }
    }

    @Test func mobileRows() {
        let table = DialectCodeTable.mobile
        let expected: [(ReplyKind, String)] = [
            (.ok, "200"), (.internal, "300"), (.notLoggedIn, "300"), (.payPasswordWrong, "221"),
            (.payPasswordNotSet, "222"), (.insufficientBalance, "1004"),
        ]
        for (kind, text) in expected {
            #expect(table.code(for: kind).text == text, "mobile \(kind)")
        }
        for text in ["308", "1000", "1005", "1006", "1007", "208505", "208506"] {
            #expect(table.documentedCode(text) != nil, "mobile \(text)")
        }
    }
}
