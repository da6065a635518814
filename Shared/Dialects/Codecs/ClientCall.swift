import Catalog
import HTTPCore
import JSON
import Mesh

/// What a request signs and how, for the gateway to verify with the key it looks up.
public enum SignedContent: Sendable, Equatable {
    /// train: WeChat-Pay-v2 style over the `data` fields (all but `sign` and empty values, sorted by
    /// key, `k=v&…&key=<appCode's key>`, MD5, upper-case hex).
    case sortedFields(fields: JSONObject, sign: String?)
    /// c2c: `ck = md5(cc + secret + apiname)` in lower-case hex, `cc` a Unix time within the window.
    case timeAndName(cc: String?, ck: String?, apiName: String)
    /// yaf: `sign = MD5(data + secret(appid))` upper-case, over the `data` text exactly as posted.
    case rawData(data: String, sign: String?)
}

/// A client request decoded from its dialect: which operation, its business parameters, and
/// what the gateway must check (session token, app, signature, nonce, timestamp).
public struct ClientCall: Sendable {
    public let dialect: Dialect
    public let operation: Operation
    /// The business parameters, forwarded to the owning service as a JSON object.
    public var parameters: JSONObject
    /// The session token in the dialect's place (train `loginKey`, o2o `token`, c2c `mtoken`,
    /// yaf `token` in `data`, mobile cookie / header / parameter).
    public var token: String?
    /// train `appCode`, yaf `appid`, o2o mini-program appid.
    public var appID: String?
    /// train `userId`: must be the token's own user.
    public var claimedUserID: String?
    /// train `userRole`.
    public var role: String?
    /// train `nonceStr`: single use.
    public var nonce: String?
    /// yaf `timestamp` / c2c `cc`, checked against the window.
    public var timestamp: String?
    public var signature: SignedContent?

    public init(dialect: Dialect, operation: Operation, parameters: JSONObject = JSONObject()) {
        self.dialect = dialect
        self.operation = operation
        self.parameters = parameters
    }
}

/// A request the dialect codec refuses before anything else happens, with the kind (and, where
/// the document names one, the exact code) to answer with.
public struct DialectFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let kind: ReplyKind
    /// The operation the request named, when it got that far.
    public var operation: Operation?
    /// A documented code of the dialect, when the document has a specific one (yaf 505 "missing v").
    public let code: String?
    public let message: String

    public init(_ kind: ReplyKind, _ message: String, code: String? = nil, operation: Operation? = nil) {
        self.kind = kind
        self.operation = operation
        self.message = message
        self.code = code
    }

    public var description: String { "\(kind.rawValue)\(code.map { " (\($0))" } ?? ""): \(message)" }

    public var reply: CanonicalReply { .failure(kind, message, code: code) }
}

/// One dialect's envelope: recognises its requests, decodes them into a `ClientCall`, and writes
/// canonical replies in the document's exact shape.
public protocol DialectCodec: Sendable {
    var dialect: Dialect { get }
    /// Whether the request is addressed to this dialect (by path, and for `POST /` by its fields).
    func accepts(_ request: HTTPRequest) -> Bool
    func decode(_ request: HTTPRequest) throws(DialectFailure) -> ClientCall
    /// Writes `reply` in the dialect's envelope. `call` is the decoded request (nil when decoding
    /// failed); `operation` is known whenever the request named a catalog operation, even if its
    /// decoding failed later (for per-operation envelope shapes).
    func encode(_ reply: CanonicalReply, call: ClientCall?, operation: Operation?) -> HTTPResponse
}
