import HTTPCore
import Testing

@Suite("Request parser: ambiguous framing and grammar violations")
struct RequestParserSmugglingTests {
    static let start = "POST / HTTP/1.1\r\nHost: h\r\n"

    static func isMalformed(_ error: HTTPParseError?) -> Bool {
        if case .malformed = error { return true }
        return false
    }

    @Test func contentLengthWithTransferEncoding() {
        #expect(Self.isMalformed(failure(of: Self.start + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: Self.start + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: Self.start + "Transfer-Encoding: gzip\r\nContent-Length: 3\r\n\r\n")))
    }

    @Test(arguments: [
        "0x10", "+5", "-5", " 5 5", "5 5", "5,6", "5, 6", "5,", ",5", "", "1e3", "5.0", "0005a", "١٢",
        "1234567890123456789",
    ])
    func invalidContentLength(_ value: String) {
        let error = failure(of: Self.start + "Content-Length: \(value)\r\n\r\n")
        #expect(Self.isMalformed(error), "Content-Length: \(value) gave \(String(describing: error))")
    }

    @Test func differingDuplicateContentLength() {
        #expect(Self.isMalformed(failure(of: Self.start + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd")))
        #expect(Self.isMalformed(failure(of: Self.start + "Content-Length: 3\r\ncontent-length: 03, 4\r\n\r\nabcd")))
    }

    @Test(arguments: [
        "chunked, identity", "identity, chunked", "xchunked", "chunkedx", "gzip", "chunked;q=1", "chunked, chunked",
        "identity", "\"chunked\"",
    ])
    func unsupportedTransferEncoding(_ value: String) {
        let error = failure(of: Self.start + "Transfer-Encoding: \(value)\r\n\r\n0\r\n\r\n")
        #expect(error == .unsupportedTransferEncoding, "Transfer-Encoding: \(value) gave \(String(describing: error))")
        #expect(error?.status.code == 501)
    }

