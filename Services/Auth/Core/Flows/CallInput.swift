import JSON
import Mesh
import ServiceKit

/// The business parameters of a client call, read strictly: every value must match its shape before
/// it goes anywhere, so odd input ends in a clean refusal. Messages are the platform's own Chinese
/// wording, shared by the dialects.
struct CallInput {
    let parameters: JSONObject

    /// A scalar parameter as text (clients send numbers either as `1` or `"1"`); nil when absent or empty.
    func text(_ key: String) -> String? {
        guard let text = parameters[key]?.scalarText, !text.isEmpty else { return nil }
        return text
    }

    /// A mainland mobile number: 11 digits starting with 1.
    func mobile(_ key: String = "mobile") throws(CallRefusal) -> String {
        guard let mobile = text(key) else { throw .missing(key) }
        guard CallInput.isMobile(mobile) else { throw CallRefusal(.invalidParams, "手机号格式不正确") }
        return mobile
    }

    /// A password under the document's rule for `user.register`: 6 to 20 letters, digits,
    /// underscores or hyphens (no stored password can be anything else).
    func password(_ key: String) throws(CallRefusal) -> String {
        guard let password = text(key) else { throw .missing(key) }
        guard CallInput.isPassword(password) else { throw CallRefusal(.invalidParams, "密码须为 6-20 位字母、数字、下划线或破折号") }
        return password
    }

    /// A parameter that must be there; codes pass as sent (the code store treats a malformed code
    /// as a wrong one).
    func required(_ key: String) throws(CallRefusal) -> String {
        guard let value = text(key) else { throw .missing(key) }
        return value
    }

    static func isMobile(_ text: String) -> Bool { CredentialFormat.isMobile(text) }

    static func isPassword(_ text: String) -> Bool { CredentialFormat.isPassword(text) }

    /// Text of at most `maxLength` bytes; a longer value is refused rather than cut.
    func bounded(_ key: String, maxLength: Int) throws(CallRefusal) -> String? {
        guard let value = text(key) else { return nil }
        guard value.utf8.count <= maxLength else { throw CallRefusal(.invalidParams, "参数 \(key) 过长") }
        return value
    }
}

/// A refusal of a client call before or after the work, with the dialect code where the operation's
/// document gives one.
struct CallRefusal: Refusal {
    let kind: ReplyKind
    let message: String
    let code: String?

    init(_ kind: ReplyKind, _ message: String, code: String? = nil) {
        self.kind = kind
        self.message = message
        self.code = code
    }

    func wording(in dialect: Dialect) -> DialectWording? { code.map { DialectWording(code: $0) } }

    static func missing(_ key: String) -> CallRefusal { CallRefusal(.missingParameter, "缺少参数 \(key)") }
}
