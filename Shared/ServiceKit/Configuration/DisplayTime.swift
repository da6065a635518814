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
        return "\(Self.day(parts)) \(Self.two(parts.hour)):\(Self.two(parts.minute)):\(Self.two(parts.second))"
    }

    /// The calendar day of `date` in the zone, written `yyyy-MM-dd`.
    public func day(of date: Date) -> String {
        Self.day(calendar.dateComponents([.year, .month, .day], from: date))
    }

    private static func day(_ parts: DateComponents) -> String {
        "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day))"
    }

    private static func two(_ value: Int?) -> String {
        let number = value ?? 0
        return number < 10 ? "0\(number)" : "\(number)"
    }

    /// Reads `yyyy-MM-dd HH:mm:ss` (or `yyyy-MM-dd`, midnight); nil for anything else, impossible dates
    /// (`2024-02-30`) included.
    public func parse(_ text: String) -> Date? {
        let pieces = text.split(separator: " ", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count) else { return nil }
        let day = pieces[0].split(separator: "-", omittingEmptySubsequences: false)
        let clock =
            pieces.count == 2 ? pieces[1].split(separator: ":", omittingEmptySubsequences: false) : ["0", "0", "0"]
        guard day.count == 3, clock.count == 3, day[0].count == 4, day[1].count == 2, day[2].count == 2,
            pieces.count == 1 || clock.allSatisfy({ $0.count == 2 })
        else { return nil }
        let numbers = (day + clock).map { part -> Int? in
            part.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(part) : nil
        }
        guard numbers.allSatisfy({ $0 != nil }) else { return nil }
        let values = numbers.map { $0! }
        var parts = DateComponents()
        (parts.year, parts.month, parts.day) = (values[0], values[1], values[2])
        (parts.hour, parts.minute, parts.second) = (values[3], values[4], values[5])
        guard (1...12).contains(values[1]), (1...31).contains(values[2]), (0...23).contains(values[3]),
            (0...59).contains(values[4]), (0...59).contains(values[5]), let date = calendar.date(from: parts)
        else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == values[0], back.month == values[1], back.day == values[2] else { return nil }
        return date
    }
}

extension ServiceConfiguration {
    /// The zone replies render times in: `TIME_ZONE` (a zone name such as Asia/Shanghai), default China.
    public func displayTime() throws(ConfigurationError) -> DisplayTime {
        let name = environment.string("TIME_ZONE", default: DisplayTime.defaultZone)
        guard let zone = TimeZone(identifier: name) else {
            throw ConfigurationError(
                variable: "TIME_ZONE", problem: "must be a time zone name like Asia/Shanghai, got '\(name)'")
        }
        return DisplayTime(zone: zone)
    }
}
