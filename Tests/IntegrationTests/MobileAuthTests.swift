import Catalog
import Dialects
import Foundation
import HTTPCore
import JSON
import Mesh
import Testing

/// The mobile mall's (document 004) auth operations through the gateway, as its pages call them:
/// captcha before phone codes, sign-up by mobile and by e-mail, sign-in with the lock, reset, binding,
/// pay password, account linking, and accounts shared with the app base API.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct MobileAuthTests {
    /// No waiting between codes, and no session cache in the gateway, so a replaced token fails at once.
    static let generousLimits = [
        "SMS_SEND_INTERVAL_SECONDS": "0", "SMS_DAILY_LIMIT_PER_ADDRESS": "1000", "SESSION_CACHE_MS": "0",
    ]

    @Test func signUpByPhoneBehindTheCaptcha() async throws {
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: Self.generousLimits) { mesh in
            let client = MobileClient(mesh: mesh)
            let phone = "13900000001"
            let withoutCaptcha = try await client.call(
                "/mobile/phonecode", ["phone": .string(phone), "validcode": "1234", "type": "1"])
            #expect(withoutCaptcha == ["code": "300", "msg": "图形验证码已失效，请刷新"])

            let image = try await mesh.send(HTTPRequest(method: .get, target: "/mobile/code/validcode"), to: "gateway")
            #expect(image.status == .ok)
            #expect(image.headers["Content-Type"] == "image/jpeg")
            #expect(image.headers["Cache-Control"] == "no-store")
            #expect(Array(image.body.prefix(2)) == [0xFF, 0xD8] && Array(image.body.suffix(2)) == [0xFF, 0xD9])
            let cookie = try #require(image.headers["Set-Cookie"])
            let imageCaptcha = try #require(cookie.firstMatch(of: /^captchaId=([0-9a-f]{32}); Path=\/; HttpOnly/)?.1)
            let wrongForImage = try await client.call(
                "/mobile/phonecode", ["phone": .string(phone), "validcode": "0000", "type": "1"],
                captchaID: String(imageCaptcha))
            #expect(wrongForImage == ["code": "300", "msg": "图形验证码不正确"])
            let captcha = try await client.captcha()
            let wrongAnswer = try await client.call(
                "/mobile/phonecode", ["phone": .string(phone), "validcode": "00000x", "type": "1"],
                captchaID: captcha.id)
            #expect(wrongAnswer == ["code": "300", "msg": "图形验证码不正确"])
            let sent = try await client.call(
                "/mobile/phonecode",
                ["phone": .string(phone), "validcode": .string(captcha.answer.lowercased()), "type": "1"],
                captchaID: captcha.id)
            #expect(sent == ["code": "200", "msg": "校验码已发送"])
            let reused = try await client.call(
                "/mobile/phonecode", ["phone": .string(phone), "validcode": .string(captcha.answer), "type": "1"],
                captchaID: captcha.id)
            #expect(reused == ["code": "300", "msg": "图形验证码已失效，请刷新"])
            let code = try await client.latestSMSCode(phone)

            let checked = try await client.call(
                "/mobile/checkcode",
                ["phonecode": .string(code), "username": .string(phone), "validcode": .string(captcha.answer)],
                captchaID: captcha.id)
            #expect(checked == ["code": "200", "msg": "校验码正确"])
            #expect(try await client.call("/mobile/checkusername", ["username": .string(phone)]) == false)
            let shortPassword = try await client.call(
                "/mobile/register", ["username": .string(phone), "pwd": "12345", "phoneCode": .string(code)])
            #expect(shortPassword["code"] == "300")
            let registered = try await client.call(
                "/mobile/register", ["username": .string(phone), "pwd": "mall_pass1", "phoneCode": .string(code)])
            #expect(registered == ["code": "200", "msg": "注册成功"])
            #expect(try await client.call("/mobile/checkusername", ["username": .string(phone)]) == true)
            let again = try await client.call(
                "/mobile/register", ["username": .string(phone), "pwd": "mall_pass1", "phoneCode": .string(code)])
            #expect(again["code"] == "300")

            let (login, response) = try await client.exchange(
                "/mobile/login", ["username": .string(phone), "pwd": "mall_pass1"])
            #expect(login["code"] == "200")
            #expect(login["msg"] == "登录成功")
            #expect(login["memInfo"]?["phone"] == .string(phone))
            let token = try #require(login["token"]?.stringValue)
            #expect(token.count == 32)
            #expect(response.headers["Set-Cookie"]?.hasPrefix("token=\(token);") == true)
            #expect(
                try await client.call("/mobile/member/checkpaypwd", token: token) == ["isSuccess": true, "data": false])
            Self.expectNoSecrets(mesh, [code, "mall_pass1", token, captcha.answer])
        }
    }

    @Test func signUpByEmailResetAndLock() async throws {
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: Self.generousLimits) { mesh in
            let client = MobileClient(mesh: mesh)
            let email = "Member.One@Example.com"
            let sent = try await client.call("/mobile/emailcode", ["email": .string(email), "type": "1"])
            #expect(sent == ["code": "200", "msg": "校验码已发送"])
            let code = try await client.latestEmailCode(email)
            let registered = try await client.call(
                "/mobile/register", ["username": .string(email), "pwd": "mail_pass1", "phoneCode": .string(code)])
            #expect(registered == ["code": "200", "msg": "注册成功"])
            let login = try await client.call(
                "/mobile/login", ["username": "member.one@example.com", "pwd": "mail_pass1"])
            #expect(login["code"] == "200")
            #expect(login["memInfo"]?["phone"] == .null)
            let token = try #require(login["token"]?.stringValue)

            _ = try await client.call("/mobile/emailcode", ["email": .string(email), "type": "2"])
            let resetCode = try await client.latestEmailCode(email)
            let wrongCode = resetCode == "000000" ? "111111" : "000000"
            let refused = try await client.call(
                "/mobile/member/newpwd",
                ["username": .string(email), "newpwd": "mail_pass2", "phonecode": .string(wrongCode)])
            #expect(refused == ["code": "300", "msg": "校验码不正确"])
            let reset = try await client.call(
                "/mobile/member/newpwd",
                ["username": .string(email), "newpwd": "mail_pass2", "phonecode": .string(resetCode)])
            #expect(reset == ["code": "200", "msg": "密码重置成功"])
            let reused = try await client.call(
                "/mobile/member/newpwd",
                ["username": .string(email), "newpwd": "mail_pass3", "phonecode": .string(resetCode)])
            #expect(reused["code"] == "300")
            #expect(try await client.call("/mobile/member/checkpaypwd", token: token)["isSuccess"] == false)
            #expect(
                try await client.call("/mobile/login", ["username": .string(email), "pwd": "mail_pass1"])["code"]
                    == "300")

            for _ in 0..<3 {
                let wrong = try await client.call("/mobile/login", ["username": .string(email), "pwd": "not_the_pass"])
                #expect(wrong == ["code": "300", "msg": "用户名或密码错误"])
            }
            let fifth = try await client.call("/mobile/login", ["username": .string(email), "pwd": "not_the_pass"])
            #expect(fifth == ["code": "300", "msg": "密码错误次数过多，请15分钟后再试"])
            let locked = try await client.call("/mobile/login", ["username": .string(email), "pwd": "mail_pass2"])
            #expect(locked == ["code": "300", "msg": "密码错误次数过多，请15分钟后再试"])
            let lockedUntil = try await mesh.withDatabase { database in
                try await database.query(
                    """
                    SELECT extract(epoch FROM max(f.locked_until) - now())::int AS left
                      FROM auth.password_failures f JOIN auth.accounts a ON a.id = f.account_id
                     WHERE a.email = 'member.one@example.com'
                    """
                )
                .first?.decode("left", as: Int.self)
            }
            #expect((800...900).contains(lockedUntil ?? 0), "the mobile mall's lock lasts 15 minutes")
        }
    }

    @Test func bindingPayPasswordAndPasswordChange() async throws {
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: Self.generousLimits) { mesh in
            let client = MobileClient(mesh: mesh)
            let phone = "13900000002"
            let token = try await client.registerAndLogIn(phone, password: "bind_pass1")
            let other = "13900000003"
            _ = try await client.registerAndLogIn(other, password: "other_pass1")

            let taken = try await client.call(
                "/mobile/member/checkchange", ["username": .string(other), "type": "phone", "pwd": "bind_pass1"],
                token: token)
            #expect(taken == ["code": "300", "msg": "该手机号或邮箱已绑定其他账户"])
            let firstEmail = try await client.call(
                "/mobile/member/checkchange", ["username": "bind@example.com", "type": "email", "pwd": ""], token: token
            )
            #expect(firstEmail == ["code": "200", "msg": "可以绑定"])
            let mismatched = try await client.call(
                "/mobile/member/checkchange", ["username": "bind@example.com", "type": "phone", "pwd": ""], token: token
            )
            #expect(mismatched["code"] == "300")
            _ = try await client.call("/mobile/emailcode", ["email": "bind@example.com", "type": "1"])
            let emailCode = try await client.latestEmailCode("bind@example.com")
            let bound = try await client.call(
                "/mobile/member/changebind",
                ["username": "bind@example.com", "phonecode": .string(emailCode), "pwd": "", "type": "email"],
                token: token)
            #expect(bound == ["code": "200", "msg": "绑定成功"])
            let byEmail = try await client.call("/mobile/login", ["username": "bind@example.com", "pwd": "bind_pass1"])
            #expect(byEmail["code"] == "200")
            let emailToken = try #require(byEmail["token"]?.stringValue)

            let newPhone = "13900000004"
            let phoneCode = try await client.sendPhoneCode(newPhone, type: "1")
            let withoutPassword = try await client.call(
                "/mobile/member/changebind",
                ["username": .string(newPhone), "phonecode": .string(phoneCode), "pwd": "", "type": "phone"],
                token: emailToken)
            #expect(withoutPassword == ["code": "300", "msg": "更换绑定需要输入登录密码"])
            let changed = try await client.call(
                "/mobile/member/changebind",
                ["username": .string(newPhone), "phonecode": .string(phoneCode), "pwd": "bind_pass1", "type": "phone"],
                token: emailToken)
            #expect(changed == ["code": "200", "msg": "绑定成功"])
            #expect(try await client.call("/mobile/checkusername", ["username": .string(phone)]) == false)
            let login = try await client.call("/mobile/login", ["username": .string(newPhone), "pwd": "bind_pass1"])
            let current = try #require(login["token"]?.stringValue)

            let payCode = try await client.sendPhoneCode(newPhone, type: "2")
            let notOwn = try await client.call(
                "/mobile/member/paypwd", ["username": .string(other), "paypwd": "pay_pass1", "code": .string(payCode)],
                token: current)
            #expect(notOwn["code"] == 300)
            let payPassword = try await client.call(
                "/mobile/member/paypwd",
                ["username": .string(newPhone), "paypwd": "pay_pass1", "code": .string(payCode)],
                token: current)
            #expect(payPassword == ["code": 200, "msg": "支付密码设置成功"])
            #expect(
                try await client.call("/mobile/member/checkpaypwd", token: current) == [
                    "isSuccess": true, "data": true,
                ])
            #expect(try await client.call("/web/member/checkpaypwd", token: current) == true)

            let admin = AdminClient(mesh: mesh)
            let account = try #require(
                try await admin.internalCall("auth", "accounts.get", ["account_id": "1"])["data"]?.objectValue)
            #expect(account["mobile"] == .string(newPhone))
            #expect(account["email"] == "bind@example.com")
            #expect(
                try await admin.internalCall(
                    "auth", "paypwd.verify", ["account_id": "1", "pay_password": "pay_pass1"])["kind"] == "ok")
            #expect(
                try await admin.internalCall(
                    "auth", "paypwd.verify", ["account_id": "2", "pay_password": "pay_pass1"])["kind"]
                    == "pay_password_not_set")
            for _ in 0..<4 {
                let wrong = try await admin.internalCall(
                    "auth", "paypwd.verify", ["account_id": "1", "pay_password": "wrong_pay1"])
                #expect(wrong["kind"] == "pay_password_wrong")
            }
            let locked = try await admin.internalCall(
                "auth", "paypwd.verify", ["account_id": "1", "pay_password": "wrong_pay1"])
            #expect(locked["kind"] == "account_locked")
            #expect(
                try await admin.internalCall(
                    "auth", "paypwd.verify", ["account_id": "1", "pay_password": "pay_pass1"])["kind"]
                    == "account_locked")
            #expect(
                try await client.call("/mobile/login", ["username": .string(newPhone), "pwd": "bind_pass1"])["code"]
                    == "200",
                "the pay password's lock leaves the login alone")

            let refreshed = try await client.call(
                "/mobile/login", ["username": .string(newPhone), "pwd": "bind_pass1"])
            let latest = try #require(refreshed["token"]?.stringValue)
            let wrongOld = try await client.call(
                "/mobile/member/modifypwd", ["pwd": "nope_pass1", "newpwd": "bind_pass2"], token: latest)
            #expect(wrongOld == ["code": "300", "msg": "原密码不正确"])
            let modified = try await client.call(
                "/mobile/member/modifypwd", ["pwd": "bind_pass1", "newpwd": "bind_pass2"], token: latest)
            #expect(modified == ["code": "200", "msg": "密码修改成功"])
            #expect(try await client.call("/mobile/member/checkpaypwd", token: latest)["isSuccess"] == true)
            #expect(
                try await client.call("/mobile/login", ["username": .string(newPhone), "pwd": "bind_pass2"])["code"]
                    == "200")
        }
    }

    @Test func linkedAccountsSwitchSessions() async throws {
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: Self.generousLimits) { mesh in
            let client = MobileClient(mesh: mesh)
            let primaryPhone = "13900000011"
            let memberPhone = "13900000012"
            let primaryToken = try await client.registerAndLogIn(primaryPhone, password: "primary_1")
            let memberToken = try await client.registerAndLogIn(memberPhone, password: "member_1")

            #expect(try await client.call("/mobile/member/relatelogin", token: memberToken)["code"] == "300")
            let wrong = try await client.call(
                "/mobile/member/merge", ["username": .string(primaryPhone), "pwd": "wrong_pw1"], token: memberToken)
            #expect(wrong == ["code": "300", "msg": "用户名或密码错误"])
            let selfLink = try await client.call(
                "/mobile/member/merge", ["username": .string(memberPhone), "pwd": "member_1"], token: memberToken)
            #expect(selfLink["code"] == "300")
            let merged = try await client.call(
                "/mobile/member/merge", ["username": .string(primaryPhone), "pwd": "primary_1"], token: memberToken)
            #expect(merged == ["code": "200", "msg": "账户关联成功"])
            let chain = try await client.call(
                "/mobile/member/merge", ["username": .string(memberPhone), "pwd": "member_1"], token: primaryToken)
            #expect(chain["code"] == "300")

            let (switched, response) = try await client.exchange("/mobile/member/relatelogin", [:], token: memberToken)
            #expect(switched["code"] == "200")
            #expect(switched["memInfo"]?["phone"] == .string(primaryPhone))
            let asPrimary = try #require(switched["token"]?.stringValue)
            #expect(response.headers["Set-Cookie"]?.hasPrefix("token=\(asPrimary);") == true)
            #expect(try await client.call("/mobile/member/checkpaypwd", token: memberToken)["isSuccess"] == false)
            #expect(
                try await client.call("/mobile/member/checkpaypwd", token: primaryToken)["isSuccess"] == true,
                "the primary's session on another device stays")
            let back = try await client.call("/mobile/member/relatelogin", token: asPrimary)
            #expect(back["memInfo"]?["phone"] == .string(memberPhone))
        }
    }

    @Test func oneAccountAcrossTheAppBaseAPIAndTheMall() async throws {
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: Self.generousLimits) { mesh in
            let client = MobileClient(mesh: mesh)
            let phone = "13900000021"
            _ = try await client.registerAndLogIn(phone, password: "shared_pw1")
            let yaf = try #require(OperationCatalog.find(.yaf, name: "user.login"))
            let request = DialectRequests.request(
                for: yaf, token: nil,
                parameters: ["mobile": .string(phone), "login_type": "2", "password": "shared_pw1"])
            let reply = try JSONValue.parse(try await mesh.send(request, to: "gateway").body)
            #expect(reply["code"] == 200)
            #expect(reply["data"]?["mobile"] == .string(phone))
        }
    }

    @Test func hostileInputIsRefusedCleanly() async throws {
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: Self.generousLimits) { mesh in
            let client = MobileClient(mesh: mesh)
            let hostile = [
                "' OR '1'='1", "1; DROP TABLE auth.accounts; --", String(repeating: "圖", count: 5000), "\u{0}",
            ]
            for value in hostile {
                for (path, key) in [
                    ("/mobile/login", "username"), ("/mobile/login", "pwd"), ("/mobile/register", "username"),
                    ("/mobile/phonecode", "phone"), ("/mobile/emailcode", "email"),
                    ("/mobile/checkusername", "username"),
                    ("/mobile/member/newpwd", "phonecode"), ("/mobile/checkcode", "validcode"),
                ] {
                    var parameters: JSONObject = [
                        "username": "13900000031", "pwd": "good_pass1", "phoneCode": "123456", "phone": "13900000031",
                        "validcode": "ABCD", "type": "1", "email": "a@example.com", "newpwd": "good_pass2",
                        "phonecode": "123456",
                    ]
                    parameters[key] = .string(value)
                    let reply = try await client.call(path, parameters)
                    #expect(reply["code"] == "300", "\(path) \(key): \(reply)")
                }
            }
            let count = try await mesh.withDatabase { database in
                try await database.query("SELECT count(*) AS n FROM auth.accounts").first?.decode("n", as: Int64.self)
            }
            #expect(count == 0)
        }
    }

    static func expectNoSecrets(_ mesh: TestMesh, _ secrets: [String]) {
        for (name, service) in mesh.services {
            let log = service.log
            for secret in secrets { #expect(!log.contains(secret), "\(name) logged a secret") }
        }
    }
}

