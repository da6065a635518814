import ServiceKit

/// A time of day as PostgreSQL's `time` takes it: `HH:mm:ss`, from `00:00:00` to `23:59:59`.
enum ClockTime {
    /// `text` written `HH:mm:ss` (or `HH:mm`, read as `HH:mm:00`) when it is a time of day; nil otherwise.
    static func normalized(_ text: String) -> String? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            parts.allSatisfy({ $0.utf8.count == 2 && $0.utf8.allSatisfy(Parameters.isDigit) })
        else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, numbers[0] < 24, numbers[1] < 60, numbers.count == 2 || numbers[2] < 60
        else { return nil }
        return parts.count == 2 ? text + ":00" : text
    }
}
