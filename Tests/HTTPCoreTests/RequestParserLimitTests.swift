import HTTPCore
import Testing

@Suite("Request parser: limits")
struct RequestParserLimitTests {
    static var small: HTTPParserLimits {
        var limits = HTTPParserLimits()
        limits.maxRequestLineBytes = 32
        limits.maxHeaderBytes = 64
        limits.maxHeaderCount = 3
        limits.maxBodyBytes = 10
        return limits
    }

    @Test func requestLineAtTheLimitPasses() {
        let line = "GET /" + String(repeating: "a", count: 32 - 14) + " HTTP/1.1"
        #expect(line.utf8.count == 32)
        #expect(failure(of: line + "\r\nHost: h\r\n\r\n", limits: Self.small) == nil)
    }

    @Test func requestLineOverTheLimitIs414() {
        let line = "GET /" + String(repeating: "a", count: 33 - 14) + " HTTP/1.1"
        let error = failure(of: line + "\r\nHost: h\r\n\r\n", limits: Self.small)
        #expect(error == .requestLineTooLong)
        #expect(error?.status.code == 414)
    }

    @Test func requestLineTooLongIsDetectedBeforeItsEndArrives() {
        var parser = HTTPRequestParser(limits: Self.small)
        var buffer = ByteBuffer(wire("GET /" + String(repeating: "a", count: 27)))
        guard case .needMoreData = parser.next(&buffer) else {
            Issue.record("32 bytes without a line end are still within the limit")
            return
        }
        buffer.append(contentsOf: wire("\r"))
        guard case .needMoreData = parser.next(&buffer) else {
            Issue.record("a CR right after 32 bytes may still end the line")
            return
        }
        var longer = HTTPRequestParser(limits: Self.small)
        var longBuffer = ByteBuffer(wire("GET /" + String(repeating: "a", count: 28)))
        guard case .failed(.requestLineTooLong) = longer.next(&longBuffer) else {
            Issue.record("33 bytes without a line end are over the limit")
            return
        }
    }

    @Test func headerBlockAtTheLimitPasses() {
        let fields = "Host: h\r\nX-Fill: " + String(repeating: "f", count: 64 - 9 - 10) + "\r\n"
        #expect(fields.utf8.count == 64)
        #expect(failure(of: "GET / HTTP/1.1\r\n" + fields + "\r\n", limits: Self.small) == nil)
    }

    @Test func headerBlockOverTheLimitIs431() {
        let fields = "Host: h\r\nX-Fill: " + String(repeating: "f", count: 64 - 9 - 9) + "\r\n"
        let error = failure(of: "GET / HTTP/1.1\r\n" + fields + "\r\n", limits: Self.small)
        #expect(error == .headersTooLarge)
        #expect(error?.status.code == 431)
    }

    @Test func headerBlockTooLargeIsDetectedBeforeItsEndArrives() {
        var parser = HTTPRequestParser(limits: Self.small)
        var buffer = ByteBuffer(wire("GET / HTTP/1.1\r\nHost: h\r\nX-Fill: " + String(repeating: "f", count: 60)))
        guard case .failed(.headersTooLarge) = parser.next(&buffer) else {
            Issue.record("an unfinished header line already over the limit must fail")
            return
        }
    }

    @Test func tooManyHeaderFieldsIs431() {
        #expect(failure(of: "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\n\r\n", limits: Self.small) == nil)
        let error = failure(of: "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits: Self.small)
        #expect(error == .tooManyHeaders)
        #expect(error?.status.code == 431)
    }

    @Test func declaredContentLengthOverTheLimitIs413AfterTheHead() {
        var parser = HTTPRequestParser(limits: Self.small)
        var buffer = ByteBuffer(wire("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n"))
        guard case .head(let head) = parser.next(&buffer) else {
            Issue.record("the head comes first so the server can raise the limit")
            return
        }
        #expect(head.contentLength == 11)
        guard case .failed(let error) = parser.next(&buffer) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error == .bodyTooLarge)
        #expect(error.status.code == 413)
    }

    @Test func contentLengthAtTheLimitPasses() {
        let run = parseRequests(
            wire("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n0123456789"), limits: Self.small)
        #expect(run.requests.count == 1)
    }

    @Test func raisedLimitLetsALargerBodyThrough() {
        let run = parseRequests(
            wire("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 12\r\n\r\n0123456789ab"), limits: Self.small,
            bodyLimitAfterHead: 12)
        #expect(run.requests.count == 1)
        let lowered = parseRequests(
            wire("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\n01234"), limits: Self.small,
            bodyLimitAfterHead: 4)
        #expect(lowered.failure == .bodyTooLarge)
    }

    @Test func chunkedBodyOverTheLimitIs413AsSoonAsTheChunkSizeIsKnown() {
        var parser = HTTPRequestParser(limits: Self.small)
        var buffer = ByteBuffer(
            wire("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n5\r\n"))
        guard case .head = parser.next(&buffer) else {
            Issue.record("expected a head")
            return
        }
        guard case .failed(.bodyTooLarge) = parser.next(&buffer) else {
            Issue.record("6 + 5 bytes exceed the 10-byte limit")
            return
        }
        let atLimit =
            "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n4\r\nghij\r\n0\r\n\r\n"
        #expect(parseRequests(wire(atLimit), limits: Self.small).requests.count == 1)
    }

    @Test func hugeChunkSizeIs413() {
        let text = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffff\r\n"
        #expect(failure(of: text) == .bodyTooLarge)
    }

    @Test func trailersCountTowardTheHeaderLimits() {
        let head = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
        #expect(failure(of: head + "A: 1\r\n\r\n", limits: Self.small) == nil)
        #expect(failure(of: head + "A: 1\r\nB: 2\r\n\r\n", limits: Self.small) == .tooManyHeaders)
        #expect(
            failure(of: head + "A: " + String(repeating: "x", count: 30) + "\r\n\r\n", limits: Self.small)
                == .headersTooLarge)
    }

    @Test func tooManyLeadingEmptyLinesIsMalformed() {
        let error = failure(of: String(repeating: "\r\n", count: 5) + "GET / HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(error?.status.code == 400)
    }
}
