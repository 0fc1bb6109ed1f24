import Foundation

extension Place {
    /// The great-circle distance in kilometres between two points (haversine, mean Earth radius).
    public static func distanceKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let radians = Double.pi / 180
        let dLat = (lat2 - lat1) * radians
        let dLon = (lon2 - lon1) * radians
        let h =
            sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2)
            * sin(dLon / 2)
        return 2 * 6371 * asin(min(1, h.squareRoot()))
    }

    /// The distance in kilometres to another place, when both have coordinates.
    public func distanceKm(to other: Place) -> Double? {
        guard let lat, let lon, let otherLat = other.lat, let otherLon = other.lon else { return nil }
        return Self.distanceKm(lat, lon, otherLat, otherLon)
    }
}
