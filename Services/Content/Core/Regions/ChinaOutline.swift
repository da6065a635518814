/// A coarse outline of China's land from the shipped `china-outline.csv`, to tell points in China
/// from points abroad.
struct ChinaOutline: Sendable {
    private let polygons: [[GeoPoint]]

    init(csv text: String) throws(RegionDataError) {
        let file = "china-outline.csv"
        var order: [String] = []
        var points: [String: [GeoPoint]] = [:]
        for (line, fields) in try CSVLines.records(text, file: file, header: ["polygon", "longitude", "latitude"]) {
            guard let longitude = Double(fields[1]), let latitude = Double(fields[2]) else {
                throw RegionDataError(file: file, line: line, problem: "longitude and latitude must be numbers")
            }
            if points[fields[0]] == nil { order.append(fields[0]) }
            points[fields[0], default: []].append(GeoPoint(longitude: longitude, latitude: latitude))
        }
        let polygons = order.compactMap { points[$0] }
        guard !polygons.isEmpty, polygons.allSatisfy({ $0.count >= 4 && $0.first == $0.last }) else {
            throw RegionDataError(
                file: file, line: 0, problem: "every polygon needs at least 3 corners and must be closed")
        }
        self.polygons = polygons
    }

    /// Whether `point` lies inside one of the polygons (even-odd rule).
    func contains(_ point: GeoPoint) -> Bool {
        polygons.contains { Self.polygon($0, contains: point) }
    }

    private static func polygon(_ corners: [GeoPoint], contains point: GeoPoint) -> Bool {
        var inside = false
        for index in 0..<(corners.count - 1) {
            let a = corners[index]
            let b = corners[index + 1]
            guard (a.latitude > point.latitude) != (b.latitude > point.latitude) else { continue }
            let crossing =
                a.longitude
                + (point.latitude - a.latitude) * (b.longitude - a.longitude) / (b.latitude - a.latitude)
            if point.longitude < crossing { inside.toggle() }
        }
        return inside
    }
}
