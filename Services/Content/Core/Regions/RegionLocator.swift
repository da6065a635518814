/// Finds the place a GPS point is in: the nearest county seat (great-circle distance), for points in
/// China. A point counts as in China when it is inside the shipped outline, or within
/// `islandReachKilometres` of a seat (the coarse outline misses small islands and some coasts).
struct RegionLocator: Sendable {
    static let islandReachKilometres = 30.0

    private let places: [(region: Region, seat: GeoPoint)]
    private let outline: ChinaOutline

    init(catalog: RegionCatalog, outline: ChinaOutline) {
        places = catalog.locatablePlaces.compactMap { region in region.seat.map { (region, $0) } }
        self.outline = outline
    }

    /// The nearest place to `point`, or nil when the point is not in China.
    func locate(_ point: GeoPoint) -> Region? {
        guard (-180...180).contains(point.longitude), (-90...90).contains(point.latitude) else { return nil }
        var best: (region: Region, distance: Double)?
        for place in places {
            let distance = GreatCircle.kilometres(point, place.seat)
            if best.map({ distance < $0.distance }) ?? true { best = (place.region, distance) }
        }
        guard let best else { return nil }
        guard outline.contains(point) || best.distance <= Self.islandReachKilometres else { return nil }
        return best.region
    }
}
