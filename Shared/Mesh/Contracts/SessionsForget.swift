import JSON

/// `sessions/forget` on the gateway, from auth: what auth knows of an account changed (a mobile or e-mail
/// bound, a password changed, sessions ended), so the gateway drops every session of it that it cached,
/// and the next call resolves afresh.
public enum SessionsForget: MeshContract {
    public typealias Request = AccountRequest
    public typealias Reply = MeshEmpty
    public static let service = ServiceName.gateway
    public static let name = "sessions/forget"
}
