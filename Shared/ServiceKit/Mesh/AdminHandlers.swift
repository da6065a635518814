import Catalog
import HTTPCore
import JSON
import Mesh
import Postgres

/// A call of the admin surface as a service receives it on `POST /admin/{operation}`: the JSON
/// body, read under the one rule set, and the admin who makes it.
public struct AdminCall: Sendable {
    public let operation: String
    public let parameters: Parameters
    /// The admin account id, from the gateway.
    public let adminID: String
    public let context: RequestContext

    public init(operation: String, parameters: JSONObject, adminID: String, context: RequestContext) {
        self.operation = operation
        self.parameters = Parameters(parameters)
        self.adminID = adminID
        self.context = context
    }
}

/// The management operations a service offers to the admin surface (`/admin/api/{service}/{operation}`
/// on the gateway), answered with canonical replies. Every one needs an admin session (`Access.admin`);
/// a write that breaks a database rule is refused naming the rule (`invalid_params` for a check or a
/// reference, `already_exists` for a unique key); anything else a handler throws is answered as every
/// handler's is (`HandlerOutcome`). Unregistered operations answer 404.
public struct AdminHandlers: Sendable {
    public typealias Handler = @Sendable (AdminCall) async throws -> CanonicalReply

    private var table: [String: Handler] = [:]

    public init() {}

    public mutating func on(_ operation: String, _ handler: @escaping Handler) { table[operation] = handler }

    public var names: [String] { table.keys.sorted() }

    public func routes(bodyLimit: Int? = nil) -> [Route] {
        let table = self.table
        return [
            Route(
                [.post], "/admin/*", bodyLimit: bodyLimit,
                metricLabel: { parameters in
                    parameters["*"].flatMap { table[$0] == nil ? nil : "/admin/\($0)" }
                }
            ) { context in
                guard let name = context.parameter("*"), let handler = table[name] else {
                    throw HTTPError(.notFound, "no such admin operation")
                }
                guard let adminID = context.request.headers[MeshHeaders.userID],
                    context.request.headers[MeshHeaders.role] == CallerRole.admin.rawValue
                else {
                    return CanonicalReply.failure(.forbidden, "admin session required").httpResponse
                }
                guard let parameters = await MeshBody.object(of: context.request) else {
                    return CanonicalReply.failure(.invalidParams, "the body must be a JSON object").httpResponse
                }
                let call = AdminCall(operation: name, parameters: parameters, adminID: adminID, context: context)
                return await HandlerOutcome.reply(operation: "admin/\(name)", dialect: nil, logger: context.logger) {
                    do {
                        return try await handler(call)
                    } catch let error as PostgresError where error.isCheckViolation || error.isForeignKeyViolation {
                        throw PlainRefusal.invalid("the values break the rule \(error.constraint ?? "of the table")")
                    } catch let error as PostgresError where error.isUniqueViolation {
                        throw PlainRefusal(
                            .alreadyExists, "the values collide with another row (\(error.constraint ?? "unique key"))")
                    }
                }.httpResponse
            }
        ]
    }
}
