import HTTPCore

/// A comparable summary of one request-parser event.
enum ParsedEvent: Equatable, CustomStringConvertible {
    case head(method: String, target: String, contentLength: Int?, chunked: Bool, expectsContinue: Bool)
    case request(method: String, target: String, headers: [String], body: [UInt8])
    case failed(HTTPParseError)

    init?(_ event: RequestParseEvent) {
        switch event {
        case .needMoreData:
            return nil
        case .head(let head):
            self = .head(
                method: head.method.rawValue, target: head.target, contentLength: head.contentLength,
                chunked: head.isChunked, expectsContinue: head.expectsContinue)
        case .request(let request):
            self = .request(
                method: request.method.rawValue, target: request.target,
                headers: request.headers.fields.map { "\($0.name): \($0.value)" }, body: request.body)
        case .failed(let error):
            self = .failed(error)
        }
    }

    var description: String {
        switch self {
        case .head(let method, let target, let length, let chunked, let expects):
            "head(\(method) \(target) length=\(String(describing: length)) chunked=\(chunked) continue=\(expects))"
        case .request(let method, let target, let headers, let body):
            "request(\(method) \(target) \(headers) body=\(body.count) bytes)"
        case .failed(let error):
            "failed(\(error))"
        }
    }
}

/// What feeding bytes to a request parser produced.
struct ParseRun {
    var events: [ParsedEvent]
    /// Bytes still unread in the buffer at the end.
    var leftover: Int
    var failure: HTTPParseError? {
        if case .failed(let error) = events.last { return error }
        return nil
    }
    var requests: [ParsedEvent] {
        events.filter { if case .request = $0 { true } else { false } }
    }
}

/// Feeds `bytes` in pieces of the given sizes (the rest in one piece), calling `next` after each piece
/// until the parser asks for more data or fails.
func parseRequests(
    _ bytes: [UInt8], limits: HTTPParserLimits = .init(), pieceSizes: [Int] = [],
    bodyLimitAfterHead: Int? = nil
) -> ParseRun {
    var parser = HTTPRequestParser(limits: limits)
    var buffer = ByteBuffer()
    var events: [ParsedEvent] = []
    var offset = 0
    var pieces = pieceSizes.makeIterator()
    while offset < bytes.count {
        let size = min(max(pieces.next() ?? bytes.count, 1), bytes.count - offset)
        buffer.append(contentsOf: bytes[offset..<(offset + size)])
        offset += size
        while true {
            let event = parser.next(&buffer)
            guard let parsed = ParsedEvent(event) else { break }
            events.append(parsed)
            if case .head = event, let bodyLimitAfterHead { parser.setBodyLimit(bodyLimitAfterHead) }
            if case .failed = event { return ParseRun(events: events, leftover: buffer.readableCount) }
        }
    }
    return ParseRun(events: events, leftover: buffer.readableCount)
}

/// Feeds the bytes one at a time.
func parseRequestsByteByByte(_ bytes: [UInt8], limits: HTTPParserLimits = .init()) -> ParseRun {
    parseRequests(bytes, limits: limits, pieceSizes: Array(repeating: 1, count: bytes.count))
}

/// The wire bytes of a text message.
func wire(_ text: String) -> [UInt8] { Array(text.utf8) }

/// The error a single message fails with, fed whole; nil when it does not fail.
func failure(of text: String, limits: HTTPParserLimits = .init()) -> HTTPParseError? {
    parseRequests(wire(text), limits: limits).failure
}

/// A small, fast, seeded pseudo-random generator (SplitMix64) so generated inputs are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
