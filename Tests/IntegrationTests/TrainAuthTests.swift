import Crypto
import Dialects
import Foundation
import JSON
import Postgres
import Testing

/// The train-ticket mini-program's auth operations driven through the gateway as the document's
/// clients call them: WeChat login with simulator codes (single use, invalid, replaced sessions),
/// signed replies, the requested role, phone codes with their limits, binding, and hostile input.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct TrainAuthTests {
    @Test func weChatLoginSignsRepliesAndReplacesSessions() async throws {
        try await TestMesh.with(["auth", "user", "gateway"]) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let code = try await client.wechatCode(app: MiniProgramAuthClient.trainApp, person: "alice")
            let login = try await client.train("login", ["code": .string(code)])
            #expect(login["code"] == "0000")
            #expect(login["msg"] == "成功")
            let data = try #require(login["data"]?.objectValue)
            #expect(data.map(\.key) == ["userId", "loginKey", "sign"])
            #expect(TrainSignature.verify(data, key: DialectRequests.trainKey))
            let userID = try #require(data["userId"]?.stringValue)
            let firstKey = try #require(data["loginKey"]?.stringValue)
            #expect(firstKey.wholeMatch(of: /[0-9a-f]{32}/) != nil)

            let reused = try await client.train("login", ["code": .string(code)])
            #expect(reused["code"] == "1000")
            #expect(reused["data"] == .null)
            #expect(try await client.train("login", ["code": "not-a-code-we-issued"])["code"] == "1000")
            let otherAppCode = try await client.wechatCode(app: MiniProgramAuthClient.o2oApp, person: "alice")
            #expect(try await client.train("login", ["code": .string(otherAppCode)])["code"] == "1000")
            #expect(try await client.train("login", [:])["code"] == "0013")

            let notYet = try await client.train(
                "login", role: "business",
                ["code": .string(try await client.wechatCode(app: MiniProgramAuthClient.trainApp, person: "alice"))])
            #expect(notYet["code"] == "1002", "\(notYet)")
            let flagged = try await AdminClient(mesh: mesh).call(
                "user/merchant.set", ["account_id": .string(userID), "is_merchant": true, "benefit_rate": "0.01"])
            #expect(flagged["ok"] == true, "\(flagged)")
            let second = try await client.trainLogin("alice", role: "business")
            #expect(second.userID == userID)
            #expect(second.loginKey != firstKey)
            let role = try await client.scalar(
                "SELECT role FROM auth.sessions WHERE token_hash = \(Digest.sha256(second.loginKey))", "role",
                as: String.self)
            #expect(role == "business")
            let replaced = try await client.train(
                "sendPhoneCode", loginKey: firstKey, userID: userID, ["phoneNo": "13800000101"])
            #expect(replaced["code"] == "0006")
            let stranger = try await client.trainLogin("bob")
            #expect(stranger.userID != userID)
            let wrongUser = try await client.train(
                "sendPhoneCode", loginKey: second.loginKey, userID: stranger.userID, ["phoneNo": "13800000101"])
            #expect(wrongUser["code"] == "0006")
            let noUser = try await client.train("sendPhoneCode", loginKey: second.loginKey, ["phoneNo": "13800000101"])
            #expect(noUser["code"] == "0008")
            let badSign = try await client.train(
                "sendPhoneCode", loginKey: second.loginKey, userID: userID, key: "not-the-key",
                ["phoneNo": "13800000101"])
            #expect(badSign["code"] == "0017")

            client.expectNoSecretsInLogs([code, otherAppCode, firstKey, second.loginKey, stranger.loginKey])
        }
    }

    @Test func phoneCodesBindTheMobile() async throws {
        try await TestMesh.with(["auth", "gateway"]) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let (userID, loginKey) = try await client.trainLogin("carol")
            let mobile = "13800000102"
            let sent = try await client.train(
                "sendPhoneCode", loginKey: loginKey, userID: userID, ["phoneNo": .string(mobile)])
            #expect(sent["code"] == "0000")
            let sentData = try #require(sent["data"]?.objectValue)
            #expect(sentData.map(\.key) == ["smsCode", "phoneNo", "sign"])
            #expect(TrainSignature.verify(sentData, key: DialectRequests.trainKey))
            let firstCode = try #require(sentData["smsCode"]?.stringValue)
            #expect(firstCode.wholeMatch(of: /[0-9]{6}/) != nil)

            let tooSoon = try await client.train(
                "sendPhoneCode", loginKey: loginKey, userID: userID, ["phoneNo": .string(mobile)])
            #expect(tooSoon["code"] == "0019")
            #expect(tooSoon["msg"] == "两次发送间隔小于60秒")
            try await client.execute(
                "UPDATE auth.verification_codes SET created_at = now() - interval '55 seconds' WHERE target = \(mobile)"
            )
            let stillTooSoon = try await client.train(
                "sendPhoneCode", loginKey: loginKey, userID: userID, ["phoneNo": .string(mobile)])
            #expect(stillTooSoon["code"] == "0019")
            try await client.execute(
                "UPDATE auth.verification_codes SET created_at = now() - interval '61 seconds' WHERE target = \(mobile)"
            )
            let sixtyFirst = try await client.train(
                "sendPhoneCode", loginKey: loginKey, userID: userID, ["phoneNo": .string(mobile)])
            #expect(sixtyFirst["code"] == "0000")
            let code = try #require(sixtyFirst["data"]?["smsCode"]?.stringValue)

            let wrong = code == "000000" ? "111111" : "000000"
            let wrongCheck = try await client.train(
                "checkPhoneCode", loginKey: loginKey, userID: userID,
                ["phoneNo": .string(mobile), "smsCode": .string(wrong)])
            #expect(wrongCheck["code"] == "0021")
            if firstCode != code {
                let olderCode = try await client.train(
                    "checkPhoneCode", loginKey: loginKey, userID: userID,
                    ["phoneNo": .string(mobile), "smsCode": .string(firstCode)])
                #expect(olderCode["code"] == "0021")
            }
            let bound = try await client.train(
                "checkPhoneCode", loginKey: loginKey, userID: userID,
                ["phoneNo": .string(mobile), "smsCode": .string(code)])
            #expect(bound["code"] == "0000")
            #expect(bound["data"]?["userId"] == .string(userID))
            #expect(bound["data"]?["phoneNo"] == .string(mobile))
            let reused = try await client.train(
                "checkPhoneCode", loginKey: loginKey, userID: userID,
                ["phoneNo": .string(mobile), "smsCode": .string(code)])
            #expect(reused["code"] == "0020")
            let accountMobile = try await client.scalar(
                "SELECT mobile FROM auth.accounts WHERE id = \(Int64(userID)!)", "mobile", as: String.self)
            #expect(accountMobile == mobile)

            let otherMobile = "13800000103"
            try await client.execute(
                "UPDATE auth.verification_codes SET created_at = now() - interval '61 seconds' WHERE target = \(mobile)"
            )
            let late = try await client.train(
                "sendPhoneCode", loginKey: loginKey, userID: userID, ["phoneNo": .string(otherMobile)])
            let lateCode = try #require(late["data"]?["smsCode"]?.stringValue)
            try await client.execute(
                """
                UPDATE auth.verification_codes SET expires_at = now() - interval '1 second'
                 WHERE target = \(otherMobile)
                """)
            let expired = try await client.train(
                "checkPhoneCode", loginKey: loginKey, userID: userID,
                ["phoneNo": .string(otherMobile), "smsCode": .string(lateCode)])
            #expect(expired["code"] == "0020")

            client.expectNoSecretsInLogs([firstCode, code, lateCode, loginKey])
        }
    }

    @Test func codeLimitsAndGuessing() async throws {
        try await TestMesh.with(
            ["auth", "gateway"],
            extraEnvironment: ["SMS_SEND_INTERVAL_SECONDS": "0", "SMS_DAILY_LIMIT_PER_TARGET": "3"]
        ) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let (userID, loginKey) = try await client.trainLogin("dave")
            let mobile = "13800000104"
            var code = ""
            for _ in 1...3 {
                let sent = try await client.train(
                    "sendPhoneCode", loginKey: loginKey, userID: userID, ["phoneNo": .string(mobile)])
                #expect(sent["code"] == "0000")
                code = try #require(sent["data"]?["smsCode"]?.stringValue)
            }
            let fourth = try await client.train(
                "sendPhoneCode", loginKey: loginKey, userID: userID, ["phoneNo": .string(mobile)])
            #expect(fourth["code"] == "0019")
            #expect(fourth["msg"] == "今日短信发送次数已达上限")

            let wrong = code == "000000" ? "111111" : "000000"
            for _ in 1...5 {
                let guess = try await client.train(
                    "checkPhoneCode", loginKey: loginKey, userID: userID,
                    ["phoneNo": .string(mobile), "smsCode": .string(wrong)])
                #expect(guess["code"] == "0021")
            }
            let dead = try await client.train(
                "checkPhoneCode", loginKey: loginKey, userID: userID,
                ["phoneNo": .string(mobile), "smsCode": .string(code)])
            #expect(dead["code"] == "0020")
        }
    }

    @Test func hostileInputGetsCleanRefusals() async throws {
        try await TestMesh.with(
            ["auth", "gateway"], extraEnvironment: ["SMS_DAILY_LIMIT_PER_ADDRESS": "1000"]
        ) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let (userID, loginKey) = try await client.trainLogin("erin")
            let calls: [(name: String, data: JSONObject, signedIn: Bool)] = [
                ("login", ["code": "abc"], false),
                ("sendPhoneCode", ["phoneNo": "13800000105"], true),
                ("checkPhoneCode", ["phoneNo": "13800000105", "smsCode": "123456"], true),
            ]
            for call in calls {
                for (field, _) in call.data {
                    for value in MiniProgramAuthClient.hostileValues {
                        var data = call.data
                        data[field] = value
                        let answer = try await client.train(
                            call.name, loginKey: call.signedIn ? loginKey : nil, userID: call.signedIn ? userID : nil,
                            data)
                        let code = answer["code"]?.stringValue
                        #expect(code != nil && code != "0000" && code != "9999", "\(call.name) \(field): \(answer)")
                        #expect(answer["msg"]?.stringValue?.isEmpty == false)
                    }
                }
            }
            let hostileKeys = [
                "' OR '1'='1", "x'; DROP TABLE auth.sessions; --", String(repeating: "f", count: 4000), loginKey + "0",
            ]
            for value in hostileKeys {
                let answer = try await client.train(
                    "sendPhoneCode", loginKey: value, userID: userID, ["phoneNo": "13800000105"])
                #expect(answer["code"] == "0006", "loginKey \(value.prefix(20)): \(answer)")
            }
            let accounts = try await client.scalar("SELECT count(*) AS n FROM auth.accounts", "n", as: Int64.self)
            #expect(accounts == 1)
            let identities = try await client.scalar(
                "SELECT count(*) AS n FROM auth.wechat_identities", "n", as: Int64.self)
            #expect(identities == 1)
        }
    }

    @Test func productionAsksWeChatItself() async throws {
        try await TestMesh.with(
            ["auth", "gateway"],
            extraEnvironment: [
                "APP_ENV": "production", "ADMIN_PASSWORD": "production-admin-password",
                "YAF_APP_SECRETS": "ios_app_id:production-yaf-secret", "TRAIN_APP_KEYS": "XCX:production-train-key",
                "C2C_SECRET": "production-c2c-secret", "WECHAT_APPS": "wxproduction:production-wechat-secret",
                "TRAIN_WECHAT_APPS": "XCX:wxproduction", "WECHAT_API_HOST": "127.0.0.1",
                "WECHAT_API_TIMEOUT_MS": "2000",
            ]
        ) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh, adminPassword: "production-admin-password")
            let login = try await client.train("login", key: "production-train-key", ["code": "0a3xYz"])
            #expect(login["code"] == "1001")
            let issue = try await client.admin("auth/wechat.code", ["app_id": "wxproduction", "person": "alice"])
            #expect(issue["error"] == "forbidden")
            let testCode = try await client.o2o("wxLogin", appID: "wxproduction", ["code": "user"])
            #expect(testCode["code"] == 500)
            #expect(testCode["data"] == nil)
            client.expectNoSecretsInLogs(["production-wechat-secret"])
        }
    }
}
