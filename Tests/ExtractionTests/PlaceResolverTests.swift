import EventModel
import Extraction
import Foundation
import Testing

struct PlaceResolverTests {
    private let resolver = PlaceResolver()

    private func only(_ text: String) throws -> PlaceMention {
        let found = resolver.mentions(in: text)
        #expect(found.count == 1, "found \(found.map(\.text)) in '\(text)'")
        return try #require(found.first)
    }

    @Test func nearAPlaceIsThatPlaceWithPrecisionNear() throws {
        let mention = try only("its forces had retaken two villages outside Sudzha, officials said")
        #expect(mention.place.name == "Sudzha")
        #expect(mention.place.precision == .near)
        #expect(mention.place.country == "RU")
        #expect(mention.place.admin1 == "Kursk Oblast")
        #expect(mention.text == "outside Sudzha")
        let distance = try only("Fighting raged 15 km from Kupiansk on Monday.")
        #expect(distance.place.precision == .near)
        #expect(distance.text == "15 km from Kupiansk")
    }

    @Test func aRegionWordNamesTheRegion() throws {
        let found = resolver.mentions(
            in: "Moscow stepped up attacks in Russia’s Kursk region and in the Sumy region.")
        let names = found.map { ($0.place.name, $0.place.precision) }
        #expect(names.map(\.0) == ["Moscow", "Russia", "Kursk Oblast", "Sumy Oblast"])
        #expect(found[2].place.precision == .region && found[3].place.precision == .region)
        #expect(found[1].isPossessive)
        #expect(!found[2].isPossessive)
        let kursk = try #require(found.first { $0.place.name == "Kursk Oblast" })
        #expect(abs((kursk.place.lat ?? 0) - 51.73) < 0.05, "a region's point is its capital")
    }

    @Test func theArticlesCountriesBreakTies() throws {
        let ukrainian = try only("Ukrainian troops held their positions near Pokrovsk.")
        #expect(ukrainian.place.country == "UA")
        let big = try only("The meeting took place in New York last week.")
        #expect(big.place.country == "US")
    }

    @Test func namesOfPeopleAndOrganisationsAreNotPlaces() {
        #expect(resolver.mentions(in: "President Vladimir V. Putin called on them to surrender.").isEmpty)
        #expect(
            resolver.mentions(in: "the spokesman for the State Border Guard Service of Ukraine said").isEmpty)
        #expect(resolver.mentions(in: "as The New York Times reported from the White House").isEmpty)
        #expect(resolver.mentions(in: "Ukrainian officials did not immediately comment.").isEmpty)
        #expect(
            resolver.mentions(in: "Russia launched two Iskander-M ballistic missiles.").map(\.place.name) == [
                "Russia"
            ])
    }

    @Test func countriesAndSeasHaveTheirOwnPrecision() throws {
        let sea = try only("A bulk carrier was struck by a missile in the Red Sea.")
        #expect(sea.place.precision == .water)
        let country = try only("Drones were launched at Ukraine overnight.")
        #expect(country.place.precision == .country)
        #expect(country.place.country == "UA")
    }

    @Test func theArticlesCountriesComeFromNamesAndDemonyms() {
        let tokens = Tokenizer.tokens("Ukrainian officials said Russia attacked.")
        #expect(resolver.countries(in: tokens) == ["UA", "RU"])
    }
}
