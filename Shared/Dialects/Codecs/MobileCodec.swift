import Catalog
import HTTPCore
import JSON
import Mesh

/// The mobile mall's envelope (API document 004): the paths of the catalog's mobile operations under a context
/// path (`${ctx}`, empty by default), parameters in the query string and the body (JSON object, urlencoded or
/// multipart form; a body parameter wins over a query parameter of the same name); replies are
/// `{"code":"200","msg":…}` or the endpoint's own shape (`MobileReplyShape`).
///
/// The session token is read from the `token` header, else the `token` parameter, else the `token` cookie, and
/// is taken out of the business parameters. A successful login (`OperationTraits.opensSession`) writes the
/// reply's `token` into the body with the other fields and also sets it as the HttpOnly `token` cookie.
/// Non-JSON answers (the captcha image, the redirect to Alipay) follow the convention of `MobileRawReply`; the
/// captcha's cookie comes back as a parameter (`captchaCookie`).
public struct MobileCodec: DialectCodec {
    public var dialect: Dialect { .mobile }
    /// The `${ctx}` prefix every path is served under: empty, or `/name` without a trailing slash.
    public let contextPath: String

    /// The header, parameter and cookie that carry the session token.
    public static let tokenHeader = "token"
    public static let tokenParameter = "token"
    public static let tokenCookie = "token"
    /// The cookie the captcha image sets (`MobileConventions.captchaCookie`). It is passed on as the business
    /// parameter of the same name (unless the call gives that parameter itself), so the code operations can
    /// check the answer; apps without cookies send the parameter.
    public static let captchaCookie = MobileConventions.captchaCookie

    /// `contextPath` may be given with or without its leading slash and with a trailing slash.
    public init(contextPath: String = "") {
        var path = Substring(contextPath)
        while path.last == "/" { path = path.dropLast() }
        self.contextPath = path.isEmpty || path.hasPrefix("/") ? String(path) : "/" + path
    }

    public func accepts(_ request: HTTPRequest) -> Bool {
        catalogPath(of: request.path).flatMap { OperationCatalog.find(.mobile, path: $0) } != nil
    }

    public func decode(_ request: HTTPRequest) throws(DialectFailure) -> ClientCall {
        guard let path = catalogPath(of: request.path), let operation = OperationCatalog.find(.mobile, path: path)
        else {
            throw DialectFailure(.noSuchOperation, "the mobile dialect has no operation at this path")
        }
        guard operation.methods.contains(request.method) else {
            let allowed = operation.methods.map(\.rawValue).joined(separator: ", ")
            throw DialectFailure(
                .noSuchOperation, "\(operation.name) is called with \(allowed), not \(request.method)",
                operation: operation)
        }
        var parameters = try ClientParameters.merged(request, operation: operation)
        var call = ClientCall(dialect: .mobile, operation: operation)
        let header = request.headers[Self.tokenHeader].flatMap { $0.isEmpty ? nil : $0 }
        let parameter = try ClientParameters.text(Self.tokenParameter, in: parameters, operation: operation)
        let cookie = request.cookies[Self.tokenCookie].flatMap { $0.isEmpty ? nil : $0 }
        call.token = header ?? parameter ?? cookie
        parameters.removeValue(forKey: Self.tokenParameter)
        if parameters[Self.captchaCookie] == nil, let captcha = request.cookies[Self.captchaCookie], !captcha.isEmpty {
            parameters[Self.captchaCookie] = .string(captcha)
        }
        call.parameters = parameters
        return call
    }

    public func encode(_ reply: CanonicalReply, call: ClientCall?, operation: Operation?) -> HTTPResponse {
        let operation = operation ?? call?.operation
        let name = operation?.name ?? ""
        let shape = operation?.traits.mobileShape ?? .status
        let head = ReplyHead(
            reply, table: dialect.codeTable, operation: name, successCode: operation?.traits.successCode)
        let succeeded = reply.kind == .ok
        let body: JSONValue
        switch shape {
        case .raw where succeeded:
            if let response = MobileRawReply.response(reply.data, cookiePath: cookiePath) { return response }
            let malformed = CanonicalReply.failure(.internal, "the service's reply is not a valid raw body")
            return encode(malformed, call: call, operation: nil)
        case .flag:
            body = succeeded ? .bool(reply.data?.boolValue ?? true) : .bool(false)
        case .bare where succeeded:
            body = reply.data ?? .null
        case .isSuccess:
            body =
                succeeded
                ? ["isSuccess": true, "data": reply.data ?? .null]
                : ["isSuccess": false, "code": head.codeValue, "msg": .string(head.message)]
        case .dataFirst:
            body = ["data": reply.data ?? .null, "code": head.codeValue, "msg": .string(head.message)]
        case .fieldsFirst:
            var envelope = spread(reply.data)
            envelope["code"] = head.codeValue
            envelope["msg"] = .string(head.message)
            body = .object(envelope)
        case .fieldsLast:
            var envelope: JSONObject = ["code": head.codeValue, "msg": .string(head.message)]
            envelope.merge(spread(reply.data))
            body = .object(envelope)
        case .status, .bare, .raw:
            var envelope: JSONObject = ["code": head.codeValue, "msg": .string(head.message)]
            if let data = reply.data { envelope["data"] = data }
            body = .object(envelope)
        }
        var response = ClientReply.json(body)
        if succeeded, operation?.traits.opensSession == true, case .string(let token)? = reply.data?["token"],
            let cookie = MobileCookie.setCookie(name: Self.tokenCookie, value: token, path: cookiePath)
        {
            response.headers.add("Set-Cookie", cookie)
        }
        return response
    }

    /// The path the catalog knows a request path by: the path without the context path; nil when the path is
    /// outside it.
    private func catalogPath(of path: String) -> String? {
        guard !contextPath.isEmpty else { return path }
        guard path.hasPrefix(contextPath + "/") else { return nil }
        return String(path.dropFirst(contextPath.count))
    }

    /// The path the cookies are set for.
    private var cookiePath: String { contextPath.isEmpty ? "/" : contextPath }

    /// The members of a data object to write beside `code` and `msg` (never replacing them); data that is not
    /// an object stays under `data`.
    private func spread(_ data: JSONValue?) -> JSONObject {
        switch data {
        case nil: return JSONObject()
        case .object(var members)?:
            members.removeValue(forKey: "code")
            members.removeValue(forKey: "msg")
            return members
        case let other?: return ["data": other]
        }
    }
}
