import Dispatch
import EventLoops
import Foundation
import HTTPClient
import HTTPServer
import Postgres
import Synchronization

/// One running service: event loops, HTTP server, mesh client, database pool, migrations,
/// health / readiness / metrics, request logging and graceful shutdown.
public final class ServiceApplication: Sendable {
    public let configuration: ServiceConfiguration
    public let logger: Logger
    public let metrics = MetricsRegistry()
    public let group: EventLoopGroup
    public let client: HTTPClient
    /// How this service's `MeshClient` reaches the others: nil for HTTP to their configured addresses;
    /// an in-process mesh passes calls straight to the other services' routes.
    public let meshTransport: MeshTransport?
    /// The pool on the service's database, when it has one.
    public let database: PostgresPool?
    private let checks = Mutex<[ReadinessCheck]>([])
    private let draining = Atomic<Bool>(false)
    private let server = Mutex<HTTPServer?>(nil)
    private let background = Mutex<[Task<Void, Never>]>([])

    public init(configuration: ServiceConfiguration, meshTransport: MeshTransport? = nil) throws {
        self.configuration = configuration
        self.meshTransport = meshTransport
        logger = Logger(service: configuration.name, minimumLevel: configuration.logLevel)
        ProcessLimits.raiseOpenFileLimit()
        group = try EventLoopGroup(threads: configuration.threads)
        client = HTTPClient(group: group, configuration: configuration.client)
        let group = group
        database = configuration.database.map { PostgresPool(configuration: $0, group: group) }
        if let database {
            addReadinessCheck(ReadinessCheck(name: "database") { (try? await database.ping()) != nil })
        }
        registerGauges()
    }

    /// Applies the service's migrations, waiting up to `wait` for the database to accept connections.
    public func prepare(wait: Duration = .seconds(30)) async throws {
        guard let database, let schema = configuration.descriptor.schema,
            let migrations = configuration.descriptor.migrations
        else { return }
        let deadline = ContinuousClock.now + wait
        while true {
            do {
                let applied = try await MigrationRunner().apply(pool: database, schema: schema, directory: migrations)
                logger.info("migrations checked", [("schema", .string(schema)), ("applied", .int(applied.count))])
                return
            } catch let error as PostgresError where error.isConnectionError && ContinuousClock.now < deadline {
                logger.warning("database not reachable yet, retrying", [("error", .string("\(error)"))])
                try await Task.sleep(for: .seconds(1))
            }
        }
    }

    public func addReadinessCheck(_ check: ReadinessCheck) { checks.withLock { $0.append(check) } }

    /// Ready when not draining and every check passes within two seconds.
    public func readiness() async -> (ready: Bool, results: [(name: String, ok: Bool)]) {
        let all = checks.withLock { $0 }
        let results = await withTaskGroup(of: (Int, Bool).self) { group in
            for (index, check) in all.enumerated() {
                group.addTask {
                    await withTaskGroup(of: Bool?.self) { race in
                        race.addTask { await check.check() }
                        race.addTask {
                            try? await Task.sleep(for: .seconds(2))
                            return nil
                        }
                        let first = await race.next() ?? nil
                        race.cancelAll()
                        return (index, first ?? false)
                    }
                }
            }
            var collected = Array(repeating: false, count: all.count)
            for await (index, ok) in group { collected[index] = ok }
            return collected
        }
        let named = zip(all, results).map { (name: $0.0.name, ok: $0.1) }
        return (!draining.load(ordering: .relaxed) && results.allSatisfy { $0 }, named)
    }

    /// Starts serving `routes` plus the standard ones; returns the port bound.
    @discardableResult
    public func start(routes: [Route]) async throws -> Int {
        let responder = responder(routes: routes)
        let server = HTTPServer(configuration: configuration.server, group: group, responder: responder)
        let port = try await server.start()
        self.server.withLock { $0 = server }
        logger.info("listening", [("host", .string(configuration.server.host)), ("port", .int(port))])
        return port
    }

