import Catalog
import Dialects
import Foundation
import HTTPCore
import JSON
import Mesh
import Testing

/// The app base API's (yaf) auth operations driven through the gateway as the document's clients
/// call them: SMS codes and their limits, sign-up, sign-in by password and by code, sign-out, token
/// replacement, password change, reset and lock, request tokens, hostile input, and logs free of
/// secrets.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct YafAuthTests {
    /// A second app of the app base API, so one account can hold two sessions at once.
    static let androidApp = (id: "android_app_id", secret: "android-test-secret-0001")
    static let twoApps = "ios_app_id:\(DialectRequests.yafSecret),\(androidApp.id):\(androidApp.secret)"
    static let generousLimits = ["SMS_SEND_INTERVAL_SECONDS": "0", "SMS_DAILY_LIMIT_PER_ADDRESS": "1000"]

    @Test func registerSignInAndSignOut() async throws {
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: Self.generousLimits) { mesh in
            let client = YafClient(mesh: mesh)
            let mobile = "13800000001"
            let password = "first_Pass-1"
            let sent = try await client.call("sms.send", ["mobile": .string(mobile), "key": "USER_REGISTER_CODE"])
            #expect(sent["code"] == 200)
            #expect(sent["msg"] == "发送成功")
            let code = try #require(sent["data"]?["code"]?.stringValue)
            #expect(code.count == 6 && code.allSatisfy(\.isNumber))
            let outbox = try await client.admin("auth/sms.outbox", ["mobile": .string(mobile)])
            let latest = try #require(outbox["data"]?["messages"]?[0]?["text"]?.stringValue)
            #expect(latest.contains(code))

            let wrongCode = code == "000000" ? "111111" : "000000"
            let wrongVerify = try await client.call(
                "sms.verify", ["mobile": .string(mobile), "key": "USER_REGISTER_CODE", "code": .string(wrongCode)])
            #expect(wrongVerify == ["code": 503, "msg": "您的验证码不正确"])
            let verified = try await client.call(
                "sms.verify", ["mobile": .string(mobile), "key": "USER_REGISTER_CODE", "code": .string(code)])
            #expect(verified == ["code": 200, "msg": "验证码正确"])

            let registerWithWrongCode = try await client.call(
                "user.register", ["mobile": .string(mobile), "password": .string(password), "code": .string(wrongCode)])
            #expect(registerWithWrongCode["code"] == 700)
            let registered = try await client.call(
                "user.register", ["mobile": .string(mobile), "password": .string(password), "code": .string(code)])
            #expect(registered["code"] == 200)
            #expect(registered["msg"] == "注册成功")
            let data = try #require(registered["data"]?.objectValue)
            #expect(data.map(\.key) == ["token", "open_id", "mobile", "headimg", "nickname", "intro", "reg_time"])
            #expect(data["mobile"] == .string(mobile))
            #expect(data["nickname"] == "138****0001")
            #expect(data["open_id"]?.stringValue?.count == 32)
            #expect(data["reg_time"]?.stringValue?.wholeMatch(of: /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/) != nil)
            let firstToken = try #require(data["token"]?.stringValue)
            #expect(firstToken.count == 32)

            let reused = try await client.call(
                "user.register", ["mobile": .string(mobile), "password": .string(password), "code": .string(code)])
            #expect(reused == ["code": 503, "msg": "验证码已失效"])
            let secondCode = try await client.sendCode(mobile, key: "USER_REGISTER_CODE")
            let again = try await client.call(
                "user.register",
                ["mobile": .string(mobile), "password": .string(password), "code": .string(secondCode)])
            #expect(again["code"] == 604)

            let byPassword = try await client.call(
                "user.login", ["mobile": .string(mobile), "login_type": 2, "code": .string(password)])
            #expect(byPassword["code"] == 200)
            #expect(byPassword["msg"] == "登录成功")
            #expect(byPassword["data"]?["open_id"] == data["open_id"])
            let passwordToken = try #require(byPassword["data"]?["token"]?.stringValue)
            #expect(try await client.call("user.logout", token: firstToken)["code"] == 603)

            let loginCode = try await client.sendCode(mobile, key: "USER_LOGIN_CODE")
            let byCode = try await client.call(
                "user.login", ["mobile": .string(mobile), "login_type": "1", "code": .string(loginCode)])
            #expect(byCode["code"] == 200)
            let codeToken = try #require(byCode["data"]?["token"]?.stringValue)
            #expect(try await client.call("user.logout", token: passwordToken)["code"] == 603)
            let codeAgain = try await client.call(
                "user.login", ["mobile": .string(mobile), "login_type": 1, "code": .string(loginCode)])
            #expect(codeAgain == ["code": 503, "msg": "验证码已失效"])

            #expect(try await client.call("user.logout", token: codeToken) == ["code": 200, "msg": "退出成功"])
            #expect(try await client.call("user.logout", token: codeToken)["code"] == 601)

            let wrongPassword = try await client.call(
                "user.login", ["mobile": .string(mobile), "login_type": 2, "password": "not_the_password"])
            #expect(wrongPassword == ["code": 503, "msg": "账号或密码不正确"])
            let unknown = try await client.call(
                "user.login", ["mobile": "13999999999", "login_type": 2, "password": .string(password)])
            #expect(unknown["code"] == 605)
            let withPasswordField = try await client.call(
                "user.login", ["mobile": .string(mobile), "login_type": 2, "password": .string(password)])
            let lastToken = try #require(withPasswordField["data"]?["token"]?.stringValue)

            let requestTokens = try await client.call("system.request.token", token: lastToken, ["number": 3])
            #expect(requestTokens["code"] == 200)
            let issued = try #require(requestTokens["data"]?["token"]?.stringValue).split(separator: ",")
            #expect(issued.count == 3 && issued.allSatisfy { $0.count == 32 })
            let oneToken = try await client.call("system.request.token", ["number": "1"])
            #expect(oneToken["data"]?["token"]?.stringValue?.count == 32)
            #expect(try await client.call("system.request.token", ["number": 6])["code"] == 503)

            let secrets =
                [password, code, secondCode, loginCode, firstToken, passwordToken, codeToken, lastToken]
                + issued.map(String.init)
            Self.expectNoSecretsInLogs(mesh, secrets)
        }
    }

    @Test func passwordChangeResetAndLock() async throws {
        var environment = Self.generousLimits
        environment["YAF_APP_SECRETS"] = Self.twoApps
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: environment) { mesh in
            let client = YafClient(mesh: mesh)
            let mobile = "13800000002"
            let password = "first_Pass-2"
            let iosToken = try await client.register(mobile, password: password)
            let android = try await client.call(
                "user.login", ["mobile": .string(mobile), "login_type": 2, "password": .string(password)],
                app: Self.androidApp)
            let androidToken = try #require(android["data"]?["token"]?.stringValue)

            let newPassword = "second-Pass_2"
            let wrongOld = try await client.call(
                "user.pwd.edit", token: iosToken, ["old_pwd": "wrong_old_pwd", "new_pwd": .string(newPassword)])
            #expect(wrongOld == ["code": 503, "msg": "旧密码不正确"])
            let badNew = try await client.call(
                "user.pwd.edit", token: iosToken, ["old_pwd": .string(password), "new_pwd": "short"])
            #expect(badNew["code"] == 503)
            let changed = try await client.call(
                "user.pwd.edit", token: iosToken, ["old_pwd": .string(password), "new_pwd": .string(newPassword)])
            #expect(changed == ["code": 200, "msg": "密码修改成功"])
            #expect(try await client.call("user.logout", token: androidToken)["code"] == 606)
            let stillSignedIn = try await client.call(
                "user.pwd.edit", token: iosToken, ["old_pwd": "wrong_old_pwd", "new_pwd": "third_Pass-2"])
            #expect(stillSignedIn["msg"] == "旧密码不正确")
            let oldPassword = try await client.call(
                "user.login", ["mobile": .string(mobile), "login_type": 2, "password": .string(password)],
                app: Self.androidApp)
            #expect(oldPassword["code"] == 503)

            let resetCode = try await client.sendCode(mobile, key: "USER_FIND_PWD_CODE")
            let resetPassword = "reset_Pass-2"
            let wrongReset = try await client.call(
                "user.pwd.find", ["mobile": .string(mobile), "code": "12345", "password": .string(resetPassword)])
            #expect(wrongReset["code"] == 700)
            let reset = try await client.call(
                "user.pwd.find",
                ["mobile": .string(mobile), "code": .string(resetCode), "password": .string(resetPassword)])
            #expect(reset == ["code": 200, "msg": "密码找回成功"])
            #expect(try await client.call("user.logout", token: iosToken)["code"] == 606)

            for attempt in 1...5 {
                let guess = try await client.call(
                    "user.login", ["mobile": .string(mobile), "login_type": 2, "password": .string("guess_\(attempt)")])
                #expect(guess["code"] == (attempt < 5 ? 503 : 607), "attempt \(attempt)")
            }
            let locked = try await client.call(
                "user.login", ["mobile": .string(mobile), "login_type": 2, "password": .string(resetPassword)])
            #expect(locked["code"] == 607)
            let unlockCode = try await client.sendCode(mobile, key: "USER_FIND_PWD_CODE")
            let finalPassword = "final_Pass-2"
            let unlocked = try await client.call(
                "user.pwd.find",
                ["mobile": .string(mobile), "code": .string(unlockCode), "password": .string(finalPassword)])
            #expect(unlocked["code"] == 200)
            let afterUnlock = try await client.call(
                "user.login", ["mobile": .string(mobile), "login_type": 2, "password": .string(finalPassword)])
            #expect(afterUnlock["code"] == 200)

            let strangerCode = try await client.sendCode("13900000009", key: "USER_FIND_PWD_CODE")
            let stranger = try await client.call(
                "user.pwd.find",
                ["mobile": "13900000009", "code": .string(strangerCode), "password": .string(finalPassword)])
            #expect(stranger["code"] == 605)

            let secrets = [
                password, newPassword, resetPassword, finalPassword, resetCode, unlockCode, strangerCode,
                iosToken, androidToken,
            ]
            Self.expectNoSecretsInLogs(mesh, secrets)
        }
    }

    /// The caller's account facts come with the session, so `user.detail` asks auth nothing; and a
    /// password change ends the other sessions at once, even where the gateway would cache them a minute.
    @Test func factsTravelWithTheSessionAndChangesReachTheGatewayAtOnce() async throws {
        var environment = Self.generousLimits
        environment["YAF_APP_SECRETS"] = Self.twoApps
        environment["SESSION_CACHE_MS"] = "60000"
        try await TestMesh.with(["auth", "user", "content", "gateway"], extraEnvironment: environment) { mesh in
            let client = YafClient(mesh: mesh)
            let mobile = "13800000021"
            let password = "first_Pass-21"
            let iosToken = try await client.register(mobile, password: password)
            let android = try await client.call(
                "user.login", ["mobile": .string(mobile), "login_type": 2, "password": .string(password)],
                app: Self.androidApp)
            let androidToken = try #require(android["data"]?["token"]?.stringValue)

            let detail = try await client.call("user.detail", token: androidToken, app: Self.androidApp)
            #expect(detail["code"] == 200 && detail["data"]?["mobile"] == .string(mobile), "\(detail)")
            #expect(detail["data"]?["c_time"]?.stringValue?.count == 19)
            let authLog = try #require(mesh.services["auth"]).log
            #expect(!authLog.contains("accounts.get"), "user.detail asked auth for the caller's facts")
            let metrics = try await mesh.get("/metrics", from: "user").bodyText
            #expect(metrics.contains("route=\"/op/yaf/user.detail\""), "metrics are labelled by catalog operation")

            let changed = try await client.call(
                "user.pwd.edit", token: iosToken, ["old_pwd": .string(password), "new_pwd": "second_Pass-21"])
            #expect(changed == ["code": 200, "msg": "密码修改成功"])
            let afterChange = try await client.call("user.detail", token: androidToken, app: Self.androidApp)
            #expect(
                afterChange["code"] == 606, "the cached android session outlived the password change: \(afterChange)")
        }
    }

    @Test func sendingLimitsAndDeadCodes() async throws {
        try await TestMesh.with(
            ["auth", "gateway"],
            extraEnvironment: ["SMS_DAILY_LIMIT_PER_TARGET": "3", "SMS_DAILY_LIMIT_PER_ADDRESS": "5"]
        ) { mesh in
            let client = YafClient(mesh: mesh)
            let first = "13800000003"
            let registerCode = try await client.sendCode(first, key: "USER_REGISTER_CODE")
            let tooSoon = try await client.call("sms.send", ["mobile": .string(first), "key": "USER_REGISTER_CODE"])
            #expect(tooSoon == ["code": 503, "msg": "两次发送间隔小于60秒"])
            _ = try await client.sendCode(first, key: "USER_LOGIN_CODE")
            _ = try await client.sendCode(first, key: "USER_FIND_PWD_CODE")
            let fourthOfTheDay = try await client.call(
                "sms.send", ["mobile": .string(first), "key": "USER_LOGIN_CODE"])
            #expect(fourthOfTheDay == ["code": 503, "msg": "今日短信发送次数已达上限"])

            _ = try await client.sendCode("13800000004", key: "USER_REGISTER_CODE")
            _ = try await client.sendCode("13800000005", key: "USER_REGISTER_CODE")
            let sixthOfTheAddress = try await client.call(
                "sms.send", ["mobile": "13800000006", "key": "USER_REGISTER_CODE"])
            #expect(sixthOfTheAddress == ["code": 503, "msg": "今日短信请求次数已达上限"])
            let outbox = try await client.admin("auth/sms.outbox", ["mobile": .string(first)])
            #expect(outbox["data"]?["messages"]?.arrayValue?.count == 3)

            let wrongCode = registerCode == "000000" ? "111111" : "000000"
            for _ in 1...5 {
                let wrong = try await client.call(
                    "sms.verify", ["mobile": .string(first), "key": "USER_REGISTER_CODE", "code": .string(wrongCode)])
                #expect(wrong["msg"] == "您的验证码不正确")
            }
            let dead = try await client.call(
                "user.register", ["mobile": .string(first), "password": "some_Pass-3", "code": .string(registerCode)])
            #expect(dead == ["code": 503, "msg": "验证码已失效"])
            let otherPurpose = try await client.call(
                "user.register", ["mobile": "13800000004", "password": "some_Pass-3", "code": .string(registerCode)])
            #expect(otherPurpose["code"] != 200)
        }
    }

    @Test func codesExpireAndTheIntervalPasses() async throws {
        let environment = ["CODE_LIFETIME_SECONDS": "1", "SMS_SEND_INTERVAL_SECONDS": "1"]
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: environment) { mesh in
            let client = YafClient(mesh: mesh)
            let mobile = "13800000007"
            let code = try await client.sendCode(mobile, key: "USER_REGISTER_CODE")
            try await Task.sleep(for: .milliseconds(1500))
            let expired = try await client.call(
                "user.register", ["mobile": .string(mobile), "password": "late_Pass-7", "code": .string(code)])
            #expect(expired == ["code": 503, "msg": "验证码已失效"])
            let later = try await client.call("sms.send", ["mobile": .string(mobile), "key": "USER_REGISTER_CODE"])
            #expect(later["code"] == 200)
        }
    }

    @Test func hostileInputGetsCleanRefusals() async throws {
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: Self.generousLimits) { mesh in
            let client = YafClient(mesh: mesh)
            let token = try await client.register("13800000008", password: "hostile_Pass-8")
            let hostile: [JSONValue] = [
                "' OR '1'='1", "13800000008'; DROP TABLE auth.accounts; --",
                "1 UNION SELECT password_hash FROM auth.accounts",
                .string(String(repeating: "9", count: 5000)), .string(String(repeating: "密", count: 3000)), "\u{0}", "",
                .number(JSONNumber(text: "-1.5e300")!), .array(["x"]), .object(["x": "y"]),
            ]
            let calls: [(name: String, parameters: JSONObject, token: String?)] = [
                ("sms.send", ["mobile": "13800000018", "key": "USER_REGISTER_CODE"], nil),
                ("sms.verify", ["mobile": "13800000008", "key": "USER_REGISTER_CODE", "code": "123456"], nil),
                ("user.register", ["mobile": "13800000028", "password": "some_Pass-8", "code": "123456"], nil),
                ("user.login", ["mobile": "13800000008", "login_type": 2, "password": "hostile_Pass-8"], nil),
                ("user.login", ["mobile": "13800000008", "login_type": 1, "code": "123456"], nil),
                ("user.pwd.find", ["mobile": "13800000008", "code": "123456", "password": "some_Pass-8"], nil),
                ("user.pwd.edit", ["old_pwd": "hostile_Pass-8", "new_pwd": "some_Pass-8"], token),
                ("system.request.token", ["number": 2], nil),
            ]
            for call in calls {
                for (field, _) in call.parameters {
                    for value in hostile {
                        var parameters = call.parameters
                        parameters[field] = value
                        let answer = try await client.call(call.name, token: call.token, parameters)
                        let code = answer["code"]?.intValue
                        #expect(code != nil && code != 200 && code != 500, "\(call.name) \(field): \(answer)")
                        #expect(answer["msg"]?.stringValue?.isEmpty == false)
                    }
                }
            }
            for value in hostile.compactMap(\.stringValue) where !value.isEmpty {
                #expect(try await client.call("user.logout", token: value)["code"] == 601)
            }
            let accounts = try await mesh.withDatabase { pool in
                try await pool.query("SELECT count(*) AS n FROM auth.accounts")[0].decode("n", as: Int64.self)
            }
            #expect(accounts == 1)
            #expect(try await client.call("user.logout", token: token)["code"] == 200)
        }
    }

    @Test func productionKeepsCodesToItself() async throws {
        try await TestMesh.with(
            ["auth", "gateway"],
            extraEnvironment: [
                "APP_ENV": "production", "ADMIN_PASSWORD": "production-admin-password",
                "YAF_APP_SECRETS": "ios_app_id:production-yaf-secret", "TRAIN_APP_KEYS": "XCX:production-train-key",
                "C2C_SECRET": "production-c2c-secret",
            ]
        ) { mesh in
            let client = YafClient(
                mesh: mesh, secret: "production-yaf-secret", adminPassword: "production-admin-password")
            let sent = try await client.call("sms.send", ["mobile": "13800000009", "key": "USER_REGISTER_CODE"])
            #expect(sent == ["code": 503, "msg": "短信发送失败"])
            let outbox = try await client.admin("auth/sms.outbox", ["mobile": "13800000009"])
            #expect(outbox["error"] == "forbidden")
        }
    }

    /// No password, code or token of the run appears in any service's log.
    static func expectNoSecretsInLogs(_ mesh: TestMesh, _ secrets: [String]) {
        for (name, service) in mesh.services {
            let log = service.log
            #expect(!log.isEmpty, "\(name) wrote no log")
            for secret in secrets { #expect(!log.contains(secret), "\(name) logged a secret") }
        }
    }
}

