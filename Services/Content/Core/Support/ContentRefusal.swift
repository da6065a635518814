import Catalog
import Mesh

/// A refusal of a content operation, as the canonical reply it becomes (a missing or malformed
/// parameter, an unknown id).
struct ContentRefusal: Error, Sendable {
    let reply: CanonicalReply

    init(_ kind: ReplyKind, _ message: String, code: String? = nil) {
        reply = .failure(kind, message, code: code)
    }

    static func missing(_ name: String) -> ContentRefusal { ContentRefusal(.missingParameter, "缺少参数 \(name)") }

    static func invalid(_ message: String) -> ContentRefusal { ContentRefusal(.invalidParams, message) }

    static func notFound(_ message: String) -> ContentRefusal { ContentRefusal(.notFound, message) }
}

/// Wraps a handler so a thrown `ContentRefusal` is answered as its reply.
enum Refusals {
    static func answering<Call: Sendable, Context: Sendable>(
        _ body: @escaping @Sendable (Call, Context) async throws -> CanonicalReply
    ) -> @Sendable (Call, Context) async throws -> CanonicalReply {
        { call, context in
            do {
                return try await body(call, context)
            } catch let refusal as ContentRefusal {
                return refusal.reply
            }
        }
    }
}
