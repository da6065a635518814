import HTTPCore
import Testing

@Suite("multipart/form-data")
struct MultipartTests {
    static func request(boundaryParameter: String = "boundary=XyZ", body: [UInt8]) -> HTTPRequest {
        HTTPRequest(
            method: .post, target: "/upload", headers: ["Content-Type": "multipart/form-data; \(boundaryParameter)"],
            body: body)
    }

    static func parts(
        _ text: String, boundaryParameter: String = "boundary=XyZ"
    ) throws(MultipartError)
        -> [MultipartPart]
    {
        try request(boundaryParameter: boundaryParameter, body: wire(text)).multipartParts()
    }

    static func error(_ text: String, maxParts: Int = 100) -> MultipartError? {
        do {
            _ = try request(body: wire(text)).multipartParts(maxParts: maxParts)
            return nil
        } catch {
            return error
        }
    }

    @Test func fieldsAndAFile() throws {
        let text =
            "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHello\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\n"
            + "Content-Type: Text/Plain; charset=utf-8\r\n\r\nline 1\r\nline 2\r\n\r\n"
            + "--XyZ--\r\n"
        let parts = try Self.parts(text)
        #expect(parts.count == 2)
        #expect(parts[0].name == "title")
        #expect(parts[0].filename == nil)
        #expect(parts[0].contentType == nil)
        #expect(parts[0].body == wire("Hello"))
        #expect(parts[1].name == "file")
        #expect(parts[1].filename == "notes.txt")
        #expect(parts[1].contentType == "text/plain")
        #expect(parts[1].headers["content-type"] == "Text/Plain; charset=utf-8")
        #expect(parts[1].body == wire("line 1\r\nline 2\r\n"))
    }

    @Test func quotedBoundaryPreambleEpilogueAndPadding() throws {
        let text =
            "preamble text\r\n--a b:c?\t \r\nContent-Disposition: form-data; name=x\r\n\r\n1\r\n"
            + "--a b:c?--  \r\nepilogue"
        let parts = try Self.parts(text, boundaryParameter: "boundary=\"a b:c?\"")
        #expect(parts.map(\.name) == ["x"])
        #expect(parts.map(\.body) == [wire("1")])
    }

    @Test func partWithoutHeadersAndEmptyBodies() throws {
        let parts = try Self.parts(
            "--XyZ\r\n\r\nraw\r\n--XyZ\r\nContent-Disposition: form-data; name=e\r\n\r\n\r\n--XyZ--")
        #expect(parts.count == 2)
        #expect(parts[0].headers.count == 0)
        #expect(parts[0].body == wire("raw"))
        #expect(parts[1].body == [])
    }

    @Test func binaryContentWithNearMissBoundaries() throws {
        var content: [UInt8] = (0...255).map { UInt8($0) }
        content += wire("\r\n--XyZ")[0..<6]
        content += wire("\r\n-XyZ\r\n--Xy\r\n--xyz--XyZ")
        content += [0, 13, 10, 13, 10, 0]
        for round in 0..<2000 { content.append(UInt8(truncatingIfNeeded: round &* 7919)) }
        let body =
            wire("--XyZ\r\nContent-Disposition: form-data; name=\"bin\"; filename=\"b.bin\"\r\n")
            + wire("Content-Type: application/octet-stream\r\n\r\n") + content + wire("\r\n--XyZ--\r\n")
        let parts = try Self.request(body: body).multipartParts()
        #expect(parts.count == 1)
        #expect(parts[0].body == content)
        #expect(parts[0].contentType == "application/octet-stream")
    }

    @Test func errors() {
        #expect(Self.error("no delimiter here") == .noOpeningDelimiter)
        #expect(Self.error("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nunfinished") == .noClosingDelimiter)
        #expect(Self.error("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--XyZ") == .noClosingDelimiter)
        #expect(Self.error("--XyZ") == .noClosingDelimiter)
        #expect(
            Self.error("--XyZ\r\nContent-Disposition: form-data\r\nbody without blank line\r\n--XyZ--")
                == .malformedPart(index: 0, reason: "the part headers do not end with an empty line"))
        #expect(
            Self.error("--XyZ\r\nNo-Blank-Line: x\r\n--XyZ--")
                == .malformedPart(
                    index: 0, reason: "the part headers do not end with an empty line"))
        #expect(
            Self.error("--XyZ\r\n\r\na\r\n--XyZjunk\r\n\r\nb\r\n--XyZ--")
                == .malformedPart(
                    index: 1, reason: "the delimiter is not followed by CRLF"))
        #expect(
            Self.error("--XyZ\r\nX: a\rb\r\n\r\nv\r\n--XyZ--")
                == .malformedPart(index: 0, reason: "a header line holds a bare CR or LF"))
        #expect(
            Self.error("--XyZ\r\n Folded: a\r\n\r\nv\r\n--XyZ--")
                == .malformedPart(
                    index: 0, reason: "obsolete line folding (a field line starting with whitespace) is not accepted"))
        let three = "--XyZ\r\n\r\na\r\n--XyZ\r\n\r\nb\r\n--XyZ\r\n\r\nc\r\n--XyZ--"
        #expect(Self.error(three, maxParts: 2) == .tooManyParts(limit: 2))
        #expect(Self.error(three, maxParts: 3) == nil)
    }

    @Test func requestLevelErrors() {
        let notMultipart = HTTPRequest(method: .post, target: "/", headers: ["Content-Type": "application/json"])
        #expect(throws: MultipartError.notMultipartFormData(contentType: "application/json")) {
            try notMultipart.multipartParts()
        }
        #expect(throws: MultipartError.notMultipartFormData(contentType: nil)) {
            try HTTPRequest(method: .post, target: "/").multipartParts()
        }
        #expect(throws: MultipartError.missingBoundary) {
            try Self.request(boundaryParameter: "charset=utf-8", body: []).multipartParts()
        }
        #expect(throws: MultipartError.invalidBoundary) {
            try Self.request(boundaryParameter: "boundary=\"\"", body: []).multipartParts()
        }
        #expect(throws: MultipartError.invalidBoundary) {
            try Self.request(boundaryParameter: "boundary=" + String(repeating: "b", count: 71), body: [])
                .multipartParts()
        }
        #expect(throws: MultipartError.invalidBoundary) {
            try Self.request(boundaryParameter: "boundary=\"ends with space \"", body: []).multipartParts()
        }
        #expect(throws: MultipartError.invalidBoundary) {
            try Self.request(boundaryParameter: "boundary=\"a{b}\"", body: []).multipartParts()
        }
    }

    @Test func largeBinaryBodyIsSplitQuickly() throws {
        var body: [UInt8] = []
        var generator = SplitMix64(seed: 42)
        var expected: [[UInt8]] = []
        for index in 0..<20 {
            let content = (0..<50_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            expected.append(content)
            body += wire("--XyZ\r\nContent-Disposition: form-data; name=\"f\(index)\"\r\n\r\n") + content + wire("\r\n")
        }
        body += wire("--XyZ--\r\n")
        let parts = try Self.request(body: body).multipartParts()
        #expect(parts.map(\.body) == expected)
        #expect(parts.last?.name == "f19")
    }
}
