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

    @Test func aWordOpeningASentenceBeforeResidentsIsNoPlaceUnlessWrittenSoElsewhere() {
        for text in [
            "Angry residents set fire to a police station in Lagos after a man died in custody.",
            "Frightened residents fled their homes in Lagos on Sunday.",
        ] {
            #expect(resolver.mentions(in: text).map(\.place.name) == ["Lagos"], "\(text)")
        }
        let told = resolver.mentions(
            in: "Shelling killed four people near Bakhmutivka on Saturday. Bakhmutivka residents fled.")
        #expect(told.map(\.place.name) == ["Bakhmutivka", "Bakhmutivka"])
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

    @Test func secondLevelDistrictsAreRegionsOfTheirProvince() throws {
        let kurram = try only("Gunmen ambushed a convoy in Kurram district on Friday.")
        #expect(kurram.place.precision == .region)
        #expect(kurram.place.country == "PK")
        #expect(kurram.place.admin1 == "Khyber Pakhtunkhwa")
        let waziristan = try only("Troops killed three militants in South Waziristan.")
        #expect(waziristan.place.precision == .region && waziristan.place.country == "PK")
    }

    @Test func aRegionWordAfterAnUnknownNameIsNotAForeignTown() {
        // No region is called so; the towns of that name are not what "province" names.
        #expect(resolver.mentions(in: "Gunmen attacked a village in Sfax county.").isEmpty)
        #expect(resolver.mentions(in: "Fighting spread to Djibo province.").isEmpty)
    }

    @Test func betweenTwoTownsIsNearTheFirstOrTheirRegion() throws {
        let close = try only("Fighting raged between the towns of Bakhmut and Soledar this week.")
        #expect(close.place.name == "Bakhmut" && close.place.precision == .near)
        #expect(close.text == "between the towns of Bakhmut and Soledar")
        let unknown = try only("Rebels attacked villages between Kramatorsk and Xqzville.")
        #expect(unknown.place.precision == .region)
        #expect(unknown.place.admin1 == unknown.place.name && unknown.place.country == "UA")
    }

    @Test func monthsQuotedNamesAndTitlesAreNotPlaces() {
        #expect(resolver.mentions(in: "Reporting on Jan 20 and Oct 8 from the Horn of Africa.").isEmpty)
        #expect(resolver.mentions(in: "the \"Bwa Kale\" vigilante movement spread").isEmpty)
        #expect(resolver.mentions(in: "First Vice President Riek Machar was detained.").isEmpty)
    }

    @Test func hyphenatedNamesAndTransliteratedNamesReadPlainly() throws {
        let croix = try only("Gunmen kidnapped two nurses from a clinic in Croix-des-Bouquets.")
        #expect(croix.place.country == "HT")
        let spin = try only("Mortar fire hit Spin Boldak overnight.")
        #expect(spin.place.name == "Spin Boldak")
    }

    @Test func aCapitalBeforeAModalVerbNamesItsGovernment() throws {
        let capital = try only("Islamabad must address its own security problems, the spokesman said.")
        #expect(capital.isPossessive, "an actor, not a location")
    }

    @Test func aPlaceAfterAPrepositionIsNoSubject() throws {
        let place = try only("The toll of the strike on Kharkiv has risen to six.")
        #expect(!place.isPossessive, "where the strike was, not who acted")
        let speaker = try only("A controller in Quetta told reporters the line was cut.")
        #expect(speaker.isPossessive, "the speaker's place, not the event's")
    }
}

extension PlaceResolverTests {
    @Test func congoIsTheDemocraticRepublicUnlessTheArticleIsSetInBrazzaville() throws {
        let east = resolver.mentions(in: "Rebels advanced on Bukavu in eastern Congo.")
        #expect(east.first { $0.text == "Congo" }?.place.country == "CD")
        let west = resolver.mentions(in: "Brazzaville, the capital of Congo, was calm.")
        #expect(west.first { $0.text == "Congo" }?.place.country == "CG")
    }
}

extension PlaceResolverTests {
    @Test func theStateOfXIsTheRegionEvenWhereATownIsCalledX() throws {
        for text in [
            "Troops clashed with gunmen in the state of Michoacan.", "Troops clashed in Michoacan state.",
        ] {
            let found = try only(text)
            #expect(found.place.precision == .region, "\(text)")
            #expect(found.place.country == "MX")
        }
    }
}

extension PlaceResolverTests {
    @Test func aCompassWordMakesANameTheAreaNotTheTown() throws {
        let strip = try only("Israeli tanks pushed into northern Gaza.")
        #expect(strip.place.precision == .country)
        #expect(strip.place.country == "PS")
        #expect(try only("An air strike hit Gaza City.").place.precision == .exact)
        #expect(try only("A ship was hit in the southern Red Sea.").place.precision == .water)
    }
}

extension PlaceResolverTests {
    @Test func aCountrysCapitalIsItsCapitalTown() throws {
        let found = try only("Gang members attacked a neighbourhood in Haiti's capital on Thursday.")
        #expect(found.place.name == "Port-au-Prince")
        #expect(found.place.precision == .exact)
        #expect(found.text == "Haiti's capital")
    }
}
