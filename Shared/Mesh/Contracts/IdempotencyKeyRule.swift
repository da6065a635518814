/// The `Idempotency-Key` every call of a mutating contract carries: 1 to 128 visible ASCII characters,
/// the same on every retry of one change.
public enum IdempotencyKeyRule {
    public static let header = "Idempotency-Key"
    public static let maximumLength = 128

    /// `key` when it follows the rule; otherwise the problem, naming the header.
    public static func check(_ key: String?) throws(MeshProtocolError) -> String {
        guard let key, !key.isEmpty else { throw .missing(header) }
        guard key.utf8.count <= maximumLength, key.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .invalid(header, "1 to \(maximumLength) visible ASCII characters")
        }
        return key
    }
}
