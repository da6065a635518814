import Mesh
import ServiceKit

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
}
