import Foundation
import HTTPCore
import Postgres
import Testing

/// Start-up refusal, internal-key checks, graceful stop and replicas starting together.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct LifecycleTests {
    @Test func badConfigurationStopsStartUpWithOneClearLine() async throws {
        let logs = FileManager.default.temporaryDirectory
        let process = try ServiceProcess(
            name: "auth", port: 0, environment: ["AUTH_PORT": "eighty", "DATABASE_URL": "postgres://x@127.0.0.1:1/x"],
            logDirectory: logs)
        let status = await process.waitForExit(timeout: .seconds(20))
        #expect(status == 1)
        let lines = process.log.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("AUTH_PORT") == true)
    }

    @Test func productionRefusesTheDevelopmentInternalKey() async throws {
        let process = try ServiceProcess(
            name: "gateway", port: 0, environment: ["APP_ENV": "production", "INTERNAL_KEY": "dev-internal-key"],
            logDirectory: FileManager.default.temporaryDirectory)
        #expect(await process.waitForExit(timeout: .seconds(20)) == 1)
        #expect(process.log.contains("INTERNAL_KEY"))
    }

    @Test func meshRoutesNeedTheInternalKey() async throws {
        try await TestMesh.with(["content"]) { mesh in
            let without = try await mesh.send(HTTPRequest(method: .post, target: "/op/yaf/notice.list"), to: "content")
            #expect(without.status == .forbidden)
            let wrong = try await mesh.send(
                HTTPRequest(method: .post, target: "/internal/x", headers: ["X-Internal-Key": "not-the-key"]),
                to: "content")
            #expect(wrong.status == .forbidden)
            let right = try await mesh.send(
                HTTPRequest(method: .post, target: "/internal/x", headers: ["X-Internal-Key": TestMesh.internalKey]),
                to: "content")
            #expect(right.status == .notFound)
        }
    }

    @Test func stopsCleanlyOnSIGTERMAndLogsWithoutSecrets() async throws {
        let mesh = try await TestMesh.start(["user"])
        let user = mesh.services["user"]!
        _ = try await mesh.get("/health?token=secret-token-value", from: "user")
        let status = await user.terminate()
        #expect(status == 0)
        let log = user.log
        #expect(log.contains("\"msg\":\"stopped\""))
        #expect(!log.contains("secret-token-value"))
        #expect(!log.contains(TestMesh.internalKey))
        for line in log.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "not JSON: \(line)")
        }
        await mesh.stop()
    }

    @Test func survivesLosingItsDatabaseConnections() async throws {
        try await TestMesh.with(["orders"]) { mesh in
            #expect(try await mesh.get("/ready", from: "orders").status == .ok)
            try await mesh.withDatabase { pool in
                _ = try await pool.query(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = \(mesh.databaseName) AND pid <> pg_backend_pid()"
                )
            }
            var statuses: [Int] = []
            for _ in 0..<3 { statuses.append(try await mesh.get("/ready", from: "orders").status.code) }
            #expect(statuses.last == 200)
        }
    }

    @Test func replicasStartingTogetherApplyMigrationsOnce() async throws {
        try await TestMesh.with(["exchange"]) { mesh in
            var replicas: [ServiceProcess] = []
            for _ in 0..<2 {
                let port = TestEnvironment.freePort()
                replicas.append(
                    try ServiceProcess(
                        name: "exchange", port: port,
                        environment: [
                            "EXCHANGE_PORT": String(port), "DATABASE_URL": mesh.databaseURL, "APP_ENV": "test",
                            "INTERNAL_KEY": TestMesh.internalKey,
                        ], logDirectory: mesh.logDirectory))
            }
            for replica in replicas {
                try await mesh.waitUntilHealthy(replica)
                #expect(await replica.terminate() == 0)
            }
            let count = try await mesh.withDatabase { pool in
                try await pool.query("SELECT count(*) AS n FROM exchange.schema_migrations").first!.decode(
                    "n", as: Int.self)
            }
            #expect(count == 1)
        }
    }
}
