import HTTPClient
import HTTPCore
import JSON
import Mesh
import ServiceKit
import Synchronization

/// Which catalog operations the services serve now, asked from each service's
/// `GET /internal/operations` and kept for a few seconds.
final class ImplementedOperations: Sendable {
    private let client: HTTPClient
    private let upstreams: [ServiceName: Upstream]
    private let internalKey: String
    private let cached = Mutex<(names: Set<String>, at: ContinuousClock.Instant)?>(nil)

    init(client: HTTPClient, upstreams: [ServiceName: Upstream], internalKey: String) {
        self.client = client
        self.upstreams = upstreams
        self.internalKey = internalKey
    }

    /// Mesh names (`dialect/name`) of the operations served; a service that does not answer
    /// counts as serving none.
    func names() async -> Set<String> {
        if let cached = cached.withLock({ $0 }), ContinuousClock.now - cached.at < .seconds(5) { return cached.names }
        var all = Set<String>()
        for upstream in upstreams.values {
            let request = HTTPRequest(
                method: .get, target: "/internal/operations", headers: [MeshHeaders.internalKey: internalKey])
            guard let response = try? await client.send(request, to: upstream, timeout: .seconds(1)),
                response.status == .ok, case .object(let body)? = try? JSONValue.parse(response.body),
                let served = try? ServedOperations(json: body)
            else { continue }
            all.formUnion(served.names)
        }
        cached.withLock { $0 = (all, ContinuousClock.now) }
        return all
    }
}
