import Foundation

/// Renders times for clients as `yyyy-MM-dd HH:mm:ss` in one time zone (the design's reading for
/// every document; default Asia/Shanghai, `TIME_ZONE` to change it).
struct DisplayTime: Sendable {
    static let defaultZone = "Asia/Shanghai"

    private let calendar: Calendar

    init(zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
    }

    func format(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let number = value ?? 0
            return number < 10 ? "0\(number)" : "\(number)"
        }
        let day = "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day))"
        return "\(day) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    }
}