/// Calls yaf operations through the gateway, and the admin surface.
private struct YafClient {
    let mesh: TestMesh
    var secret = DialectRequests.yafSecret
    var adminPassword = "admin-development-password"

    /// The reply of `name` with `parameters`, signed for `app` (the document's example app by default).
    func call(
        _ name: String, token: String? = nil, _ parameters: JSONObject = [:],
        app: (id: String, secret: String)? = nil
    ) async throws -> JSONValue {
        let operation = try #require(OperationCatalog.find(.yaf, name: name))
        var parameters = parameters
        if let app { parameters["appid"] = .string(app.id) }
        let request = DialectRequests.request(
            for: operation, token: token, parameters: parameters, signWith: app?.secret ?? secret)
        let response = try await mesh.send(request, to: "gateway")
        #expect(response.status == .ok)
        return try JSONValue.parse(response.body)
    }

    /// A code sent for `key`, read from the test-mode reply.
    func sendCode(_ mobile: String, key: String) async throws -> String {
        let sent = try await call("sms.send", ["mobile": .string(mobile), "key": .string(key)])
        #expect(sent["code"] == 200, "sms.send: \(sent)")
        return try #require(sent["data"]?["code"]?.stringValue)
    }

    /// Registers `mobile` with `password` and returns the session token.
    func register(_ mobile: String, password: String) async throws -> String {
        let code = try await sendCode(mobile, key: "USER_REGISTER_CODE")
        let registered = try await call(
            "user.register", ["mobile": .string(mobile), "password": .string(password), "code": .string(code)])
        return try #require(registered["data"]?["token"]?.stringValue)
    }

    /// The admin surface's answer to `operation` (`service/name`) after signing in as the first admin.
    func admin(_ operation: String, _ body: JSONObject) async throws -> JSONValue {
        try await AdminClient(mesh: mesh, password: adminPassword).call(operation, body)
    }
}
