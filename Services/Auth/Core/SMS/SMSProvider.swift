/// Sends text messages to mobile numbers. Each outside SMS gateway gets one implementation; the
/// simulator stands in for them in development and test.
protocol SMSProvider: Sendable {
    /// Hands `text` to the provider for `mobile`; throws when the provider refused or was unreachable.
    func send(to mobile: String, text: String) async throws
}

/// Why a message could not be handed to the SMS provider.
struct SMSError: Error, Sendable, CustomStringConvertible {
    let description: String

    /// The production start has no real SMS gateway configured.
    static let notConfigured = SMSError(
        description: "no SMS provider is configured for production; the simulator serves development and test only")
}
