import Crypto
import JSON

/// What an idempotency key is bound to: the SHA-256 (hex) of the operation's name and its canonical
/// request, `operation + "\n" + CanonicalJSON.text(request)`. The same key with another operation or
/// other parameters has another fingerprint.
public struct IdempotencyFingerprint: Sendable, Hashable, CustomStringConvertible {
    /// 64 lower-case hex digits.
    public let hex: String

    public init(operation: String, request: JSONValue) {
        hex = Hex.encode(Digest.sha256(operation + "\n" + CanonicalJSON.text(request)))
    }

    public var description: String { hex }
}
