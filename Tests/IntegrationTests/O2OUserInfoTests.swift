import JSON
import Testing

/// The O2O `userInfo` names the person: the real name, else the nickname the user service keeps; the masked
/// mobile only when it has neither.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct O2OUserInfoTests {
    @Test func userInfoNamesThePersonBeforeTheMaskedMobile() async throws {
        try await TestMesh.with(["auth", "user", "gateway"]) { mesh in
            let client = MiniProgramAuthClient(mesh: mesh)
            let mobile = "13800000402"
            let (token, _) = try await client.wxLogin("jon")
            let bound = try await client.bind(mobile, token: token)
            #expect(bound["data"]?["userInfo"] == ["name": "138****0402", "mobile": .string(mobile)])
            let account = try await client.scalar(
                "SELECT id FROM auth.accounts WHERE mobile = \(mobile)", "id", as: Int64.self)

            try await client.execute(
                """
                INSERT INTO users.profiles (account_id, nickname) VALUES (\(account), 'Jonny')
                ON CONFLICT (account_id) DO UPDATE SET nickname = EXCLUDED.nickname
                """)
            let (_, byNickname) = try await client.wxLogin("jon")
            #expect(byNickname["data"]?["userInfo"] == ["name": "Jonny", "mobile": .string(mobile)])

            try await client.execute("UPDATE users.profiles SET real_name = '张三' WHERE account_id = \(account)")
            let (_, byRealName) = try await client.wxLogin("jon")
            #expect(byRealName["data"]?["userInfo"] == ["name": "张三", "mobile": .string(mobile)])
        }
    }
}
