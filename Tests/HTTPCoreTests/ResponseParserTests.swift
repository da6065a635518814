import HTTPCore
import Testing

/// What feeding bytes to a response parser produced.
private struct ResponseRun {
    var responses: [(response: HTTPResponse, closeAfter: Bool)] = []
    var failure: HTTPParseError?
}

/// Feeds `bytes` in pieces of `pieceSize`, then reports the end of the stream when `close` is set.
private func parseResponses(
    _ text: String, toHEAD: Bool = false, pieceSize: Int = .max, close: Bool = false,
    maxHeaderBytes: Int = 64 * 1024, maxBodyBytes: Int = 64 * 1024 * 1024
) -> ResponseRun {
    let bytes = wire(text)
    var parser = HTTPResponseParser(maxHeaderBytes: maxHeaderBytes, maxBodyBytes: maxBodyBytes)
    parser.expectResponse(toHEAD: toHEAD)
    var buffer = ByteBuffer()
    var run = ResponseRun()
    func record(_ event: ResponseParseEvent) -> Bool {
        switch event {
        case .needMoreData:
            return false
        case .response(let response, let closeAfter):
            run.responses.append((response, closeAfter))
            parser.expectResponse(toHEAD: toHEAD)
            return true
        case .failed(let error):
            run.failure = error
            return false
        }
    }
    var offset = 0
    while offset < bytes.count && run.failure == nil {
        let size = min(pieceSize, bytes.count - offset)
        buffer.append(contentsOf: bytes[offset..<(offset + size)])
        offset += size
        while record(parser.next(&buffer)) {}
    }
    if close && run.failure == nil { _ = record(parser.endOfStream(&buffer)) }
    return run
}

@Suite("Response parser")
struct ResponseParserTests {
    @Test func contentLengthResponse() {
        for pieceSize in [1, 2, 7, Int.max] {
            let run = parseResponses(
                "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
                pieceSize: pieceSize)
            #expect(run.failure == nil)
            #expect(run.responses.count == 1)
            #expect(run.responses.first?.response.status.code == 201)
            #expect(run.responses.first?.response.status.reason == "Created")
            #expect(run.responses.first?.response.headers["Content-Type"] == "application/json")
            #expect(run.responses.first?.response.body == wire("{}"))
            #expect(run.responses.first?.closeAfter == false)
        }
    }

    @Test func chunkedResponseWithTrailers() {
        let text =
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\nWiki\r\n5\r\npedia\r\n0\r\nT: 1\r\n\r\n"
        for pieceSize in [1, 3, Int.max] {
            let run = parseResponses(text, pieceSize: pieceSize)
            #expect(run.failure == nil)
            #expect(run.responses.first?.response.body == wire("Wikipedia"))
        }
    }

    @Test func interimResponsesAreSkipped() {
        let text =
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
            + "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx"
        let run = parseResponses(text, pieceSize: 1)
        #expect(run.responses.count == 1)
        #expect(run.responses.first?.response.status.code == 200)
        #expect(run.responses.first?.response.headers["Link"] == nil)
    }

    @Test func switchingProtocolsIsRejected() {
        let run = parseResponses("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n")
        #expect(run.failure == .malformed("unexpected 101 Switching Protocols"))
    }

    @Test func noBodyForHEADAnd204And304() {
        let head = parseResponses("HTTP/1.1 200 OK\r\nContent-Length: 42\r\n\r\n", toHEAD: true)
        #expect(head.responses.count == 1)
        #expect(head.responses.first?.response.body == [])
        #expect(head.responses.first?.response.headers["Content-Length"] == "42")
        let noContent = parseResponses(
            "HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n")
        #expect(noContent.responses.map(\.response.status.code) == [204, 304])
    }

