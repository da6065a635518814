import Catalog
import HTTPCore
import JSON
import Mesh

/// The client operations a service implements, served on `POST /op/{dialect}/{name}` with the
/// canonical protocol, and listed on `GET /internal/operations` for the gateway's API reference.
/// Each registration names a catalog operation of this service and who may call it; `routes()`
/// refuses a registration the catalog does not give this service, so the service does not start.
/// An operation not registered answers 404, which the gateway turns into the dialect's honest
/// "not implemented" code.
public struct OperationHandlers: Sendable {
    public typealias Handler = @Sendable (OperationCall) async throws -> CanonicalReply

    private struct Registration: Sendable {
        let access: Access
        let handler: Handler
    }

    public let service: ServiceName
    private var table: [String: Registration] = [:]
    private var problems: [String] = []

    public init(service: ServiceName) {
        self.service = service
    }

    /// Registers the handler of `name` in `dialect` (the catalog's `Operation.name`, exactly).
    public mutating func on(
        _ dialect: Dialect, _ name: String, access: Access = .anyone, _ handler: @escaping Handler
    ) {
        let key = "\(dialect.rawValue)/\(name)"
        guard let operation = OperationCatalog.find(dialect, name: name), operation.name == name else {
            problems.append("\(key) is not in the catalog")
            return
        }
        guard operation.service == service else {
            problems.append("\(key) belongs to \(operation.service.rawValue)")
            return
        }
        guard table[key] == nil else {
            problems.append("\(key) is registered twice")
            return
        }
        table[key] = Registration(access: access, handler: handler)
    }

    public var names: [String] { table.keys.sorted() }

    /// The routes that serve the registered operations; throws when a registration was wrong.
    public func routes(bodyLimit: Int? = nil) throws(RegistrationError) -> [Route] {
        guard problems.isEmpty else { throw RegistrationError(service: service, problems: problems) }
        let table = self.table
        let names = self.names
        let serve = Route(
            [.post], "/op/{dialect}/*", bodyLimit: bodyLimit,
            metricLabel: { parameters in
                let key = "\(parameters["dialect"] ?? "")/\(parameters["*"] ?? "")"
                return table[key] == nil ? nil : "/op/\(key)"
            }
        ) { context in
            guard let dialectName = context.parameter("dialect"), let dialect = Dialect(rawValue: dialectName),
                let name = context.parameter("*"), let registration = table["\(dialectName)/\(name)"]
            else {
                throw HTTPError(.notFound, "operation not implemented")
            }
            guard let parameters = await MeshBody.object(of: context.request) else {
                return CanonicalReply.failure(.invalidParams, "the body of a mesh call must be a JSON object")
                    .httpResponse
            }
            let mesh = MeshCall(request: context.request, dialect: dialect, operation: name, parameters: parameters)
            let call = OperationCall(mesh: mesh, context: context)
            if let refusal = Self.refusal(of: call, access: registration.access) { return refusal.httpResponse }
            return await HandlerOutcome.reply(
                operation: "\(dialectName)/\(name)", dialect: dialect, logger: context.logger
            ) {
                try await registration.handler(call)
            }.httpResponse
        }
        return [
            serve,
            .get("/internal/operations") { _ in
                .json(JSONValue.object(ServedOperations(names: names).json).serialized())
            },
        ]
    }

    /// The answer to a call that `access` does not let through; nil when it may go on.
    static func refusal(of call: OperationCall, access: Access) -> CanonicalReply? {
        let caller = call.mesh.sessionState == .valid ? call.mesh.caller : nil
        switch access {
        case .anyone:
            return nil
        case .session:
            return caller == nil ? .failure(.notLoggedIn, "请先登录") : nil
        case .account:
            return call.accountID == nil || caller?.role == .guest ? .failure(.notLoggedIn, "请先登录") : nil
        case .merchant:
            guard call.accountID != nil, caller?.role != .guest else { return .failure(.notLoggedIn, "请先登录") }
            return caller?.role == .business ? nil : .failure(.forbidden, "仅商户可以操作")
        case .admin:
            return caller?.role == .admin && call.accountID != nil
                ? nil : .failure(.forbidden, "admin session required")
        }
    }
}
