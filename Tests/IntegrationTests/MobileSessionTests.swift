import JSON
import Testing

/// Mobile mall sessions through the gateway: one per device up to `MOBILE_SESSIONS_PER_ACCOUNT`, the oldest
/// ending beyond it, while the app base API keeps one session per account (603 for the replaced one).
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct MobileSessionTests {
    @Test func eachDeviceKeepsItsSessionUpToTheLimit() async throws {
        var environment = MobileAuthTests.generousLimits
        environment["MOBILE_SESSIONS_PER_ACCOUNT"] = "3"
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: environment) { mesh in
            let client = MobileClient(mesh: mesh)
            let phone = "13900000503"
            let first = try await client.registerAndLogIn(phone, password: "device_pw1")
            var tokens = [first]
            for _ in 0..<2 {
                let login = try await client.call("/mobile/login", ["username": .string(phone), "pwd": "device_pw1"])
                tokens.append(try #require(login["token"]?.stringValue))
            }
            for token in tokens {
                let answer = try await client.call("/mobile/member/checkpaypwd", token: token)
                #expect(answer["isSuccess"] == true, "every phone is still signed in: \(answer)")
            }
            let fourth = try await client.call("/mobile/login", ["username": .string(phone), "pwd": "device_pw1"])
            let newest = try #require(fourth["token"]?.stringValue)
            #expect(try await client.call("/mobile/member/checkpaypwd", token: first)["isSuccess"] == false)
            for token in tokens.dropFirst() + [newest] {
                #expect(try await client.call("/mobile/member/checkpaypwd", token: token)["isSuccess"] == true)
            }
        }
    }

    @Test func theAppBaseAPIKeepsOneSessionPerAccount() async throws {
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: MobileAuthTests.generousLimits) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let phone = "13900000504"
            _ = try await client.yafRegister(phone, password: "single_pw1")
            var tokens: [String] = []
            for device in ["phone-1", "phone-2"] {
                let login = try await client.yaf(
                    "user.login",
                    ["mobile": .string(phone), "login_type": 2, "password": "single_pw1", "unique_id": .string(device)])
                tokens.append(try #require(login["data"]?["token"]?.stringValue, "user.login: \(login)"))
            }
            #expect(try await client.yaf("user.detail", token: tokens[0])["code"] == 603)
        }
    }
}
