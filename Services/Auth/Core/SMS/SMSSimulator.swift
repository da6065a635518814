import Postgres

/// The SMS gateway of development and test: every message is written to `auth.sms_outbox`, where the
/// admin operation `sms.outbox` shows it. Production never uses it.
struct SMSSimulator: SMSProvider {
    let database: PostgresPool

    func send(to mobile: String, text: String) async throws {
        try await database.execute("INSERT INTO auth.sms_outbox (mobile, text) VALUES (\(mobile), \(text))")
    }
}

/// The provider of a production start while no real SMS gateway is wired in: every send fails with
/// `SMSError.notConfigured`, so no code is ever reported as sent when it was not.
struct UnconfiguredSMSProvider: SMSProvider {
    func send(to mobile: String, text: String) async throws {
        throw SMSError.notConfigured
    }
}
