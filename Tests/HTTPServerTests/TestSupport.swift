import EventLoops
import Foundation
import Glibc
import HTTPClient
import HTTPCore
import HTTPServer

/// A server on a free loopback port for one test, stopped by `stop()`.
struct RunningServer {
    let server: HTTPServer
    let group: EventLoopGroup
    let port: Int

    static func start(
        configure: (inout HTTPServerConfiguration) -> Void = { _ in },
        _ responder: any HTTPResponder
    ) async throws -> RunningServer {
        ProcessLimits.raiseOpenFileLimit()
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configure(&configuration)
        let group = try EventLoopGroup(threads: 2)
        let server = HTTPServer(configuration: configuration, group: group, responder: responder)
        let port = try await server.start()
        return RunningServer(server: server, group: group, port: port)
    }

    func stop() async {
        await server.shutdown(grace: .milliseconds(200))
        await group.shutdown()
    }
}

/// A client configuration with deadlines long enough for a machine under heavy load: tests
/// check outcomes, not speed.
func patientClientConfiguration() -> HTTPClientConfiguration {
    var configuration = HTTPClientConfiguration()
    configuration.responseTimeoutMilliseconds = 30_000
    configuration.poolWaitTimeoutMilliseconds = 30_000
    configuration.connectTimeoutMilliseconds = 10_000
    return configuration
}

/// Echoes method, target and body; `/sleep/N` waits N ms first.
struct EchoResponder: HTTPResponder {
    func bodyLimit(for head: RequestHead) -> Int? { head.path == "/small" ? 16 : nil }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        if request.path.hasPrefix("/sleep/"), let ms = Int(request.path.dropFirst("/sleep/".count)) {
            try? await Task.sleep(for: .milliseconds(ms))
        }
        var response = HTTPResponse(
            status: .ok, body: Array("\(request.method) \(request.target) ".utf8) + request.body)
        response.headers.add("Content-Type", "text/plain")
        return response
    }
}

/// Runs blocking work on a thread of its own, never on the cooperative pool the server's
/// handlers need.
func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}

/// A blocking test client over a raw socket, for sending exact bytes. Its reads are async and run
/// off the cooperative pool.
final class RawConnection: Sendable {
    let fd: Int32

    init(port: Int, timeoutSeconds: Int = 30) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else {
            close(fd)
            throw SocketError("connect")
        }
    }

    deinit { close(fd) }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { _ = Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until `count` whole responses arrived, the peer closed, or the read timed out.
    func readResponses(_ count: Int = 1) async -> (responses: [HTTPResponse], closed: Bool) {
        await offPool { self.blockingReadResponses(count) }
    }

    func isClosedByPeer() async -> Bool { await offPool { self.blockingIsClosedByPeer() } }

    func readAll() async -> String { await offPool { self.blockingReadAll() } }

    /// Reads up to `count` bytes (one `recv`).
    func read(upTo count: Int) async -> String {
        await offPool {
            var bytes = [UInt8](repeating: 0, count: count)
            let n = recv(self.fd, &bytes, count, 0)
            return String(decoding: bytes[..<max(0, n)], as: UTF8.self)
        }
    }

    private func blockingReadResponses(_ count: Int) -> (responses: [HTTPResponse], closed: Bool) {
        var parser = HTTPResponseParser()
        var buffer = ByteBuffer()
        var responses: [HTTPResponse] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while responses.count < count {
            switch parser.next(&buffer) {
            case .response(let response, _):
                responses.append(response)
                continue
            case .failed:
                return (responses, true)
            case .needMoreData:
                break
            }
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return (responses, n == 0) }
            buffer.append(contentsOf: chunk[..<n])
        }
        return (responses, false)
    }

    /// True when the peer has closed (reads EOF within the timeout).
    private func blockingIsClosedByPeer() -> Bool {
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, 0) == 0
    }

    /// Reads whatever arrives until the peer closes or the read times out.
    private func blockingReadAll() -> String {
        var collected: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            collected += chunk[..<n]
        }
        return String(decoding: collected, as: UTF8.self)
    }
}

extension HTTPResponse {
    var bodyText: String { String(decoding: body, as: UTF8.self) }
}
