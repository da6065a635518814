import Foundation
import HTTPCore
import Postgres
import Testing

/// Every executable starts against a real PostgreSQL, migrates its schema and answers the
/// standard routes; the gateway reaches them through its mesh client.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct ServicesStartTests {
    static let all = ["auth", "user", "orders", "merchants", "exchange", "content", "gateway"]

    @Test func allServicesStartMigrateAndAnswer() async throws {
        try await TestMesh.with(Self.all) { mesh in
            for name in Self.all {
                let health = try await mesh.get("/health", from: name)
                #expect(health.status == .ok)
                #expect(health.bodyText == "{\"status\":\"ok\",\"service\":\"\(name)\"}")
                #expect(health.headers["Content-Type"]?.hasPrefix("application/json") == true)
                let ready = try await mesh.get("/ready", from: name)
                #expect(ready.status == .ok, "\(name) /ready: \(ready.bodyText)")
                let metrics = try await mesh.get("/metrics", from: name)
                #expect(
                    metrics.bodyText.contains("http_requests_total{route=\"/ready\",method=\"GET\",status=\"200\"}"))
                #expect(metrics.bodyText.contains("# TYPE http_request_duration_seconds histogram"))
            }
            let dbMetrics = try await mesh.get("/metrics", from: "auth").bodyText
            #expect(dbMetrics.contains("db_pool_connections"))
            let schemas = try await mesh.withDatabase { pool in
                try await pool.query("SELECT nspname FROM pg_namespace ORDER BY nspname").map {
                    try $0.decode("nspname", as: String.self)
                }
            }
            for schema in ["auth", "users", "orders", "merchants", "exchange", "content"] {
                #expect(schemas.contains(schema))
                let versions = try await mesh.withDatabase { pool in
                    try await pool.query(
                        PostgresQuery(unsafeSQL: "SELECT version FROM \(schema).schema_migrations ORDER BY version")
                    )
                    .map { try $0.decode("version", as: String.self) }
                }
                #expect(versions.first == "0001")
                #expect(versions == versions.sorted())
            }
        }
    }

    @Test func gatewayForwardsToServicesAndReportsTheirFailure() async throws {
        try await TestMesh.with(["auth", "user", "gateway"]) { mesh in
            let forwarded = try await mesh.get(
                "/services/auth/health", from: "gateway", headers: ["X-Request-Id": "trace-123"])
            #expect(forwarded.status == .ok)
            #expect(forwarded.bodyText.contains("\"service\":\"auth\""))
            #expect(forwarded.headers["X-Request-Id"] == "trace-123")
            let ready = try await mesh.get("/services/user/ready", from: "gateway")
            #expect(ready.status == .ok)
            #expect(try await mesh.get("/services/nothing/health", from: "gateway").status == .notFound)
            // orders was not started: the gateway answers 502 at once and is not ready.
            let missing = try await mesh.get("/services/orders/health", from: "gateway")
            #expect(missing.status == .badGateway)
            #expect(try await mesh.get("/ready", from: "gateway").status == .serviceUnavailable)
            try await Task.sleep(for: .milliseconds(200))
            #expect(mesh.services["auth"]!.log.contains("\"request.id\":\"trace-123\""))
        }
    }
}
