import Testing

/// A service of the platform with the port the deployment files must give it.
struct ExpectedService: Sendable, CustomTestStringConvertible {
    let name: String
    let port: Int

    /// The prefix of its environment variables, e.g. `AUTH` for `AUTH_PORT`.
    var variablePrefix: String { name.uppercased() }

    var testDescription: String { name }

    static let gateway = ExpectedService(name: "gateway", port: 8080)

    /// The services behind the gateway.
    static let upstreams: [ExpectedService] = [
        ExpectedService(name: "auth", port: 8101),
        ExpectedService(name: "user", port: 8102),
        ExpectedService(name: "orders", port: 8103),
        ExpectedService(name: "merchants", port: 8104),
        ExpectedService(name: "exchange", port: 8105),
        ExpectedService(name: "content", port: 8106),
    ]

    static let all: [ExpectedService] = upstreams + [gateway]
}
