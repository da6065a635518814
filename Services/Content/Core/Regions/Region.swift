/// The level of a region in China's administrative division.
public enum RegionLevel: Int, Sendable, Comparable {
    case province = 1
    case city = 2
    case county = 3

    public static func < (lhs: RegionLevel, rhs: RegionLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The level a six-digit code stands for: `xx0000` a province, `xxxx00` a city, the rest a county.
    static func of(code: String) -> RegionLevel {
        if code.hasSuffix("0000") { return .province }
        if code.hasSuffix("00") { return .city }
        return .county
    }
}

/// A point on the earth in degrees (WGS-84 as the region data gives it).
public struct GeoPoint: Sendable, Hashable {
    public let longitude: Double
    public let latitude: Double

    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}

/// One province, city or county: its six-digit code, the name clients see and the seat's coordinates.
public struct Region: Sendable, Hashable {
    /// Six digits (`110101`).
    public let code: String
    /// The name shown to clients (a municipality's `市辖区` city is shown with the municipality's name).
    public let name: String
    public let level: RegionLevel
    /// The code of the region above, nil for a province.
    public let parentCode: String?
    /// The seat's coordinates as the data file writes them, nil where the file has none.
    public let longitudeText: String?
    public let latitudeText: String?

    /// The seat as numbers, when the data has coordinates.
    public var seat: GeoPoint? {
        guard let longitudeText, let latitudeText, let longitude = Double(longitudeText),
            let latitude = Double(latitudeText)
        else { return nil }
        return GeoPoint(longitude: longitude, latitude: latitude)
    }

    /// The code as a number, the `id` and `area_id` of the mini-program's region items.
    public var numericCode: Int { Int(code) ?? 0 }
}
