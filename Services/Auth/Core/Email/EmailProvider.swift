import Postgres

/// Sends e-mail. A real mail gateway gets one implementation; the simulator stands in for it in
/// development and test.
protocol EmailProvider: Sendable {
    /// Hands the message to the provider; throws when it refused or was unreachable.
    func send(to email: String, subject: String, text: String) async throws
}

/// Why an e-mail could not be handed to the provider.
struct EmailError: Error, Sendable, CustomStringConvertible {
    let description: String

    static let notConfigured = EmailError(
        description: "no e-mail provider is configured for production; the simulator serves development and test only")
}

/// The mail gateway of development and test: every message is written to `auth.email_outbox`,
/// where the admin operation `email.outbox` shows it.
struct EmailSimulator: EmailProvider {
    let database: PostgresPool

    func send(to email: String, subject: String, text: String) async throws {
        try await database.execute(
            "INSERT INTO auth.email_outbox (email, subject, text) VALUES (\(email), \(subject), \(text))")
    }
}

/// The provider of a production start while no mail gateway is wired in: every send fails, so no
/// code is reported as sent when it was not.
struct UnconfiguredEmailProvider: EmailProvider {
    func send(to email: String, subject: String, text: String) async throws {
        throw EmailError.notConfigured
    }
}
