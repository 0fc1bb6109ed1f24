import EventModel
import Foundation
import Pipeline
import Testing

/// The pairing rules of `sitrep evaluate`, case by case as the reference scorer
/// (`../shared/tools/common.py`) decides them. The expected values were checked against
/// `common.pair_info` and `common.match_events` on the same events.
struct EventMatchingTests {
    private func event(
        _ kind: EventKind, _ start: String?, _ end: String? = nil, place: Place?, quote: String = "",
        subtype: String? = nil
    ) -> Event {
        Event(
            id: EventID("e"), kind: kind, headline: "",
            acled: subtype.map { ACLEDCoding(eventType: "", subEventType: $0) },
            date: EventDate(start: start, end: end ?? start, precision: start == nil ? .unknown : .day),
            location: place, claim: Claim(status: .reported), confidence: 0.5,
            sources: [Source(articleID: ArticleID("a"), quote: quote)])
    }

    private func gold(
        _ kind: String, _ start: String?, _ end: String? = nil, place: GoldFile.GoldPlace?,
        required: Bool = true, evidence: String = ""
    ) -> GoldFile.GoldEvent {
        GoldFile.GoldEvent(
            id: "g", sources: ["a"], required: required, kind: kind,
            date: GoldFile.GoldDate(
                start: start, end: end ?? start, precision: start == nil ? "unknown" : "day"),
            location: place, evidence: evidence)
    }

    private let kyiv = Place(
        name: "Kyiv", admin1: "Kyiv City", country: "UA", lat: 50.45, lon: 30.52, precision: .exact)
    private let goldKyiv = GoldFile.GoldPlace(
        name: "Kyiv", country: "UA", lat: 50.45, lon: 30.52, precision: "exact")

    @Test func kindsMatchExactlyAsSiblingsOrBySubEventType() {
        #expect(EventMatching.kindScore("shelling", subtype: nil, gold: "shelling") == 1)
        #expect(EventMatching.kindScore("missile_strike", subtype: nil, gold: "shelling") == 0.5)
        #expect(EventMatching.kindScore("drone_strike", subtype: nil, gold: "air_strike") == 0.5)
        #expect(EventMatching.kindScore("incursion", subtype: nil, gold: "armed_clash") == 0.5)
        // A prediction's own ACLED sub-event type counts too.
        #expect(EventMatching.kindScore("strategic_other", subtype: "Arrests", gold: "arrest") == 0.5)
        #expect(EventMatching.kindScore("arrest", subtype: nil, gold: "abduction") == 0)
        #expect(EventMatching.kindScore("diplomacy", subtype: nil, gold: "statement") == 0)
    }

