import Foundation
import HTTPCore
import JSON
import Testing

/// The gateway's admin surface (sign-in, bearer sessions, forwarding, sign-out) and the API
/// reference generated from the operation catalog.
@Suite(.enabled(if: TestEnvironment.isAvailable, "needs TEST_DATABASE_URL and the built executables"))
struct AdminAndReferenceTests {
    private func post(
        _ mesh: TestMesh, _ path: String, _ body: JSONValue, token: String? = nil
    ) async throws
        -> (status: Int, body: JSONValue)
    {
        var request = HTTPRequest(
            method: .post, target: path, headers: ["Content-Type": "application/json"], body: body.serializedBytes())
        if let token { request.headers.add("Authorization", "Bearer \(token)") }
        let response = try await mesh.send(request, to: "gateway")
        return (response.status.code, try JSONValue.parse(response.body))
    }

    @Test func adminSignsInCallsServicesAndSignsOut() async throws {
        try await TestMesh.with(["auth", "content", "gateway"]) { mesh in
            let wrong = try await post(mesh, "/admin/api/login", ["username": "admin", "password": "not-the-password"])
            #expect(wrong.status == 401)
            #expect(wrong.body["error"] == "wrong_password")
            let login = try await post(
                mesh, "/admin/api/login", ["username": "admin", "password": "admin-development-password"])
            #expect(login.status == 200)
            let token = try #require(login.body["data"]?["token"]?.stringValue)
            #expect(token.count == 32)
            let missing = try await post(mesh, "/admin/api/content/no.such.operation", [:], token: token)
            #expect(missing.status == 404)
            #expect(missing.body["error"] == "no_such_operation")
            let anonymous = try await post(mesh, "/admin/api/content/no.such.operation", [:])
            #expect(anonymous.status == 401)
            let forged = try await post(
                mesh, "/admin/api/content/no.such.operation", [:], token: String(repeating: "a", count: 32))
            #expect(forged.status == 401)
            #expect(try await post(mesh, "/admin/api/logout", [:], token: token).status == 200)
            let after = try await post(mesh, "/admin/api/content/no.such.operation", [:], token: token)
            #expect(after.status == 401)
            let direct = try await mesh.send(HTTPRequest(method: .post, target: "/admin/x"), to: "content")
            #expect(direct.status == .forbidden)
        }
    }

    @Test func adminIsLockedAfterRepeatedWrongPasswords() async throws {
        try await TestMesh.with(["auth", "gateway"]) { mesh in
            for _ in 0..<5 {
                _ = try await post(mesh, "/admin/api/login", ["username": "admin", "password": "wrong-password-x"])
            }
            let locked = try await post(
                mesh, "/admin/api/login", ["username": "admin", "password": "admin-development-password"])
            #expect(locked.status == 403)
            #expect(locked.body["error"] == "account_locked")
        }
    }

    @Test func referenceListsEveryOperation() async throws {
        try await TestMesh.with(["gateway"]) { mesh in
            let page = try await mesh.get("/docs", from: "gateway")
            #expect(page.status == .ok)
            #expect(page.headers["Content-Type"]?.hasPrefix("text/html") == true)
            for dialect in ["train", "o2o", "c2c", "yaf", "mobile"] {
                #expect(page.bodyText.contains("id=\"\(dialect)\""))
            }
            #expect(page.bodyText.contains("/api/v1/user/login"))
            #expect(page.bodyText.contains("<code>nonceStr</code>"))
            let spec = try JSONValue.parse(try await mesh.get("/docs/openapi.json", from: "gateway").body)
            #expect(spec["openapi"] == "3.0.3")
            #expect(spec["paths"]?["/api/v1/user/login"]?["post"]?["x-implemented"] == false)
            let loginBody = spec["paths"]?["/api/v1/user/login"]?["post"]?["requestBody"]?["content"]
            let loginData = loginBody?["application/json"]?["schema"]?["properties"]?["data"]
            #expect(loginData?["required"] == ["code", "nonceStr", "sign"])
        }
    }
}
