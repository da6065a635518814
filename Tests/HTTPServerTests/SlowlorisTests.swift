import EventLoops
import HTTPClient
import HTTPCore
import HTTPServer
import Testing

/// A thousand connections trickling a byte at a time must not keep others from being served.
@Suite struct SlowlorisTests {
    @Test func normalRequestsAreServedWhileSlowClientsTrickle() async throws {
        // The header deadline is the defence against slow clients; here it must outlast the test even on a
        // loaded machine, so the trickling connections stay open and the point is that others are served.
        let running = try await RunningServer.start(
            configure: { $0.headerTimeoutMilliseconds = 300_000 }, EchoResponder())
        defer { Task { await running.stop() } }
        let slow = try (0..<1000).map { _ in try RawConnection(port: running.port) }
        let head = Array("GET /slow HTTP/1.1\r\nHost: x\r\nX-Pad: ".utf8)
        let client = HTTPClient(group: running.group, configuration: patientClientConfiguration())
        let upstream = Upstream(host: "127.0.0.1", port: running.port)
        var served = 0
        for round in 0..<3 {
            for connection in slow { connection.send([head[min(round, head.count - 1)]]) }
            for _ in 0..<50 {
                let response = try await client.send(HTTPRequest(method: .get, target: "/fast"), to: upstream)
                if response.status == .ok { served += 1 }
            }
            try await Task.sleep(for: .seconds(2))
        }
        client.shutdown()
        #expect(served == 150)
        #expect(running.server.openConnections >= 1000)
    }
}
