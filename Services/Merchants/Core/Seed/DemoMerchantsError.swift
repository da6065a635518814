/// Why the demo merchants were not seeded. `isRetryable` is true when the content service could not be
/// reached (it may still be starting); any other problem (a broken data file, a refusal) stays until
/// someone fixes it.
struct DemoMerchantsError: Error, Sendable, CustomStringConvertible {
    let detail: String
    let isRetryable: Bool

    init(_ detail: String, isRetryable: Bool = false) {
        self.detail = detail
        self.isRetryable = isRetryable
    }

    var description: String { "demo merchants: \(detail)" }
}
