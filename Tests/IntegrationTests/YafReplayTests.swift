import Catalog
import HTTPCore
import JSON
import Testing

/// The app base API's signed requests through the gateway: an identical request inside the timestamp
/// window is a replay for what changes state, and is answered again for a read.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct YafReplayTests {
    @Test func anIdenticalSignedRequestIsAReplayUnlessItReads() async throws {
        try await TestMesh.with(["auth", "content", "gateway"]) { mesh in
            func send(_ request: HTTPRequest) async throws -> JSONValue {
                try JSONValue.parse(try await mesh.send(request, to: "gateway").body)
            }
            let tokens = try #require(OperationCatalog.find(.yaf, name: "system.request.token"))
            let now = DialectRequests.now
            let request = DialectRequests.request(for: tokens, token: nil, parameters: ["number": 1], timestamp: now)
            let first = try await send(request)
            #expect(first["code"] == 200)
            let replay = try await send(request)
            #expect(replay["code"] == 503, "\(replay)")
            #expect(replay["data"] == nil)
            let later = DialectRequests.request(
                for: tokens, token: nil, parameters: ["number": 1], timestamp: now - 1)
            #expect(try await send(later)["code"] == 200)

            let news = try #require(OperationCatalog.find(.yaf, name: "news.list"))
            let read = DialectRequests.request(for: news, token: nil, timestamp: now)
            #expect(try await send(read)["code"] == 200)
            #expect(try await send(read)["code"] == 200)
            #expect(!tokens.repeatable && news.repeatable)
        }
    }
}
