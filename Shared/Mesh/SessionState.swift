/// What the gateway found for the session token of a call.
public enum SessionState: String, Sendable, Hashable, CaseIterable {
    /// The call carried no token.
    case none
    /// The call carried a token that is unknown, expired, revoked or replaced.
    case invalid
    /// The token names a live session: the call has a caller.
    case valid
}
