import EventLoops
import Glibc
import HTTPCore
import HTTPServer
import Testing

@Suite struct KeepAliveAndPipeliningTests {
    @Test func servesSeveralRequestsOnOneConnection() async throws {
        let running = try await RunningServer.start(EchoResponder())
        defer { Task { await running.stop() } }
        let connection = try RawConnection(port: running.port)
        for i in 0..<3 {
            connection.send("GET /n/\(i) HTTP/1.1\r\nHost: x\r\n\r\n")
            let (responses, closed) = await connection.readResponses()
            #expect(!closed)
            #expect(responses.first?.bodyText == "GET /n/\(i) ")
        }
        #expect(running.server.acceptedConnections == 1)
    }

    @Test func answersPipelinedRequestsInOrder() async throws {
        let running = try await RunningServer.start(EchoResponder())
        defer { Task { await running.stop() } }
        let connection = try RawConnection(port: running.port)
        connection.send(
            "GET /sleep/150 HTTP/1.1\r\nHost: x\r\n\r\nGET /sleep/1 HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
        let (responses, _) = await connection.readResponses(3)
        #expect(responses.map(\.bodyText) == ["GET /sleep/150 ", "GET /sleep/1 ", "POST /p abc"])
    }

    @Test func readsChunkedBodies() async throws {
        let running = try await RunningServer.start(EchoResponder())
        defer { Task { await running.stop() } }
        let connection = try RawConnection(port: running.port)
        connection.send(
            "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n")
        let (responses, _) = await connection.readResponses()
        #expect(responses.first?.bodyText == "POST /c abcde")
    }

    @Test func sendsContinueBeforeTheBody() async throws {
        let running = try await RunningServer.start(EchoResponder())
        defer { Task { await running.stop() } }
        let connection = try RawConnection(port: running.port)
        connection.send("POST /e HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n")
        #expect(await connection.read(upTo: 25) == "HTTP/1.1 100 Continue\r\n\r\n")
        connection.send("ok")
        let (responses, _) = await connection.readResponses()
        #expect(responses.first?.bodyText == "POST /e ok")
    }

    @Test func closesAfterConnectionClose() async throws {
        let running = try await RunningServer.start(EchoResponder())
        defer { Task { await running.stop() } }
        let connection = try RawConnection(port: running.port)
        connection.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let text = await connection.readAll()
        #expect(text.contains("Connection: close"))
        #expect(text.hasSuffix("GET / "))
    }

    @Test func answersHeadWithoutBody() async throws {
        let running = try await RunningServer.start(EchoResponder())
        defer { Task { await running.stop() } }
        let connection = try RawConnection(port: running.port)
        connection.send("HEAD /h HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        let text = await connection.readAll()
        #expect(text.contains("Content-Length: 8\r\n"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }
}
