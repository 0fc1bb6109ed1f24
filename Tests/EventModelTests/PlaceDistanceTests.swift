import EventModel
import Testing

struct PlaceDistanceTests {
    @Test func measuresGreatCircleDistances() throws {
        let kyiv = Place(name: "Kyiv", country: "UA", lat: 50.4501, lon: 30.5234, precision: .exact)
        let kharkiv = Place(name: "Kharkiv", country: "UA", lat: 49.9935, lon: 36.2304, precision: .exact)
        let distance = try #require(kyiv.distanceKm(to: kharkiv))
        #expect(abs(distance - 409) < 5)
        #expect(kyiv.distanceKm(to: kyiv) == 0)
        #expect(kyiv.distanceKm(to: Place(name: "Somewhere", precision: .unknown)) == nil)
    }
}
