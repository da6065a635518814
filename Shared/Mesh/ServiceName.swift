/// The executables of the mesh: the services behind the gateway that own operations, and the gateway
/// itself, which owns none but takes calls from auth (a session to forget).
public enum ServiceName: String, Sendable, CaseIterable, Hashable {
    case gateway
    case auth
    case user
    case orders
    case merchants
    case exchange
    case content

    /// The loopback port the service listens on when nothing else is configured.
    public var defaultPort: Int {
        switch self {
        case .gateway: 8080
        case .auth: 8101
        case .user: 8102
        case .orders: 8103
        case .merchants: 8104
        case .exchange: 8105
        case .content: 8106
        }
    }

    /// The services behind the gateway.
    public static let behindGateway: [ServiceName] = allCases.filter { $0 != .gateway }
}
