import HTTPClient
import HTTPCore
import ServiceKit

/// The gateway: the only public listener. It forwards client requests to the owning service
/// through the mesh client and reports the health of every upstream.
public enum GatewayService {
    public static let descriptor = ServiceDescriptor(name: "gateway", defaultPort: 8080)

    /// The services behind the gateway and their default loopback ports.
    public static let upstreamPorts: [(name: String, port: Int)] = [
        ("auth", 8101), ("user", 8102), ("orders", 8103), ("merchants", 8104), ("exchange", 8105), ("content", 8106),
    ]

    public static func routes(_ application: ServiceApplication) async throws -> [Route] {
        var upstreams: [String: Upstream] = [:]
        for (name, port) in upstreamPorts {
            upstreams[name] = try application.configuration.upstreamURL(of: name, defaultPort: port)
        }
        let forwarder = Forwarder(client: application.client, upstreams: upstreams)
        for (name, upstream) in upstreams.sorted(by: { $0.key < $1.key }) {
            application.addReadinessCheck(ReadinessCheck(name: name) { await forwarder.isHealthy(upstream) })
        }
        return [
            .get("/services/{service}/health") { context in
                try await forwarder.forward(context, path: "/health")
            },
            .get("/services/{service}/ready") { context in
                try await forwarder.forward(context, path: "/ready")
            },
        ]
    }
}
