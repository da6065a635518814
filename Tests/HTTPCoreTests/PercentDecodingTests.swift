import HTTPCore
import Testing

@Suite("Percent decoding, query and form parameters")
struct PercentDecodingTests {
    @Test func decodesEscapesAndPlus() {
        #expect(percentDecoded("a%20b%2Fc", plusAsSpace: false) == "a b/c")
        #expect(percentDecoded("a+b", plusAsSpace: true) == "a b")
        #expect(percentDecoded("a+b", plusAsSpace: false) == "a+b")
        #expect(percentDecoded("%2b%2B", plusAsSpace: true) == "++")
        #expect(percentDecoded("caf%C3%A9", plusAsSpace: false) == "café")
        #expect(percentDecoded("plain", plusAsSpace: true) == "plain")
        #expect(percentDecoded("", plusAsSpace: true) == "")
        #expect(percentDecoded("x/y?z"[...], plusAsSpace: false) == "x/y?z")
    }

    @Test(arguments: ["%", "%2", "%zz", "a%g1", "%1g", "%C3", "%FF", "%C3%28"])
    func rejectsBadEscapesAndInvalidUTF8(_ text: String) {
        #expect(percentDecoded(text, plusAsSpace: true) == nil)
    }

    @Test func decodesNulAsAByte() {
        #expect(percentDecodedBytes(Array("a%00b".utf8), plusAsSpace: false) == [0x61, 0, 0x62])
    }

    private func request(target: String, headers: HTTPHeaders = [:], body: String = "") -> HTTPRequest {
        HTTPRequest(method: .post, target: target, headers: headers, body: Array(body.utf8))
    }

    @Test func queryParameters() {
        let parsed = request(target: "/s?q=caf%C3%A9+au+lait&flag&empty=&a=1&a=2&&x%3Dy=%26").queryParameters
        #expect(parsed.map(\.name) == ["q", "flag", "empty", "a", "a", "x=y"])
        #expect(parsed.map(\.value) == ["café au lait", "", "", "1", "2", "&"])
        let search = request(target: "/s?a=1&a=2&b=%zz&c=3")
        #expect(search.queryValue("a") == "1")
        #expect(search.queryValues("a") == ["1", "2"])
        #expect(search.queryValue("b") == nil, "malformed escapes are skipped")
        #expect(search.queryValue("c") == "3")
        #expect(search.queryValue("missing") == nil)
        #expect(request(target: "/no-query").queryParameters.isEmpty)
        #expect(request(target: "/empty?").queryParameters.isEmpty)
        #expect(request(target: "/eq?=v").queryParameters.map(\.value) == ["v"])
    }

    @Test func formParametersOnlyForFormBodies() {
        let form = request(
            target: "/f", headers: ["Content-Type": "Application/X-WWW-Form-Urlencoded ; charset=UTF-8"],
            body: "name=Jo+Doe&city=K%C3%B6ln&bad=%E0&note")
        #expect(form.formParameters.map(\.name) == ["name", "city", "note"])
        #expect(form.formValue("name") == "Jo Doe")
        #expect(form.formValue("city") == "Köln")
        #expect(form.formValue("note") == "")
        #expect(form.formValue("bad") == nil)
        let json = request(target: "/f", headers: ["Content-Type": "application/json"], body: "name=x")
        #expect(json.formParameters.isEmpty)
        #expect(request(target: "/f", body: "name=x").formParameters.isEmpty)
    }

    @Test func formBodyWithRawNonUTF8BytesIsSkippedPairwise() {
        var body = Array("a=1&b=".utf8)
        body.append(0xFF)
        let form = HTTPRequest(
            method: .post, target: "/", headers: ["Content-Type": "application/x-www-form-urlencoded"], body: body)
        #expect(form.formParameters.map(\.name) == ["a"])
    }
}