    @Test func transferEncodingSplitOverTwoFields() {
        let error = failure(of: Self.start + "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        #expect(error == .unsupportedTransferEncoding)
    }

    @Test func emptyTransferEncodingIsMalformed() {
        #expect(Self.isMalformed(failure(of: Self.start + "Transfer-Encoding: \r\n\r\n")))
        #expect(Self.isMalformed(failure(of: Self.start + "Transfer-Encoding: ,\r\n\r\n")))
    }

    @Test func transferEncodingInHTTP10() {
        #expect(Self.isMalformed(failure(of: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")))
    }

    static let chunkedStart = start + "Transfer-Encoding: chunked\r\n\r\n"

    @Test(arguments: [
        "0_2e\r\n", "0x1\r\na\r\n0\r\n\r\n", "-1\r\n", "+1\r\na\r\n", " 1\r\na\r\n", "1 \r\na\r\n", "\r\n", "g\r\n",
        "1;\r\na\r\n", "1;=x\r\na\r\n", "1;a=\r\na\r\n", "1;a=\"x\r\na\r\n", "1;a=b c\r\na\r\n", "1 x\r\na\r\n",
        "1;a\0\r\na\r\n", "1;a=\"\0\"\r\na\r\n", "1000000000000000\r\n", "1\r\nab\r\n", "1\r\na\n0\r\n\r\n", "1\r\naXY",
        "1\r\na\r\r\n", "1\r\na\r\n0\r\nbad trailer\r\n\r\n", "1\r\na\r\n0\r\n Folded: x\r\n\r\n", "1\r\na\r\n0\n\r\n",
    ])
    func malformedChunkedFraming(_ chunks: String) {
        let error = failure(of: Self.chunkedStart + chunks)
        #expect(Self.isMalformed(error), "\(chunks.debugDescription) gave \(String(describing: error))")
    }

    @Test func crInsideAChunkExtensionIsMalformed() {
        #expect(Self.isMalformed(failure(of: Self.chunkedStart + "1;a=b\rc\r\nx\r\n0\r\n\r\n")))
    }

    @Test func bareLineFeedsAreMalformed() {
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\nHost: h\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\nHost: h\n\r\n")))
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\nHost: h\r\n\n")))
        #expect(Self.isMalformed(failure(of: "\nGET / HTTP/1.1\r\nHost: h\r\n\r\n")))
    }

    @Test func bareCarriageReturnsAreMalformed() {
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\rHost: h\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\nHost: h\r\nX: a\rb\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\nHost: h\r\n\r\r\n")))
    }

    @Test func whitespaceBeforeTheColon() {
        #expect(Self.isMalformed(failure(of: Self.start + "Content-Length : 3\r\n\r\nabc")))
        #expect(Self.isMalformed(failure(of: Self.start + "Transfer-Encoding\t: chunked\r\n\r\n0\r\n\r\n")))
    }

    @Test func obsoleteLineFolding() {
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n b\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n\tb\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\n Host: h\r\n\r\n")))
    }

    @Test(arguments: ["\0", "\u{01}", "\u{1F}", "\u{7F}", "\u{0B}", "\u{0C}"])
    func controlCharacterInAValue(_ control: String) {
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\nHost: h\r\nX: a\(control)b\r\n\r\n")))
    }

    @Test func invalidFieldNames() {
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\nHost: h\r\n: novalue\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\nHost: h\r\nNo colon\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\nHost: h\r\nA(b): c\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\nHost: h\r\nX\u{E9}: c\r\n\r\n")))
    }

    @Test func hostRules() {
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\nHost: a\r\nhost: a\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\nHost: a b\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: "GET / HTTP/1.1\r\nHost: user@a\r\n\r\n")))
        #expect(failure(of: "GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n") == nil)
        #expect(failure(of: "GET / HTTP/1.1\r\nHost:\r\n\r\n") == nil)
    }

    @Test(arguments: [
        "GET  / HTTP/1.1", "GET / HTTP/1.1 ", " GET / HTTP/1.1", "GET /  HTTP/1.1", "GET\t/ HTTP/1.1", "GET /", "GET",
        "G(T / HTTP/1.1", "GET /a b HTTP/1.1", "GET /\u{7F} HTTP/1.1", "GET /caf\u{E9} HTTP/1.1",
        "GET /a#frag HTTP/1.1",
        "GET a HTTP/1.1", "GET http:// HTTP/1.1", "GET http://user@h/ HTTP/1.1", "GET ftp://h/ HTTP/1.1",
        "CONNECT h:443 HTTP/1.1", "GET / http/1.1", "GET / HTTP/1.1x", "GET / HTTP/11", "GET / HTTP/1", "GET / HTTP/",
        "GET / HTTP/1.1.1",
    ])
    func malformedRequestLine(_ line: String) {
        let error = failure(of: line + "\r\nHost: h\r\n\r\n")
        #expect(Self.isMalformed(error), "\(line.debugDescription) gave \(String(describing: error))")
    }

    @Test(arguments: ["HTTP/2.0", "HTTP/1.2", "HTTP/0.9", "HTTP/3.0"])
    func unsupportedVersion(_ version: String) {
        let error = failure(of: "GET / \(version)\r\nHost: h\r\n\r\n")
        #expect(error == .unsupportedVersion)
        #expect(error?.status.code == 505)
    }

    @Test func controlCharacterInTheTarget() {
        #expect(Self.isMalformed(failure(of: "GET /a\0b HTTP/1.1\r\nHost: h\r\n\r\n")))
        #expect(Self.isMalformed(failure(of: "GET /a\tb HTTP/1.1\r\nHost: h\r\n\r\n")))
    }

    @Test func failureIsFinal() {
        var parser = HTTPRequestParser()
        var buffer = ByteBuffer(
            wire("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: x\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n"))
        guard case .failed = parser.next(&buffer) else {
            Issue.record("expected a failure")
            return
        }
        guard case .failed = parser.next(&buffer) else {
            Issue.record("a failure must be final")
            return
        }
    }
}
