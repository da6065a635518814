import Mesh
import ServiceKit

/// A refusal of a content operation (a missing or malformed parameter, an unknown id), with the
/// dialect code where the operation's document gives one.
struct ContentRefusal: Refusal {
    let kind: ReplyKind
    let message: String
    let code: String?

    init(_ kind: ReplyKind, _ message: String, code: String? = nil) {
        self.kind = kind
        self.message = message
        self.code = code
    }

    func wording(in dialect: Dialect) -> DialectWording? { code.map { DialectWording(code: $0) } }

    static func missing(_ name: String) -> ContentRefusal { ContentRefusal(.missingParameter, "缺少参数 \(name)") }

    static func invalid(_ message: String) -> ContentRefusal { ContentRefusal(.invalidParams, message) }

    static func notFound(_ message: String) -> ContentRefusal { ContentRefusal(.notFound, message) }
}
