/// A complete response: status, header fields and the whole body.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with a UTF-8 text body and its content type.
    public init(status: HTTPStatus = .ok, contentType: String, body: String) {
        self.status = status
        self.headers = ["Content-Type": contentType]
        self.body = Array(body.utf8)
    }

    /// A JSON body given as already encoded text.
    public static func json(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json; charset=utf-8", body: text)
    }

    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: text)
    }
}

extension HTTPResponse {
    /// Appends the response in wire form. `Content-Length`, `Date` and `Connection` are written
    /// here and any such fields in `headers` are skipped; `bodyAllowed` is false for answers to
    /// `HEAD` (the length is still announced).
    public func serialize(into out: inout [UInt8], date: String, keepAlive: Bool, bodyAllowed: Bool = true) {
        out.reserveCapacity(out.count + 128 + body.count)
        out.append(contentsOf: "HTTP/1.1 \(status.code) \(status.reason)\r\n".utf8)
        for field in headers.fields {
            if field.name.equalsIgnoringASCIICase("Content-Length") || field.name.equalsIgnoringASCIICase("Date")
                || field.name.equalsIgnoringASCIICase("Connection")
                || field.name.equalsIgnoringASCIICase("Transfer-Encoding")
            {
                continue
            }
            appendField(field.name, field.value, to: &out)
        }
        let noBodyStatus = status.code < 200 || status.code == 204 || status.code == 304
        if !noBodyStatus {
            out.append(contentsOf: "Content-Length: \(body.count)\r\n".utf8)
        }
        out.append(contentsOf: "Date: ".utf8)
        out.append(contentsOf: date.utf8)
        out.append(contentsOf: keepAlive ? "\r\n\r\n".utf8 : "\r\nConnection: close\r\n\r\n".utf8)
        if bodyAllowed && !noBodyStatus { out.append(contentsOf: body) }
    }
}

extension HTTPRequest {
    /// Appends the request in wire form with a `Content-Length` (clients of the mesh never chunk).
    public func serialize(into out: inout [UInt8], host: String) {
        out.append(contentsOf: "\(method.rawValue) \(target) HTTP/1.1\r\n".utf8)
        var hasHost = false
        for field in headers.fields {
            if field.name.equalsIgnoringASCIICase("Content-Length")
                || field.name.equalsIgnoringASCIICase("Transfer-Encoding")
            {
                continue
            }
            if field.name.equalsIgnoringASCIICase("Host") { hasHost = true }
            appendField(field.name, field.value, to: &out)
        }
        if !hasHost { out.append(contentsOf: "Host: \(host)\r\n".utf8) }
        if !body.isEmpty || method == .post || method == .put || method == .patch {
            out.append(contentsOf: "Content-Length: \(body.count)\r\n".utf8)
        }
        out.append(contentsOf: "\r\n".utf8)
        out.append(contentsOf: body)
    }
}

/// Appends `name: value` and CRLF, turning any CR, LF or NUL a handler let into a value into a
/// space, so no answer can be split into two.
func appendField(_ name: String, _ value: String, to out: inout [UInt8]) {
    for byte in name.utf8 where byte > 0x20 && byte != 0x3A && byte < 0x7F { out.append(byte) }
    out.append(contentsOf: ": ".utf8)
    for byte in value.utf8 { out.append(byte == 0x0D || byte == 0x0A || byte == 0 ? 0x20 : byte) }
    out.append(contentsOf: "\r\n".utf8)
}
