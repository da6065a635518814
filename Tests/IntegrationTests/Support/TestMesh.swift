import Crypto
import EventLoops
import Foundation
import HTTPClient
import HTTPCore
import Postgres
import ServiceHarness
import Synchronization

/// A fresh database and a set of real service processes wired together, for one test suite.
final class TestMesh: Sendable {
    static let internalKey = "integration-test-key"
    /// Stands for the mesh's database name in an `extraEnvironment` value (a service's own database URL).
    static let databasePlaceholder = "{database}"
    static let ports: [String: Int] = [
        "gateway": 8080, "auth": 8101, "user": 8102, "orders": 8103, "merchants": 8104, "exchange": 8105,
        "content": 8106,
    ]

    /// Deadlines long enough for a machine under heavy load: the tests check outcomes, not speed.
    static var clientConfiguration: HTTPClientConfiguration {
        var configuration = HTTPClientConfiguration()
        configuration.responseTimeoutMilliseconds = 30_000
        configuration.poolWaitTimeoutMilliseconds = 30_000
        configuration.connectTimeoutMilliseconds = 10_000
        return configuration
    }

    let databaseName: String
    let databaseURL: String
    let logDirectory: URL
    let group: EventLoopGroup
    let client: HTTPClient
    let services: [String: ServiceProcess]
    private let stopped = Atomic<Bool>(false)

    /// Creates a database and starts `names` (the gateway last, pointed at the others).
    static func start(_ names: [String], extraEnvironment: [String: String] = [:]) async throws -> TestMesh {
        guard TestEnvironment.databaseURL != nil else { throw HarnessError("TEST_DATABASE_URL is not set") }
        await MeshSlots.shared.acquire()
        do {
            return try await startHoldingSlot(names, extraEnvironment: extraEnvironment)
        } catch {
            await MeshSlots.shared.release()
            throw error
        }
    }

    /// Starts a mesh of `names`, runs `body` with it and stops it, whether `body` returns or throws.
    static func with<T>(
        _ names: [String], extraEnvironment: [String: String] = [:], _ body: (TestMesh) async throws -> T
    ) async throws -> T {
        let mesh = try await start(names, extraEnvironment: extraEnvironment)
        do {
            let result = try await body(mesh)
            await mesh.stop()
            return result
        } catch {
            await mesh.stop()
            throw error
        }
    }

    private static func startHoldingSlot(_ names: [String], extraEnvironment: [String: String]) async throws -> TestMesh
    {
        guard let serverURL = TestEnvironment.databaseURL else { throw HarnessError("TEST_DATABASE_URL is not set") }
        let databaseName = "it_" + SecureRandom.token(bytes: 6)
        try await TestDatabaseServer.execute("CREATE DATABASE \(databaseName)", on: serverURL)
        let databaseURL = TestDatabaseServer.replacingDatabase(in: serverURL, with: databaseName)
        let logDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("mesh-\(databaseName)")
        try FileManager.default.createDirectory(at: logDirectory, withIntermediateDirectories: true)
        var ports: [String: Int] = [:]
        for name in TestMesh.ports.keys { ports[name] = TestEnvironment.freePort() }
        var common = [
            "APP_ENV": "test", "DATABASE_URL": databaseURL, "INTERNAL_KEY": internalKey, "LOG_LEVEL": "debug",
            "HTTP_THREADS": "2", "DB_POOL_SIZE": "4", "SHUTDOWN_GRACE_MS": "3000",
            // Deadlines inside the mesh as patient as the test client: the tests check outcomes, not speed.
            "UPSTREAM_TIMEOUT_MS": "30000", "DB_POOL_TIMEOUT_MS": "30000",
        ]
        for (name, port) in ports { common["\(name.uppercased())_URL"] = "http://127.0.0.1:\(port)" }
        if let gateway = ports["gateway"] { common["PUBLIC_BASE_URL"] = "http://127.0.0.1:\(gateway)" }
        for (key, value) in extraEnvironment {
            common[key] = value.replacingOccurrences(of: TestMesh.databasePlaceholder, with: databaseName)
        }
        var services: [String: ServiceProcess] = [:]
        let ordered = names.filter { $0 != "gateway" } + names.filter { $0 == "gateway" }
        for name in ordered {
            var environment = common
            environment["\(name.uppercased())_PORT"] = String(ports[name]!)
            services[name] = try ServiceProcess(
                name: name, port: ports[name]!, environment: environment, logDirectory: logDirectory)
        }
        let group = try EventLoopGroup(threads: 1)
        let mesh = TestMesh(
            databaseName: databaseName, databaseURL: databaseURL, logDirectory: logDirectory, group: group,
            client: HTTPClient(group: group, configuration: TestMesh.clientConfiguration), services: services)
        do {
            for service in services.values { try await mesh.waitUntilHealthy(service) }
        } catch {
            await mesh.stopProcessesAndDatabase()
            throw error
        }
        return mesh
    }