    /// What answers this service's requests: `routes` plus the standard ones, with the internal-key
    /// check, request logs and metrics. The server uses it; an in-process mesh calls it directly.
    public func responder(routes: [Route]) -> ServiceResponder {
        ServiceResponder(
            routes: StandardRoutes.make(for: self) + routes, logger: logger, metrics: metrics,
            internalKey: configuration.internalKey,
            meshOnlyPrefixes: configuration.descriptor.isPublicEdge
                ? ServiceResponder.publicEdgeMeshPrefixes : ServiceResponder.innerServicePrefixes)
    }

    /// Drains: readiness turns 503, the server stops accepting and finishes in-flight requests
    /// within the grace period, then the client, the pool and the loops close.
    public func shutdown() async {
        draining.store(true, ordering: .relaxed)
        logger.info("shutting down", [("grace_ms", .int(Int(configuration.shutdownGrace.components.seconds * 1000)))])
        if let server = server.withLock({ $0 }) { await server.shutdown(grace: configuration.shutdownGrace) }
        let tasks = background.withLock { tasks in
            defer { tasks.removeAll() }
            return tasks
        }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
        client.shutdown()
        if let database { await database.close() }
        await group.shutdown()
        logger.info("stopped")
    }

    /// Runs `body` every `interval` (the first time one interval after the call) beside the requests
    /// until the service shuts down, which cancels it
    /// and waits for the round in progress before the pool closes. A round that throws is logged and
    /// the next one runs on time; work that must not run twice claims its rows (`FOR UPDATE SKIP
    /// LOCKED`), since every replica runs it.
    public func every(_ interval: Duration, named name: String, _ body: @escaping @Sendable () async throws -> Void) {
        let logger = logger
        let task = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled else { break }
                do {
                    try await body()
                } catch  where !Task.isCancelled {
                    logger.warning("background work failed", [("work", .string(name)), ("error", .string("\(error)"))])
                } catch {
                    break
                }
            }
        }
        background.withLock { $0.append(task) }
    }

    private func registerGauges() {
        metrics.addGauges { [weak self] in
            guard let self else { return [] }
            var samples: [GaugeSample] = []
            if let server = self.server.withLock({ $0 }) {
                samples.append(
                    GaugeSample(
                        name: "http_open_connections", help: "Client connections open now.",
                        value: Double(server.openConnections)))
                samples.append(
                    GaugeSample(
                        name: "http_accepted_connections", help: "Connections accepted since start.",
                        value: Double(server.acceptedConnections)))
            }
            if let stats = self.database?.stats {
                samples.append(
                    GaugeSample(
                        name: "db_pool_connections", help: "Database connections open.",
                        value: Double(stats.size)))
                samples.append(
                    GaugeSample(
                        name: "db_pool_in_use", help: "Database connections lent out.",
                        value: Double(stats.inUse)))
                samples.append(
                    GaugeSample(
                        name: "db_pool_waiting", help: "Callers waiting for a connection.",
                        value: Double(stats.waiting)))
                samples.append(
                    GaugeSample(
                        name: "db_pool_waits_total", help: "Acquisitions that had to wait.",
                        value: Double(stats.totalWaits)))
                samples.append(
                    GaugeSample(
                        name: "db_pool_timeouts_total", help: "Acquisitions that timed out.",
                        value: Double(stats.timeouts)))
            }
            for pool in self.client.poolCounts {
                let labels = [("upstream", pool.upstream)]
                samples.append(
                    GaugeSample(
                        name: "upstream_pool_connections", help: "Mesh connections open per upstream.",
                        labels: labels, value: Double(pool.open)))
                samples.append(
                    GaugeSample(
                        name: "upstream_pool_idle", help: "Idle mesh connections per upstream.",
                        labels: labels, value: Double(pool.idle)))
                samples.append(
                    GaugeSample(
                        name: "upstream_pool_waiting", help: "Callers waiting per upstream.",
                        labels: labels, value: Double(pool.waiting)))
            }
            return samples
        }
    }
}
