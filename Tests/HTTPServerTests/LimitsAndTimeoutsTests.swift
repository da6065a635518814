import EventLoops
import HTTPCore
import HTTPServer
import Testing

@Suite struct LimitsAndTimeoutsTests {
    private func statusLine(of text: String) -> Substring { text.split(separator: "\r\n").first ?? "" }

    @Test(arguments: [
        ("GET /\(String(repeating: "a", count: 9000)) HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 414"),
        ("GET / HTTP/1.1\r\nHost: x\r\nBig: \(String(repeating: "b", count: 17000))\r\n\r\n", "HTTP/1.1 431"),
        ("GET / HTTP/1.1\r\nHost: x\r\n" + (0..<101).map { "H\($0): v\r\n" }.joined() + "\r\n", "HTTP/1.1 431"),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n", "HTTP/1.1 413"),
        ("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\n\r\n", "HTTP/1.1 413"),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", "HTTP/1.1 400"),
        ("GET / HTTP/1.1\r\nHost: x\r\nBad Name: v\r\n\r\n", "HTTP/1.1 400"),
    ])
    func refusesAndCloses(request: String, expected: String) async throws {
        let running = try await RunningServer.start(EchoResponder())
        defer { Task { await running.stop() } }
        let connection = try RawConnection(port: running.port)
        connection.send(request)
        let text = await connection.readAll()
        #expect(statusLine(of: text).hasPrefix(expected))
        #expect(text.contains("Connection: close"))
    }

    @Test func timesOutASlowHead() async throws {
        let running = try await RunningServer.start(configure: { $0.headerTimeoutMilliseconds = 300 }, EchoResponder())
        defer { Task { await running.stop() } }
        let connection = try RawConnection(port: running.port)
        connection.send("GET / HTTP/1.1\r\nHo")
        #expect(statusLine(of: await connection.readAll()).hasPrefix("HTTP/1.1 408"))
    }

    @Test func closesIdleKeepAliveConnections() async throws {
        let running = try await RunningServer.start(configure: { $0.idleTimeoutMilliseconds = 300 }, EchoResponder())
        defer { Task { await running.stop() } }
        let connection = try RawConnection(port: running.port)
        connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await connection.readResponses().responses.count == 1)
        #expect(await connection.isClosedByPeer())
    }

    @Test func refusesConnectionsOverTheLimit() async throws {
        let running = try await RunningServer.start(configure: { $0.maxConnections = 3 }, EchoResponder())
        defer { Task { await running.stop() } }
        let held = try (0..<3).map { _ in try RawConnection(port: running.port) }
        for connection in held {
            connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await connection.readResponses().responses.count == 1)
        }
        let extra = try RawConnection(port: running.port)
        #expect(statusLine(of: await extra.readAll()).hasPrefix("HTTP/1.1 503"))
    }

    @Test func finishesInFlightRequestsOnShutdown() async throws {
        let running = try await RunningServer.start(EchoResponder())
        let connection = try RawConnection(port: running.port)
        // The answer takes long enough that the shutdown begins while it is in flight, even on a loaded machine.
        connection.send("GET /sleep/6000 HTTP/1.1\r\nHost: x\r\n\r\n")
        try await Task.sleep(for: .milliseconds(50))
        async let stopped: Void = running.server.shutdown(grace: .seconds(20))
        let text = await connection.readAll()
        await stopped
        await running.group.shutdown()
        #expect(text.hasPrefix("HTTP/1.1 200"))
        #expect(text.contains("Connection: close"))
        #expect((try? RawConnection(port: running.port)) == nil)
    }
}

@Suite struct PortTests {
    @Test func refusesAPortAlreadyInUse() async throws {
        let first = try await RunningServer.start(EchoResponder())
        defer { Task { await first.stop() } }
        let group = try EventLoopGroup(threads: 1)
        var configuration = HTTPServerConfiguration()
        configuration.port = first.port
        let second = HTTPServer(configuration: configuration, group: group, responder: EchoResponder())
        await #expect(throws: SocketError.self) { try await second.start() }
        await group.shutdown()
    }

    @Test func neutralizesLineBreaksInHeaderValues() async throws {
        let running = try await RunningServer.start(
            ClosureResponder { _ in
                var response = HTTPResponse.text("x")
                response.headers.add("X-Echo", "a\r\nSet-Cookie: evil=1")
                return response
            })
        defer { Task { await running.stop() } }
        let connection = try RawConnection(port: running.port)
        connection.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let text = await connection.readAll()
        #expect(text.contains("X-Echo: a  Set-Cookie: evil=1\r\n"))
        #expect(!text.contains("\r\nSet-Cookie"))
    }
}

@Suite struct LingeringCloseTests {
    @Test func aClientStillSendingItsBodyReadsTheRefusal() async throws {
        let running = try await RunningServer.start(EchoResponder())
        defer { Task { await running.stop() } }
        let connection = try RawConnection(port: running.port)
        connection.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 8000000\r\n\r\n")
        let body = [UInt8](repeating: 0x61, count: 8_000_000)
        await offPool { connection.send(body) }
        let text = await connection.readAll()
        #expect(text.hasPrefix("HTTP/1.1 413"))
    }
}