    private init(
        databaseName: String, databaseURL: String, logDirectory: URL, group: EventLoopGroup, client: HTTPClient,
        services: [String: ServiceProcess]
    ) {
        self.databaseName = databaseName
        self.databaseURL = databaseURL
        self.logDirectory = logDirectory
        self.group = group
        self.client = client
        self.services = services
    }

    func waitUntilHealthy(_ service: ServiceProcess, timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard service.isRunning else {
                throw HarnessError("\(service.name) exited during start-up:\n\(service.log.suffix(2000))")
            }
            let probe = HTTPRequest(method: .get, target: "/health")
            if let answer = try? await client.send(
                probe, to: Upstream(host: "127.0.0.1", port: service.port), timeout: .seconds(1)),
                answer.status == .ok
            {
                // A process that could not bind its port exits at once: make sure the answer was its own.
                try await Task.sleep(for: .milliseconds(200))
                guard service.isRunning else {
                    throw HarnessError("\(service.name) exited during start-up:\n\(service.log.suffix(2000))")
                }
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw HarnessError("\(service.name) did not answer /health in time:\n\(service.log.suffix(2000))")
    }

    func send(_ request: HTTPRequest, to name: String, timeout: Duration = .seconds(30)) async throws -> HTTPResponse {
        guard let service = services[name] else { throw HarnessError("\(name) is not part of this mesh") }
        return try await client.send(request, to: Upstream(host: "127.0.0.1", port: service.port), timeout: timeout)
    }

    func get(
        _ target: String, from name: String, headers: HTTPHeaders = [:], timeout: Duration = .seconds(30)
    )
        async throws -> HTTPResponse
    {
        try await send(HTTPRequest(method: .get, target: target, headers: headers), to: name, timeout: timeout)
    }

    /// A pool on the mesh's database, for checks of what the services wrote.
    func withDatabase<T: Sendable>(_ body: (PostgresPool) async throws -> T) async throws -> T {
        let pool = PostgresPool(configuration: try PostgresConfiguration(url: databaseURL))
        do {
            let result = try await body(pool)
            await pool.close()
            return result
        } catch {
            await pool.close()
            throw error
        }
    }

    /// Stops every process, drops the database and lets the next mesh start (once, however often called).
    func stop() async {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        await stopProcessesAndDatabase()
        await MeshSlots.shared.release()
    }

    private func stopProcessesAndDatabase() async {
        for service in services.values { _ = await service.terminate() }
        for service in services.values { service.kill() }
        client.shutdown()
        await group.shutdown()
        if let serverURL = TestEnvironment.databaseURL {
            try? await TestDatabaseServer.execute("DROP DATABASE IF EXISTS \(databaseName) WITH (FORCE)", on: serverURL)
        }
    }
}

extension HTTPResponse {
    var bodyText: String { String(decoding: body, as: UTF8.self) }
}
