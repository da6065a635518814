import Catalog
import Crypto
import Dialects
import Foundation
import HTTPCore
import JSON
import Mesh
import Postgres
import Testing

/// Drives the user service's operations through the gateway in each dialect, as the documents'
/// clients call them, and its internal and admin operations, for the user and wallet suites.
struct UserTestClient {
    let mesh: TestMesh

    /// An account in the auth schema with `mobile`, and its id.
    func createAccount(mobile: String?, email: String? = nil) async throws -> Int64 {
        try await TestSessions.createAccount(mesh, mobile: mobile, email: email)
    }

    /// An account and a session of it in `dialect`.
    func signedIn(_ dialect: Dialect, mobile: String?) async throws -> (account: Int64, token: String) {
        let account = try await createAccount(mobile: mobile)
        return (account, try await TestSessions.open(mesh, dialect: dialect.rawValue, account: account))
    }

    /// The envelope of `name` in `dialect` called with `parameters` (train needs the caller's `account`).
    func call(
        _ dialect: Dialect, _ name: String, token: String?, account: Int64 = 1, _ parameters: JSONObject = [:]
    ) async throws -> JSONValue {
        let response = try await send(dialect, name, token: token, account: account, parameters)
        #expect(response.status == .ok, "\(name): HTTP \(response.status.code) \(response.bodyText)")
        return try JSONValue.parse(response.body)
    }

    func send(
        _ dialect: Dialect, _ name: String, token: String?, account: Int64 = 1, _ parameters: JSONObject = [:]
    ) async throws -> HTTPResponse {
        let operation = try #require(OperationCatalog.find(dialect, name: name), "no \(dialect) operation \(name)")
        let request = DialectRequests.request(
            for: operation, token: token, userID: String(account), parameters: parameters)
        return try await mesh.send(request, to: "gateway")
    }

    /// A mobile operation with a JSON body (keeps the parameters' JSON types).
    func mobileJSON(_ name: String, token: String, _ body: JSONObject) async throws -> JSONValue {
        let operation = try #require(OperationCatalog.find(.mobile, name: name))
        let request = HTTPRequest(
            method: .post, target: operation.path, headers: ["Content-Type": "application/json", "token": token],
            body: JSONValue.object(body).serializedBytes())
        return try JSONValue.parse(try await mesh.send(request, to: "gateway").body)
    }

    /// The canonical reply of the user service's internal operation `name`, called as another service would.
    func internalCall(_ name: String, _ parameters: JSONObject, key: String? = nil) async throws -> JSONValue {
        try await AdminClient(mesh: mesh).internalCall("user", name, parameters, idempotencyKey: key)
    }

    /// The admin surface's answer to the user service's admin operation `name`.
    func admin(_ name: String, _ body: JSONObject) async throws -> JSONValue {
        try await AdminClient(mesh: mesh).call("user/\(name)", body)
    }

    /// Runs `body` against a mesh of `services`, stopping it however the body ends.
    static func withMesh(
        _ services: [String], environment: [String: String] = [:], _ body: (UserTestClient) async throws -> Void
    ) async throws {
        try await TestMesh.with(services, extraEnvironment: environment) { mesh in
            try await body(UserTestClient(mesh: mesh))
        }
    }
}
