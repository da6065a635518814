import EventLoops
import Synchronization

/// What all of a server's listeners and connections share: configuration, responder, counters.
final class ServerContext: Sendable {
    let configuration: HTTPServerConfiguration
    let responder: any HTTPResponder
    let openConnections = Atomic<Int>(0)
    let acceptedTotal = Atomic<Int>(0)
    let refusedTotal = Atomic<Int>(0)
    let addressConnections: AddressConnectionCounts

    init(configuration: HTTPServerConfiguration, responder: any HTTPResponder) {
        self.configuration = configuration
        self.responder = responder
        self.addressConnections = AddressConnectionCounts(limit: configuration.maxConnectionsPerAddress)
    }
}
