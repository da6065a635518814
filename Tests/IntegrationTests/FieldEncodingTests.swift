import Catalog
import JSON
import Testing

/// A form field that is not UTF-8 once decoded is refused by name, in the dialect's invalid-parameter code,
/// instead of being dropped and then reported missing.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct FieldEncodingTests {
    @Test func aFieldThatIsNotUTF8IsNamedAsInvalid() async throws {
        try await TestMesh.with(["auth", "gateway"]) { mesh in
            let checkUsername = try #require(OperationCatalog.find(.mobile, name: "checkusername"))
            var mobile = DialectRequests.request(for: checkUsername, token: nil)
            mobile.body = Array("username=%FF%FE13900000701".utf8)
            let mobileAnswer = try JSONValue.parse(try await mesh.send(mobile, to: "gateway").body)
            #expect(mobileAnswer["code"] == "300")
            let mobileMessage = try #require(mobileAnswer["msg"]?.stringValue)
            #expect(mobileMessage.contains("username") && mobileMessage.contains("UTF-8"), "\(mobileMessage)")

            let news = try #require(OperationCatalog.find(.yaf, name: "news.list"))
            var yaf = DialectRequests.request(for: news, token: nil)
            yaf.body = Array("data=%C3%28&sign=X".utf8)
            let yafAnswer = try JSONValue.parse(try await mesh.send(yaf, to: "gateway").body)
            #expect(yafAnswer["code"] == 503)
            let yafMessage = try #require(yafAnswer["msg"]?.stringValue)
            #expect(yafMessage.contains("data") && yafMessage.contains("UTF-8"), "\(yafMessage)")
        }
    }
}