    @Test func datesOverlapWithinADayAndUnknownGoldDatesMatchAnything() {
        let place = kyiv
        let near = gold("shelling", "2025-03-14", place: goldKyiv)
        #expect(
            EventMatching.pairInfo(event(.shelling, "2025-03-15", place: place), near, undatedArticle: false)
                != nil)
        #expect(
            EventMatching.pairInfo(event(.shelling, "2025-03-16", place: place), near, undatedArticle: false)
                == nil)
        let range = gold("shelling", "2025-03-01", "2025-03-10", place: goldKyiv)
        #expect(
            EventMatching.pairInfo(event(.shelling, "2025-03-11", place: place), range, undatedArticle: false)
                != nil)
        let unknown = gold("shelling", nil, place: goldKyiv)
        #expect(
            EventMatching.pairInfo(
                event(.shelling, "2001-01-01", place: place), unknown, undatedArticle: false) != nil)
        // A prediction without a date matches a dated gold event only in an undated article.
        let undated = event(.shelling, nil, place: place)
        #expect(EventMatching.pairInfo(undated, near, undatedArticle: false) == nil)
        #expect(EventMatching.pairInfo(undated, near, undatedArticle: true) != nil)
    }

    @Test func placesAgreeByDistanceCountryRegionOrName() {
        let day = "2025-03-15"
        // 40 km apart: within 50 km; not "close" (25 km).
        let brovary = Place(name: "Somewhere", country: "UA", lat: 50.45, lon: 31.08, precision: .exact)
        let info = EventMatching.pairInfo(
            event(.shelling, day, place: brovary), gold("shelling", day, place: goldKyiv),
            undatedArticle: false)
        #expect(info != nil && info?.placeClose == false && info?.startExact == true)
        #expect(info?.score == 1.5)
        // A country-level gold: any place in the country.
        let lviv = Place(name: "Lviv", country: "UA", lat: 49.84, lon: 24.03, precision: .exact)
        let ukraine = GoldFile.GoldPlace(name: "Ukraine", country: "ua", precision: "country")
        #expect(EventMatching.placeCompatible(lviv, ukraine))
        // A region-level gold: the same admin1 (type words ignored) or within 150 km.
        let sumyRegion = GoldFile.GoldPlace(
            name: "Sumy Oblast", admin1: "Sumy Oblast", country: "UA", lat: 50.9, lon: 34.8,
            precision: "region")
        let village = Place(
            name: "Khotin", admin1: "Sumy region", country: "UA", lat: 51.2, lon: 36.9, precision: .region)
        #expect(EventMatching.placeCompatible(village, sumyRegion))
        #expect(!EventMatching.placeCompatible(lviv, sumyRegion))
        // The same name in the same country, wherever the points are; accents and case aside.
        let far = Place(name: "Kyïv", country: "UA", lat: 10, lon: 10, precision: .exact)
        #expect(EventMatching.placeCompatible(far, goldKyiv))
        // A water body by name in any country; a missing prediction never.
        let sea = GoldFile.GoldPlace(name: "Red Sea", country: "YE", lat: 16.5, lon: 40.5, precision: "water")
        #expect(
            EventMatching.placeCompatible(Place(name: "the Red Sea", country: "SA", precision: .water), sea))
        #expect(!EventMatching.placeCompatible(nil, sea))
        #expect(EventMatching.placeCompatible(nil, nil))
    }

    @Test func namesAreComparedWithoutAccentsCaseOrTypeWords() {
        #expect(EventMatching.normalizedPlace("Sumy Oblast") == "sumy")
        #expect(EventMatching.normalizedPlace("Kyïv") == "kyiv")
        #expect(EventMatching.normalizedPlace("Deir al-Balah") == "deir al balah")
        #expect(EventMatching.normalizedPlace("Kherson's City") == "khersons")
        #expect(EventMatching.normalizedPlace("Сумська область") == "сумська область")
        #expect(EventMatching.normalizedPlace(nil).isEmpty)
    }

    @Test func theMatchingTakesTheMostPairsThenTheBestScores() {
        let day = "2025-03-15"
        // The first prediction fits both golds, best the first; the second fits only the first.
        // Pairing by best score would leave one alone; the matching pairs both.
        let inKyiv = event(.shelling, day, place: kyiv)
        let unplacedKyiv = event(.shelling, day, place: Place(name: "Kyiv", precision: .exact))
        let ukraine = GoldFile.GoldPlace(name: "Ukraine", country: "UA", precision: "country")
        let golds = [gold("shelling", day, place: goldKyiv), gold("shelling", day, place: ukraine)]
        #expect(EventMatching.pairInfo(inKyiv, golds[1], undatedArticle: false)?.score == 1.5)
        #expect(EventMatching.pairInfo(unplacedKyiv, golds[1], undatedArticle: false) == nil)
        let pairs = EventMatching.match([inKyiv, unplacedKyiv], golds, undatedArticle: false)
        #expect(pairs.map { [$0.event, $0.gold] } == [[0, 1], [1, 0]])
        // Between two equal pairs, the quote sharing the gold's evidence wins.
        let a = event(.shelling, day, place: kyiv, quote: "Russian artillery shelled the market")
        let b = event(.shelling, day, place: kyiv, quote: "A second barrage hit the port")
        let evidence = gold("shelling", day, place: goldKyiv, evidence: "a barrage hit the port")
        #expect(EventMatching.match([a, b], [evidence], undatedArticle: false).map(\.event) == [1])
        // Required gold before optional when a prediction fits one of them only.
        let optional = gold("shelling", day, place: goldKyiv, required: false)
        let required = gold("shelling", day, place: goldKyiv)
        #expect(EventMatching.match([a], [optional, required], undatedArticle: false).map(\.gold) == [1])
        #expect(EventMatching.match([], golds, undatedArticle: false).isEmpty)
    }

    @Test func evaluationCountsAsTheScorerDoes() {
        let day = "2025-03-15"
        var report = Evaluation.Report()
        let golds = [
            gold("shelling", day, place: goldKyiv), gold("diplomacy", day, place: nil, required: false),
            gold("arrest", day, place: goldKyiv),
        ]
        let predicted = [
            event(.shelling, day, place: kyiv), event(.diplomacy, day, place: kyiv),
            event(.airStrike, day, place: kyiv),
        ]
        Evaluation().score(predicted, against: golds, file: "a", undated: false, into: &report)
        #expect(report.predicted == 3)
        #expect(report.matched == 2)
        #expect(report.matchedRequired == 1)
        #expect(report.matchedOptional == 1)
        #expect(report.requiredGold == 2)
        #expect(report.precision == 2.0 / 3.0)
        #expect(report.recall == 0.5)
        #expect(report.perKind["arrest"]?.requiredMatched == 0)
        #expect(report.perKind["air_strike"]?.predictedMatched == 0)
        #expect(report.fields["kind"]?.right == 2)
        #expect(report.misses.count == 1)
    }
}
