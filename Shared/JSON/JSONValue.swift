/// One JSON value. Objects keep their key order and numbers keep their exact text, so a value parsed
/// from a client or built for a reply is written back exactly as the dialect's document shows it.
///
/// Equality is structural: object keys must come in the same order, and numbers compare by their
/// text (`1` and `1.0` differ).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}
