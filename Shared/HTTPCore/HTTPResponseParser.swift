/// An incremental HTTP/1.1 response parser (RFC 9112) for a client connection.
///
/// Call `expectResponse(toHEAD:)` before each response, append received bytes to a `ByteBuffer` and
/// call `next` until it answers `.needMoreData`; call `endOfStream` when the peer closes. Interim 1xx
/// responses are skipped; answers to HEAD and 204/304 have no body; otherwise the body is framed by
/// `Content-Length`, `chunked`, or the end of the connection. `.failed` is final.
public struct HTTPResponseParser: Sendable {
    private enum State: Sendable {
        case statusLine
        case headers(StatusLine)
        case fixedBody(StatusLine, remaining: Int)
        case chunkedBody(StatusLine, ChunkedBodyDecoder)
        case closeDelimitedBody(StatusLine)
        case complete(StatusLine, closeAfter: Bool)
        case failed(HTTPParseError)
    }

    /// Most header fields (and trailer fields) in one response.
    public static let maxHeaderCount = 1000

    public let maxHeaderBytes: Int
    public let maxBodyBytes: Int
    private var state = State.statusLine
    private var scanner = LineScanner()
    private var responseToHEAD = false
    private var headers = HTTPHeaders()
    private var headerBytes = 0
    private var body: [UInt8] = []

