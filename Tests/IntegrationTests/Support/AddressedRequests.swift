import Foundation
import HTTPCore
import JSON

/// Sends a client request to a mesh service from a chosen loopback source address (127.0.0.2, …), so
/// the gateway, which takes the client address from the TCP peer, sees another client.
extension TestMesh {
    func send(_ request: HTTPRequest, to name: String, from source: String) async throws -> JSONValue {
        guard let service = services[name] else { throw HarnessError("\(name) is not part of this mesh") }
        var head = "\(request.method.rawValue) \(request.target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for field in request.headers { head += "\(field.name): \(field.value)\r\n" }
        head += "Content-Length: \(request.body.count)\r\nConnection: close\r\n\r\n"
        let text = head + String(decoding: request.body, as: UTF8.self)
        let port = service.port
        let answer = try await Task.detached {
            let connection = try RawConnection(port: port, from: source)
            connection.write(text)
            return connection.read(timeout: .seconds(30))
        }.value
        guard let split = answer.range(of: "\r\n\r\n") else { throw HarnessError("no response head: \(answer)") }
        let responseHead = answer[..<split.lowerBound].lowercased()
        guard responseHead.hasPrefix("http/1.1 200"), !responseHead.contains("transfer-encoding: chunked") else {
            throw HarnessError("unexpected response: \(answer.prefix(300))")
        }
        return try JSONValue.parse(Array(answer[split.upperBound...].utf8))
    }
}
