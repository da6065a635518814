import Mesh
import Postgres

/// The reply to an error a handler did not turn into a refusal. A database that cannot be reached
/// (a failed connect, a broken connection, no free pooled connection in time, a closed pool) is the
/// retryable `upstream_failed`: the caller may try again. Anything else is a fault, `internal`.
public enum FaultReply {
    /// The canonical reply for `error`.
    public static func reply(for error: any Error) -> CanonicalReply {
        if isUnavailable(error) {
            return .failure(.upstreamFailed, "the database is unavailable; try again shortly")
        }
        return .failure(.internal, "internal error")
    }

    /// True when `error` says the database could not be used right now rather than that a request failed.
    public static func isUnavailable(_ error: any Error) -> Bool {
        guard let error = error as? PostgresError else { return false }
        if error.isConnectionError { return true }
        switch error.kind {
        case .poolTimeout, .poolClosed, .timeout: return true
        default: return false
        }
    }
}
