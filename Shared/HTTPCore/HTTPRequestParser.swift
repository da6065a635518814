/// An incremental, strict HTTP/1.1 request parser (RFC 9112) for a server connection.
///
/// Append received bytes to a `ByteBuffer` and call `next` until it answers `.needMoreData`. For every
/// request it reports `.head` as soon as the head is complete, then `.request` once the body is, then
/// goes on with the next pipelined request. `.failed` is final: answer with `error.status` and close.
/// Work is linear in the input: a partial line is never scanned twice.
public struct HTTPRequestParser: Sendable {
    /// Empty lines tolerated before a request line (RFC 9112 section 2.2).
    public static let maxLeadingEmptyLines = 4

    private enum State: Sendable {
        case requestLine(emptyLinesSeen: Int)
        case headers(RequestLine)
        case bodyStart(RequestHead)
        case fixedBody(RequestHead, remaining: Int)
        case chunkedBody(RequestHead, ChunkedBodyDecoder)
        case complete(RequestHead)
        case failed(HTTPParseError)
    }

    public let limits: HTTPParserLimits
    private var state = State.requestLine(emptyLinesSeen: 0)
    private var scanner = LineScanner()
    private var bodyLimit: Int
    private var headers = HTTPHeaders()
    private var headerBytes = 0
    private var body: [UInt8] = []

    public init(limits: HTTPParserLimits = .init()) {
        self.limits = limits
        bodyLimit = limits.maxBodyBytes
    }

    /// Sets the body limit of the request whose head was just reported; the next request starts
    /// again from `limits.maxBodyBytes`.
    public mutating func setBodyLimit(_ bytes: Int) { bodyLimit = bytes }

    /// Consumes what it can from `buffer` and reports the next step.
    public mutating func next(_ buffer: inout ByteBuffer) -> RequestParseEvent {
        while true {
            switch state {
            case .requestLine(let emptyLinesSeen):
                if let event = parseRequestLine(&buffer, emptyLinesSeen: emptyLinesSeen) { return event }
            case .headers(let requestLine):
                if let event = parseHeaderLine(&buffer, requestLine: requestLine) { return event }
            case .bodyStart(let head):
                startBody(head)
            case .fixedBody(let head, let remaining):
                let count = min(remaining, buffer.readableCount)
                if count == 0 { return .needMoreData }
                body.append(contentsOf: buffer.readable.prefix(count))
                buffer.consume(count)
                state = count == remaining ? .complete(head) : .fixedBody(head, remaining: remaining - count)
            case .chunkedBody(let head, var decoder):
                let step = decoder.decode(&buffer, into: &body, bodyLimit: bodyLimit)
                switch step {
                case .needMoreData:
                    state = .chunkedBody(head, decoder)
                    return .needMoreData
                case .done: state = .complete(head)
                case .failed(let error): return fail(error)
                }
            case .complete(let head):
                return .request(finishRequest(head))
            case .failed(let error):
                return .failed(error)
            }
        }
    }

    private mutating func fail(_ error: HTTPParseError) -> RequestParseEvent {
        state = .failed(error)
        return .failed(error)
    }

    /// Handles one line in the request-line state; nil when the caller should go on.
    private mutating func parseRequestLine(_ buffer: inout ByteBuffer, emptyLinesSeen: Int) -> RequestParseEvent? {
        switch scanner.scan(buffer, maxLength: limits.maxRequestLineBytes) {
        case .incomplete: return .needMoreData
        case .tooLong: return fail(.requestLineTooLong)
        case .bareLF: return fail(.malformed("the request line ends with a bare LF instead of CRLF"))
        case .bareCR: return fail(.malformed("bare CR in the request line"))
        case .line(0):
            buffer.consume(2)
            if emptyLinesSeen == Self.maxLeadingEmptyLines {
                return fail(.malformed("more than \(Self.maxLeadingEmptyLines) empty lines before a request line"))
            }
            state = .requestLine(emptyLinesSeen: emptyLinesSeen + 1)
            return nil
        case .line(let length):
            let parsed = buffer.withReadableBytes {
                RequestLineParser.parse(UnsafeBufferPointer(rebasing: $0[0..<length]))
            }
            buffer.consume(length + 2)
            switch parsed {
            case .failure(let error): return fail(error)
            case .success(let requestLine): state = .headers(requestLine)
            }
            return nil
        }
    }

