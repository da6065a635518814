import Envelope
import JSON
import ServiceKit

/// The business parameters of a train, O2O or C2C auth call, read strictly: every value must have
/// its shape before it goes anywhere, so odd input (SQL-looking, huge, binary) ends in a refusal.
struct CallInput {
    let parameters: JSONObject

    /// A scalar parameter as text (numbers may come as `1` or `"1"`); nil when absent or empty.
    func text(_ key: String) -> String? {
        guard let text = parameters[key]?.scalarText, !text.isEmpty else { return nil }
        return text
    }

    /// A parameter that must be there.
    func required(_ key: String) throws(InputRefusal) -> String {
        guard let value = text(key) else { throw .missing(key) }
        return value
    }

    /// A mainland mobile number (11 digits starting with 1) in `key`.
    func mobile(_ key: String) throws(InputRefusal) -> String {
        let mobile = try required(key)
        guard CallInput.isMobile(mobile) else { throw InputRefusal(.invalidParams, "手机号格式不正确") }
        return mobile
    }

    /// A WeChat login code in `key`: 1 to 128 visible ASCII characters.
    func loginCode(_ key: String) throws(InputRefusal) -> String {
        let code = try required(key)
        guard CallInput.isLoginCode(code) else { throw InputRefusal(.invalidParams, "code 格式不正确") }
        return code
    }

    static func isMobile(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 11 && bytes[0] == UInt8(ascii: "1")
            && bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    static func isLoginCode(_ text: String) -> Bool {
        (1...128).contains(text.utf8.count) && text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    /// An app id, app code or simulated person: 1 to 64 letters, digits, `_`, `-` or `.`.
    static func isAppName(_ text: some StringProtocol) -> Bool {
        (1...64).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
                    true
                default: false
                }
            }
    }
}

/// A call refused before or during the work, as the reply it becomes.
struct InputRefusal: Error, Sendable {
    let reply: CanonicalReply

    init(_ kind: ReplyKind, _ message: String, code: String? = nil) {
        reply = .failure(kind, message, code: code)
    }

    init(reply: CanonicalReply) { self.reply = reply }

    static func missing(_ key: String) -> InputRefusal { InputRefusal(.missingParameter, "缺少参数 \(key)") }
}

extension InputRefusal {
    /// A handler that answers an `InputRefusal` thrown by `body` as its reply.
    static func answering(_ body: @escaping OperationHandlers.Handler) -> OperationHandlers.Handler {
        { call, context in
            do {
                return try await body(call, context)
            } catch let refusal as InputRefusal {
                return refusal.reply
            }
        }
    }
}
