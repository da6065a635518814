/// The services behind the gateway that own operations.
public enum ServiceName: String, Sendable, CaseIterable, Hashable {
    case auth
    case user
    case orders
    case merchants
    case exchange
    case content

    /// The loopback port the service listens on when nothing else is configured.
    public var defaultPort: Int {
        switch self {
        case .auth: 8101
        case .user: 8102
        case .orders: 8103
        case .merchants: 8104
        case .exchange: 8105
        case .content: 8106
        }
    }
}
