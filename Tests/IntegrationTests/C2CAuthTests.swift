import Dialects
import Foundation
import JSON
import Postgres
import Testing

/// The C2C exchange's `user.user.login` driven through the gateway: login codes (sent when only the
/// mobile is given, with the interval and the daily 405), sign-up by code, password sign-in, the
/// 15-minute lock after five wrong passwords, replaced tokens, a yaf account signing in, hostile input.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct C2CAuthTests {
    @Test func codeSignUpAndReplacedTokens() async throws {
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: ["SMS_DAILY_LIMIT_PER_TARGET": "3"]) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let mobile = "13800000301"
            let sent = try await client.c2c("user.user.login", ["mobile_phone": .string(mobile)])
            #expect(sent["code"] == "200")
            #expect(sent["msg"] == "验证码已发送")
            #expect(sent["time"]?.stringValue?.allSatisfy(\.isNumber) == true)
            let firstCode = try #require(sent["data"]?["code"]?.stringValue)
            let tooSoon = try await client.c2c("user.user.login", ["mobile_phone": .string(mobile)])
            #expect(tooSoon["code"] == "400")
            #expect(tooSoon["msg"] == "两次发送间隔小于60秒")
            try await client.execute(
                "UPDATE auth.verification_codes SET created_at = now() - interval '61 seconds' WHERE target = \(mobile)"
            )
            let resent = try await client.c2c("user.user.login", ["mobile_phone": .string(mobile)])
            let code = try #require(resent["data"]?["code"]?.stringValue)

            let wrong = code == "000000" ? "111111" : "000000"
            let wrongCode = try await client.c2c(
                "user.user.login", ["mobile_phone": .string(mobile), "code": .string(wrong)])
            #expect(wrongCode == ["code": "20005", "msg": "短信验证码错误", "time": wrongCode["time"]!])
            if firstCode != code {
                let older = try await client.c2c(
                    "user.user.login", ["mobile_phone": .string(mobile), "code": .string(firstCode)])
                #expect(older["code"] == "20005")
            }
            let signedUp = try await client.c2c(
                "user.user.login", ["mobile_phone": .string(mobile), "code": .string(code)])
            #expect(signedUp["code"] == "200")
            let data = try #require(signedUp["data"]?.objectValue)
            #expect(data.map(\.key) == ["mtoken", "id", "mobile_phone"])
            let firstToken = try #require(data["mtoken"]?.stringValue)
            #expect(firstToken.wholeMatch(of: /[0-9a-f]{32}/) != nil)
            let reused = try await client.c2c(
                "user.user.login", ["mobile_phone": .string(mobile), "code": .string(code)])
            #expect(reused["code"] == "20004")

            try await client.execute(
                "UPDATE auth.verification_codes SET created_at = now() - interval '61 seconds' WHERE target = \(mobile)"
            )
            let third = try await client.c2c("user.user.login", ["mobile_phone": .string(mobile)])
            let thirdCode = try #require(third["data"]?["code"]?.stringValue)
            let again = try await client.c2c(
                "user.user.login", ["mobile_phone": .string(mobile), "code": .string(thirdCode)])
            #expect(again["data"]?["id"] == data["id"])
            let secondToken = try #require(again["data"]?["mtoken"]?.stringValue)
            let old = try await client.c2c("wallet.wallet.getUserAssets", mtoken: firstToken)
            #expect(old["code"] == "104")
            let current = try await client.c2c("wallet.wallet.getUserAssets", mtoken: secondToken)
            #expect(current["code"] != "104")

            try await client.execute(
                "UPDATE auth.verification_codes SET created_at = now() - interval '61 seconds' WHERE target = \(mobile)"
            )
            let fourth = try await client.c2c("user.user.login", ["mobile_phone": .string(mobile)])
            #expect(fourth == ["code": "405", "msg": "您今天手机获取的验证码已达到上限", "time": fourth["time"]!])

            let noPassword = try await client.c2c(
                "user.user.login", ["mobile_phone": .string(mobile), "password": "any_Pass-1"])
            #expect(noPassword["code"] == "2003")
            #expect(try await client.c2c("user.user.login", ["mobile_phone": "1380000030"])["code"] == "20006")
            #expect(try await client.c2c("user.user.login", [:])["code"] == "404")
            client.expectNoSecretsInLogs([firstCode, code, thirdCode, firstToken, secondToken])
        }
    }

    @Test func yafAccountSignsInAndWrongPasswordsLock() async throws {
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: ["SMS_SEND_INTERVAL_SECONDS": "0"]) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let mobile = "13800000311"
            let password = "c2c_Pass-11"
            _ = try await client.yafRegister(mobile, password: password)
            let signedIn = try await client.c2c(
                "user.user.login", ["mobile_phone": .string(mobile), "password": .string(password)])
            #expect(signedIn["code"] == "200")
            let token = try #require(signedIn["data"]?["mtoken"]?.stringValue)
            let unknown = try await client.c2c(
                "user.user.login", ["mobile_phone": "13800000312", "password": .string(password)])
            #expect(unknown["code"] == "2002")

            for attempt in 1...5 {
                let guess = try await client.c2c(
                    "user.user.login", ["mobile_phone": .string(mobile), "password": .string("guess_\(attempt)")])
                #expect(guess["code"] == (attempt < 5 ? "2003" : "60000"), "attempt \(attempt)")
                if attempt == 5 { #expect(guess["msg"] == "错误次数过多，请15分钟以后再试") }
            }
            let locked = try await client.c2c(
                "user.user.login", ["mobile_phone": .string(mobile), "password": .string(password)])
            #expect(locked["code"] == "60000")
            let lockMinutes = try await client.scalar(
                """
                SELECT round(extract(epoch FROM max(f.locked_until) - now()) / 60)::bigint AS minutes
                  FROM auth.password_failures f JOIN auth.accounts a ON a.id = f.account_id
                 WHERE a.mobile = \(mobile)
                """, "minutes", as: Int64.self)
            #expect(lockMinutes == 15)

            let sent = try await client.c2c("user.user.login", ["mobile_phone": .string(mobile)])
            let code = try #require(sent["data"]?["code"]?.stringValue)
            let byCode = try await client.c2c(
                "user.user.login", ["mobile_phone": .string(mobile), "code": .string(code)])
            #expect(byCode["code"] == "200")
            #expect(byCode["data"]?["id"] == signedIn["data"]?["id"])

            try await client.execute("UPDATE auth.password_failures SET locked_until = now() - interval '1 second'")
            let unlocked = try await client.c2c(
                "user.user.login", ["mobile_phone": .string(mobile), "password": .string(password)])
            #expect(unlocked["code"] == "200")
            client.expectNoSecretsInLogs([password, token, code])
        }
    }

    @Test func hostileInputGetsCleanRefusals() async throws {
        try await TestMesh.with(
            ["auth", "gateway"],
            extraEnvironment: ["SMS_SEND_INTERVAL_SECONDS": "0", "SMS_DAILY_LIMIT_PER_ADDRESS": "1000"]
        ) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            _ = try await client.yafRegister("13800000321", password: "hostile_Pass-1")
            let base: JSONObject = ["mobile_phone": "13800000321", "password": "hostile_Pass-1", "code": "123456"]
            for field in ["mobile_phone", "password", "code"] {
                for value in MiniProgramAuthClient.hostileValues {
                    var parameters = base
                    if field == "code" { parameters.removeValue(forKey: "password") }
                    parameters[field] = value
                    let answer = try await client.c2c("user.user.login", parameters)
                    let code = answer["code"]?.stringValue
                    #expect(code != nil && code != "200" && code != "90002" && code != "400", "\(field): \(answer)")
                    #expect(answer["msg"]?.stringValue?.isEmpty == false)
                    try await client.execute(
                        "DELETE FROM auth.password_failures")
                }
            }
            let accounts = try await client.scalar("SELECT count(*) AS n FROM auth.accounts", "n", as: Int64.self)
            #expect(accounts == 1)
        }
    }
}
