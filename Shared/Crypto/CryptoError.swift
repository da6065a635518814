/// A failure inside the cryptography layer, carrying enough detail to find the cause.
public enum CryptoError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A password is longer than the hasher accepts; longer inputs would let a caller burn CPU for nothing.
    case passwordTooLong(byteCount: Int, limit: Int)
    /// A parameter is outside the range the operation supports.
    case invalidParameter(name: String, value: Int, requirement: String)
    /// OpenSSL reported a failure; `reason` is the text of OpenSSL's error queue.
    case openSSLFailure(operation: String, reason: String)
    /// A key's text cannot be used: not PEM or base64 of a key, encrypted, not RSA, or too short.
    case invalidKey(reason: String)

    public var description: String {
        switch self {
        case let .passwordTooLong(byteCount, limit):
            return "password is \(byteCount) bytes long, the limit is \(limit) bytes"
        case let .invalidParameter(name, value, requirement):
            return "parameter \(name) is \(value), it must be \(requirement)"
        case let .openSSLFailure(operation, reason):
            return "OpenSSL failed in \(operation): \(reason)"
        case let .invalidKey(reason):
            return "the key cannot be used: \(reason)"
        }
    }
}
