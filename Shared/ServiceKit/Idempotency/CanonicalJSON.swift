import JSON

/// The one text of a JSON value that two equal requests share: object keys sorted (by their UTF-8
/// bytes) at every depth, no spaces, numbers as they were written.
public enum CanonicalJSON {
    public static func text(_ value: JSONValue) -> String { sorted(value).serialized() }

    private static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            let pairs = object.map { ($0.key, sorted($0.value)) }.sorted {
                Array($0.0.utf8).lexicographicallyPrecedes($1.0.utf8)
            }
            return .object(JSONObject(pairs))
        case .array(let items):
            return .array(items.map(sorted))
        default:
            return value
        }
    }
}
