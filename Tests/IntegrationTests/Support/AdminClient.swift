import HTTPCore
import JSON
import Testing

/// Calls the gateway's admin surface (`/admin/api/...`) as the first admin, and the services'
/// internal operations (`/internal/{name}`) with the mesh's key, as another service would.
struct AdminClient {
    let mesh: TestMesh
    var password = "admin-development-password"

    /// The admin surface's answer to `operation` (`service/name`) after signing in as the first admin.
    func call(_ operation: String, _ body: JSONObject = [:]) async throws -> JSONValue {
        let login = try await post("/admin/api/login", ["username": "admin", "password": .string(password)])
        let token = try #require(login["data"]?["token"]?.stringValue, "admin login: \(login)")
        return try await post("/admin/api/\(operation)", body, token: token)
    }

    /// The canonical reply of internal operation `name` of `service`.
    func internalCall(
        _ service: String, _ name: String, _ body: JSONObject, idempotencyKey: String? = nil
    )
        async throws -> JSONValue
    {
        var request = HTTPRequest(
            method: .post, target: "/internal/\(name)",
            headers: ["Content-Type": "application/json", "X-Internal-Key": TestMesh.internalKey],
            body: JSONValue.object(body).serializedBytes())
        if let idempotencyKey { request.headers.add("Idempotency-Key", idempotencyKey) }
        return try JSONValue.parse(try await mesh.send(request, to: service).body)
    }

    private func post(_ path: String, _ body: JSONObject, token: String? = nil) async throws -> JSONValue {
        var request = HTTPRequest(
            method: .post, target: path, headers: ["Content-Type": "application/json"],
            body: JSONValue.object(body).serializedBytes())
        if let token { request.headers.add("Authorization", "Bearer \(token)") }
        return try JSONValue.parse(try await mesh.send(request, to: "gateway").body)
    }
}
