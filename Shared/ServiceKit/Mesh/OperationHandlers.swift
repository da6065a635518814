import Catalog
import HTTPCore
import JSON
import Mesh

/// The client operations a service implements, served on `POST /op/{dialect}/{name}` with the
/// canonical protocol, and listed on `GET /internal/operations` for the gateway's API reference.
/// An operation not registered answers 404, which the gateway turns into the dialect's honest
/// "not implemented" code.
public struct OperationHandlers: Sendable {
    public typealias Handler = @Sendable (MeshCall, RequestContext) async throws -> CanonicalReply

    private var table: [String: Handler] = [:]

    public init() {}

    /// Registers the handler of `name` in `dialect` (the catalog's `Operation.name`).
    public mutating func on(_ dialect: Dialect, _ name: String, _ handler: @escaping Handler) {
        table["\(dialect.rawValue)/\(name)"] = handler
    }

    public var names: [String] { table.keys.sorted() }

    /// The routes that serve the registered operations.
    public func routes(bodyLimit: Int? = nil) -> [Route] {
        let table = self.table
        let names = self.names
        return [
            .post("/op/{dialect}/*", bodyLimit: bodyLimit) { context in
                guard let dialectName = context.parameter("dialect"), let dialect = Dialect(rawValue: dialectName),
                    let name = context.parameter("*"), let handler = table["\(dialectName)/\(name)"]
                else {
                    throw HTTPError(.notFound, "operation not implemented")
                }
                guard let parameters = await MeshBody.object(of: context.request) else {
                    return CanonicalReply.failure(.invalidParams, "the body of a mesh call must be a JSON object")
                        .httpResponse
                }
                let call = MeshCall(request: context.request, dialect: dialect, operation: name, parameters: parameters)
                do {
                    return try await handler(call, context).httpResponse
                } catch {
                    context.logger.error(
                        "operation failed",
                        [
                            ("operation", .string("\(dialectName)/\(name)")),
                            ("error", .string("\(error)")),
                        ])
                    return FaultReply.reply(for: error).httpResponse
                }
            },
            .get("/internal/operations") { _ in
                .json(JSONValue.object(["operations": .array(names.map(JSONValue.string))]).serialized())
            },
        ]
    }
}
