import EventModel
import Merging
import Testing

struct EventMergerTests {
    private func event(
        _ id: String, article: String, outlet: String, kind: EventKind = .missileStrike,
        day: String = "2025-03-15",
        place: Place = Place(
            name: "Kharkiv", admin1: "Kharkiv Oblast", country: "UA", lat: 49.98, lon: 36.25,
            precision: .exact),
        killed: Int? = nil, claim: Claim = Claim(status: .reported), published: String = "2025-03-15"
    ) -> Event {
        Event(
            id: EventID(id), kind: kind, headline: "\(kind.rawValue) in \(place.name)", date: .day(day),
            location: place,
            casualties: killed.map { Casualties(killed: CasualtyCount(value: $0)) }, claim: claim,
            confidence: 0.6,
            firstReported: published,
            sources: [
                Source(
                    articleID: ArticleID(article), outlet: outlet, published: published, quote: "quote \(id)")
            ])
    }

    @Test func mergesOneStrikeReportedByTwoOutlets() throws {
        let merged = EventMerger().merge([
            event("b", article: "a2", outlet: "Outlet B", killed: 5, published: "2025-03-15T10:00:00Z"),
            event("a", article: "a1", outlet: "Outlet A", killed: 3, published: "2025-03-15T08:00:00Z"),
        ])
        #expect(merged.count == 1)
        let one = try #require(merged.first)
        #expect(one.id == EventID("a"), "the earliest report names the event")
        #expect(one.sources.map(\.articleID) == [ArticleID("a1"), ArticleID("a2")])
        #expect(one.casualties?.killed == CasualtyCount(value: 3, max: 5))
        #expect(one.claim.status == .confirmed)
        #expect(one.confidence > 0.6)
        #expect(one.confidenceFactors.contains { $0.factor == "reported by 2 outlets" })
    }

    @Test func aTownMergesWithItsRegion() {
        let region = Place(
            name: "Kharkiv Oblast", admin1: "Kharkiv Oblast", country: "UA", lat: 49.98, lon: 36.25,
            precision: .region)
        let merged = EventMerger().merge([
            event("a", article: "a1", outlet: "A", kind: .shelling, place: region),
            event("b", article: "a2", outlet: "B", kind: .missileStrike),
        ])
        #expect(merged.count == 1)
        #expect(merged.first?.location?.name == "Kharkiv", "the best-specified report describes it")
    }

    @Test func twoStrikesOnOneCityOnDifferentDaysStayTwo() {
        let merged = EventMerger().merge([
            event("a", article: "a1", outlet: "A", day: "2025-03-14"),
            event("b", article: "a2", outlet: "B", day: "2025-03-16"),
        ])
        #expect(merged.count == 2)
    }

    @Test func distractorsStayApart() {
        let odesa = Place(
            name: "Odesa", admin1: "Odesa Oblast", country: "UA", lat: 46.48, lon: 30.73, precision: .exact)
        let merged = EventMerger().merge([
            event("a", article: "a1", outlet: "A"),
            event("b", article: "a2", outlet: "B", place: odesa),
            event("c", article: "a3", outlet: "C", kind: .peacefulProtest),
            event("d", article: "a1", outlet: "A", kind: .droneStrike),
        ])
        #expect(merged.count == 4)
    }

    @Test func idsDoNotChangeWhenAnUnrelatedArticleIsAdded() {
        let base = [event("a", article: "a1", outlet: "A"), event("b", article: "a2", outlet: "B")]
        let unrelated = event(
            "0", article: "a0", outlet: "C", kind: .arrest, day: "2025-01-02",
            place: Place(name: "Goma", country: "CD", lat: -1.67, lon: 29.23, precision: .exact),
            published: "2025-01-02")
        let before = Set(EventMerger().merge(base).map(\.id))
        let after = Set(EventMerger().merge(base + [unrelated]).map(\.id))
        #expect(before.isSubset(of: after))
        #expect(after.count == before.count + 1)
    }

    @Test func aClaimDeniedByTheOtherSideIsDisputed() {
        let merged = EventMerger().merge([
            event(
                "a", article: "a1", outlet: "A", kind: .territoryCaptured,
                claim: Claim(status: .claimed, claimedBy: ["Russia’s Defense Ministry"])),
            event(
                "b", article: "a2", outlet: "B", kind: .territoryCaptured,
                claim: Claim(status: .denied, deniedBy: ["Ukraine’s military"])),
        ])
        #expect(merged.count == 1)
        #expect(merged.first?.claim.status == .disputed)
        #expect(merged.first?.claim.deniedBy == ["Ukraine’s military"])
    }

    @Test func theSameInputsGiveTheSameOutputs() {
        let inputs = [
            event("b", article: "a2", outlet: "B"), event("a", article: "a1", outlet: "A"),
            event("c", article: "a3", outlet: "C", day: "2025-03-10"),
        ]
        #expect(EventMerger().merge(inputs) == EventMerger().merge(inputs.reversed()))
    }
}
