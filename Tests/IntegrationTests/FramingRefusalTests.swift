import Catalog
import Dialects
import HTTPCore
import JSON
import Testing

/// Requests the server refuses before a dialect codec reads them (a body over the limit, broken chunked
/// framing): the dialect's envelope as the body, the refusal's real HTTP status.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct FramingRefusalTests {
    @Test func framingRefusalsKeepTheEnvelopeAndSendTheirStatus() async throws {
        try await TestMesh.with(["gateway"]) { mesh in
            let port = try #require(mesh.services["gateway"]?.port)
            let getUserInfo = try #require(OperationCatalog.find(.train, name: "getUserInfo"))
            var request = DialectRequests.request(for: getUserInfo, token: "t")
            request.body = Array(repeating: UInt8(ascii: "a"), count: 2 * 1024 * 1024)
            let tooLarge = try await mesh.send(request, to: "gateway")
            #expect(tooLarge.status == .payloadTooLarge)
            #expect(DialectRequests.code(of: tooLarge) == "9999")

            let chunked = try RawConnection(port: port)
            chunked.write(
                "POST /api/user/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n\r\nzz\r\nmobile=1\r\n0\r\n\r\n")
            let answer = chunked.read()
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer.prefix(200))")
            let body = try #require(answer.range(of: "\r\n\r\n").map { String(answer[$0.upperBound...]) })
            #expect(try JSONValue.parse(body)["code"] == 10001)
        }
    }
}
