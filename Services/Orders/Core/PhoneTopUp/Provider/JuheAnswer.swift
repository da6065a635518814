import HTTPCore
import JSON

/// One answer of Juhe's API (`{"reason","result","error_code"}`), read strictly: an answer that is not
/// that is a `ProviderFailure`, never a guess.
struct JuheAnswer: Sendable, Equatable {
    let code: Int
    let reason: String
    let result: JSONObject?

    init(code: Int, reason: String, result: JSONObject?) {
        self.code = code
        self.reason = reason
        self.result = result
    }

    init(response: HTTPResponse) throws(ProviderFailure) {
        guard response.status.code == 200 else {
            throw Self.malformed("the provider answered HTTP \(response.status.code)")
        }
        guard case .object(let body)? = try? JSONValue.parse(response.body) else {
            throw Self.malformed("the provider's answer is not a JSON object")
        }
        guard let codeText = body["error_code"]?.scalarText, let code = Int(codeText) else {
            throw Self.malformed("the provider's answer has no error_code")
        }
        self.code = code
        reason = body["reason"]?.stringValue ?? ""
        result = body["result"]?.objectValue
    }

    /// The refusal this answer carries (for an answer whose code is not 0).
    var refusal: ProviderRefusal {
        let subject: ProviderRefusal.Subject =
            switch code {
            case JuheProtocol.Code.wrongNumber: .number
            case JuheProtocol.Code.wrongAmount: .faceValue
            default: .other
            }
        return ProviderRefusal(
            code: code, reason: reason, subject: subject, isDefinitive: JuheProtocol.Code.definitive.contains(code))
    }

    /// The `telquery` result: the product and its purchase price.
    func quote() throws(ProviderFailure) -> Result<ProviderQuote, ProviderRefusal> {
        guard code == JuheProtocol.Code.success else { return .failure(refusal) }
        guard let result, let cardID = result["cardid"]?.scalarText, (1...32).contains(cardID.utf8.count),
            let price = result["inprice"]?.scalarText.flatMap(Self.fen(ofYuan:)), price > 0
        else { throw Self.malformed("the provider's quote has no cardid or inprice") }
        return .success(ProviderQuote(cardID: cardID, purchasePrice: price))
    }

    /// The `onlineorder` or `ordersta` result: the provider's order number and state.
    func order() throws(ProviderFailure) -> Result<ProviderOrder, ProviderRefusal> {
        guard code == JuheProtocol.Code.success else { return .failure(refusal) }
        guard let result, let thirdNo = result["sporder_id"]?.scalarText, (1...64).contains(thirdNo.utf8.count),
            let progress = result["game_state"]?.scalarText.flatMap(Self.progress(of:))
        else { throw Self.malformed("the provider's order has no sporder_id or game_state") }
        return .success(ProviderOrder(thirdNo: thirdNo, progress: progress))
    }

    /// `game_state`: 0 charging, 1 charged, 9 (or -1, a submission that failed) failed.
    static func progress(of gameState: String) -> ProviderProgress? {
        switch gameState {
        case "0": .charging
        case "1": .charged
        case "9", "-1": .failed
        default: nil
        }
    }

    /// An amount in yuan as Juhe writes it (`19.96`, `5.000`) in fen, a fraction of a fen rounded up so a
    /// price is never under cost; nil for anything else.
    static func fen(ofYuan text: String) -> Int64? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard (1...9).contains(whole.utf8.count), whole.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            parts.count == 1 || (1...4).contains(fraction.utf8.count),
            fraction.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let yuan = Int64(whole)
        else { return nil }
        let digits = fraction.utf8.map { Int64($0 - 0x30) }
        let cents = (digits.first ?? 0) * 10 + (digits.count > 1 ? digits[1] : 0)
        let rest = digits.dropFirst(2).contains { $0 != 0 }
        return yuan * 100 + cents + (rest ? 1 : 0)
    }

    private static func malformed(_ detail: String) -> ProviderFailure {
        ProviderFailure(cause: .malformedAnswer, detail: detail)
    }
}
