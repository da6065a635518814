/// One operation a service offers the others on `POST /internal/{name}`: the service that owns it,
/// its name, and the request and reply types both sides share, so no service reads another's JSON
/// by hand.
public protocol MeshContract: Sendable {
    associatedtype Request: MeshMessage
    associatedtype Reply: MeshMessage

    /// The service that serves the operation.
    static var service: ServiceName { get }
    /// The operation's name, the last part of its path (`accounts.get`).
    static var name: String { get }
    /// True when the operation changes data: every call then carries an idempotency key, and a retry
    /// with the same key does not apply twice.
    static var isMutating: Bool { get }
}

extension MeshContract {
    public static var isMutating: Bool { false }
}
