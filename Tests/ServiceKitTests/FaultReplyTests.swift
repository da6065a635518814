import Mesh
import ServiceKit
import Testing

@testable import Postgres

/// Errors a handler lets through become `upstream_failed` when the database is unavailable and
/// `internal` otherwise.
@Suite struct FaultReplyTests {
    @Test func aFailedConnectIsUnavailable() async throws {
        // Nothing listens on port 1 of the loopback address, so the connect itself fails.
        let configuration = try PostgresConfiguration(
            url: "postgres://nobody@127.0.0.1:1/none", poolSize: 1, poolWaitTimeout: .seconds(2),
            connectTimeout: .seconds(2))
        let pool = PostgresPool(configuration: configuration)
        var thrown: (any Error)?
        do {
            _ = try await pool.query("SELECT 1")
        } catch {
            thrown = error
        }
        await pool.close()
        let error = try #require(thrown)
        #expect(FaultReply.reply(for: error).kind == .upstreamFailed, "\(error)")
    }

    @Test func poolAndConnectionFailuresAreUnavailable() {
        let unavailable: [PostgresError] = [
            PostgresError(.poolTimeout(waited: .seconds(5))), PostgresError(.poolClosed),
            PostgresError(.connectionLost("server closed the connection")), PostgresError(.connectionClosed),
            PostgresError(.timeout(.seconds(1))),
            PostgresError(.server(sqlState: "57P01", message: "terminating connection", detail: nil, constraint: nil)),
            PostgresError(.server(sqlState: "08006", message: "connection failure", detail: nil, constraint: nil)),
        ]
        for error in unavailable {
            #expect(FaultReply.reply(for: error).kind == .upstreamFailed, "\(error)")
        }
    }

    @Test func otherErrorsAreInternal() {
        struct Unexpected: Error {}
        let faults: [any Error] = [
            Unexpected(),
            PostgresError(.server(sqlState: "23505", message: "duplicate key", detail: nil, constraint: "k")),
            PostgresError(.decoding(column: "id", type: "Int64", reason: "null")),
        ]
        for error in faults {
            let reply = FaultReply.reply(for: error)
            #expect(reply.kind == .internal && reply.message == "internal error", "\(error)")
        }
    }
}
