import EventModel
import Extraction
import Foundation
import Testing

struct UserPlacesTests {
    /// Two lines in the 19-column format of GeoNames country dumps, and one that is not a record.
    private let dump = [
        "519336\tMakhnovka\tMakhnovka\tMakhnovka,Махновка\t51.2083\t35.3461\tP\tPPL\tRU\t\t41\t\t\t\t250\t\t180\tEurope/Moscow\t2012-01-17",
        "9999991\tSome Hill\tSome Hill\t\t51.3\t35.4\tT\tHLL\tRU\t\t41\t\t\t\t0\t\t200\tEurope/Moscow\t2012-01-17",
        "not a record",
    ].joined(separator: "\n")

    @Test func importedVillagesAreFoundAndPlacedInTheirRegion() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-places-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dumpURL = folder.appendingPathComponent("RU.txt")
        try Data(dump.utf8).write(to: dumpURL)

        var (places, skipped) = try UserPlaces.readDump(dumpURL)
        #expect(places.map(\.name) == ["Makhnovka"], "only populated places are kept")
        #expect(skipped == 1)
        let alternates = folder.appendingPathComponent("alternateNamesV2.txt")
        try Data("1\t519336\tuk\tМахнівка\t\t\t\t\t\t\n2\t519336\tlink\thttps://example.org\t\t\t\t\t\t".utf8)
            .write(to: alternates)
        #expect(try UserPlaces.addAlternateNames(alternates, to: &places) == 1)
        let file = folder.appendingPathComponent("places.tsv")
        try UserPlaces.write(places, to: file)

        #expect(Gazetteer.withUserPlaces(at: nil).userPlaceCount == 0)
        let gazetteer = Gazetteer.withUserPlaces(at: file)
        #expect(gazetteer.userPlaceCount == 1)
        let village = try #require(gazetteer.places(named: "makhnovka").first)
        #expect(village.country == "RU")
        #expect(gazetteer.places(named: NameKey.normalize("Махнівка")).first?.geonamesID == 519336)
        let region = try #require(village.regionIndex.map(gazetteer.place))
        #expect(region.name == "Kursk Oblast")

        let mention = try #require(
            PlaceResolver(gazetteer: gazetteer).mentions(
                in: "Fighting was reported near Makhnovka on Monday."
            ).first)
        #expect(mention.place.name == "Makhnovka")
        #expect(mention.place.precision == .near)
        #expect(mention.place.admin1 == "Kursk Oblast")
        // Without the import the name is still a place ("near" marks it), known by its name alone.
        let bare = PlaceResolver().mentions(in: "Fighting was reported near Makhnovka on Monday.")
        #expect(bare.map(\.place.name) == ["Makhnovka"])
        #expect(bare.first?.place.precision == .unknown && bare.first?.place.country == nil)
    }
}
