import Catalog
import HTTPCore
import JSON
import Mesh

/// The train-ticket mini-program's envelope (API document 000): `POST /api/v1/user/{op}` with the header
/// `loginKey` and the parameters `userId`, `userRole`, `appCode` and `data` (a JSON object, or the text of one,
/// that carries the business fields, `nonceStr` and `sign`); replies are `{"code":"0000","msg":…,"data":…}`.
///
/// Parameters may come in the query string, an urlencoded or multipart form, or a JSON object body; a body
/// parameter wins over a query parameter of the same name (see `ClientParameters`). The checks run in this
/// order, each with the appendix code it answers: the operation and method (no such operation), `appCode`
/// (0016), `loginKey` (0007) and `userId` (0008) for the operations that need a session, `userRole` (0013:
/// required, `customer` or `business`), `data` (0013: required, a JSON object), `nonceStr` (0013: at most 32
/// characters), and for the operations whose section names the signing key a non-empty `nonceStr` (0013) and
/// `sign` (0018). The other operations may leave `sign` out; one that is sent is checked. The signature itself
/// is checked by the gateway with the key of the call's `appCode`, and a `nonceStr` that is sent is single use.
///
/// A reply's `data` is written as JSON (an object or a list), as the document's examples show it, not as the text
/// of JSON its field table mentions; it is null when the reply has none.
public struct TrainCodec: DialectCodec {
    public var dialect: Dialect { .train }
    /// appCode → signing key, for the `sign` of the replies whose section lists one.
    public let keys: [String: String]

    public static let pathPrefix = "/api/v1/user/"
    /// The roles the document names for `userRole`.
    public static let roles: Set<String> = ["customer", "business"]
    /// The document limits `nonceStr` to 32 characters.
    public static let maxNonceLength = 32

    public init(keys: [String: String] = [:]) {
        self.keys = keys
    }

    public func accepts(_ request: HTTPRequest) -> Bool {
        request.path.hasPrefix(Self.pathPrefix)
    }

    public func decode(_ request: HTTPRequest) throws(DialectFailure) -> ClientCall {
        guard let operation = OperationCatalog.find(.train, path: request.path) else {
            throw DialectFailure(.noSuchOperation, "the train dialect has no operation at this path")
        }
        guard operation.methods.contains(request.method) else {
            throw DialectFailure(
                .noSuchOperation, "\(operation.name) is called with POST, not \(request.method)", operation: operation)
        }
        let parameters = try ClientParameters.merged(request, operation: operation)
        var call = ClientCall(dialect: .train, operation: operation)

        guard let appCode = try ClientParameters.text("appCode", in: parameters, operation: operation) else {
            throw DialectFailure(.missingParameter, "appCode is required", code: "0016", operation: operation)
        }
        call.appID = appCode
        call.token = request.headers["loginKey"].flatMap { $0.isEmpty ? nil : $0 }
        call.claimedUserID = try ClientParameters.text("userId", in: parameters, operation: operation)
        if operation.session == .required {
            guard call.token != nil else {
                throw DialectFailure(
                    .notLoggedIn, "the loginKey header is required", code: "0007", operation: operation)
            }
            guard call.claimedUserID != nil else {
                throw DialectFailure(.missingParameter, "userId is required", code: "0008", operation: operation)
            }
        }
        call.role = try role(in: parameters, operation: operation)

        let data = try dataObject(in: parameters, operation: operation)
        call.nonce = try nonce(in: data, operation: operation)
        let sign = try signText(in: data, operation: operation)
        switch operation.signature {
        case .required:
            guard call.nonce != nil else {
                throw DialectFailure(
                    .missingParameter, "缺少参数：nonceStr", code: "0013", operation: operation)
            }
            guard sign != nil else {
                throw DialectFailure(.signatureMissing, "data must carry sign", code: "0018", operation: operation)
            }
            call.signature = .sortedFields(fields: data, sign: sign)
        case .whenPresent:
            if sign != nil { call.signature = .sortedFields(fields: data, sign: sign) }
        case .none:
            break
        }
        var business = data
        business.removeValue(forKey: "nonceStr")
        business.removeValue(forKey: "sign")
        call.parameters = business
        return call
    }

    public func encode(_ reply: CanonicalReply, call: ClientCall?, operation: Operation?) -> HTTPResponse {
        let operation = operation ?? call?.operation
        let head = ReplyHead(reply, table: dialect.codeTable, operation: operation?.name ?? "")
        var data = reply.data ?? .null
        if let operation, operation.traits.signedReply, case .object(var fields) = data,
            let appCode = call?.appID, let key = keys[appCode]
        {
            fields.removeValue(forKey: "sign")
            fields["sign"] = .string(TrainSignature.sign(fields, key: key))
            data = .object(fields)
        }
        return ClientReply.json(["code": head.codeValue, "msg": .string(head.message), "data": data])
    }

    private func role(in parameters: JSONObject, operation: Operation) throws(DialectFailure) -> String {
        guard let role = try ClientParameters.text("userRole", in: parameters, operation: operation) else {
            throw DialectFailure(.missingParameter, "userRole is required", code: "0013", operation: operation)
        }
        guard Self.roles.contains(role) else {
            throw DialectFailure(
                .invalidParams, "userRole must be customer or business", code: "0013", operation: operation)
        }
        return role
    }

    /// `data` as an object: sent as the text of a JSON object (form, query or JSON body) or as an object (JSON
    /// body).
    private func dataObject(in parameters: JSONObject, operation: Operation) throws(DialectFailure) -> JSONObject {
        switch parameters["data"] {
        case nil, .null?, .string("")?:
            throw DialectFailure(.missingParameter, "data is required", code: "0013", operation: operation)
        case .object(let object)?:
            return object
        case .string(let text)?:
            guard case .object(let object)? = try? JSONValue.parse(text) else {
                throw DialectFailure(
                    .invalidParams, "data must be the text of a JSON object", code: "0013", operation: operation)
            }
            return object
        default:
            throw DialectFailure(.invalidParams, "data must be a JSON object", code: "0013", operation: operation)
        }
    }

    private func nonce(in data: JSONObject, operation: Operation) throws(DialectFailure) -> String? {
        guard let nonce = try ClientParameters.text("nonceStr", in: data, operation: operation) else { return nil }
        guard nonce.count <= Self.maxNonceLength else {
            throw DialectFailure(
                .invalidParams, "nonceStr must be at most \(Self.maxNonceLength) characters", code: "0013",
                operation: operation)
        }
        return nonce
    }

    private func signText(in data: JSONObject, operation: Operation) throws(DialectFailure) -> String? {
        switch data["sign"] {
        case nil, .null?, .string("")?: return nil
        case .string(let sign)?: return sign
        default: throw DialectFailure(.invalidParams, "sign must be a string", code: "0013", operation: operation)
        }
    }
}
