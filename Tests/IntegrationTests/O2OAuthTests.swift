import Crypto
import Dialects
import Foundation
import JSON
import Postgres
import Testing

/// The O2O mini-program's auth operations driven through the gateway: `wxLogin` with simulator
/// codes and the document's test code, binding a mobile (which moves the WeChat user to the mobile's
/// account), scene login, SMS codes with their limits, one account across dialects, hostile input.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct O2OAuthTests {
    @Test func wxLoginThenBindTheMobile() async throws {
        try await TestMesh.with(["auth", "gateway"]) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let code = try await client.wechatCode(app: MiniProgramAuthClient.o2oApp, person: "bob")
            #expect(try await client.o2o("wxLogin", appID: "wxunknown", ["code": .string(code)])["code"] == 70011)
            #expect(
                try await client.o2o("wxLogin", appID: nil, ["code": .string(code)]) == [
                    "code": 70011, "message": "微信appid不存在",
                ])
            let first = try await client.o2o("wxLogin", viaReferer: true, ["code": .string(code)])
            #expect(first["code"] == 0)
            #expect(first["message"] == "请求成功")
            let firstData = try #require(first["data"]?.objectValue)
            #expect(firstData.map(\.key) == ["token"])
            let firstToken = try #require(firstData["token"]?.stringValue)
            #expect(firstToken.wholeMatch(of: /[0-9a-f]{32}/) != nil)
            let reused = try await client.o2o("wxLogin", ["code": .string(code)])
            #expect(reused["code"] == 10001)
            #expect(reused["data"] == nil)
            #expect(try await client.o2o("wxLogin", ["code": "never-issued"])["code"] == 10001)
            #expect(try await client.o2o("wxLogin", [:])["code"] == 10001)
            let role = try await client.scalar(
                "SELECT role FROM auth.sessions WHERE token_hash = \(Digest.sha256(firstToken))", "role",
                as: String.self)
            #expect(role == "guest")

            let mobile = "13800000201"
            let sent = try await client.o2o("sms/verify_code", token: firstToken, ["mobile": .string(mobile)])
            #expect(sent["code"] == 0)
            let verifyCode = try #require(sent["data"]?["verify_code"]?.stringValue)
            let wrong = verifyCode == "000000" ? "111111" : "000000"
            let wrongBind = try await client.o2o(
                "login", token: firstToken, ["mobile": .string(mobile), "verify_code": .string(wrong)])
            #expect(wrongBind == ["code": 10001, "message": "验证码错误"])
            let bound = try await client.o2o(
                "login", token: firstToken, ["mobile": .string(mobile), "verify_code": .string(verifyCode)])
            #expect(
                bound == [
                    "code": 0, "message": "请求成功",
                    "data": ["userInfo": ["name": "138****0201", "mobile": .string(mobile)]],
                ])
            let reusedCode = try await client.o2o(
                "login", token: firstToken, ["mobile": .string(mobile), "verify_code": .string(verifyCode)])
            #expect(reusedCode == ["code": 10001, "message": "验证码已失效"])
            let boundRole = try await client.scalar(
                """
                SELECT coalesce(role, 'none') AS role FROM auth.sessions
                 WHERE token_hash = \(Digest.sha256(firstToken))
                """,
                "role", as: String.self)
            #expect(boundRole == "none")

            let (secondToken, second) = try await client.wxLogin("bob")
            #expect(second["data"]?["userInfo"] == ["name": "138****0201", "mobile": .string(mobile)])
            let replaced = try await client.o2o("sms/verify_code", token: firstToken, ["mobile": "13800000202"])
            #expect(replaced["code"] == 10007)
            #expect(
                try await client.o2o("login", ["mobile": .string(mobile), "verify_code": "123456"])["code"] == 10007)

            let testUser = try await client.o2o("wxLogin", ["code": "user"])
            #expect(testUser["data"]?["userInfo"] == ["name": "138****8000", "mobile": "13800138000"])
            let testToken = try #require(testUser["data"]?["token"]?.stringValue)
            #expect(testToken != secondToken)

            client.expectNoSecretsInLogs([code, firstToken, secondToken, testToken, verifyCode])
        }
    }

    @Test func oneAccountAcrossDialects() async throws {
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: ["SMS_SEND_INTERVAL_SECONDS": "0"]) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let mobile = "13800000211"
            let password = "cross_Pass-1"
            let registered = try await client.yafRegister(mobile, password: password)
            let c2c = try await client.c2c(
                "user.user.login", ["mobile_phone": .string(mobile), "password": .string(password)])
            #expect(c2c["code"] == "200", "\(c2c)")
            let accountID = try #require(c2c["data"]?["id"]?.stringValue)
            #expect(c2c["data"]?["mtoken"]?.stringValue?.count == 32)

            let (token, first) = try await client.wxLogin("carol")
            #expect(first["data"]?["userInfo"] == nil)
            let placeholder = try await client.scalar(
                "SELECT account_id FROM auth.sessions WHERE token_hash = \(Digest.sha256(token))", "account_id",
                as: Int64.self)
            #expect(String(placeholder) != accountID)
            let bound = try await client.bind(mobile, token: token)
            #expect(bound["data"]?["userInfo"] == ["name": "138****0211", "mobile": .string(mobile)])
            let moved = try await client.scalar(
                "SELECT account_id FROM auth.sessions WHERE token_hash = \(Digest.sha256(token))", "account_id",
                as: Int64.self)
            #expect(String(moved) == accountID)
            let identityAccount = try await client.scalar(
                "SELECT account_id FROM auth.wechat_identities WHERE app_id = 'wxdevo2o'", "account_id", as: Int64.self)
            #expect(String(identityAccount) == accountID)
            let left = try await client.scalar(
                "SELECT count(*) AS n FROM auth.wechat_identities WHERE account_id = \(placeholder)", "n",
                as: Int64.self)
            #expect(left == 0)

            let again = try await client.wxLogin("carol")
            #expect(again.answer["data"]?["userInfo"] == ["name": "138****0211", "mobile": .string(mobile)])
            let train = try await client.trainLogin("carol")
            #expect(train.userID == accountID)
            let trainCode = try await client.train(
                "sendPhoneCode", loginKey: train.loginKey, userID: train.userID, ["phoneNo": .string(mobile)])
            let smsCode = try #require(trainCode["data"]?["smsCode"]?.stringValue)
            let trainBind = try await client.train(
                "checkPhoneCode", loginKey: train.loginKey, userID: train.userID,
                ["phoneNo": .string(mobile), "smsCode": .string(smsCode)])
            #expect(trainBind["data"]?["userId"] == .string(accountID))

            let (daveToken, _) = try await client.wxLogin("dave")
            let daveBound = try await client.bind("13800000212", token: daveToken)
            #expect(daveBound["data"]?["userInfo"]?["mobile"] == "13800000212")
            let switched = try await client.bind(mobile, token: daveToken)
            #expect(switched["data"]?["userInfo"]?["mobile"] == .string(mobile))
            let daveAccount = try await client.scalar(
                "SELECT account_id FROM auth.sessions WHERE token_hash = \(Digest.sha256(daveToken))", "account_id",
                as: Int64.self)
            #expect(String(daveAccount) == accountID)
            let accounts = try await client.scalar(
                "SELECT count(*) AS n FROM auth.accounts WHERE mobile IS NOT NULL", "n", as: Int64.self)
            #expect(accounts == 2)

            let yafLogin = try await client.yaf(
                "user.login", ["mobile": .string(mobile), "login_type": 2, "password": .string(password)])
            #expect(yafLogin["data"]?["open_id"] == registered["open_id"])
            client.expectNoSecretsInLogs([password, token, daveToken, smsCode, train.loginKey])
        }
    }

    @Test func sceneLogin() async throws {
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: ["SMS_SEND_INTERVAL_SECONDS": "0"]) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let (ownerToken, _) = try await client.wxLogin("frank", app: "wxdevo2o")
            _ = try await client.bind("13800000221", token: ownerToken)
            let owner = try await client.scalar(
                "SELECT account_id FROM auth.sessions WHERE token_hash = \(Digest.sha256(ownerToken))", "account_id",
                as: Int64.self)
            let payload: JSONObject = ["user_id": .number(JSONNumber(owner)), "order_no": "020180415222010166615"]
            let created = try await client.createScene(
                ["account_id": .number(JSONNumber(owner)), "payload": .object(payload)], idempotencyKey: "order-1-jump")
            #expect(created["kind"] == "ok")
            let sceneID = try #require(created["data"]?["scene_id"]?.stringValue)
            #expect(sceneID.wholeMatch(of: /[0-9a-f]{32}/) != nil)
            let retried = try await client.createScene(
                ["account_id": .number(JSONNumber(owner)), "payload": .object(payload)], idempotencyKey: "order-1-jump")
            #expect(retried["data"]?["scene_id"] == .string(sceneID))
            let otherPayload = try await client.createScene(
                ["account_id": .number(JSONNumber(owner)), "payload": ["order_no": "x"]], idempotencyKey: "order-1-jump"
            )
            #expect(otherPayload["kind"] == "invalid_params")
            let noKey = try await client.createScene(
                ["account_id": .number(JSONNumber(owner)), "payload": .object(payload)], idempotencyKey: nil)
            #expect(noKey["kind"] == "missing_parameter")
            let noAccount = try await client.createScene(["account_id": 999_999, "payload": [:]], idempotencyKey: "k2")
            #expect(noAccount["kind"] == "account_not_found")
            let badTTL = try await client.createScene(
                ["account_id": .number(JSONNumber(owner)), "payload": [:], "ttl_seconds": 5], idempotencyKey: "k3")
            #expect(badTTL["kind"] == "invalid_params")

            let (jumpToken, jumped) = try await client.wxLogin("frank", app: "wxdevo2o")
            #expect(jumped["data"]?["userInfo"] != nil)
            let (otherAppToken, otherApp) = try await client.wxLogin("frank-in-a-second-app", app: "wxdevtrain")
            #expect(otherApp["data"]?["userInfo"] == nil)
            let claimed = try await client.o2o(
                "loginWithSceneId", token: otherAppToken, appID: "wxdevtrain", ["sceneId": .string(sceneID)])
            #expect(
                claimed == [
                    "code": 0, "message": "请求成功",
                    "data": [
                        "userInfo": ["name": "138****0221", "mobile": "13800000221"], "payload": .object(payload),
                    ],
                ])
            let again = try await client.o2o(
                "loginWithSceneId", token: otherAppToken, appID: "wxdevtrain", ["sceneId": .string(sceneID)])
            #expect(again["code"] == 0)
            let moved = try await client.scalar(
                "SELECT account_id FROM auth.sessions WHERE token_hash = \(Digest.sha256(otherAppToken))", "account_id",
                as: Int64.self)
            #expect(moved == owner)
            #expect(jumpToken != otherAppToken)

            let (strangerToken, _) = try await client.wxLogin("gina")
            let taken = try await client.o2o("loginWithSceneId", token: strangerToken, ["sceneId": .string(sceneID)])
            #expect(taken == ["code": 10001, "message": "场景值无效或已过期"])
            let unknown = try await client.o2o(
                "loginWithSceneId", token: strangerToken, ["sceneId": .string(SecureRandom.token(bytes: 16))])
            #expect(unknown["code"] == 10001)
            #expect(
                try await client.o2o("loginWithSceneId", token: strangerToken, ["sceneId": "x'--"])["code"] == 10001)

            let second = try await client.createScene(
                ["account_id": .number(JSONNumber(owner)), "payload": [:], "ttl_seconds": 60], idempotencyKey: "order-2"
            )
            let secondID = try #require(second["data"]?["scene_id"]?.stringValue)
            try await client.execute(
                "UPDATE auth.scenes SET expires_at = now() - interval '1 second' WHERE id = \(secondID)")
            let expired = try await client.o2o("loginWithSceneId", token: strangerToken, ["sceneId": .string(secondID)])
            #expect(expired["code"] == 10001)

            let third = try await client.createScene(
                ["account_id": .number(JSONNumber(owner)), "payload": [:]], idempotencyKey: "order-3")
            let thirdID = try #require(third["data"]?["scene_id"]?.stringValue)
            _ = try await client.bind("13800000222", token: strangerToken)
            let boundElsewhere = try await client.o2o(
                "loginWithSceneId", token: strangerToken, ["sceneId": .string(thirdID)])
            #expect(boundElsewhere == ["code": 500, "message": "该微信已绑定其他账号"])

            client.expectNoSecretsInLogs([ownerToken, jumpToken, otherAppToken, strangerToken, sceneID, thirdID])
        }
    }

    @Test func codeLimitsAndHostileInput() async throws {
        try await TestMesh.with(
            ["auth", "gateway"],
            extraEnvironment: ["SMS_DAILY_LIMIT_PER_TARGET": "2", "SMS_DAILY_LIMIT_PER_ADDRESS": "1000"]
        ) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let (token, _) = try await client.wxLogin("hank")
            let mobile = "13800000231"
            #expect(try await client.o2o("sms/verify_code", token: token, ["mobile": .string(mobile)])["code"] == 0)
            let tooSoon = try await client.o2o("sms/verify_code", token: token, ["mobile": .string(mobile)])
            #expect(tooSoon == ["code": 500, "message": "两次发送间隔小于60秒"])
            try await client.execute(
                "UPDATE auth.verification_codes SET created_at = now() - interval '61 seconds' WHERE target = \(mobile)"
            )
            #expect(try await client.o2o("sms/verify_code", token: token, ["mobile": .string(mobile)])["code"] == 0)
            try await client.execute(
                "UPDATE auth.verification_codes SET created_at = now() - interval '61 seconds' WHERE target = \(mobile)"
            )
            let third = try await client.o2o("sms/verify_code", token: token, ["mobile": .string(mobile)])
            #expect(third == ["code": 500, "message": "今日短信发送次数已达上限"])

            let calls: [(name: String, parameters: JSONObject)] = [
                ("wxLogin", ["code": "abc"]),
                ("login", ["mobile": "13800000232", "verify_code": "123456"]),
                ("loginWithSceneId", ["sceneId": "0123456789abcdef0123456789abcdef"]),
                ("sms/verify_code", ["mobile": "13800000233"]),
            ]
            for call in calls {
                for (field, _) in call.parameters {
                    for value in MiniProgramAuthClient.hostileValues {
                        var parameters = call.parameters
                        parameters[field] = value
                        let answer = try await client.o2o(
                            call.name, token: call.name == "wxLogin" ? nil : token, parameters)
                        #expect(answer["code"] == 10001, "\(call.name) \(field): \(answer)")
                        #expect(answer["message"]?.stringValue?.isEmpty == false)
                    }
                }
            }
            for value in ["' OR '1'='1", "x'; DROP TABLE auth.sessions; --", String(repeating: "f", count: 4000)] {
                let answer = try await client.o2o("sms/verify_code", token: value, ["mobile": "13800000233"])
                #expect(answer["code"] == 10007)
            }
            let accounts = try await client.scalar("SELECT count(*) AS n FROM auth.accounts", "n", as: Int64.self)
            #expect(accounts == 1)
        }
    }
}
