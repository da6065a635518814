import EventLoops
import HTTPClient
import HTTPCore
import HTTPServer
import Testing

@Suite struct HTTPClientTests {
    @Test func reusesKeepAliveConnections() async throws {
        let running = try await RunningServer.start(EchoResponder())
        defer { Task { await running.stop() } }
        let client = HTTPClient(group: running.group, configuration: patientClientConfiguration())
        let upstream = Upstream(host: "127.0.0.1", port: running.port)
        for i in 0..<10 {
            let response = try await client.send(
                HTTPRequest(method: .post, target: "/r", body: Array("\(i)".utf8)), to: upstream)
            #expect(response.bodyText == "POST /r \(i)")
        }
        #expect(running.server.acceptedConnections == 1)
        client.shutdown()
    }

    @Test func keepsWithinThePoolSize() async throws {
        let running = try await RunningServer.start(EchoResponder())
        defer { Task { await running.stop() } }
        var configuration = patientClientConfiguration()
        configuration.maxConnectionsPerUpstream = 2
        let client = HTTPClient(group: running.group, configuration: configuration)
        let upstream = Upstream(host: "127.0.0.1", port: running.port)
        let codes = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await client.send(HTTPRequest(method: .get, target: "/sleep/10"), to: upstream).status.code
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(codes == Array(repeating: 200, count: 20))
        #expect(running.server.acceptedConnections <= 2)
        client.shutdown()
    }

    @Test func reportsRefusedConnections() async throws {
        let group = try EventLoopGroup(threads: 1)
        let client = HTTPClient(group: group)
        do {
            _ = try await client.send(HTTPRequest(method: .get, target: "/"), to: Upstream(host: "127.0.0.1", port: 1))
            Issue.record("expected a refused connection")
        } catch {
            #expect(error.kind == .connectionRefused)
        }
        await group.shutdown()
    }

    @Test func timesOutSlowResponses() async throws {
        let running = try await RunningServer.start(EchoResponder())
        defer { Task { await running.stop() } }
        let client = HTTPClient(group: running.group, configuration: patientClientConfiguration())
        let upstream = Upstream(host: "127.0.0.1", port: running.port)
        do {
            _ = try await client.send(
                HTTPRequest(method: .post, target: "/sleep/2000"), to: upstream, timeout: .milliseconds(300))
            Issue.record("expected a timeout")
        } catch {
            #expect(error.kind == .responseTimeout)
        }
        client.shutdown()
    }

    @Test func survivesTheServerClosingIdleConnections() async throws {
        let running = try await RunningServer.start(configure: { $0.idleTimeoutMilliseconds = 200 }, EchoResponder())
        defer { Task { await running.stop() } }
        let client = HTTPClient(group: running.group, configuration: patientClientConfiguration())
        let upstream = Upstream(host: "127.0.0.1", port: running.port)
        #expect(try await client.send(HTTPRequest(method: .post, target: "/a"), to: upstream).status == .ok)
        try await Task.sleep(for: .milliseconds(700))
        #expect(try await client.send(HTTPRequest(method: .post, target: "/b"), to: upstream).status == .ok)
        client.shutdown()
    }

    @Test func parsesUpstreamURLs() throws {
        #expect(try Upstream(url: "http://auth:8101").description == "auth:8101")
        #expect(try Upstream(url: "http://127.0.0.1:8080/").port == 8080)
        #expect(throws: HTTPClientError.self) { try Upstream(url: "https://x:1") }
        #expect(throws: HTTPClientError.self) { try Upstream(url: "http://x") }
    }
}
