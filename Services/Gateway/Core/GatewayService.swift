import Catalog
import Dialects
import HTTPClient
import HTTPCore
import JSON
import Mesh
import ServiceKit

/// The gateway: the only public listener. It speaks the five client dialects, checks signatures,
/// sessions and rate limits, forwards each operation to the service that owns it through the mesh
/// client, and serves the API reference generated from the operation catalog.
public enum GatewayService {
    public static let descriptor = ServiceDescriptor(name: "gateway", defaultPort: 8080, isPublicEdge: true)

    public static func routes(_ application: ServiceApplication) async throws -> [Route] {
        let configuration = application.configuration
        var upstreams: [ServiceName: Upstream] = [:]
        for name in ServiceName.behindGateway {
            upstreams[name] = try configuration.upstreamURL(of: name.rawValue, defaultPort: name.defaultPort)
        }
        let secrets = try DialectSecrets(configuration: configuration)
        let environment = configuration.environment
        let perAddress = try environment.int("RATE_LIMIT_PER_ADDRESS", default: 500, range: 1...1_000_000)
        let perUser = try environment.int("RATE_LIMIT_PER_USER", default: 100, range: 1...1_000_000)
        let cacheMilliseconds = try environment.int("SESSION_CACHE_MS", default: 2000, range: 0...60_000)
        let sessions = SessionResolver(
            client: application.client, auth: upstreams[.auth]!, internalKey: configuration.internalKey,
            cacheDuration: .milliseconds(cacheMilliseconds))
        let admin = AdminSurface(
            client: application.client, upstreams: upstreams, sessions: sessions, internalKey: configuration.internalKey
        )
        let pipeline = DialectPipeline(
            signatures: SignatureCheck(secrets: secrets),
            sessions: sessions,
            addressLimiter: RateLimiter(ratePerSecond: Double(perAddress), burst: Double(perAddress * 2)),
            userLimiter: RateLimiter(ratePerSecond: Double(perUser), burst: Double(perUser * 2)),
            client: application.client, upstreams: upstreams, internalKey: configuration.internalKey)
        let forwarder = Forwarder(client: application.client, upstreams: upstreams)
        for (name, upstream) in upstreams.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            application.addReadinessCheck(ReadinessCheck(name: name.rawValue) { await forwarder.isHealthy(upstream) })
        }
        let implemented = ImplementedOperations(
            client: application.client, upstreams: upstreams, internalKey: configuration.internalKey)
        let codecs = DialectCodecs(
            train: TrainCodec(keys: secrets.trainKeys), o2o: O2OCodec(), c2c: C2CCodec(), yaf: YafCodec(),
            mobile: MobileCodec(contextPath: environment.string("MOBILE_CONTEXT_PATH", default: "")))
        var notices = InternalHandlers()
        notices.on(SessionsForget.self) { request, _, _ in
            sessions.forget(account: request.accountID)
            return .ok(MeshEmpty())
        }
        let payments = PaymentRoutes.make(
            client: application.client, orders: upstreams[.orders]!, internalKey: configuration.internalKey,
            sandbox: configuration.mode != .production)
        return codecs.routes(pipeline: pipeline) + admin.routes() + notices.routes() + payments + [
            FileRoute.make(client: application.client, content: upstreams[.content]!),
            .get("/services/{service}/health") { context in
                try await forwarder.forward(context, path: "/health")
            },
            .get("/services/{service}/ready") { context in
                try await forwarder.forward(context, path: "/ready")
            },
            .get("/docs") { _ in
                HTTPResponse(
                    status: .ok, contentType: "text/html; charset=utf-8",
                    body: APIReference.html(implemented: await implemented.names()))
            },
            .get("/docs/openapi.json") { _ in
                .json(APIReference.openAPI(implemented: await implemented.names()).serialized())
            },
        ]
    }
}
