import EventLoops
import Foundation
import HTTPClient
import HTTPServer
import Postgres

/// Everything a service reads from its environment at start-up, validated.
public struct ServiceConfiguration: Sendable {
    /// The documented development key, refused in production.
    public static let developmentInternalKey = "dev-internal-key"
    public static let defaultDatabaseURL = "postgres://postgres@127.0.0.1:5432/platform"

    public let descriptor: ServiceDescriptor
    public var mode: AppEnvironment
    public var server: HTTPServerConfiguration
    public var client: HTTPClientConfiguration
    public var threads: Int
    public var logLevel: LogLevel
    public var internalKey: String
    public var database: PostgresConfiguration?
    public var shutdownGrace: Duration
    public let environment: Environment

    public var name: String { descriptor.name }

    /// Reads and checks every setting; throws the first bad one.
    public init(descriptor: ServiceDescriptor, environment: Environment) throws {
        self.descriptor = descriptor
        self.environment = environment
        mode = AppEnvironment(
            rawValue: try environment.choice(
                "APP_ENV", default: "development", choices: AppEnvironment.allCases.map(\.rawValue)))!
        var server = HTTPServerConfiguration()
        server.host = environment.string("HOST", default: "127.0.0.1")
        server.port = try environment.int("PORT", default: descriptor.defaultPort, range: 0...65535)
        server.maxConnections = try environment.int("HTTP_MAX_CONNECTIONS", default: 20_000, range: 1...1_000_000)
        server.maxConnectionsPerAddress = try environment.int(
            "HTTP_MAX_CONNECTIONS_PER_ADDRESS", default: 256, range: 0...1_000_000)
        server.limits.maxBodyBytes = try environment.int(
            "HTTP_MAX_BODY_BYTES", default: 1024 * 1024, range: 1024...(10 * 1024 * 1024))
        server.headerTimeoutMilliseconds = try environment.int(
            "HTTP_HEADER_TIMEOUT_MS", default: 10_000, range: 100...600_000)
        server.bodyTimeoutMilliseconds = try environment.int(
            "HTTP_BODY_TIMEOUT_MS", default: 30_000, range: 100...600_000)
        server.idleTimeoutMilliseconds = try environment.int(
            "HTTP_IDLE_TIMEOUT_MS", default: 75_000, range: 100...3_600_000)
        server.writeTimeoutMilliseconds = try environment.int(
            "HTTP_WRITE_TIMEOUT_MS", default: 30_000, range: 100...600_000)
        self.server = server
        var client = HTTPClientConfiguration()
        client.responseTimeoutMilliseconds = try environment.int(
            "UPSTREAM_TIMEOUT_MS", default: 5_000, range: 10...600_000)
        client.responseMillisecondsPerMiB = try environment.int(
            "UPSTREAM_TIMEOUT_MS_PER_MIB", default: 2_000, range: 0...600_000)
        client.maxConnectionsPerUpstream = try environment.int("UPSTREAM_MAX_CONNECTIONS", default: 64, range: 1...4096)
        self.client = client
        threads = try environment.int(
            "HTTP_THREADS", default: ProcessInfo.processInfo.activeProcessorCount, range: 1...256)
        logLevel = LogLevel(
            name: try environment.choice("LOG_LEVEL", default: "info", choices: LogLevel.allCases.map(\.name)))!
        internalKey = environment.string("INTERNAL_KEY", default: ServiceConfiguration.developmentInternalKey)
        shutdownGrace = .milliseconds(try environment.int("SHUTDOWN_GRACE_MS", default: 10_000, range: 0...600_000))
        if descriptor.schema != nil {
            let (variable, url) =
                environment.lookup("DATABASE_URL")
                ?? ("DATABASE_URL", ServiceConfiguration.defaultDatabaseURL)
            do {
                var database = try PostgresConfiguration(url: url)
                database.poolSize = try environment.int("DB_POOL_SIZE", default: 10, range: 1...500)
                database.poolWaitTimeout = .milliseconds(
                    try environment.int("DB_POOL_TIMEOUT_MS", default: 5_000, range: 10...600_000))
                self.database = database
            } catch let error as ConfigurationError {
                throw error
            } catch {
                throw ConfigurationError(variable: variable, problem: "is not a usable database URL: \(error)")
            }
        } else {
            database = nil
        }
        if mode == .production && internalKey == ServiceConfiguration.developmentInternalKey {
            throw ConfigurationError(
                variable: "INTERNAL_KEY",
                problem: "must be set to a secret of your own in production (APP_ENV=production)")
        }
        if internalKey.utf8.count < 8 {
            throw ConfigurationError(variable: "INTERNAL_KEY", problem: "must be at least 8 characters")
        }
    }

    /// The URL of another service (`AUTH_URL` …), defaulting to its loopback port.
    public func upstreamURL(of service: String, defaultPort: Int) throws -> Upstream {
        let name = "\(service.uppercased())_URL"
        let url = environment.lookup(name)?.value ?? "http://127.0.0.1:\(defaultPort)"
        do {
            return try Upstream(url: url)
        } catch {
            throw ConfigurationError(variable: name, problem: "must look like http://host:port, got '\(url)'")
        }
    }
}