/// Calls the mobile mall's operations through the gateway, with the admin surface for codes and
/// known captchas.
struct MobileClient {
    let mesh: TestMesh

    func exchange(
        _ path: String, _ parameters: JSONObject = [:], token: String? = nil, captchaID: String? = nil
    )
        async throws -> (JSONValue, HTTPResponse)
    {
        let operation = try #require(OperationCatalog.find(.mobile, path: path))
        var request = DialectRequests.request(for: operation, token: token, parameters: parameters)
        if let captchaID { request.headers.add("Cookie", "captchaId=\(captchaID)") }
        let response = try await mesh.send(request, to: "gateway")
        #expect(response.status == .ok)
        return (try JSONValue.parse(response.body), response)
    }

    func call(
        _ path: String, _ parameters: JSONObject = [:], token: String? = nil, captchaID: String? = nil
    )
        async throws -> JSONValue
    {
        try await exchange(path, parameters, token: token, captchaID: captchaID).0
    }

    /// A captcha challenge with a known answer (development and test only).
    func captcha() async throws -> (id: String, answer: String) {
        let issued = try await AdminClient(mesh: mesh).call("auth/captcha.issue")
        return (
            try #require(issued["data"]?["captcha_id"]?.stringValue),
            try #require(issued["data"]?["answer"]?.stringValue)
        )
    }

