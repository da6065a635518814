import JSON
import ServiceKit

/// Opening hours, `HH:mm:ss` each; `closes` before `opens` means the hours run past midnight.
struct BusinessHours: Sendable, Equatable {
    let opens: String
    let closes: String
}

extension Parameters {
    /// The hours sent as `business_time` (`["10:30:00","18:30:00"]`) or as `opens_at` and `closes_at`:
    /// nil when neither is sent, `.some(nil)` when sent empty (`[]`, or both times `""`) to clear them.
    func businessHours() throws -> BusinessHours?? {
        let pairSent = values["business_time"].map { !$0.isNull } ?? false
        let timesSent = [values["opens_at"], values["closes_at"]].contains { $0.map { !$0.isNull } ?? false }
        if pairSent && timesSent {
            throw InputProblem("business_time", .malformed("与 opens_at、closes_at 只能传一种"))
        }
        if pairSent { return try hoursPair() }
        guard timesSent else { return nil }
        let opens = try text("opens_at", maxLength: 8)
        let closes = try text("closes_at", maxLength: 8)
        switch (opens, closes) {
        case (nil, nil): return .some(nil)
        case (nil, _): throw InputProblem("opens_at", .missing)
        case (_, nil): throw InputProblem("closes_at", .missing)
        case (let opens?, let closes?):
            return .some(
                BusinessHours(opens: try Self.clock(opens, "opens_at"), closes: try Self.clock(closes, "closes_at")))
        }
    }

    private func hoursPair() throws -> BusinessHours?? {
        let value = values["business_time"] ?? .null
        if value == .string("") { return .some(nil) }
        guard case .array(let items) = value else {
            throw InputProblem("business_time", .malformed("须为 [\"10:30:00\",\"18:30:00\"] 形式的两个时间"))
        }
        if items.isEmpty { return .some(nil) }
        guard items.count == 2, let opens = items[0].stringValue, let closes = items[1].stringValue else {
            throw InputProblem("business_time", .malformed("须为 [\"10:30:00\",\"18:30:00\"] 形式的两个时间"))
        }
        return .some(
            BusinessHours(
                opens: try Self.clock(opens.trimmingWhitespace, "business_time[0]"),
                closes: try Self.clock(closes.trimmingWhitespace, "business_time[1]")))
    }

    private static func clock(_ text: String, _ field: String) throws(InputProblem) -> String {
        guard let time = ClockTime.normalized(text) else {
            throw InputProblem(field, .malformed("须为 HH:mm:ss 格式的时间"))
        }
        return time
    }
}
