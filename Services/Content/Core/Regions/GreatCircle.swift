import Foundation

/// Distances along the earth's surface (haversine formula on a sphere of the mean earth radius).
enum GreatCircle {
    static let earthRadiusKilometres = 6371.0088

    static func kilometres(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        let toRadians = Double.pi / 180
        let latitudeA = a.latitude * toRadians
        let latitudeB = b.latitude * toRadians
        let deltaLatitude = latitudeB - latitudeA
        let deltaLongitude = (b.longitude - a.longitude) * toRadians
        let sinLatitude = sin(deltaLatitude / 2)
        let sinLongitude = sin(deltaLongitude / 2)
        let h = sinLatitude * sinLatitude + cos(latitudeA) * cos(latitudeB) * sinLongitude * sinLongitude
        return 2 * earthRadiusKilometres * asin(min(1, h.squareRoot()))
    }
}
