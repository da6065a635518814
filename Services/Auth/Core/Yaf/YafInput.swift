import Envelope
import JSON

/// The business parameters of a yaf call, read with the app base API document's rules. Every value
/// must match a strict shape before it goes anywhere, so odd input ends in a clean refusal.
struct YafInput {
    let parameters: JSONObject

    /// A scalar parameter as text (clients send numbers either as `1` or `"1"`); nil when absent or empty.
    func text(_ key: String) -> String? {
        guard let text = parameters[key]?.scalarText, !text.isEmpty else { return nil }
        return text
    }

    /// A mainland mobile number: 11 digits starting with 1.
    func mobile() throws(YafRefusal) -> String {
        guard let mobile = text("mobile") else { throw .missing("mobile") }
        guard YafInput.isMobile(mobile) else { throw YafRefusal(.invalidParams, "手机号格式不正确") }
        return mobile
    }

    /// A password under the document's rule for `user.register`: 6 to 20 letters, digits,
    /// underscores or hyphens (no stored password can be anything else).
    func password(_ key: String) throws(YafRefusal) -> String {
        guard let password = text(key) else { throw .missing(key) }
        guard YafInput.isPassword(password) else { throw YafRefusal(.invalidParams, "密码须为 6-20 位字母、数字、下划线或破折号") }
        return password
    }

    /// A parameter that must be there; codes pass as sent (the code store treats a malformed code
    /// as a wrong one).
    func required(_ key: String) throws(YafRefusal) -> String {
        guard let value = text(key) else { throw .missing(key) }
        return value
    }

    static func isMobile(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 11 && bytes[0] == UInt8(ascii: "1")
            && bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    static func isPassword(_ text: String) -> Bool {
        (6...20).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                    true
                default: false
                }
            }
    }
}

/// A refusal of a yaf call before or after the work, as the reply it becomes.
struct YafRefusal: Error, Sendable {
    let reply: CanonicalReply

    init(_ kind: ReplyKind, _ message: String, code: String? = nil) {
        reply = .failure(kind, message, code: code)
    }

    static func missing(_ key: String) -> YafRefusal { YafRefusal(.missingParameter, "缺少参数 \(key)") }
}
