import Extraction
import Foundation
import Testing

struct GazetteerTests {
    private let gazetteer = Gazetteer.bundled

    @Test func normalizesNamesAsTheBuildScriptDoes() {
        #expect(NameKey.normalize("Kryvyi-Rih’s") == "kryvyi rih's")
        #expect(NameKey.normalize("  Khān  Yūnis ") == "khan yunis")
        #expect(NameKey.normalize("'Sumy'") == "sumy")
        #expect(NameKey.normalize("Суджа") == "суджа")
    }

    @Test func knowsARegionFromItsCity() throws {
        let region = try #require(gazetteer.places(named: "kursk region").first)
        #expect(region.name == "Kursk Oblast")
        #expect(region.kind == .region)
        #expect(region.country == "RU")
        let city = try #require(gazetteer.places(named: "kursk").first)
        #expect(city.kind == .place)
        #expect(city.regionIndex == region.index)
        #expect(abs(region.latitude - city.latitude) < 0.01, "a region's point is its capital")
        #expect(gazetteer.places(named: "sumy oblast").first?.name == "Sumy Oblast")
    }

    @Test func findsPlacesByAlternateLatinAndCyrillicNames() throws {
        let latin = try #require(gazetteer.places(named: "kryvyi rih").first)
        #expect(latin.country == "UA")
        #expect(abs(latin.latitude - 47.91) < 0.05 && abs(latin.longitude - 33.39) < 0.05)
        #expect(gazetteer.places(named: "krivoy rog").first?.index == latin.index)
        #expect(gazetteer.places(named: NameKey.normalize("Суджа")).first?.name == "Sudzha")
    }

    @Test func ambiguousNamesListEveryPlaceMostPopulousFirst() {
        let pokrovsks = gazetteer.places(named: "pokrovsk")
        #expect(pokrovsks.count >= 2)
        #expect(pokrovsks.contains { $0.country == "UA" })
        #expect(
            zip(pokrovsks, pokrovsks.dropFirst()).allSatisfy {
                $0.population >= $1.population || $0.kind != $1.kind
            })
    }

    @Test func countriesAndSeasAreThere() throws {
        let ukraine = try #require(gazetteer.places(named: "ukraine").first)
        #expect(ukraine.kind == .country && ukraine.country == "UA")
        #expect(gazetteer.places(named: "red sea").contains { $0.kind == .water })
        #expect(gazetteer.places(named: "u s").first?.country == "US")
    }

    @Test func demonymsAreNotPlaces() {
        #expect(gazetteer.places(named: "ukrainian").isEmpty)
        #expect(gazetteer.places(named: "russian").isEmpty)
    }

    @Test func prefixesLetAReaderStopEarly() {
        #expect(gazetteer.hasPrefix("kryvyi"))
        #expect(gazetteer.hasPrefix("kursk"))
        #expect(!gazetteer.hasPrefix("zzqx"))
    }

    @Test func aFileThatIsNotAGazetteerIsRefused() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "not-a-gazetteer-\(UUID()).bin")
        try Data("hello".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: (any Error).self) { try Gazetteer(contentsOf: url) }
    }
}
