import Mesh
import ServiceKit

/// The phone-credit provider as the top-up sees it: may a number take a face value, what it costs,
/// take an order, how an order stands. `JuheClient` speaks Juhe's protocol to Juhe itself or to its
/// simulator; tests may give their own.
protocol PhoneTopUpProvider: Sendable {
    /// Nil when the provider allows topping `phone` up by `faceValue`, else its refusal.
    func check(phone: String, faceValue: FaceValue) async throws(ProviderFailure) -> ProviderRefusal?

    /// The product the provider would sell for `phone` and `faceValue`, with its purchase price.
    func quote(
        phone: String, faceValue: FaceValue
    ) async throws(ProviderFailure) -> Result<ProviderQuote, ProviderRefusal>

    /// Gives the provider the order `orderNo` (the provider refuses an order number it has seen).
    func submit(
        orderNo: String, phone: String, faceValue: FaceValue
    ) async throws(ProviderFailure) -> Result<ProviderOrder, ProviderRefusal>

    /// How the provider's order `orderNo` stands; a refusal when the provider does not tell about it.
    func status(orderNo: String) async throws(ProviderFailure) -> Result<ProviderOrder, ProviderRefusal>
}

/// A product the provider sells: its id and what the platform pays for it, in fen.
struct ProviderQuote: Sendable, Equatable {
    let cardID: String
    let purchasePrice: Int64
}

/// An order as the provider knows it: its own number and how far it got.
struct ProviderOrder: Sendable, Equatable {
    let thirdNo: String
    let progress: ProviderProgress
}

/// How far the provider got with an order (Juhe's `game_state` 0, 1, 9).
enum ProviderProgress: Sendable, Equatable {
    case charging, charged, failed
}

/// The provider answered, and said no: its code and words, what it objects to, and whether the answer
/// proves that it did not take the order (a wrong number, amount or key) rather than leaving it open
/// (busy, unknown).
struct ProviderRefusal: Error, Sendable, Equatable {
    /// What the provider objects to.
    enum Subject: Sendable, Equatable {
        case number, faceValue, other
    }

    let code: Int
    let reason: String
    let subject: Subject
    let isDefinitive: Bool
}

/// The provider gave no usable answer: it could not be reached, or answered outside its protocol.
/// Whether a request took effect is unknown, so the order is asked about again before anything is
/// decided. Callers see "service unavailable"; the detail (never a key) is for the log.
struct ProviderFailure: Error, Refusal, Equatable, CustomStringConvertible {
    /// What went wrong.
    enum Cause: Sendable, Equatable {
        case unreachable
        case malformedAnswer
    }

    let cause: Cause
    let detail: String

    var kind: ReplyKind { .upstreamFailed }
    var message: String { "充值服务暂时不可用，请稍后再试" }
    var description: String { "phone-credit provider: \(detail)" }
}
