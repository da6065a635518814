/// Size limits the request parser enforces; each is configurable per server.
public struct HTTPParserLimits: Sendable, Equatable {
    /// Longest request line in bytes, CRLF excluded (414 beyond it).
    public var maxRequestLineBytes: Int = 8 * 1024
    /// Largest header block in bytes, request line excluded (431 beyond it).
    public var maxHeaderBytes: Int = 16 * 1024
    /// Most header fields (431 beyond it).
    public var maxHeaderCount: Int = 100
    /// Largest body in bytes after de-chunking (413 beyond it); the server may change it per route.
    public var maxBodyBytes: Int = 1024 * 1024

    public init() {}
}

/// Why a message could not be parsed; each maps to the status the peer is answered with.
public enum HTTPParseError: Error, Sendable, Equatable {
    case requestLineTooLong
    case headersTooLarge
    case tooManyHeaders
    case bodyTooLarge
    case unsupportedVersion
    case unsupportedTransferEncoding
    /// Anything else that breaks the grammar or makes framing ambiguous; the text says what.
    case malformed(String)

    public var status: HTTPStatus {
        switch self {
        case .requestLineTooLong: .uriTooLong
        case .headersTooLarge, .tooManyHeaders: .headerFieldsTooLarge
        case .bodyTooLarge: .payloadTooLarge
        case .unsupportedVersion: .versionNotSupported
        case .unsupportedTransferEncoding: .notImplemented
        case .malformed: .badRequest
        }
    }
}

/// The head of a request, known before its body has arrived.
public struct RequestHead: Sendable {
    public var method: HTTPMethod
    public var target: String
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    /// The declared body length; nil for chunked bodies; 0 when there is no body.
    public var contentLength: Int?
    public var isChunked: Bool
    /// The client sent `Expect: 100-continue` and a body is still to come.
    public var expectsContinue: Bool

    public init(
        method: HTTPMethod, target: String, version: HTTPVersion, headers: HTTPHeaders, contentLength: Int?,
        isChunked: Bool, expectsContinue: Bool
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.contentLength = contentLength
        self.isChunked = isChunked
        self.expectsContinue = expectsContinue
    }

    /// The path part of the target (before `?`), still percent-encoded.
    public var path: Substring {
        if let q = target.firstIndex(of: "?") { return target[..<q] }
        return Substring(target)
    }
}

/// What one step of the request parser found.
public enum RequestParseEvent: Sendable {
    /// More bytes are needed.
    case needMoreData
    /// The head is complete (emitted once per request, before `.request`).
    case head(RequestHead)
    /// A whole request, body included.
    case request(HTTPRequest)
    /// The stream is broken; answer with `error.status` and close the connection.
    case failed(HTTPParseError)
}

/// What one step of the response parser found.
public enum ResponseParseEvent: Sendable {
    case needMoreData
    /// A whole response, body included; `closeAfter` when the server asked to close.
    case response(HTTPResponse, closeAfter: Bool)
    case failed(HTTPParseError)
}
