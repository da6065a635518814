import Catalog
import Dialects
import Foundation
import JSON
import Testing

/// The c2c payment methods: bank cards with a Luhn check, Alipay and WeChat with their QR codes, the
/// document's lengths, the grouped list, and another customer's ids refused on every operation.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct UserPaymentTests {
    static let card: JSONObject = [
        "type": "1", "account_number": "6228480402564890018", "account_name": "张龙", "bank_name": "建设银行",
        "bank_address": "深圳市车公庙支行",
    ]
    static let alipay: JSONObject = [
        "type": "2", "account_number": "15665544556", "qrcode": "http://domain/images/alipay/qrcode/15665544556.png",
    ]
    static let wechat: JSONObject = [
        "type": "3", "account_number": "wxid_longlong", "qrcode": "http://domain/images/wxpay/qrcode/b5tw9c4h3f6.png",
    ]

    static func with(_ base: JSONObject, _ changes: JSONObject) -> JSONObject {
        var merged = base
        merged.merge(changes)
        return merged
    }

    @Test func paymentMethodsLifecycle() async throws {
        try await UserTestClient.withMesh(
            ["auth", "user", "gateway"], environment: ["USER_PAYMENT_METHODS_PER_TYPE": "2"]
        ) { client in
            let (_, token) = try await client.signedIn(.c2c, mobile: "13800000031")
            func call(_ name: String, _ parameters: JSONObject) async throws -> JSONValue {
                try await client.call(.c2c, "user.payment.\(name)", token: token, parameters)
            }
            let card = try await call("addPayment", Self.card)
            #expect(card["code"] == "200")
            let cardID = try #require(card["data"]?["id"]?.stringValue)
            #expect(Int(cardID) != nil)
            let alipayID = try #require(try await call("addPayment", Self.alipay)["data"]?["id"]?.stringValue)
            let wechatID = try #require(try await call("addPayment", Self.wechat)["data"]?["id"]?.stringValue)
            #expect(try await call("addPayment", Self.card)["code"] == "20013")
            #expect(try await call("addPayment", Self.alipay)["code"] == "304")

            let refusals: [(JSONObject, String)] = [
                (Self.with(Self.card, ["account_number": "622866402148754396"]), "20012"),
                (Self.with(Self.card, ["account_number": "6228abcd02564890018"]), "20016"),
                (Self.with(Self.card, ["account_number": "62284804025648900181234567"]), "404"),
                (Self.with(Self.card, ["bank_name": ""]), "404"),
                (Self.with(Self.card, ["account_name": .string(String(repeating: "张", count: 51))]), "404"),
                (Self.with(Self.card, ["bank_address": .string(String(repeating: "路", count: 101))]), "404"),
                (Self.with(Self.card, ["type": "4"]), "404"),
                (Self.with(Self.card, ["type": ["1"]]), "404"),
                (Self.with(Self.alipay, ["account_number": "not an account"]), "404"),
                (Self.with(Self.alipay, ["qrcode": .string("http://x/" + String(repeating: "q", count: 100))]), "404"),
                (Self.with(Self.wechat, ["qrcode": "javascript:alert(1)"]), "404"),
                (Self.with(Self.wechat, ["account_number": "1bad"]), "404"),
            ]
            for (parameters, code) in refusals {
                let reply = try await call("addPayment", parameters)
                #expect(reply["code"] == .string(code), "\(parameters): \(reply)")
            }
            let injected = Self.with(
                Self.card, ["account_number": "4111111111111111", "bank_address": "'); DROP TABLE users.wallets; --"])
            #expect(try await call("addPayment", injected)["code"] == "200")
            #expect(
                try await call("addPayment", Self.with(Self.card, ["account_number": "6011111111111117"]))["code"]
                    == "1004")

            let list = try await call("getPaymentList", [:])
            #expect(list["code"] == "200")
            #expect(list["data"]?.objectValue?.map(\.key) == ["bank_cards", "alipay", "wxpay"])
            #expect(list["data"]?["bank_cards"]?.arrayValue?.count == 2)
            #expect(list["data"]?["bank_cards"]?[1]?["bank_address"] == "'); DROP TABLE users.wallets; --")
            #expect(
                list["data"]?["alipay"] == [
                    [
                        "id": .string(alipayID), "account_number": "15665544556",
                        "qrcode": "http://domain/images/alipay/qrcode/15665544556.png",
                    ]
                ])
            #expect(list["data"]?["wxpay"]?[0]?["id"] == .string(wechatID))

            let detail = try await call("getPaymentInfoById", ["type": "1", "id": .string(cardID)])
            #expect(
                detail["data"] == [
                    "account_number": "6228480402564890018", "account_name": "张龙", "bank_name": "建设银行",
                    "bank_address": "深圳市车公庙支行",
                ])
            #expect(try await call("getPaymentInfoById", ["type": "2", "id": .string(cardID)])["code"] == "1000")

            let updated = try await call(
                "updatePayment", Self.with(Self.card, ["id": .string(cardID), "bank_name": "招商银行"]))
            #expect(updated["data"] == ["type": "1", "id": .string(cardID)])
            #expect(
                try await call("getPaymentInfoById", ["type": "1", "id": .string(cardID)])["data"]?["bank_name"]
                    == "招商银行")
            let badUpdate = try await call(
                "updatePayment", Self.with(Self.card, ["id": .string(cardID), "account_number": "6228480402564890019"]))
            #expect(badUpdate["code"] == "20012")

            let (_, otherToken) = try await client.signedIn(.c2c, mobile: "13800000032")
            func foreign(_ name: String, _ parameters: JSONObject) async throws -> JSONValue {
                try await client.call(.c2c, "user.payment.\(name)", token: otherToken, parameters)
            }
            #expect(try await foreign("getPaymentInfoById", ["type": "1", "id": .string(cardID)])["code"] == "1000")
            #expect(
                try await foreign("updatePayment", Self.with(Self.card, ["id": .string(cardID), "bank_name": "X银行"]))[
                    "code"] == "1000")
            #expect(try await foreign("delPayment", ["type": "1", "id": .string(cardID)])["code"] == "1000")
            #expect(try await foreign("getPaymentList", [:])["data"] == ["bank_cards": [], "alipay": [], "wxpay": []])
            #expect(
                try await call("getPaymentInfoById", ["type": "1", "id": .string(cardID)])["data"]?["bank_name"]
                    == "招商银行")

            #expect(try await call("delPayment", ["type": "1", "id": "abc"])["code"] == "404")
            let deleted = try await call("delPayment", ["type": "1", "id": .string(cardID)])
            #expect(deleted["data"] == ["type": "1", "id": .string(cardID)])
            #expect(try await call("delPayment", ["type": "1", "id": .string(cardID)])["code"] == "1000")
            #expect(try await call("getPaymentInfoById", ["type": "1", "id": .string(cardID)])["code"] == "1000")
        }
    }
}