    func sendPhoneCode(_ phone: String, type: String) async throws -> String {
        let captcha = try await captcha()
        let sent = try await call(
            "/mobile/phonecode",
            ["phone": .string(phone), "validcode": .string(captcha.answer), "type": .string(type)],
            captchaID: captcha.id)
        #expect(sent["code"] == "200", "phonecode: \(sent)")
        return try await latestSMSCode(phone)
    }

    func latestSMSCode(_ phone: String) async throws -> String {
        let outbox = try await AdminClient(mesh: mesh).call("auth/sms.outbox", ["mobile": .string(phone)])
        return try Self.code(in: try #require(outbox["data"]?["messages"]?[0]?["text"]?.stringValue))
    }

    func latestEmailCode(_ email: String) async throws -> String {
        let outbox = try await AdminClient(mesh: mesh).call("auth/email.outbox", ["email": .string(email)])
        return try Self.code(in: try #require(outbox["data"]?["messages"]?[0]?["text"]?.stringValue))
    }

    /// Registers `phone` and signs in; returns the session token.
    func registerAndLogIn(_ phone: String, password: String) async throws -> String {
        let code = try await sendPhoneCode(phone, type: "1")
        let registered = try await call(
            "/mobile/register", ["username": .string(phone), "pwd": .string(password), "phoneCode": .string(code)])
        #expect(registered["code"] == "200", "register: \(registered)")
        let login = try await call("/mobile/login", ["username": .string(phone), "pwd": .string(password)])
        return try #require(login["token"]?.stringValue, "login: \(login)")
    }

    static func code(in text: String) throws -> String {
        try #require(text.firstMatch(of: /\d{6}/).map { String($0.output) })
    }
}
