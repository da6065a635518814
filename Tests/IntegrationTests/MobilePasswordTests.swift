import Catalog
import JSON
import Testing

/// The mobile mall's login passwords through the gateway: 6 to 32 characters, as its document says, while
/// the app base API keeps 6 to 20.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct MobilePasswordTests {
    @Test func passwordsOfSixToThirtyTwoCharacters() async throws {
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: MobileAuthTests.generousLimits) { mesh in
            let client = MobileClient(mesh: mesh)
            let phone = "13900000501"
            let long = String(repeating: "a1_", count: 10) + "b2"
            #expect(long.count == 32)
            let code = try await client.sendPhoneCode(phone, type: "1")
            let tooLong = try await client.call(
                "/mobile/register",
                ["username": .string(phone), "pwd": .string(long + "x"), "phoneCode": .string(code)])
            #expect(tooLong["code"] == "300")
            let token = try await client.registerAndLogIn(phone, password: long)
            #expect(token.count == 32)

            let changed = String(repeating: "z", count: 25)
            let change = try await client.call(
                "/mobile/member/modifypwd", ["pwd": .string(long), "newpwd": .string(changed)], token: token)
            #expect(change == ["code": "200", "msg": "密码修改成功"])
            let login = try await client.call("/mobile/login", ["username": .string(phone), "pwd": .string(changed)])
            #expect(login["code"] == "200")

            let yafRegister = try #require(OperationCatalog.find(.yaf, name: "user.register"))
            let yaf = try JSONValue.parse(
                try await mesh.send(
                    DialectRequests.request(
                        for: yafRegister, token: nil,
                        parameters: ["mobile": "13900000502", "password": .string(changed), "code": "123456"]),
                    to: "gateway"
                ).body)
            #expect(yaf["code"] == 503, "the app base API keeps 6 to 20: \(yaf)")
        }
    }
}
