import JSON
import Testing

/// The O2O document's two sign-in steps as the gateway answers them: no token (or an unknown one) is
/// 10007, which sends the client to `wxLogin`; a token whose WeChat user has no bound mobile is 10003
/// on what needs an account, which sends it to bind the mobile.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct O2OSessionTests {
    @Test func aMissingTokenAsksForWxLoginAndAnUnboundOneForTheMobile() async throws {
        try await TestMesh.with(["auth", "content", "gateway"]) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let missing = try await client.o2o("area/tree")
            #expect(missing == ["code": 10007, "message": "token无效或不存在"])
            #expect(try await client.o2o("sms/verify_code", ["mobile": "13800000401"])["code"] == 10007)
            #expect(try await client.o2o("area/tree", token: "0123456789abcdef0123456789abcdef")["code"] == 10007)

            let (guest, _) = try await client.wxLogin("ivy")
            let unbound = try await client.o2o("area/tree", token: guest)
            #expect(unbound["code"] == 10003, "\(unbound)")
            let bound = try await client.bind("13800000401", token: guest)
            #expect(bound["code"] == 0, "\(bound)")
            #expect(try await client.o2o("area/tree", token: guest, ["tier": 1])["code"] == 0)
        }
    }
}
