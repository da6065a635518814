import Foundation

/// Renders times for clients as `yyyy-MM-dd HH:mm:ss` in one time zone: the design's reading for every
/// document (default Asia/Shanghai; `TIME_ZONE` changes it, see `ServiceConfiguration.displayTime()`).
public struct DisplayTime: Sendable {
    public static let defaultZone = "Asia/Shanghai"

    /// China Standard Time, the documents' zone.
    public static let china = DisplayTime(zone: TimeZone(identifier: defaultZone) ?? .gmt)

    private let calendar: Calendar

    public init(zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
    }

    public var zone: TimeZone { calendar.timeZone }

    public func format(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let number = value ?? 0
            return number < 10 ? "0\(number)" : "\(number)"
        }
        let day = "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day))"
        return "\(day) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    }
}

extension ServiceConfiguration {
    /// The zone replies render times in: `TIME_ZONE` (a zone name such as Asia/Shanghai), default China.
    public func displayTime() throws(ConfigurationError) -> DisplayTime {
        let name = environment.string("TIME_ZONE", default: DisplayTime.defaultZone)
        guard let zone = TimeZone(identifier: name) else {
            throw ConfigurationError(variable: "TIME_ZONE", problem: "must be a time zone name like Asia/Shanghai, got '\(name)'")
        }
        return DisplayTime(zone: zone)
    }
}
