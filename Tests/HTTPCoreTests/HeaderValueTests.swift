import HTTPCore
import Testing

@Suite("Content-Type and cookies")
struct HeaderValueTests {
    @Test func contentTypeIsLowerCasedWithoutParameters() {
        let request = HTTPRequest(
            method: .post, target: "/",
            headers: ["Content-Type": "Multipart/Form-Data; Boundary=\"a b\\\"c\"; charset=utf-8"])
        #expect(request.contentType == "multipart/form-data")
        #expect(request.contentTypeParameter("boundary") == "a b\"c")
        #expect(request.contentTypeParameter("CHARSET") == "utf-8")
        #expect(request.contentTypeParameter("missing") == nil)
    }

    @Test func contentTypeEdgeCases() {
        #expect(HTTPRequest(method: .get, target: "/").contentType == nil)
        #expect(HTTPRequest(method: .get, target: "/", headers: ["Content-Type": "text"]).contentType == nil)
        #expect(
            HTTPRequest(method: .get, target: "/", headers: ["Content-Type": "text/plain;"]).contentType == "text/plain"
        )
        let junk = HTTPRequest(method: .get, target: "/", headers: ["Content-Type": "text/plain; charset"])
        #expect(junk.contentType == "text/plain")
        #expect(junk.contentTypeParameter("charset") == nil)
        let unterminated = ParameterizedFieldValue("a/b; x=\"open")
        #expect(unterminated.value == "a/b")
        #expect(unterminated.parameters.isEmpty)
        let spaced = ParameterizedFieldValue("form-data ;  name=\"field\" ;filename=\"a.txt\"")
        #expect(spaced.value == "form-data")
        #expect(spaced.parameter("name") == "field")
        #expect(spaced.parameter("filename") == "a.txt")
    }

    @Test func cookiesFromEveryCookieFieldFirstWins() {
        let request = HTTPRequest(
            method: .get, target: "/",
            headers: HTTPHeaders([
                (name: "Cookie", value: "session=abc; theme=\"dark\"; empty=; novalue; =x; sp ace=1"),
                (name: "cookie", value: "session=other;lang=en"),
            ]))
        #expect(request.cookies == ["session": "abc", "theme": "dark", "empty": "", "lang": "en"])
        #expect(HTTPRequest(method: .get, target: "/").cookies.isEmpty)
        #expect(cookiePairs("a=1=2; b=\"\"").map(\.value) == ["1=2", ""])
    }
}
