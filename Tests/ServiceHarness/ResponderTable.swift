import HTTPClient
import HTTPCore
import Mesh
import ServiceKit
import Synchronization

/// The responders of an in-process mesh's services, filled in as each service's routes are built;
/// the mesh transport every service's client uses looks the callee up here.
final class ResponderTable: Sendable {
    private let responders = Mutex<[ServiceName: ServiceResponder]>([:])

    func set(_ responder: ServiceResponder, for service: ServiceName) {
        responders.withLock { $0[service] = responder }
    }

    /// Answers `request` with `service`'s responder, as its server would; a service that is not part of
    /// the mesh refuses the connection.
    func send(_ request: HTTPRequest, to service: ServiceName) async throws(HTTPClientError) -> HTTPResponse {
        guard let responder = responders.withLock({ $0[service] }) else {
            throw HTTPClientError(
                .connectionRefused, upstream: service.rawValue, detail: "not part of this in-process mesh",
                requestNotSent: true)
        }
        return await responder.respond(to: request)
    }
}
