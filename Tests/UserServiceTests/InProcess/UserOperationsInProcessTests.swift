import JSON
import Mesh
import ServiceHarness
import Testing

/// The user service's client operations in every dialect, called in process as the gateway forwards
/// them, against a throwaway schema.
@Suite(.serialized) struct UserOperationsInProcessTests {
    private static func contact(_ identity: String, _ name: String) -> JSONObject {
        ["indentity": .string(identity), "name": .string(name), "linkmanType": "成人", "indentityType": "身份证"]
    }

    @Test func trainPassengersWithTheAppendixCodes() async throws {
        try await UserMesh.with { mesh in
            let caller = try await mesh.createAccount(mobile: "13800000101")
            let added = try await mesh.call(
                .train, "addContacts", Self.contact("11010519491231002X", "胡超"), caller: caller)
            #expect(added.kind == .ok && added.message == "成功")
            let again = try await mesh.call(
                .train, "addContacts", Self.contact("11010519491231002x", "胡超"), caller: caller)
            #expect(again.kind == .alreadyExists && again.dialectCode == "0025")
            let wrongDigit = try await mesh.call(
                .train, "addContacts", Self.contact("110105194912310039", "张三"), caller: caller)
            #expect(wrongDigit.dialectCode == "0023")
            let tooLong = try await mesh.call(
                .train, "addContacts", Self.contact("110101201003074565", String(repeating: "张", count: 31)),
                caller: caller)
            #expect(tooLong.dialectCode == "0023")
            var missing = Self.contact("110101201003074565", "小明")
            missing.removeValue(forKey: "name")
            #expect(try await mesh.call(.train, "addContacts", missing, caller: caller).kind == .missingParameter)
            let listed = try await mesh.call(.train, "selectContacts", caller: caller)
            #expect(listed.data?.arrayValue?.count == 1)
            #expect(listed.data?[0]?["indentity"] == "11010519491231002X")
            #expect(try await mesh.call(.train, "selectContacts").kind == .notLoggedIn)
            let guest = CallerIdentity(userID: caller.userID, role: .guest)
            #expect(try await mesh.call(.train, "selectContacts", caller: guest).kind == .notLoggedIn)
        }
    }

    @Test func yafDetailShowsTheAccountAuthKeeps() async throws {
        try await UserMesh.with { mesh in
            let caller = try await mesh.createAccount(mobile: "18512342692")
            let detail = try await mesh.call(.yaf, "user.detail", caller: caller)
            #expect(detail.kind == .ok && detail.message == "信息获取成功")
            #expect(detail.data?["mobile"] == "18512342692")
            #expect(detail.data?["nickname"] == "185****2692")
            #expect(detail.data?["open_id"] == caller.openID.map(JSONValue.string))
            let unknown = CallerIdentity(userID: "999999")
            #expect(try await mesh.call(.yaf, "user.detail", caller: unknown).kind == .accountNotFound)
        }
    }

    @Test func mobileAddressesCheckTheirRegionsWithTheContentService() async throws {
        try await UserMesh.with { mesh in
            let caller = try await mesh.createAccount(mobile: "13800000102")
            let shanghai: JSONObject = [
                "tdProvince": "310000", "tdCity": "310100", "tdArea": "310104", "tdProvinceName": "上海市",
                "tdCityName": "上海市", "tdAreaName": "徐汇区", "tdDetail": "漕溪北路 2 号", "tdReciver": "李琳",
                "tdPhone": "13900000000",
            ]
            let saved = try await mesh.call(.mobile, "member/modify", shanghai, caller: caller)
            #expect(saved.kind == .ok, "\(saved.message)")
            let id = try #require(saved.data?["addrId"])
            var elsewhere = shanghai
            elsewhere["tdArea"] = "110101"
            let refused = try await mesh.call(.mobile, "member/modify", elsewhere, caller: caller)
            #expect(refused.kind == .invalidParams && refused.message.hasPrefix("省市区不正确"))
            let list = try await mesh.call(.mobile, "member/addr/addrList", caller: caller)
            #expect(list.data?.arrayValue?.count == 1)
            #expect(try await mesh.call(.mobile, "member/addr/get", ["id": id], caller: caller).kind == .ok)
            let other = try await mesh.createAccount(mobile: "13800000103")
            #expect(try await mesh.call(.mobile, "member/addr/get", ["id": id], caller: other).kind == .notFound)
        }
    }

    @Test func c2cPaymentMethodsWithTheBusinessTableCodes() async throws {
        try await UserMesh.with { mesh in
            let caller = try await mesh.createAccount(mobile: "13800000104")
            let card: JSONObject = [
                "type": "1", "account_number": "6228480402564890018", "account_name": "张龙", "bank_name": "建设银行",
                "bank_address": "北京分行",
            ]
            let added = try await mesh.call(.c2c, "user.payment.addPayment", card, caller: caller)
            #expect(added.kind == .ok, "\(added.message)")
            let again = try await mesh.call(.c2c, "user.payment.addPayment", card, caller: caller)
            #expect(again.kind == .alreadyExists && again.dialectCode == "20013")
            var wrong = card
            wrong["account_number"] = "622866402148754396"
            #expect(try await mesh.call(.c2c, "user.payment.addPayment", wrong, caller: caller).dialectCode == "20012")
            let list = try await mesh.call(.c2c, "user.payment.getPaymentList", caller: caller)
            #expect(list.data?["bank_cards"]?.arrayValue?.count == 1)
            let someone = try await mesh.createAccount(mobile: "13800000106")
            let other = try await mesh.call(
                .c2c, "user.user.getUserInfoById", ["id": .string(someone.userID)], caller: caller)
            #expect(other.kind == .forbidden)
        }
    }

    @Test func mobileMemberInformationAndPoints() async throws {
        try await UserMesh.with { mesh in
            let caller = try await mesh.createAccount(mobile: "13800000105")
            let exchange = try await mesh.call(.mobile, "member/exchangescore", ["score": 100], caller: caller)
            #expect(exchange.kind == .invalidState && exchange.message == "积分不足")
            let added = try await mesh.internalCall(
                .user, "points.add", ["account_id": .string(caller.userID), "points": 250], idempotencyKey: "points-1")
            #expect(added.kind == .ok, "\(added.message)")
            let exchanged = try await mesh.call(.mobile, "member/exchangescore", ["score": 200], caller: caller)
            #expect(exchanged.kind == .ok && exchanged.data?["balance"] == .number(JSONNumber(text: "2")!))
            let rest = try await mesh.call(.mobile, "member/exchangescore", ["score": 100], caller: caller)
            #expect(rest.kind == .invalidState, "50 points are left")
            #expect(try await mesh.call(.mobile, "member/im", caller: caller).kind == .ok)
        }
    }
}
