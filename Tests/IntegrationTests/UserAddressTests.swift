import Dialects
import Foundation
import JSON
import Testing

/// Delivery addresses of the mobile mall with the content service's region data (codes that exist
/// and form a chain), at most 20, exactly one default, 11-digit mobiles, another member's ids refused;
/// and the head image stored through the content service.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct UserAddressTests {
    static let services = ["auth", "content", "user", "gateway"]
    static let beijing: JSONObject = [
        "tdProvince": "110000", "tdCity": "110100", "tdArea": "110101", "tdProvinceName": "北京市",
        "tdCityName": "北京市", "tdAreaName": "东城区", "tdDetail": "东华门大街 1 号", "tdReciver": "张龙",
        "tdPhone": "18122457730", "tdPostcode": "100010",
    ]
    static let shanghai: JSONObject = [
        "tdProvince": "310000", "tdCity": "310100", "tdArea": "310104", "tdProvinceName": "上海市",
        "tdCityName": "上海市", "tdAreaName": "徐汇区", "tdDetail": "漕溪北路 2 号", "tdReciver": "李琳",
        "tdPhone": "13900000000",
    ]

    static func with(_ base: JSONObject, _ changes: JSONObject) -> JSONObject {
        var merged = base
        merged.merge(changes)
        return merged
    }

    @Test func addressesWithOneDefaultAndCheckedRegions() async throws {
        try await UserTestClient.withMesh(Self.services) { client in
            let (account, token) = try await client.signedIn(.mobile, mobile: "13800000041")
            func call(_ name: String, _ parameters: JSONObject = [:]) async throws -> JSONValue {
                try await client.call(.mobile, name, token: token, parameters)
            }
            let first = try await call("member/modify", Self.beijing)
            #expect(first["code"] == "200" && first["msg"] == "操作成功", "\(first)")
            let firstID = try #require(first["addrId"]?.int64Value)
            let second = try await call("member/modify", Self.shanghai)
            let secondID = try #require(second["addrId"]?.int64Value)

            let one = try await call("member/addr/get", ["id": .string(String(firstID))])
            #expect(one["id"] == .number(JSONNumber(firstID)) && one["isdefault"] == 1)
            #expect(one["provinceName"] == "北京市" && one["areaName"] == "东城区" && one["reciver"] == "张龙")
            #expect(
                one["memberId"] == .number(JSONNumber(account)) && one["postCode"] == "100010" && one["country"] == "CN"
            )
            #expect(try await call("member/addr/get", ["id": .string(String(secondID))])["isdefault"] == 2)

            #expect(try await call("member/addr/defualt", ["id": .string(String(secondID))]) == true)
            let list = try await call("member/addr/addrList")
            #expect(list["code"] == "200")
            let addresses = try #require(list["data"]?.arrayValue)
            #expect(addresses.map { $0["id"] } == [.number(JSONNumber(secondID)), .number(JSONNumber(firstID))])
            #expect(addresses.map { $0["isdefault"] } == [1, 2])

            let edited = try await call(
                "member/modify", Self.with(Self.beijing, ["tdId": .string(String(firstID)), "tdDetail": "王府井大街 8 号"]))
            #expect(edited["addrId"] == .number(JSONNumber(firstID)))
            #expect(try await call("member/addr/get", ["id": .string(String(firstID))])["detail"] == "王府井大街 8 号")

            let refusals: [JSONObject] = [
                Self.with(Self.beijing, ["tdPhone": "1812245773"]),
                Self.with(Self.beijing, ["tdPhone": "28122457730"]),
                Self.with(Self.beijing, ["tdCity": "310100"]),
                Self.with(Self.beijing, ["tdArea": "310104"]),
                Self.with(Self.beijing, ["tdProvince": "990000"]),
                Self.with(Self.beijing, ["tdArea": "11010"]),
                Self.with(Self.beijing, ["tdDetail": .string(String(repeating: "路", count: 201))]),
                Self.with(Self.beijing, ["tdReciver": ""]),
                Self.with(Self.beijing, ["tdPostcode": "10001x"]),
                Self.with(Self.beijing, ["tdArea": "110101' OR '1'='1"]),
            ]
            for parameters in refusals {
                let reply = try await call("member/modify", parameters)
                #expect(reply["code"] == "300" && reply["addrId"] == nil, "\(parameters): \(reply)")
            }

            let (other, otherToken) = try await client.signedIn(.mobile, mobile: "13800000042")
            func foreign(_ name: String, _ parameters: JSONObject = [:]) async throws -> JSONValue {
                try await client.call(.mobile, name, token: otherToken, parameters)
            }
            #expect(try await foreign("member/addr/get", ["id": .string(String(firstID))])["code"] == "300")
            #expect(try await foreign("member/addr/defualt", ["id": .string(String(firstID))]) == false)
            let hijack = try await foreign(
                "member/modify", Self.with(Self.shanghai, ["tdId": .string(String(firstID))]))
            #expect(hijack["code"] == "300")
            #expect(try await foreign("member/addr/addrList")["data"] == [])
            #expect(try await call("member/addr/get", ["id": .string(String(firstID))])["detail"] == "王府井大街 8 号")
            #expect(try await call("member/addr/get", ["id": "abc"])["code"] == "300")

            let own = try await client.internalCall(
                "addresses.get", ["account_id": .string(String(account)), "address_id": .string(String(firstID))])
            #expect(own["kind"] == "ok" && own["data"]?["county_code"] == "110101")
            let byDefault = try await client.internalCall("addresses.get", ["account_id": .string(String(account))])
            #expect(byDefault["data"]?["id"] == .string(String(secondID)))
            let stolen = try await client.internalCall(
                "addresses.get", ["account_id": .string(String(other)), "address_id": .string(String(firstID))])
            #expect(stolen["kind"] == "not_found")

            let c2c = try await TestSessions.open(client.mesh, dialect: "c2c", account: account)
            let customer = try await client.call(
                .c2c, "user.user.getUserInfoById", token: c2c, ["id": .string(String(account))])
            #expect(customer["data"]?["area"] == "上海市-上海市-徐汇区" && customer["data"]?["address"] == "漕溪北路 2 号")

            let defaults = try await client.mesh.withDatabase { pool in
                try await pool.query(
                    "SELECT count(*) AS n FROM users.addresses WHERE account_id = \(account) AND is_default")
            }
            #expect(try defaults[0].decode("n", as: Int.self) == 1)
        }
    }

    @Test func twentyAddressesAtMostAndTheWeChatForm() async throws {
        try await UserTestClient.withMesh(Self.services) { client in
            let (_, token) = try await client.signedIn(.mobile, mobile: "13800000043")
            let weixin: JSONObject = [
                "phone": "18122457730", "provincename": "北京市", "province": "110000", "cityname": "北京市",
                "city": "110100", "areaname": "东城区", "area": "110101", "detail": "东华门大街 1 号", "receiver": "张龙",
                "openId": "oWx1234567890",
            ]
            #expect(try await client.call(.mobile, "weixinapi/address", token: token, weixin) == true)
            #expect(
                try await client.call(.mobile, "weixinapi/address", token: token, Self.with(weixin, ["phone": "123"]))
                    == false)
            #expect(
                try await client.call(.mobile, "weixinapi/address", token: token, Self.with(weixin, ["area": "310104"]))
                    == false)
            var noOpenID = weixin
            noOpenID.removeValue(forKey: "openId")
            #expect(try await client.call(.mobile, "weixinapi/address", token: token, noOpenID) == false)
            for index in 2...20 {
                let reply = try await client.call(
                    .mobile, "member/modify", token: token,
                    Self.with(Self.shanghai, ["tdDetail": .string("漕溪北路 \(index) 号")]))
                #expect(reply["code"] == "200", "address \(index): \(reply)")
            }
            let over = try await client.call(.mobile, "member/modify", token: token, Self.shanghai)
            #expect(over["code"] == "300" && over["msg"] == "收货地址最多 20 个")
            let list = try await client.call(.mobile, "member/addr/addrList", token: token)
            #expect(list["data"]?.arrayValue?.count == 20)
            #expect(list["data"]?.arrayValue?.filter { $0["isdefault"] == 1 }.count == 1)
        }
    }

    @Test func headImageIsStoredThroughTheContentService() async throws {
        try await UserTestClient.withMesh(Self.services) { client in
            let account = try await client.createAccount(mobile: "13800000044")
            let mobile = try await TestSessions.open(client.mesh, dialect: "mobile", account: account)
            let yaf = try await TestSessions.open(client.mesh, dialect: "yaf", account: account)
            let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
            let stored = try await client.call(
                .mobile, "member/updateheadpic", token: mobile, ["headpic": .string(png)])
            #expect(stored["code"] == 200 && stored["msg"] == "头像修改成功", "\(stored)")
            let path = try #require(stored["data"]?.stringValue)
            #expect(!path.isEmpty)
            let detail = try await client.call(.yaf, "user.detail", token: yaf)
            let url = try #require(detail["data"]?["headimg"]?.stringValue)
            #expect(url.hasSuffix(path.hasPrefix("/") ? String(path.dropFirst()) : path))
            let again = try await client.call(
                .mobile, "member/updateheadpic", token: mobile, ["headpic": .string("data:image/png;base64," + png)])
            #expect(again["data"] == stored["data"])

            // A photo-sized avatar (2 MiB) passes the gateway's and the services' body limits; one over
            // 5 MiB of image is refused by the content service's upload limit.
            let photo = Data(
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0x42, count: 2 * 1024 * 1024))
            let large = try await client.call(
                .mobile, "member/updateheadpic", token: mobile, ["headpic": .string(photo.base64EncodedString())])
            #expect(large["code"] == 200, "\(large["msg"] ?? .null)")
            // Up to 5 MiB of image is accepted, whatever length its base64 text has.
            let nearLimit = Data(
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
                    + Array(repeating: 0x43, count: 4 * 1024 * 1024 + 512 * 1024))
            let nearLimitReply = try await client.call(
                .mobile, "member/updateheadpic", token: mobile, ["headpic": .string(nearLimit.base64EncodedString())])
            #expect(nearLimitReply["code"] == 200, "\(nearLimitReply["msg"] ?? .null)")
            let huge = Data(
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0x42, count: 5 * 1024 * 1024))
            let refused = try await client.call(
                .mobile, "member/updateheadpic", token: mobile, ["headpic": .string(huge.base64EncodedString())])
            #expect(refused["code"] == 300 && refused["data"] == .null, "\(refused["msg"] ?? .null)")
            _ = try await client.call(
                .mobile, "member/updateheadpic", token: mobile, ["headpic": .string(png)])

            for bad in ["not base64 at all!", "aGVsbG8gd29ybGQ=", ""] {
                let reply = try await client.call(
                    .mobile, "member/updateheadpic", token: mobile, ["headpic": .string(bad)])
                #expect(reply["code"] == 300 && reply["data"] == .null, "\(bad): \(reply)")
            }
            #expect(try await client.call(.yaf, "user.detail", token: yaf)["data"]?["headimg"] == .string(url))
        }
    }
}
