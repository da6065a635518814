/// The services behind the gateway that own operations.
public enum ServiceName: String, Sendable, CaseIterable, Hashable {
    case auth
    case user
    case orders
    case merchants
    case exchange
    case content
}