    /// Handles one line in the header state; nil when the caller should go on.
    private mutating func parseHeaderLine(_ buffer: inout ByteBuffer, requestLine: RequestLine) -> RequestParseEvent? {
        switch scanner.scan(buffer, maxLength: max(0, limits.maxHeaderBytes - headerBytes - 2)) {
        case .incomplete: return .needMoreData
        case .tooLong: return fail(.headersTooLarge)
        case .bareLF: return fail(.malformed("a header line ends with a bare LF instead of CRLF"))
        case .bareCR: return fail(.malformed("bare CR in a header line"))
        case .line(0):
            buffer.consume(2)
            switch Self.makeHead(requestLine, headers: headers) {
            case .failure(let error):
                return fail(error)
            case .success(let head):
                state = head.isChunked || (head.contentLength ?? 0) > 0 ? .bodyStart(head) : .complete(head)
                return .head(head)
            }
        case .line(let length):
            headerBytes += length + 2
            if headerBytes > limits.maxHeaderBytes { return fail(.headersTooLarge) }
            if headers.count == limits.maxHeaderCount { return fail(.tooManyHeaders) }
            let parsed = buffer.withReadableBytes {
                FieldLineParser.parse(UnsafeBufferPointer(rebasing: $0[0..<length]))
            }
            buffer.consume(length + 2)
            switch parsed {
            case .failure(let error): return fail(error)
            case .success(let field): headers.add(field.name, field.value)
            }
            return nil
        }
    }

    /// Chooses the body framing once the server had its chance to change the body limit.
    private mutating func startBody(_ head: RequestHead) {
        if head.isChunked {
            state = .chunkedBody(
                head,
                ChunkedBodyDecoder(
                    headerBytesUsed: headerBytes, headerCountUsed: headers.count,
                    maxHeaderBytes: limits.maxHeaderBytes, maxHeaderCount: limits.maxHeaderCount))
            return
        }
        let length = head.contentLength ?? 0
        if length > bodyLimit {
            state = .failed(.bodyTooLarge)
            return
        }
        body.reserveCapacity(min(length, 1024 * 1024))
        state = .fixedBody(head, remaining: length)
    }

    /// Hands out the finished request and resets for the next one.
    private mutating func finishRequest(_ head: RequestHead) -> HTTPRequest {
        let finished = HTTPRequest(
            method: head.method, target: head.target, version: head.version, headers: head.headers, body: body)
        body = []
        headers = HTTPHeaders()
        headerBytes = 0
        bodyLimit = limits.maxBodyBytes
        state = .requestLine(emptyLinesSeen: 0)
        return finished
    }

    /// Applies the rules that need the whole head: Host, body framing and `Expect`.
    static func makeHead(_ line: RequestLine, headers: HTTPHeaders) -> Result<RequestHead, HTTPParseError> {
        var headers = headers
        let hosts = headers.values("Host")
        if line.version == .http1_1 && hosts.count != 1 {
            return .failure(.malformed(hosts.isEmpty ? "HTTP/1.1 request without Host" : "more than one Host field"))
        }
        if hosts.count > 1 { return .failure(.malformed("more than one Host field")) }
        if let host = hosts.first, !isValidHost(host) {
            return .failure(.malformed("the Host field is not a valid host[:port]"))
        }
        if let authority = line.authority {
            guard isValidHost(authority) else {
                return .failure(.malformed("the absolute-form target does not name a valid host[:port]"))
            }
            headers = HTTPHeaders(
                headers.fields.map { field in
                    field.name.equalsIgnoringASCIICase("Host") ? (name: field.name, value: authority) : field
                })
            if hosts.isEmpty { headers.add("Host", authority) }
        }
        let contentLength: Int?
        switch MessageFraming.contentLength(headers) {
        case .failure(let error): return .failure(error)
        case .success(let length): contentLength = length
        }
        let coding = MessageFraming.transferCoding(headers)
        let isChunked = coding != .absent
        if isChunked {
            if contentLength != nil {
                return .failure(.malformed("both Content-Length and Transfer-Encoding are present"))
            }
            if line.version == .http1_0 {
                return .failure(.malformed("Transfer-Encoding is not allowed in an HTTP/1.0 request"))
            }
            if case .failed(let error) = coding { return .failure(error) }
        }
        let announcesBody = isChunked || (contentLength ?? 0) > 0
        let expectsContinue =
            announcesBody && line.version == .http1_1
            && headers.values("Expect").contains { $0.equalsIgnoringASCIICase("100-continue") }
        return .success(
            RequestHead(
                method: line.method, target: line.target, version: line.version, headers: headers,
                contentLength: isChunked ? nil : (contentLength ?? 0), isChunked: isChunked,
                expectsContinue: expectsContinue))
    }

    /// `uri-host [ ":" port ]` made of the characters a registered name, IP literal or port may use.
    static func isValidHost(_ host: String) -> Bool {
        host.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            default:
                "-._~!$&'()*+,;=%:[]".utf8.contains(byte)
            }
        }
    }
}