    @Test func closeDelimitedBodyEndsWithTheStream() {
        let run = parseResponses(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of this", pieceSize: 4, close: true)
        #expect(run.failure == nil)
        #expect(run.responses.count == 1)
        #expect(run.responses.first?.response.body == wire("all of this"))
        #expect(run.responses.first?.closeAfter == true)
        let open = parseResponses("HTTP/1.1 200 OK\r\n\r\nstill coming")
        #expect(open.responses.isEmpty)
        #expect(open.failure == nil)
    }

    @Test func closeAfterRules() {
        #expect(
            parseResponses("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").responses.first?
                .closeAfter == true)
        #expect(parseResponses("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").responses.first?.closeAfter == true)
        #expect(
            parseResponses("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n").responses.first?
                .closeAfter
                == false)
        #expect(parseResponses("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").responses.first?.closeAfter == false)
    }

    @Test func endOfStreamMidResponseIsMalformed() {
        #expect(
            parseResponses("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab", close: true).failure
                == .malformed("connection closed mid-response"))
        #expect(parseResponses("HTTP/1.1 200 O", close: true).failure == .malformed("connection closed mid-response"))
        #expect(
            parseResponses("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", close: true).failure
                == .malformed("connection closed mid-response"))
    }

    @Test func endOfStreamWithNothingStartedAsksForMore() {
        var parser = HTTPResponseParser()
        var buffer = ByteBuffer()
        guard case .needMoreData = parser.endOfStream(&buffer) else {
            Issue.record("nothing started, nothing to report")
            return
        }
        let run = parseResponses("HTTP/1.1 204 No Content\r\n\r\n", close: true)
        #expect(run.responses.count == 1)
        #expect(run.failure == nil)
    }

    @Test func severalResponsesOnOneConnection() {
        let text = "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\naHTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nbc"
        let run = parseResponses(text, pieceSize: 5)
        #expect(run.responses.map(\.response.status.code) == [200, 404])
        #expect(run.responses.map(\.response.body) == [wire("a"), wire("bc")])
    }

    @Test func statusLineVariants() {
        #expect(
            parseResponses("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n").responses.first?.response.status.reason == "OK")
        #expect(parseResponses("HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n").responses.count == 1)
        #expect(
            parseResponses("HTTP/1.1 499 Custom Reason\r\nContent-Length: 0\r\n\r\n").responses.first?.response.status
                .reason
                == "Custom Reason")
        #expect(parseResponses("HTTP/2.0 200 OK\r\n\r\n").failure == .unsupportedVersion)
        for bad in [
            "HTTP/1.1 20 OK", "HTTP/1.1 2000 OK", "HTTP/1.1 600 X", "HTTP/1.1 099 X", "HTTP/1.1  200 OK",
            "HTTP/1.1 200OK", "ICY 200 OK", "HTTP/1.1 2x0 OK", "HTTP/1.1 200 O\0K",
        ] {
            guard case .malformed = parseResponses(bad + "\r\nContent-Length: 0\r\n\r\n").failure else {
                Issue.record("\(bad.debugDescription) should be malformed")
                continue
            }
        }
    }

    @Test func framingViolationsFail() {
        guard
            case .malformed = parseResponses(
                "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n"
            ).failure
        else {
            Issue.record("Content-Length with Transfer-Encoding must fail")
            return
        }
        guard
            case .malformed = parseResponses("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
                .failure
        else {
            Issue.record("differing Content-Length must fail")
            return
        }
        #expect(
            parseResponses("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n").failure
                == .unsupportedTransferEncoding)
        guard case .malformed = parseResponses("HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n").failure else {
            Issue.record("a bare LF must fail")
            return
        }
        guard case .malformed = parseResponses("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0x1\r\n").failure
        else {
            Issue.record("a bad chunk size must fail")
            return
        }
    }

    @Test func limits() {
        #expect(
            parseResponses(
                "HTTP/1.1 200 OK\r\nX: " + String(repeating: "a", count: 100) + "\r\n\r\n", maxHeaderBytes: 64
            ).failure
                == .headersTooLarge)
        #expect(
            parseResponses("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n", maxBodyBytes: 10).failure == .bodyTooLarge)
        #expect(
            parseResponses("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nb\r\n", maxBodyBytes: 10).failure
                == .bodyTooLarge)
        #expect(
            parseResponses("HTTP/1.1 200 OK\r\n\r\n" + String(repeating: "z", count: 11), maxBodyBytes: 10).failure
                == .bodyTooLarge)
        #expect(
            parseResponses("HTTP/1.1 200 OK\r\n\r\n" + String(repeating: "z", count: 10), close: true, maxBodyBytes: 10)
                .responses.count == 1)
    }
}
