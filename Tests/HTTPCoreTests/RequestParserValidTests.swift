import HTTPCore
import Testing

@Suite("Request parser: valid requests")
struct RequestParserValidTests {
    @Test func simpleGetGivesHeadThenRequest() {
        let run = parseRequests(wire("GET /items?id=7 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n"))
        #expect(
            run.events == [
                .head(method: "GET", target: "/items?id=7", contentLength: 0, chunked: false, expectsContinue: false),
                .request(
                    method: "GET", target: "/items?id=7", headers: ["Host: example.com", "Accept: */*"], body: []),
            ])
        #expect(run.leftover == 0)
    }

    @Test func requestCarriesPathQueryAndVersion() {
        var parser = HTTPRequestParser()
        var buffer = ByteBuffer(wire("GET /a/b?x=1 HTTP/1.0\r\n\r\n"))
        guard case .head(let head) = parser.next(&buffer) else {
            Issue.record("expected a head")
            return
        }
        #expect(head.path == "/a/b")
        #expect(head.version == .http1_0)
        guard case .request(let request) = parser.next(&buffer) else {
            Issue.record("expected a request")
            return
        }
        #expect(request.path == "/a/b")
        #expect(request.query == "x=1")
        #expect(request.version == .http1_0)
        #expect(!request.keepAlive)
        guard case .needMoreData = parser.next(&buffer) else {
            Issue.record("expected needMoreData")
            return
        }
    }

    @Test func postWithContentLength() {
        let run = parseRequests(
            wire(
                "POST /submit HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\nContent-Type: text/plain\r\n\r\nhello world")
        )
        #expect(
            run.events.last
                == .request(
                    method: "POST", target: "/submit",
                    headers: ["Host: h", "Content-Length: 11", "Content-Type: text/plain"], body: wire("hello world")))
        #expect(
            run.events.first
                == .head(method: "POST", target: "/submit", contentLength: 11, chunked: false, expectsContinue: false))
    }

    @Test func headerValuesAreTrimmedAndMayHoldTabsAndObsText() {
        let run = parseRequests(wire("GET / HTTP/1.1\r\nHost: h\r\nX-A: \t a\tb \t\r\nX-B:\r\nX-C: caf\u{E9}\r\n\r\n"))
        guard case .request(_, _, let headers, _) = run.events.last else {
            Issue.record("expected a request, got \(run.events)")
            return
        }
        #expect(headers == ["Host: h", "X-A: a\tb", "X-B: ", "X-C: caf\u{E9}"])
    }

    @Test func chunkedBodyWithExtensionsAndTrailers() {
        let text =
            "POST /upload HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n"
            + "6 ; a ; b = \"q\\\"x\" ;c=d\r\n world\r\n"
            + "A\r\n0123456789\r\n"
            + "0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n"
        let run = parseRequests(wire(text))
        #expect(
            run.events == [
                .head(method: "POST", target: "/upload", contentLength: nil, chunked: true, expectsContinue: false),
                .request(
                    method: "POST", target: "/upload", headers: ["Host: h", "Transfer-Encoding: chunked"],
                    body: wire("hello world0123456789")),
            ])
        #expect(run.leftover == 0)
    }

    @Test func chunkSizeMayHaveLeadingZerosAndUpperCaseHex() {
        let text = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n000B\r\nhello world\r\n00\r\n\r\n"
        #expect(parseRequests(wire(text)).requests.count == 1)
        guard case .request(_, _, _, let body) = parseRequests(wire(text)).events.last else {
            Issue.record("expected a request")
            return
        }
        #expect(body == wire("hello world"))
    }

    @Test func pipelinedRequestsInOneBuffer() {
        let text =
            "GET /1 HTTP/1.1\r\nHost: h\r\n\r\n"
            + "POST /2 HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"
            + "POST /3 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nxy\r\n0\r\n\r\n"
            + "\r\nDELETE /4 HTTP/1.1\r\nHost: h\r\n\r\n"
        let run = parseRequests(wire(text))
        #expect(
            run.requests.map { if case .request(let m, let t, _, _) = $0 { "\(m) \(t)" } else { "" } }
                == ["GET /1", "POST /2", "POST /3", "DELETE /4"])
        #expect(run.events.count == 8)
        #expect(run.leftover == 0)
    }

    @Test func byteByByteFeedGivesTheSameEventsAsOneBuffer() {
        let text =
            "\r\nGET /1?a=b HTTP/1.1\r\nHost: h\r\nX: y\r\n\r\n"
            + "POST /2 HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\nabcde"
            + "PUT /3 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "3;x=\"y\"\r\nabc\r\n1\r\nd\r\n0\r\nT: v\r\n\r\n"
            + "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n"
        let whole = parseRequests(wire(text))
        #expect(whole.requests.count == 4)
        #expect(whole.failure == nil)
        #expect(parseRequestsByteByByte(wire(text)).events == whole.events)
        for split in 1..<wire(text).count {
            #expect(parseRequests(wire(text), pieceSizes: [split]).events == whole.events, "split at \(split)")
        }
    }

    @Test func expectContinueOnlyWhenABodyIsAnnounced() {
        let withBody = parseRequests(
            wire("PUT /x HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\n"))
        #expect(
            withBody.events == [
                .head(method: "PUT", target: "/x", contentLength: 2, chunked: false, expectsContinue: true)
            ])
        let chunked = parseRequests(
            wire("PUT /x HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n"))
        #expect(
            chunked.events == [
                .head(method: "PUT", target: "/x", contentLength: nil, chunked: true, expectsContinue: true)
            ])
        let empty = parseRequests(
            wire("PUT /x HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 0\r\n\r\n"))
        #expect(
            empty.events.first
                == .head(method: "PUT", target: "/x", contentLength: 0, chunked: false, expectsContinue: false))
        let other = parseRequests(wire("PUT /x HTTP/1.1\r\nHost: h\r\nExpect: something\r\nContent-Length: 1\r\n\r\nz"))
        #expect(other.failure == nil)
        #expect(
            other.events.first
                == .head(method: "PUT", target: "/x", contentLength: 1, chunked: false, expectsContinue: false))
    }

    @Test func headIsReportedBeforeTheBodyArrives() {
        var parser = HTTPRequestParser()
        var buffer = ByteBuffer(wire("POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nab"))
        guard case .head = parser.next(&buffer) else {
            Issue.record("expected a head")
            return
        }
        guard case .needMoreData = parser.next(&buffer) else {
            Issue.record("expected needMoreData")
            return
        }
        #expect(buffer.isEmpty)
        buffer.append(contentsOf: wire("cd"))
        guard case .request(let request) = parser.next(&buffer) else {
            Issue.record("expected a request")
            return
        }
        #expect(request.body == wire("abcd"))
    }

    @Test func absoluteFormIsReducedToPathAndQueryAndReplacesHost() {
        var parser = HTTPRequestParser()
        var buffer = ByteBuffer(wire("GET http://Example.com:8080/a/b?c=d HTTP/1.1\r\nHost: other\r\n\r\n"))
        guard case .head(let head) = parser.next(&buffer) else {
            Issue.record("expected a head")
            return
        }
        #expect(head.target == "/a/b?c=d")
        #expect(head.headers["Host"] == "Example.com:8080")
        let bare = parseRequests(wire("GET https://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n"))
        #expect(
            bare.events.first
                == .head(method: "GET", target: "/", contentLength: 0, chunked: false, expectsContinue: false))
        let query = parseRequests(wire("GET http://example.com?q=1 HTTP/1.1\r\nHost: example.com\r\n\r\n"))
        #expect(
            query.events.first
                == .head(method: "GET", target: "/?q=1", contentLength: 0, chunked: false, expectsContinue: false))
    }

    @Test func asteriskFormOnlyForOptions() {
        #expect(failure(of: "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n") == nil)
        #expect(
            failure(of: "GET * HTTP/1.1\r\nHost: h\r\n\r\n")
                == .malformed("the asterisk target is only allowed with OPTIONS"))
    }

    @Test func customTokenMethodsAreAccepted() {
        let run = parseRequests(wire("PROPFIND /x HTTP/1.1\r\nHost: h\r\n\r\n"))
        #expect(run.requests.count == 1)
    }

    @Test func http10WithoutHostIsAccepted() {
        #expect(failure(of: "GET / HTTP/1.0\r\n\r\n") == nil)
    }

    @Test func aFewLeadingEmptyLinesAreIgnored() {
        let run = parseRequests(wire("\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n"))
        #expect(run.requests.count == 1)
        #expect(failure(of: "\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n") != nil)
    }

    @Test func identicalRepeatedContentLengthIsAccepted() {
        let run = parseRequests(
            wire("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 3\r\nContent-Length: 003\r\n\r\nabc"))
        #expect(run.failure == nil)
        #expect(run.requests.count == 1)
    }

    @Test func bodyLimitSetAfterHeadAppliesOnlyToThatRequest() {
        let text =
            "POST /big HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n0123456789"
            + "POST /big HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n0123456789"
        var limits = HTTPParserLimits()
        limits.maxBodyBytes = 4
        var parser = HTTPRequestParser(limits: limits)
        var buffer = ByteBuffer(wire(text))
        guard case .head = parser.next(&buffer) else {
            Issue.record("expected a head")
            return
        }
        parser.setBodyLimit(100)
        guard case .request(let first) = parser.next(&buffer) else {
            Issue.record("expected the first request")
            return
        }
        #expect(first.body.count == 10)
        guard case .head = parser.next(&buffer) else {
            Issue.record("expected the second head")
            return
        }
        guard case .failed(let error) = parser.next(&buffer) else {
            Issue.record("expected the second request to be too large")
            return
        }
        #expect(error == .bodyTooLarge)
        guard case .failed = parser.next(&buffer) else {
            Issue.record("a failure must be final")
            return
        }
    }

    @Test func largeBodyInManyPieces() {
        let body = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let bytes = wire("PUT /blob HTTP/1.1\r\nHost: h\r\nContent-Length: \(body.count)\r\n\r\n") + body
        let run = parseRequests(bytes, pieceSizes: Array(repeating: 1000, count: 200))
        guard case .request(_, _, _, let parsed) = run.events.last else {
            Issue.record("expected a request")
            return
        }
        #expect(parsed == body)
    }

    @Test func longHeadFedInSmallPiecesStaysFast() {
        var limits = HTTPParserLimits()
        limits.maxHeaderBytes = 4 * 1024 * 1024
        limits.maxHeaderCount = 100_000
        var text = "GET / HTTP/1.1\r\nHost: h\r\n"
        for index in 0..<20_000 { text += "X-Field-\(index): some value\r\n" }
        text += "\r\n"
        let run = parseRequests(wire(text), limits: limits, pieceSizes: Array(repeating: 7, count: text.utf8.count))
        #expect(run.requests.count == 1)
    }

    @Test func oneHugeHeaderLineFedInSmallPiecesStaysFast() {
        var limits = HTTPParserLimits()
        limits.maxHeaderBytes = 2 * 1024 * 1024
        let text = "GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + String(repeating: "v", count: 1024 * 1024) + "\r\n\r\n"
        let run = parseRequests(wire(text), limits: limits, pieceSizes: Array(repeating: 64, count: text.utf8.count))
        #expect(run.requests.count == 1)
    }
}
