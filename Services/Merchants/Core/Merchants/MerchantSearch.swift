import Foundation

/// What a client searches merchants by: a point with an optional radius, a city, a keyword (matched
/// literally in the name or brand), a category (a top category includes its children), and the page.
/// With a radius, merchants within it are listed nearest first; otherwise by weight, newest first.
struct MerchantSearch: Sendable, Equatable {
    /// A point on the earth in degrees.
    struct Point: Sendable, Equatable {
        let longitude: Double
        let latitude: Double
    }

    var point: Point?
    /// Metres, already capped; only with a point.
    var radiusMetres: Double?
    /// A six-digit region code.
    var cityID: String?
    var keyword: String?
    var categoryID: Int64?
    var page: Int
    var pageSize: Int

    var offset: Int { (page - 1) * pageSize }

    /// The mean earth radius (IUGG) in metres, which the great-circle distances use.
    static let earthRadiusMetres = 6_371_008.8

    /// The longitude and latitude half-widths (degrees) of a box that holds every point within
    /// `radius` metres of `point`: a latitude degree is the same length everywhere, a longitude degree
    /// shrinks with the cosine of the latitude (the box spans all longitudes near the poles).
    static func boundingBox(around point: Point, radius: Double) -> (longitude: Double, latitude: Double) {
        let latitudeDegrees = radius / earthRadiusMetres * 180 / Double.pi
        let nearestPole = min(90, abs(point.latitude) + latitudeDegrees)
        let shrink = cos(nearestPole * Double.pi / 180)
        let longitudeDegrees = shrink < 1e-6 ? 360 : min(360, latitudeDegrees / shrink)
        return (longitudeDegrees * 1.0001, latitudeDegrees * 1.0001)
    }
}
