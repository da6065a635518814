import Foundation

/// Where and how to connect to PostgreSQL, and how large the connection pool is.
///
/// Built from a URL (`postgres://user:password@host:5432/db?sslmode=disable&application_name=orders`, also
/// `postgresql://`) or from a libpq `key=value` connection string. The password is kept for connecting only:
/// `description`, `debugDescription`, and reflection never show it.
public struct PostgresConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The most connections the pool opens (at least 1 is used).
    public var poolSize: Int
    /// How long a request waits for a free pooled connection before failing with `.poolTimeout`.
    public var poolWaitTimeout: Duration
    /// How long opening one connection, session setup included, may take (at least 2 seconds are allowed).
    public var connectTimeout: Duration
    /// How many prepared statements each connection keeps before deallocating the least recently used.
    public var statementCacheCapacity: Int
    /// libpq connection keywords and values.
    private(set) var parameters: [String: String]

    /// Parses `url`; throws `.invalidConfiguration` naming the part that is wrong.
    /// A `connect_timeout` in the URL is used when `connectTimeout` is nil; otherwise the default is 5 seconds.
    public init(
        url: String,
        poolSize: Int = 10,
        poolWaitTimeout: Duration = .seconds(5),
        connectTimeout: Duration? = nil,
        statementCacheCapacity: Int = 256
    ) throws {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            throw PostgresError(.invalidConfiguration("the database URL is empty"))
        } else if PostgresURLParser.schemes.contains(where: { trimmed.hasPrefix($0) }) {
            parameters = try PostgresURLParser.parse(trimmed)
        } else if let scheme = Self.urlScheme(of: trimmed) {
            throw PostgresError(
                .invalidConfiguration(
                    "unsupported URL scheme '\(scheme)', expected postgres:// or postgresql://"))
        } else if trimmed.contains("=") {
            parameters = try LibPQKeywords.parse(conninfo: trimmed)
        } else {
            throw PostgresError(
                .invalidConfiguration(
                    "expected a postgres:// URL or a libpq key=value connection string"))
        }
        if let connectTimeout {
            self.connectTimeout = connectTimeout
        } else if let text = parameters["connect_timeout"] {
            guard let seconds = Int(text), seconds >= 0 else {
                throw PostgresError(.invalidConfiguration("connect_timeout must be a whole number of seconds"))
            }
            self.connectTimeout = .seconds(seconds)
        } else {
            self.connectTimeout = .seconds(5)
        }
        self.poolSize = poolSize
        self.poolWaitTimeout = poolWaitTimeout
        self.statementCacheCapacity = statementCacheCapacity
    }

    /// The server host name(s) or socket directory, if given.
    public var host: String? { parameters["host"] }
    /// The server port, if given.
    public var port: Int? { parameters["port"].flatMap { Int($0) } }
    /// The user name, if given.
    public var user: String? { parameters["user"] }
    /// The database name, if given.
    public var database: String? { parameters["dbname"] }
    /// The application name reported to the server, if given.
    public var applicationName: String? { parameters["application_name"] }

    /// The same configuration pointed at another database.
    public func withDatabase(_ name: String) -> PostgresConfiguration {
        var copy = self
        copy.parameters["dbname"] = name
        return copy
    }

    /// The same configuration reporting another application name to the server.
    public func withApplicationName(_ name: String) -> PostgresConfiguration {
        var copy = self
        copy.parameters["application_name"] = name
        return copy
    }

    /// A URL-like summary with the password replaced by `***`.
    public var description: String {
        var text = "postgres://"
        if let user {
            text += user
            if parameters["password"] != nil { text += ":***" }
            text += "@"
        }
        text += host ?? ""
        if let port = parameters["port"] { text += ":\(port)" }
        text += "/" + (database ?? "")
        let hidden: Set<String> = ["host", "port", "user", "password", "dbname"]
        let query = parameters.keys.filter { !hidden.contains($0) }.sorted().map { key in
            "\(key)=\(Self.isSecret(key) ? "***" : parameters[key] ?? "")"
        }
        if !query.isEmpty { text += "?" + query.joined(separator: "&") }
        return text + " (pool \(poolSize), wait \(poolWaitTimeout), connect \(connectTimeout))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["summary": description], displayStyle: .struct)
    }

    /// The keywords and values handed to libpq when a connection opens.
    var connectionParameters: [(keyword: String, value: String)] {
        var values = parameters
        values["connect_timeout"] = String(max(2, Int(connectTimeout.components.seconds)))
        values["client_encoding"] = "UTF8"
        for (keyword, value) in ["keepalives_idle": "30", "keepalives_interval": "10", "keepalives_count": "3"] {
            if values[keyword] == nil { values[keyword] = value }
        }
        return values.sorted { $0.key < $1.key }.map { (keyword: $0.key, value: $0.value) }
    }

    /// The scheme of a `scheme://…` URL, nil when the text does not start with one.
    private static func urlScheme(of text: String) -> Substring? {
        guard let separator = text.range(of: "://") else { return nil }
        let scheme = text[..<separator.lowerBound]
        guard let first = scheme.first, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return scheme
    }

    static func isSecret(_ keyword: String) -> Bool {
        keyword.contains("password")
    }
}
