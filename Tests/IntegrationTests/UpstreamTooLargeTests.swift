import Catalog
import Dialects
import JSON
import Testing

/// A request within the gateway's body limit but over the owning service's gets the dialect's "request too
/// large" answer, never an internal error, and leaves no error line in the gateway's log.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct UpstreamTooLargeTests {
    @Test func aBodyTooLargeForTheOwningServiceGetsTheDialectAnswer() async throws {
        try await TestMesh.with(["auth", "gateway"]) { mesh in
            let login = try #require(OperationCatalog.find(.yaf, name: "user.login"))
            // Over 1 MiB in all (the auth service's body limit), in fields under the JSON parser's string limit.
            let padding = JSONValue.string(String(repeating: "x", count: 600 * 1024))
            let request = DialectRequests.request(
                for: login, token: nil,
                parameters: [
                    "mobile": "13800000601", "login_type": 2, "password": "some_pw1", "note": padding, "memo": padding,
                ])
            let response = try await mesh.send(request, to: "gateway")
            let answer = try JSONValue.parse(response.body)
            let expected = YafCodec().encode(.failure(.payloadTooLarge, "x"), call: nil, operation: login)
            #expect(answer["code"] == 503, "\(answer)")
            #expect(DialectRequests.code(of: response) == DialectRequests.code(of: expected))
            #expect(answer["msg"] != "internal error")
            try await Task.sleep(for: .milliseconds(200))
            let errors = mesh.services["gateway"]!.log.split(separator: "\n").filter {
                $0.contains(#""level":"error""#)
            }
            #expect(errors.isEmpty, "\(errors)")
        }
    }
}
