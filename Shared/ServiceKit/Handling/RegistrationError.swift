import Mesh

/// Handlers registered against operations the catalog does not give this service: the service
/// refuses to start and names each one, so a typo never leaves an operation silently unserved.
public struct RegistrationError: Error, Sendable, CustomStringConvertible {
    public let service: ServiceName
    /// One line per wrong registration.
    public let problems: [String]

    public var description: String {
        "\(service.rawValue) registers operations it does not own: " + problems.joined(separator: "; ")
    }
}
