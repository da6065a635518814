import Catalog
import HTTPCore
import JSON
import Mesh

/// The O2O mini-program's envelope (API document 001): `/api/user/{path}` by GET or POST as the catalog says,
/// the session in the `token` parameter (missing where the operation needs one: 10007, like an unknown token); replies are `{"code":0,"message":…,"data":…}`.
///
/// A GET reads the query string only; a POST reads the query string and the body (JSON object, urlencoded or
/// multipart form), a body parameter winning over a query parameter of the same name. `token` and `appid` are
/// taken out of the business parameters. The calling mini-program's appid comes from the `Referer` WeChat sends
/// (`https://servicewechat.com/{appid}/{version}/page-frame.html`), else from the `appid` parameter.
///
/// `data` is always an object on success (`{}` when the reply has none) and is left out of a failure unless the
/// reply carries data.
public struct O2OCodec: DialectCodec {
    public var dialect: Dialect { .o2o }

    public static let pathPrefix = "/api/user/"
    /// The origin of the `Referer` of requests made inside a WeChat mini-program.
    public static let miniProgramRefererPrefix = "https://servicewechat.com/"

    public init() {}

    public func accepts(_ request: HTTPRequest) -> Bool {
        request.path.hasPrefix(Self.pathPrefix)
    }

    public func decode(_ request: HTTPRequest) throws(DialectFailure) -> ClientCall {
        guard let operation = OperationCatalog.find(.o2o, path: request.path) else {
            throw DialectFailure(.noSuchOperation, "the O2O dialect has no operation at this path")
        }
        guard operation.methods.contains(request.method) else {
            let allowed = operation.methods.map(\.rawValue).joined(separator: ", ")
            throw DialectFailure(
                .noSuchOperation, "\(operation.name) is called with \(allowed), not \(request.method)",
                operation: operation)
        }
        var parameters =
            request.method == .get
            ? try ClientParameters.query(of: request, operation: operation)
            : try ClientParameters.merged(request, operation: operation)
        var call = ClientCall(dialect: .o2o, operation: operation)
        call.token = try ClientParameters.text("token", in: parameters, operation: operation)
        if operation.session == .required && call.token == nil {
            // 10007 sends the client to wx.login for a token; 10003 is for a token without a bound mobile.
            throw DialectFailure(.tokenInvalid, "token无效或不存在", operation: operation)
        }
        let appIDParameter = try ClientParameters.text("appid", in: parameters, operation: operation)
        call.appID = Self.appID(fromReferer: request.headers["Referer"]) ?? appIDParameter
        parameters.removeValue(forKey: "token")
        parameters.removeValue(forKey: "appid")
        call.parameters = parameters
        return call
    }

    public func encode(_ reply: CanonicalReply, call: ClientCall?, operation: Operation?) -> HTTPResponse {
        let operation = operation ?? call?.operation
        let head = ReplyHead(reply, table: dialect.codeTable, operation: operation?.name ?? "")
        var envelope: JSONObject = ["code": head.codeValue, "message": .string(head.message)]
        if reply.kind == .ok {
            envelope["data"] = reply.data ?? .object(JSONObject())
        } else if let data = reply.data {
            envelope["data"] = data
        }
        return ClientReply.json(.object(envelope))
    }

    /// The appid in a mini-program's `Referer`: the first path segment after `https://servicewechat.com/`, when
    /// it is 1 to 64 letters, digits, `_` or `-`.
    static func appID(fromReferer referer: String?) -> String? {
        guard let referer, referer.hasPrefix(miniProgramRefererPrefix) else { return nil }
        let segment = referer.dropFirst(miniProgramRefererPrefix.count).prefix { $0 != "/" }
        let valid =
            (1...64).contains(segment.utf8.count)
            && segment.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                    true
                default: false
                }
            }
        return valid ? String(segment) : nil
    }
}
