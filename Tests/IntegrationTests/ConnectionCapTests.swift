import Testing

/// The HTTP server's per-address connection cap as the gateway applies it: one address holding idle
/// connections gets a 503 and a close beyond its share, and a connection again once one of them ends.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct ConnectionCapTests {
    @Test func oneAddressGetsAtMostItsShareOfConnections() async throws {
        let cap = 4
        try await TestMesh.with(["gateway"], extraEnvironment: ["HTTP_MAX_CONNECTIONS_PER_ADDRESS": String(cap)]) {
            mesh in
            let port = try #require(mesh.services["gateway"]?.port)
            // The harness's own client may hold one keep-alive connection from 127.0.0.1 too.
            var idle: [RawConnection] = []
            for _ in 0..<(cap - 1) {
                idle.append(try RawConnection(port: port))
            }
            try await Task.sleep(for: .milliseconds(300))
            var refusal = ""
            for _ in 0..<2 where refusal.isEmpty {
                let extra = try RawConnection(port: port)
                let answer = extra.read(timeout: .milliseconds(1500))
                if answer.hasPrefix("HTTP/1.1 503") { refusal = answer } else { idle.append(extra) }
            }
            #expect(refusal.hasPrefix("HTTP/1.1 503"), "connection \(cap + 1) from one address: \(refusal)")
            #expect(refusal.contains("Connection: close"))

            for connection in idle { connection.close() }
            try await Task.sleep(for: .milliseconds(300))
            let again = try RawConnection(port: port)
            again.write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(again.read().hasPrefix("HTTP/1.1 200"))
        }
    }
}
