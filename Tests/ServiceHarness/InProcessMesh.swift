import Catalog
import Crypto
import Foundation
import HTTPClient
import HTTPCore
import JSON
import Mesh
import Postgres
import ServiceKit

/// Services running inside the test process against a throwaway database, as the model frameworks test
/// their routers: each applies its own migrations, and every call — a client operation as the gateway
/// forwards it, or a call between services — goes straight to the owning service's responder (the
/// internal-key check, routing, handlers), with no process and no port. The database server is
/// `TEST_DATABASE_URL`.
public final class InProcessMesh: Sendable {
    static let internalKey = "in-process-mesh-key"

    private let applications: [ServiceName: ServiceApplication]
    private let table: ResponderTable
    private let transport: MeshTransport
    private let serverURL: String
    private let databaseName: String

    private init(
        applications: [ServiceName: ServiceApplication], table: ResponderTable, transport: @escaping MeshTransport,
        serverURL: String, databaseName: String
    ) {
        self.applications = applications
        self.table = table
        self.transport = transport
        self.serverURL = serverURL
        self.databaseName = databaseName
    }

    /// Starts `services` in a new database, runs `body` and stops them, however `body` ends.
    public static func with<T>(
        _ services: [InProcessService], environment: [String: String] = [:], _ body: (InProcessMesh) async throws -> T
    ) async throws -> T {
        let mesh = try await start(services, environment: environment)
        do {
            let result = try await body(mesh)
            await mesh.stop()
            return result
        } catch {
            await mesh.stop()
            throw error
        }
    }

