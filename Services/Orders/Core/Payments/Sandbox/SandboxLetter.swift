/// A notification the payment simulator sends to the platform as the provider sends it: to the callback
/// URL the platform gave, with the provider's content type and body.
struct SandboxLetter: Sendable, Equatable {
    let provider: PaymentProvider
    let url: String
    let contentType: String
    let body: [UInt8]
}
