import HTTPCore
import JSON

/// A service's answer to a mesh operation, the same shape for every service:
/// `{"kind":"ok","message":"","data":…,"code":null}`. The gateway's dialect codec turns it into
/// the caller's envelope.
public struct CanonicalReply: Sendable, Equatable {
    public var kind: ReplyKind
    /// Text for the caller; empty means the dialect's own message for the code.
    public var message: String
    public var data: JSONValue?
    /// A documented code of the caller's dialect that overrides the kind's usual code
    /// (e.g. train `0025` "该联系人已存在").
    public var dialectCode: String?

    public init(kind: ReplyKind, message: String = "", data: JSONValue? = nil, dialectCode: String? = nil) {
        self.kind = kind
        self.message = message
        self.data = data
        self.dialectCode = dialectCode
    }

    public static func ok(_ data: JSONValue? = nil) -> CanonicalReply { CanonicalReply(kind: .ok, data: data) }

    public static func failure(_ kind: ReplyKind, _ message: String = "", code: String? = nil) -> CanonicalReply {
        CanonicalReply(kind: kind, message: message, dialectCode: code)
    }

    public var json: JSONValue {
        .object([
            "kind": .string(kind.rawValue), "message": .string(message), "data": data ?? .null,
            "code": dialectCode.map(JSONValue.string) ?? .null,
        ])
    }

    /// The reply as the HTTP answer of a service's `/op/...` or `/internal/...` route (always 200:
    /// the outcome is in `kind`).
    public var httpResponse: HTTPResponse {
        HTTPResponse(
            status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: json.serializedBytes())
    }

    /// Reads a service's answer; anything else is a typed failure naming what is wrong.
    public init(response: HTTPResponse) throws(MeshProtocolError) {
        guard response.status.code == 200 else {
            throw MeshProtocolError("service answered HTTP \(response.status.code)")
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(response.body)
        } catch {
            throw MeshProtocolError("service reply is not JSON: \(error)")
        }
        guard case .object(let object) = value, case .string(let kind)? = object["kind"] else {
            throw MeshProtocolError("service reply has no kind")
        }
        self.kind = ReplyKind(rawValue: kind)
        self.message = object["message"]?.stringValue ?? ""
        let data = object["data"]
        self.data = data == .null ? nil : data
        self.dialectCode = object["code"]?.stringValue
    }
}
