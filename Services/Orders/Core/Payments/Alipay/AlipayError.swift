/// Why a call to Alipay's API gave no answer to act on. Whether Alipay applied the call is unknown
/// after `unreachable`, `malformedAnswer` and `badSignature`: ask again (a query) before deciding
/// anything; after `refused` Alipay answered and did not apply it.
struct AlipayError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Kind: Sendable, Equatable {
        /// No answer: the gateway could not be reached or did not answer in time.
        case unreachable
        /// An answer that is not Alipay's JSON for this method.
        case malformedAnswer
        /// An answer whose signature does not match Alipay's public key.
        case badSignature
        /// Alipay refused the call (`code` other than 10000, with its `sub_code`).
        case refused
        /// The request could not be signed.
        case signing
    }

    let kind: Kind
    /// Alipay's `code` and `sub_code` when it refused (e.g. 40004, `ACQ.TRADE_STATUS_ERROR`).
    let code: String?
    let subCode: String?
    let detail: String

    init(_ kind: Kind, code: String? = nil, subCode: String? = nil, detail: String) {
        self.kind = kind
        self.code = code
        self.subCode = subCode
        self.detail = detail
    }

    /// Whether the call may have taken effect: only a refusal is known not to have.
    var outcomeUnknown: Bool { kind != .refused && kind != .signing }

    var description: String {
        switch kind {
        case .unreachable: "Alipay did not answer: \(detail)"
        case .malformedAnswer: "Alipay's answer cannot be read: \(detail)"
        case .badSignature: "Alipay's answer is not signed by Alipay: \(detail)"
        case .refused: "Alipay refused (\(code ?? "?") \(subCode ?? "")): \(detail)"
        case .signing: "the request could not be signed: \(detail)"
        }
    }
}
