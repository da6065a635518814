/// How a confirmed train order's money is split, decided without a database: the ticket's price goes to
/// the merchant less the platform's share at the merchant's benefit rate (basis points, rounded in the
/// merchant's disfavour by at most a fen), and the rest of what the customer paid goes back to them. The
/// parts always add up to the order's amount.
struct TrainSettlementTerms: Sendable, Equatable {
    let orderAmount: Int64
    let ticketPrice: Int64
    /// The merchant's benefit rate in basis points (0.0500 → 500).
    let rateBasisPoints: Int64

    var platformShare: Int64 { (ticketPrice * rateBasisPoints + 9_999) / 10_000 }
    var merchantShare: Int64 { ticketPrice - platformShare }
    var customerDifference: Int64 { orderAmount - ticketPrice }

    /// The basis points of a rate written as a decimal fraction with up to four decimals (`0.0060`); nil for
    /// anything else or a rate above 1.
    static func basisPoints(_ rate: String) -> Int64? {
        let parts = rate.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count == 1, parts[0].allSatisfy(\.isNumber),
            let whole = Int64(parts[0]), (0...1).contains(whole)
        else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 4, fraction.allSatisfy(\.isASCII), fraction.allSatisfy(\.isNumber) else { return nil }
        let points = whole * 10_000 + (Int64(fraction.padding(toLength: 4, withPad: "0", startingAt: 0)) ?? 0)
        return points <= 10_000 ? points : nil
    }
}
