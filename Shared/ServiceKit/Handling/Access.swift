/// Who may call an operation: the handlers check it before the operation's code runs, and answer
/// the dialect's "not logged in" (or "forbidden") without calling it.
public enum Access: Sendable, Equatable {
    /// Anyone, with or without a session.
    case anyone
    /// A caller with a valid session, whatever its role (an O2O WeChat user without a bound mobile too).
    case session
    /// A caller whose session belongs to an account, not an O2O guest.
    case account
    /// A merchant: an account whose session has the train `business` role.
    case merchant
    /// An operator of the admin surface.
    case admin
}
