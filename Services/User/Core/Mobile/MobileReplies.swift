import JSON
import Mesh

/// The mobile document's success replies with their own message (its one failure code, 300, is the
/// code table's for every refusal kind).
enum MobileReplies {
    static func ok(_ message: String, data: JSONValue? = nil) -> CanonicalReply {
        CanonicalReply(kind: .ok, message: message, data: data)
    }
}
