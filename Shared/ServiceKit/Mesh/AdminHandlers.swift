import Catalog
import HTTPCore
import JSON
import Mesh

/// A call of the admin surface as a service receives it on `POST /admin/{operation}`: the JSON
/// body and the admin who makes it.
public struct AdminCall: Sendable {
    public let operation: String
    public let parameters: JSONObject
    /// The admin account id, from the gateway.
    public let adminID: String

    public init(operation: String, parameters: JSONObject, adminID: String) {
        self.operation = operation
        self.parameters = parameters
        self.adminID = adminID
    }
}

/// The management operations a service offers to the admin surface (`/admin/api/{service}/{operation}`
/// on the gateway), answered with canonical replies. Unregistered operations answer 404.
public struct AdminHandlers: Sendable {
    public typealias Handler = @Sendable (AdminCall, RequestContext) async throws -> CanonicalReply

    private var table: [String: Handler] = [:]

    public init() {}

    public mutating func on(_ operation: String, _ handler: @escaping Handler) { table[operation] = handler }

    public var names: [String] { table.keys.sorted() }

    public func routes(bodyLimit: Int? = nil) -> [Route] {
        let table = self.table
        return [
            .post("/admin/*", bodyLimit: bodyLimit) { context in
                guard let name = context.parameter("*"), let handler = table[name] else {
                    throw HTTPError(.notFound, "no such admin operation")
                }
                guard let adminID = context.request.headers[MeshHeaders.userID],
                    context.request.headers[MeshHeaders.role] == "admin"
                else {
                    return CanonicalReply.failure(.forbidden, "admin session required").httpResponse
                }
                guard let parameters = await MeshBody.object(of: context.request) else {
                    return CanonicalReply.failure(.invalidParams, "the body must be a JSON object").httpResponse
                }
                do {
                    return try await handler(
                        AdminCall(operation: name, parameters: parameters, adminID: adminID), context
                    )
                    .httpResponse
                } catch {
                    context.logger.error(
                        "admin operation failed", [("operation", .string(name)), ("error", .string("\(error)"))])
                    return FaultReply.reply(for: error).httpResponse
                }
            }
        ]
    }
}
