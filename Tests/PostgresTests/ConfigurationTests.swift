import Postgres
import Testing

@Suite("Connection URL parsing")
struct ConfigurationTests {
    @Test func parsesAFullURL() throws {
        let configuration = try PostgresConfiguration(
            url: "postgres://app:s3cret@db.internal:6543/platform?sslmode=disable&application_name=orders")
        #expect(configuration.user == "app")
        #expect(configuration.host == "db.internal")
        #expect(configuration.port == 6543)
        #expect(configuration.database == "platform")
        #expect(configuration.applicationName == "orders")
        #expect(configuration.poolSize == 10)
        #expect(configuration.poolWaitTimeout == .seconds(5))
        #expect(configuration.connectTimeout == .seconds(5))
    }

    @Test func acceptsThePostgresqlScheme() throws {
        let configuration = try PostgresConfiguration(url: "postgresql://localhost/app")
        #expect(configuration.host == "localhost")
        #expect(configuration.port == nil)
        #expect(configuration.database == "app")
        #expect(configuration.user == nil)
    }

    @Test func percentDecodesTheParts() throws {
        let configuration = try PostgresConfiguration(url: "postgres://us%40er:p%40ss%2Fword@host/my%20db")
        #expect(configuration.user == "us@er")
        #expect(configuration.database == "my db")
        #expect(!configuration.description.contains("p@ss"))
    }

    @Test func readsIPv6HostsAndSeveralHosts() throws {
        let ipv6 = try PostgresConfiguration(url: "postgres://u@[::1]:5433/db")
        #expect(ipv6.host == "::1")
        #expect(ipv6.port == 5433)
        let several = try PostgresConfiguration(url: "postgres://u@one:5432,two:5433/db")
        #expect(several.host == "one,two")
    }

    @Test func takesPoolSettingsAndTheURLConnectTimeout() throws {
        let configuration = try PostgresConfiguration(
            url: "postgres://u@h/db?connect_timeout=7", poolSize: 3, poolWaitTimeout: .milliseconds(250))
        #expect(configuration.poolSize == 3)
        #expect(configuration.poolWaitTimeout == .milliseconds(250))
        #expect(configuration.connectTimeout == .seconds(7))
        let explicit = try PostgresConfiguration(
            url: "postgres://u@h/db?connect_timeout=7", connectTimeout: .seconds(2))
        #expect(explicit.connectTimeout == .seconds(2))
    }

    @Test func acceptsALibpqKeyValueString() throws {
        let configuration = try PostgresConfiguration(
            url: "host=localhost port=5544 dbname=app user=svc password='a b'")
        #expect(configuration.host == "localhost")
        #expect(configuration.port == 5544)
        #expect(configuration.database == "app")
        #expect(configuration.user == "svc")
        #expect(!configuration.description.contains("a b"))
    }

    @Test func neverShowsThePassword() throws {
        let configuration = try PostgresConfiguration(
            url: "postgres://app:TopSecret42@host:5432/db?sslpassword=Other99")
        for text in [
            configuration.description, configuration.debugDescription, String(reflecting: configuration),
            "\(configuration)",
        ] {
            #expect(!text.contains("TopSecret42"))
            #expect(!text.contains("Other99"))
        }
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!dumped.contains("TopSecret42"))
        #expect(configuration.description.hasPrefix("postgres://app:***@host:5432/db"))
    }

    @Test func withDatabaseKeepsTheRest() throws {
        let configuration = try PostgresConfiguration(url: "postgres://app@host:5432/one").withDatabase("two")
        #expect(configuration.database == "two")
        #expect(configuration.host == "host")
    }

    @Test(arguments: [
        ("", "empty"),
        ("mysql://user@host/db", "unsupported URL scheme 'mysql'"),
        ("just-a-host", "expected a postgres:// URL"),
        ("postgres://host:99999/db", "port"),
        ("postgres://host:abc/db", "port"),
        ("postgres://host/db/extra", "single segment"),
        ("postgres://host/db?sslmod=disable", "unknown connection parameter 'sslmod'"),
        ("postgres://host/db?sslmode", "no '=value'"),
        ("postgres://us%zzer@host/db", "user name has invalid percent-encoding"),
        ("postgres://[::1/db", "IPv6"),
        ("postgres://host/db#frag", "fragment"),
        ("host=localhost port", "malformed key=value"),
    ])
    func rejectsMalformedURLsNamingTheProblem(url: String, expected: String) throws {
        let error = #expect(throws: PostgresError.self) { try PostgresConfiguration(url: url) }
        guard case let .invalidConfiguration(reason)? = error?.kind else {
            Issue.record("expected .invalidConfiguration, got \(String(describing: error))")
            return
        }
        #expect(reason.contains(expected), "reason was: \(reason)")
    }

    @Test func errorsDoNotEchoAPasswordWrittenWithoutAHost() throws {
        let error = #expect(throws: PostgresError.self) {
            try PostgresConfiguration(url: "postgres://user:Secret77/db")
        }
        #expect(error?.description.contains("Secret77") == false)
    }
}