    /// Creates a database and starts `services` in it, with `environment` over the test defaults.
    public static func start(
        _ services: [InProcessService], environment: [String: String] = [:]
    ) async throws
        -> InProcessMesh
    {
        guard let serverURL = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"] else {
            throw InProcessMeshError("TEST_DATABASE_URL is not set")
        }
        let databaseName = "inproc_" + SecureRandom.token(bytes: 6)
        try await TestDatabaseServer.execute("CREATE DATABASE \(databaseName)", on: serverURL)
        var values = [
            "APP_ENV": "test", "DATABASE_URL": TestDatabaseServer.replacingDatabase(in: serverURL, with: databaseName),
            "INTERNAL_KEY": internalKey, "LOG_LEVEL": "error", "HTTP_THREADS": "1", "DB_POOL_SIZE": "3",
            // Deadlines long enough for a machine under heavy load: the tests check outcomes, not speed.
            "DB_POOL_TIMEOUT_MS": "60000",
        ]
        values.merge(environment) { _, given in given }
        let table = ResponderTable()
        let transport: MeshTransport = { service, request, _ throws(HTTPClientError) in
            try await table.send(request, to: service)
        }
        var applications: [ServiceName: ServiceApplication] = [:]
        do {
            for service in services {
                let configuration = try ServiceConfiguration(
                    descriptor: service.descriptor,
                    environment: Environment(prefix: service.descriptor.name, values: values))
                let application = try ServiceApplication(configuration: configuration, meshTransport: transport)
                applications[service.name] = application
                try await application.prepare()
                table.set(application.responder(routes: try await service.routes(application)), for: service.name)
            }
        } catch {
            for application in applications.values { await application.shutdown() }
            try? await TestDatabaseServer.execute("DROP DATABASE IF EXISTS \(databaseName) WITH (FORCE)", on: serverURL)
            throw error
        }
        return InProcessMesh(
            applications: applications, table: table, transport: transport, serverURL: serverURL,
            databaseName: databaseName)
    }

    /// The owning service's reply to client operation `operation` of `dialect`, called as the gateway
    /// forwards it: with `caller` as the resolved session (`.valid`), or without one.
    public func call(
        _ dialect: Dialect, _ operation: String, _ parameters: JSONObject = [:], caller: CallerIdentity? = nil,
        appID: String? = nil, clientAddress: String = "127.0.0.1"
    ) async throws -> CanonicalReply {
        guard let owner = OperationCatalog.find(dialect, name: operation)?.service else {
            throw InProcessMeshError("\(dialect.rawValue)/\(operation) is not in the catalog")
        }
        let call = MeshCall(
            dialect: dialect, operation: operation, parameters: parameters, caller: caller, appID: appID,
            sessionState: caller == nil ? .none : .valid, clientAddress: clientAddress,
            requestID: SecureRandom.token(bytes: 8))
        var request = call.httpRequest()
        request.headers.add(MeshHeaders.internalKey, Self.internalKey)
        return try CanonicalReply(response: try await table.send(request, to: owner))
    }

    /// `service`'s reply to internal operation `name`, as another service calls it.
    public func internalCall(
        _ service: ServiceName, _ name: String, _ parameters: JSONObject = [:], idempotencyKey: String? = nil
    ) async throws -> CanonicalReply {
        var headers: HTTPHeaders = ["Content-Type": "application/json", MeshHeaders.internalKey: Self.internalKey]
        if let idempotencyKey { headers.add(MeshClient.idempotencyKeyHeader, idempotencyKey) }
        let request = HTTPRequest(
            method: .post, target: "/internal/\(name)", headers: headers,
            body: JSONValue.object(parameters).serializedBytes())
        return try CanonicalReply(response: try await table.send(request, to: service))
    }

    /// A mesh client whose calls reach this mesh's services, as a service's own client does, except
    /// while `unreachable` answers true for the called service: that call's connection is refused.
    public func meshClient(unreachable: @escaping @Sendable (ServiceName) -> Bool = { _ in false }) -> MeshClient {
        let transport = transport
        return MeshClient(
            transport: { service, request, timeout throws(HTTPClientError) in
                guard !unreachable(service) else {
                    throw HTTPClientError(
                        .connectionRefused, upstream: service.rawValue, detail: "unreachable in this test",
                        requestNotSent: true)
                }
                return try await transport(service, request, timeout)
            }, internalKey: Self.internalKey)
    }

    /// `service`'s reply to admin operation `operation`, as the gateway forwards it for a signed-in admin
    /// (`adminID`).
    public func adminCall(
        _ service: ServiceName, _ operation: String, _ body: JSONObject = [:], adminID: String = "1"
    ) async throws -> CanonicalReply {
        let headers: HTTPHeaders = [
            "Content-Type": "application/json", MeshHeaders.internalKey: Self.internalKey,
            MeshHeaders.userID: adminID, MeshHeaders.role: CallerRole.admin.rawValue,
        ]
        let request = HTTPRequest(
            method: .post, target: "/admin/\(operation)", headers: headers,
            body: JSONValue.object(body).serializedBytes())
        return try CanonicalReply(response: try await table.send(request, to: service))
    }

    /// `service`'s answer to a request outside the canonical protocol, as it arrives from the gateway or
    /// a provider (a payment notification, the payment simulator's pages).
    public func send(_ request: HTTPRequest, to service: ServiceName) async throws -> HTTPResponse {
        try await table.send(request, to: service)
    }

    /// A new account made by the auth service's factory operation (the mesh must run auth).
    public func createAccount(mobile: String? = nil, email: String? = nil) async throws -> CallerIdentity {
        var body: JSONObject = [:]
        if let mobile { body["mobile"] = .string(mobile) }
        if let email { body["email"] = .string(email) }
        let reply = try await internalCall(.auth, "factory.accounts.create", body)
        guard reply.kind == .ok, let id = reply.data?["account_id"]?.stringValue else {
            throw InProcessMeshError("no account: \(reply.kind) \(reply.message)")
        }
        return CallerIdentity(userID: id, openID: reply.data?["open_id"]?.stringValue)
    }

    /// The database pool of `service`, for a test that sets up rows the way an admin or a migration
    /// would; nil when the mesh does not run it.
    public func database(of service: ServiceName) -> PostgresPool? { applications[service]?.database }

    /// Shuts every service down and drops the database.
    public func stop() async {
        for application in applications.values { await application.shutdown() }
        try? await TestDatabaseServer.execute("DROP DATABASE IF EXISTS \(databaseName) WITH (FORCE)", on: serverURL)
    }
}

/// The in-process mesh could not be set up or a call broke the protocol.
public struct InProcessMeshError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
