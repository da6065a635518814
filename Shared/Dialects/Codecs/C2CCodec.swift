import Catalog
import Glibc
import HTTPCore
import JSON
import Mesh

/// The C2C exchange dialect (API document 002): `POST /?_apiname=module.controller.action&mtoken=…&cc=…&ck=…`
/// with the business parameters as a JSON object in the body (a few may ride in the query), answered
/// with `{"code":"200","msg":…,"time":…,"data":…}` where every value is a string.
public struct C2CCodec: DialectCodec {
    /// The server's current Unix time in seconds.
    public static let systemTime: @Sendable () -> Int = { Int(time(nil)) }

    /// The clock whose Unix time in seconds every reply carries in `time`.
    let now: @Sendable () -> Int

    public init(now: @escaping @Sendable () -> Int = C2CCodec.systemTime) {
        self.now = now
    }

    public var dialect: Dialect { .c2c }

    /// A request to `/` whose query names an `_apiname` (whatever the method, so that a wrong one is
    /// answered in this dialect's envelope).
    public func accepts(_ request: HTTPRequest) -> Bool {
        request.path == "/" && request.queryParameters.contains { $0.name == C2CQuery.apiNameField }
    }

    public func decode(_ request: HTTPRequest) throws(DialectFailure) -> ClientCall {
        let query = try C2CQuery(request.queryParameters)
        guard let operation = OperationCatalog.find(.c2c, name: query.apiName) else {
            throw DialectFailure(.noSuchOperation, "the c2c API has no operation \(query.apiName)")
        }
        guard operation.methods.contains(request.method) else {
            throw DialectFailure(
                .noSuchOperation, "\(operation.name) is called with POST, not \(request.method)", operation: operation)
        }
        var parameters = try C2CBody.parameters(of: request, operation: operation)
        for (name, value) in query.business {
            guard !parameters.contains(key: name) else {
                throw DialectFailure(
                    .invalidParams, "the parameter \(name) is given both in the query and in the body",
                    operation: operation)
            }
            parameters[name] = value
        }
        var call = ClientCall(dialect: .c2c, operation: operation, parameters: parameters)
        call.token = query.token
        call.timestamp = query.time
        call.signature = .timeAndName(cc: query.time, ck: query.check, apiName: query.apiName)
        return call
    }
}
