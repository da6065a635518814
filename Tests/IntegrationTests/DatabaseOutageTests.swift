import Crypto
import Dialects
import Foundation
import JSON
import Postgres
import ServiceHarness
import Testing

/// A service whose database cannot be reached answers its callers "service unavailable" in their
/// dialect (the exchange's 8001), never "internal error" (90002), and recovers once it can connect again.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct DatabaseOutageTests {
    @Test func aLostDatabaseIsServiceUnavailableNotAnInternalError() async throws {
        let serverURL = try #require(TestEnvironment.databaseURL)
        let role = "it_user_" + SecureRandom.token(bytes: 4)
        try await TestDatabaseServer.execute("CREATE ROLE \(role) LOGIN SUPERUSER", on: serverURL)
        let userURL = serverURL.replacingOccurrences(of: "://postgres@", with: "://\(role)@")
        let ownDatabase = TestDatabaseServer.replacingDatabase(in: userURL, with: TestMesh.databasePlaceholder)
        do {
            try await UserTestClient.withMesh(
                ["auth", "user", "content", "gateway"], environment: ["USER_DATABASE_URL": ownDatabase]
            ) { client in
                let (_, token) = try await client.signedIn(.c2c, mobile: "13800000071")
                let list: () async throws -> JSONValue = {
                    try await client.call(.c2c, "user.payment.getPaymentList", token: token, [:])
                }
                #expect(try await list()["code"] == "200")

                try await TestDatabaseServer.execute("ALTER ROLE \(role) NOLOGIN", on: serverURL)
                try await TestDatabaseServer.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '\(role)'", on: serverURL)
                let lost = try await list()
                #expect(lost["code"] == "8001", "\(lost)")

                try await TestDatabaseServer.execute("ALTER ROLE \(role) LOGIN", on: serverURL)
                var recovered = try await list()
                for _ in 0..<20 where recovered["code"] != "200" {
                    try await Task.sleep(for: .milliseconds(250))
                    recovered = try await list()
                }
                #expect(recovered["code"] == "200", "\(recovered)")
            }
        } catch {
            try? await TestDatabaseServer.execute("DROP ROLE IF EXISTS \(role)", on: serverURL)
            throw error
        }
        try await TestDatabaseServer.execute("DROP ROLE IF EXISTS \(role)", on: serverURL)
    }
}
