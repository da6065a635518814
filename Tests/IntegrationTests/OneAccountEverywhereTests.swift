import Crypto
import Dialects
import JSON
import Testing

/// A person registers once, in the mobile mall, and signs in through each of the other four dialects
/// as the same account: password sign-in in the app base API and the exchange, WeChat sign-in plus
/// binding the same mobile in both mini-programs.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct OneAccountEverywhereTests {
    @Test func registerInTheMallThenSignInEverywhere() async throws {
        let environment = ["SMS_SEND_INTERVAL_SECONDS": "0", "SMS_DAILY_LIMIT_PER_ADDRESS": "1000"]
        try await TestMesh.with(["auth", "gateway"], extraEnvironment: environment) { mesh in
            let mall = MobileClient(mesh: mesh)
            let apps = MiniProgramAuthClient(mesh: mesh)
            let mobile = "13700000001"
            let password = "every_where1"
            _ = try await mall.registerAndLogIn(mobile, password: password)
            let account = try await apps.scalar(
                "SELECT id FROM auth.accounts WHERE mobile = \(mobile)", "id", as: Int64.self)

            let yaf = try await apps.yaf(
                "user.login", ["mobile": .string(mobile), "login_type": 2, "password": .string(password)])
            #expect(yaf["code"] == 200, "yaf: \(yaf)")
            let yafToken = try #require(yaf["data"]?["token"]?.stringValue)
            #expect(try await sessionAccount(apps, yafToken) == account)

            let c2c = try await apps.c2c(
                "user.user.login", ["mobile_phone": .string(mobile), "password": .string(password)])
            #expect(c2c["code"] == "200", "c2c: \(c2c)")
            #expect(c2c["data"]?["id"] == .string(String(account)))

            let (o2oToken, _) = try await apps.wxLogin("erin")
            let bound = try await apps.bind(mobile, token: o2oToken)
            #expect(bound["data"]?["userInfo"]?["mobile"] == .string(mobile), "o2o: \(bound)")
            #expect(try await sessionAccount(apps, o2oToken) == account)

            let train = try await apps.trainLogin("frank")
            let sent = try await apps.train(
                "sendPhoneCode", loginKey: train.loginKey, userID: train.userID, ["phoneNo": .string(mobile)])
            let code = try #require(sent["data"]?["smsCode"]?.stringValue, "train: \(sent)")
            let trainBound = try await apps.train(
                "checkPhoneCode", loginKey: train.loginKey, userID: train.userID,
                ["phoneNo": .string(mobile), "smsCode": .string(code)])
            #expect(trainBound["data"]?["userId"] == .string(String(account)), "train: \(trainBound)")

            let people = try await apps.scalar(
                "SELECT count(*) AS n FROM auth.accounts WHERE mobile IS NOT NULL", "n", as: Int64.self)
            #expect(people == 1)
            apps.expectNoSecretsInLogs([password, yafToken, o2oToken, train.loginKey, code])
        }
    }

    private func sessionAccount(_ client: MiniProgramAuthClient, _ token: String) async throws -> Int64 {
        try await client.scalar(
            "SELECT account_id FROM auth.sessions WHERE token_hash = \(Digest.sha256(token))", "account_id",
            as: Int64.self)
    }
}