    /// `maxHeaderBytes` bounds the status line and header block together.
    public init(maxHeaderBytes: Int = 64 * 1024, maxBodyBytes: Int = 64 * 1024 * 1024) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
    }

    /// Announces the next response; one to a HEAD request has no body whatever its fields say.
    public mutating func expectResponse(toHEAD: Bool) { responseToHEAD = toHEAD }

    /// Consumes what it can from `buffer` and reports the next step.
    public mutating func next(_ buffer: inout ByteBuffer) -> ResponseParseEvent {
        while true {
            switch state {
            case .statusLine:
                if buffer.isEmpty { return .needMoreData }
                if let event = parseStatusLine(&buffer) { return event }
            case .headers(let statusLine):
                if let event = parseHeaderLine(&buffer, statusLine: statusLine) { return event }
            case .fixedBody(let statusLine, let remaining):
                let count = min(remaining, buffer.readableCount)
                if count == 0 { return .needMoreData }
                body.append(contentsOf: buffer.readable.prefix(count))
                buffer.consume(count)
                state =
                    count == remaining
                    ? .complete(statusLine, closeAfter: closeRequested(statusLine))
                    : .fixedBody(statusLine, remaining: remaining - count)
            case .chunkedBody(let statusLine, var decoder):
                switch decoder.decode(&buffer, into: &body, bodyLimit: maxBodyBytes) {
                case .needMoreData:
                    state = .chunkedBody(statusLine, decoder)
                    return .needMoreData
                case .done: state = .complete(statusLine, closeAfter: closeRequested(statusLine))
                case .failed(let error): return fail(error)
                }
            case .closeDelimitedBody:
                if buffer.isEmpty { return .needMoreData }
                if buffer.readableCount > maxBodyBytes - body.count { return fail(.bodyTooLarge) }
                body.append(contentsOf: buffer.readable)
                buffer.consume(buffer.readableCount)
                return .needMoreData
            case .complete(let statusLine, let closeAfter):
                return .response(finishResponse(statusLine), closeAfter: closeAfter)
            case .failed(let error):
                return .failed(error)
            }
        }
    }

    /// The peer closed the connection: a close-delimited body is complete now; a response cut short is
    /// malformed; with nothing started there is nothing to report (`.needMoreData`).
    public mutating func endOfStream(_ buffer: inout ByteBuffer) -> ResponseParseEvent {
        let event = next(&buffer)
        guard case .needMoreData = event else { return event }
        switch state {
        case .closeDelimitedBody(let statusLine):
            return .response(finishResponse(statusLine), closeAfter: true)
        case .statusLine where buffer.isEmpty:
            return .needMoreData
        default:
            return fail(.malformed("connection closed mid-response"))
        }
    }

    private mutating func fail(_ error: HTTPParseError) -> ResponseParseEvent {
        state = .failed(error)
        return .failed(error)
    }

    /// Handles the status line; nil when the caller should go on.
    private mutating func parseStatusLine(_ buffer: inout ByteBuffer) -> ResponseParseEvent? {
        switch scanner.scan(buffer, maxLength: max(0, maxHeaderBytes - headerBytes - 2)) {
        case .incomplete: return .needMoreData
        case .tooLong: return fail(.headersTooLarge)
        case .bareLF: return fail(.malformed("the status line ends with a bare LF instead of CRLF"))
        case .bareCR: return fail(.malformed("bare CR in the status line"))
        case .line(let length):
            headerBytes += length + 2
            let parsed = buffer.withReadableBytes {
                StatusLineParser.parse(UnsafeBufferPointer(rebasing: $0[0..<length]))
            }
            buffer.consume(length + 2)
            switch parsed {
            case .failure(let error): return fail(error)
            case .success(let statusLine): state = .headers(statusLine)
            }
            return nil
        }
    }

    /// Handles one header line; nil when the caller should go on.
    private mutating func parseHeaderLine(_ buffer: inout ByteBuffer, statusLine: StatusLine) -> ResponseParseEvent? {
        switch scanner.scan(buffer, maxLength: max(0, maxHeaderBytes - headerBytes - 2)) {
        case .incomplete: return .needMoreData
        case .tooLong: return fail(.headersTooLarge)
        case .bareLF: return fail(.malformed("a header line ends with a bare LF instead of CRLF"))
        case .bareCR: return fail(.malformed("bare CR in a header line"))
        case .line(0):
            buffer.consume(2)
            return startBody(statusLine)
        case .line(let length):
            headerBytes += length + 2
            if headerBytes > maxHeaderBytes { return fail(.headersTooLarge) }
            if headers.count == Self.maxHeaderCount { return fail(.tooManyHeaders) }
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

    /// Skips an interim response or chooses the body framing; nil when the caller should go on.
    private mutating func startBody(_ statusLine: StatusLine) -> ResponseParseEvent? {
        if statusLine.code < 200 {
            if statusLine.code == 101 { return fail(.malformed("unexpected 101 Switching Protocols")) }
            headers = HTTPHeaders()
            headerBytes = 0
            state = .statusLine
            return nil
        }
        if responseToHEAD || statusLine.code == 204 || statusLine.code == 304 {
            state = .complete(statusLine, closeAfter: closeRequested(statusLine))
            return nil
        }
        let contentLength: Int?
        switch MessageFraming.contentLength(headers) {
        case .failure(let error): return fail(error)
        case .success(let length): contentLength = length
        }
        let coding = MessageFraming.transferCoding(headers)
        if coding != .absent {
            if contentLength != nil {
                return fail(.malformed("both Content-Length and Transfer-Encoding are present"))
            }
            if case .failed(let error) = coding { return fail(error) }
            state = .chunkedBody(
                statusLine,
                ChunkedBodyDecoder(
                    headerBytesUsed: headerBytes, headerCountUsed: headers.count, maxHeaderBytes: maxHeaderBytes,
                    maxHeaderCount: Self.maxHeaderCount))
            return nil
        }
        guard let contentLength else {
            state = .closeDelimitedBody(statusLine)
            return nil
        }
        if contentLength > maxBodyBytes { return fail(.bodyTooLarge) }
        body.reserveCapacity(min(contentLength, 1024 * 1024))
        state =
            contentLength == 0
            ? .complete(statusLine, closeAfter: closeRequested(statusLine))
            : .fixedBody(statusLine, remaining: contentLength)
        return nil
    }

    /// Whether the server asked to close the connection after this response.
    private func closeRequested(_ statusLine: StatusLine) -> Bool {
        if headers.hasToken("close", in: "Connection") { return true }
        return statusLine.version == .http1_0 && !headers.hasToken("keep-alive", in: "Connection")
    }

    /// Hands out the finished response and resets for the next one.
    private mutating func finishResponse(_ statusLine: StatusLine) -> HTTPResponse {
        let status = HTTPStatus(code: statusLine.code, reason: statusLine.reason.isEmpty ? nil : statusLine.reason)
        let response = HTTPResponse(status: status, headers: headers, body: body)
        body = []
        headers = HTTPHeaders()
        headerBytes = 0
        responseToHEAD = false
        state = .statusLine
        return response
    }
}
