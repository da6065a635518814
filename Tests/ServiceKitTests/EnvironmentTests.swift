import ServiceKit
import Testing

@Suite struct EnvironmentTests {
    private let descriptor = ServiceDescriptor(name: "auth", defaultPort: 8101, schema: "auth")

    @Test func prefixedNamesWinOverBareOnes() throws {
        let environment = Environment(prefix: "auth", values: ["PORT": "1", "AUTH_PORT": "2"])
        #expect(try environment.int("PORT", default: 0, range: 0...10) == 2)
        #expect(Environment(prefix: "user", values: ["PORT": "1"]).string("PORT", default: "x") == "1")
    }

    @Test func defaultsWork() throws {
        let configuration = try ServiceConfiguration(
            descriptor: descriptor, environment: Environment(prefix: "auth", values: [:]))
        #expect(configuration.server.port == 8101)
        #expect(configuration.mode == .development)
        #expect(configuration.database?.poolSize == 10)
        #expect(configuration.logLevel == .info)
    }

    @Test(arguments: [
        (["AUTH_PORT": "eighty"], "AUTH_PORT"),
        (["PORT": "70000"], "PORT"),
        (["APP_ENV": "staging"], "APP_ENV"),
        (["LOG_LEVEL": "loud"], "LOG_LEVEL"),
        (["DATABASE_URL": "mysql://x"], "DATABASE_URL"),
        (["AUTH_DATABASE_URL": "postgres://x:y@host:notaport/db"], "AUTH_DATABASE_URL"),
        (["APP_ENV": "production"], "INTERNAL_KEY"),
        (["INTERNAL_KEY": "short"], "INTERNAL_KEY"),
        (["HTTP_MAX_BODY_BYTES": "99999999999"], "HTTP_MAX_BODY_BYTES"),
    ])
    func badValuesNameTheirVariable(values: [String: String], variable: String) {
        do {
            _ = try ServiceConfiguration(
                descriptor: descriptor, environment: Environment(prefix: "auth", values: values))
            Issue.record("expected a configuration error for \(values)")
        } catch let error as ConfigurationError {
            #expect(error.variable == variable)
            #expect(!error.description.contains("\n"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func upstreamURLsAreChecked() throws {
        let good = try ServiceConfiguration(
            descriptor: ServiceDescriptor(name: "gateway", defaultPort: 8080),
            environment: Environment(prefix: "gateway", values: ["AUTH_URL": "http://auth:9000"]))
        #expect(try good.upstreamURL(of: "auth", defaultPort: 8101).description == "auth:9000")
        #expect(try good.upstreamURL(of: "user", defaultPort: 8102).description == "127.0.0.1:8102")
        let bad = try ServiceConfiguration(
            descriptor: ServiceDescriptor(name: "gateway", defaultPort: 8080),
            environment: Environment(prefix: "gateway", values: ["AUTH_URL": "auth:9000"]))
        #expect(throws: ConfigurationError.self) { try bad.upstreamURL(of: "auth", defaultPort: 8101) }
    }
}
