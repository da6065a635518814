import Dialects
import Foundation
import JSON
import Testing

/// One person's profile through every dialect: the yaf detail, the mobile personal information
/// (birthday once), the train personal information with its sign, the c2c customer details (own
/// record only) and the mobile instant-messaging account.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct UserProfileTests {
    static let idNumber = "11010519491231002X"

    @Test func oneProfileSeenInEveryDialect() async throws {
        try await UserTestClient.withMesh(["auth", "user", "gateway"]) { client in
            let account = try await client.createAccount(mobile: "13800000011", email: "long@example.com")
            let yaf = try await TestSessions.open(client.mesh, dialect: "yaf", account: account)
            let mobile = try await TestSessions.open(client.mesh, dialect: "mobile", account: account)
            let train = try await TestSessions.open(client.mesh, dialect: "train", account: account)
            let c2c = try await TestSessions.open(client.mesh, dialect: "c2c", account: account)

            let fresh = try await client.call(.yaf, "user.detail", token: yaf)
            #expect(fresh["code"] == 200 && fresh["msg"] == "信息获取成功")
            let detail = try #require(fresh["data"]?.objectValue)
            #expect(detail.map(\.key) == ["mobile", "open_id", "nickname", "headimg", "intro", "c_time"])
            #expect(detail["mobile"] == "13800000011" && detail["nickname"] == "138****0011")
            #expect(detail["open_id"]?.stringValue?.wholeMatch(of: /[0-9a-f]{32}/) != nil)
            #expect(detail["c_time"]?.stringValue?.wholeMatch(of: /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/) != nil)

            let saved = try await client.call(
                .mobile, "member/saveinfo", token: mobile,
                [
                    "tmMemberNickname": "龙龙", "tmRealName": "张龙", "tmSex": "M", "tmBirthday": "1980-01-01",
                    "tmIdCard": .string(Self.idNumber.lowercased()),
                ])
            #expect(saved == true)
            #expect(try await client.call(.yaf, "user.detail", token: yaf)["data"]?["nickname"] == "龙龙")

            let info = try await client.call(.train, "getUserInfo", token: train, account: account)
            #expect(info["code"] == "0000")
            let fields = try #require(info["data"]?.objectValue)
            #expect(fields["userId"] == .string(String(account)))
            #expect(fields["userPhoneno"] == "13800000011" && fields["userName"] == "龙龙")
            #expect(fields["userStatus"] == "authened" && fields["userBirthday"] == "1980-01-01")
            #expect(fields["userIdentity"] == .string(Self.idNumber) && fields["realName"] == "张龙")
            #expect(fields["amount"] == .number(JSONNumber(text: "0.00")!))
            #expect(fields["benefitRate"] == "0.0000" && fields["customerAccount"] == "" && fields["userWxno"] == "")
            #expect(TrainSignature.verify(fields, key: DialectRequests.trainKey))

            let customer = try await client.call(
                .c2c, "user.user.getUserInfoById", token: c2c, ["id": .string(String(account))])
            #expect(customer["code"] == "200")
            #expect(
                customer["data"] == [
                    "mobile_phone": "13800000011", "realname": "张龙", "nickname": "龙龙", "sex": "1", "headerpic": "",
                    "email": "long@example.com", "borndate": "1980-01-01", "area": "", "address": "",
                ])
            let other = try await client.createAccount(mobile: "13800000012")
            let foreign = try await client.call(
                .c2c, "user.user.getUserInfoById", token: c2c, ["id": .string(String(other))])
            #expect(foreign["code"] == "1001" && foreign["data"] == nil)
            #expect(
                try await client.call(.c2c, "user.user.getUserInfoById", token: c2c, ["id": "abc"])["code"] == "404")
            #expect(try await client.call(.c2c, "user.user.getUserInfoById", token: c2c)["code"] == "404")
            #expect(try await client.call(.c2c, "user.user.getUserInfoById", token: nil, ["id": "1"])["code"] == "104")
        }
    }

    @Test func birthdayIsSetOnceAndInformationIsChecked() async throws {
        try await UserTestClient.withMesh(["auth", "user", "gateway"]) { client in
            let (account, token) = try await client.signedIn(.mobile, mobile: "13800000013")
            let base: JSONObject = [
                "tmMemberNickname": "小明", "tmRealName": "王小明", "tmSex": "W", "tmIdCard": .string(Self.idNumber),
            ]
            #expect(try await client.call(.mobile, "member/saveinfo", token: token, base) == false)
            var first = base
            first["tmBirthday"] = "1990-05-06"
            #expect(try await client.call(.mobile, "member/saveinfo", token: token, first) == true)
            var changed = base
            changed["tmBirthday"] = "1991-05-06"
            #expect(try await client.call(.mobile, "member/saveinfo", token: token, changed) == false)
            var renamed = base
            renamed["tmMemberNickname"] = "明明"
            #expect(try await client.call(.mobile, "member/saveinfo", token: token, renamed) == true)
            #expect(try await client.call(.mobile, "member/saveinfo", token: token, first) == true)

            var bad: [JSONObject] = []
            for (key, value) in [
                ("tmIdCard", "110105194912310039"), ("tmIdCard", "11010519491231002"), ("tmSex", "X"),
                ("tmRealName", "王2"), ("tmRealName", "' OR 1=1 --"), ("tmBirthday", "1990-13-01"),
                ("tmMemberNickname", String(repeating: "昵", count: 51)),
            ] as [(String, String)] {
                var parameters = first
                parameters[key] = .string(value)
                bad.append(parameters)
            }
            var missing = first
            missing.removeValue(forKey: "tmRealName")
            bad.append(missing)
            for parameters in bad {
                #expect(
                    try await client.call(.mobile, "member/saveinfo", token: token, parameters) == false,
                    "\(parameters)")
            }
            let listValue = try await client.mobileJSON(
                "member/saveinfo", token: token,
                [
                    "tmMemberNickname": ["x"], "tmRealName": "王小明", "tmSex": "W", "tmIdCard": .string(Self.idNumber),
                ])
            #expect(listValue == false)

            let profile = try await client.internalCall("profiles.get", ["account_id": .string(String(account))])
            #expect(profile["data"]?["nickname"] == "小明" && profile["data"]?["birthday"] == "1990-05-06")
            #expect(profile["data"]?["sex"] == 2 && profile["data"]?["verified"] == true)
        }
    }

    @Test func instantMessagingAccountIsStable() async throws {
        try await UserTestClient.withMesh(["auth", "user", "gateway"]) { client in
            let (account, token) = try await client.signedIn(.mobile, mobile: "13800000014")
            let first = try await client.call(.mobile, "member/im", token: token)
            let name = try #require(first["name"]?.stringValue)
            #expect(name == "EZ" + String(repeating: "0", count: 11 - String(account).count) + String(account))
            #expect(first["pwd"]?.stringValue?.wholeMatch(of: /\d{10}/) != nil)
            #expect(try await client.call(.mobile, "member/im", token: token) == first)
            let (_, otherToken) = try await client.signedIn(.mobile, mobile: "13800000015")
            #expect(try await client.call(.mobile, "member/im", token: otherToken)["name"] != first["name"])
            let anonymous = try await client.call(.mobile, "member/im", token: nil)
            #expect(anonymous["code"] == "300")
        }
    }
}
