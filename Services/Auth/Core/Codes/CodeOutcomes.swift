/// The outcome of asking for a new code.
enum CodeIssue: Sendable, Equatable {
    /// A code was made and stored (as its hash); `code` is to be sent, `id` names its row.
    case issued(code: String, id: Int64)
    /// A code for the same target and purpose went out less than the interval ago.
    case tooSoon(intervalSeconds: Int)
    /// The target had its daily number of codes.
    case targetDailyLimit
    /// The client address asked for its daily number of codes.
    case addressDailyLimit
}

/// What a code given by a client turned out to be.
enum CodeCheck: Sendable, Equatable {
    /// The newest code of the target and purpose, still usable; consume it by `id`.
    case valid(id: Int64)
    /// Not the code; the wrong try was counted.
    case wrong
    /// No usable code: none was sent, it expired, it was used, or it died after too many wrong tries.
    case expired
}
