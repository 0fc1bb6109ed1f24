import EventModel
import Merging
import TestSupport
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

    /// Reports `mayMerge` does not link cluster apart: clustering each linked group alone gives
    /// the clusters of clustering everything (what lets a build re-cluster only new reports'
    /// groups).
    @Test func eachLinkedGroupClustersAsInTheWhole() {
        var random = SeededGenerator(state: 11)
        let places: [Place?] = [
            Place(
                name: "Kharkiv", admin1: "Kharkiv Oblast", country: "UA", lat: 49.98, lon: 36.25,
                precision: .exact),
            Place(name: "Kharkiv Oblast", admin1: "Kharkiv Oblast", country: "UA", precision: .region),
            Place(
                name: "Sumy", admin1: "Sumy Oblast", country: "UA", lat: 50.91, lon: 34.8, precision: .exact),
            Place(name: "Ukraine", country: "UA", precision: .country),
            Place(name: "Belgorod", country: "RU", lat: 50.6, lon: 36.6, precision: .exact),
            Place(name: "Black Sea", precision: .water), nil,
        ]
        let kinds: [EventKind] = [.missileStrike, .shelling, .droneStrike, .armedClash, .incursion, .arrest]
        let keys = (0..<400).map { index -> MergeKey in
            let start = Int(random.next() % 200)
            let length = [0, 0, 0, 1, 6, 30, 70][Int(random.next() % 7)]
            let day = { (offset: Int) in
                CalendarDay(year: 2025, month: 1, day: 1).adding(days: offset).description
            }
            return MergeKey(
                id: "e\(index)", article: "a\(random.next() % 150)", kind: kinds[Int(random.next() % 6)],
                start: day(start), end: day(start + length), place: places[Int(random.next() % 7)],
                initiatorCountry: random.next() % 3 == 0 ? "RU" : nil,
                firstReported: day(Int(random.next() % 220)), specificity: Int(random.next() % 50),
                confidence: Double(random.next() % 10) / 10)
        }
        // Linked groups by union-find, every pair tested.
        var parent = Array(keys.indices)
        func root(_ index: Int) -> Int { parent[index] == index ? index : root(parent[index]) }
        for a in keys.indices {
            for b in keys.indices where b > a && EventMerger.mayMerge(keys[a], keys[b]) {
                parent[root(a)] = root(b)
            }
        }
        let groups = Dictionary(grouping: keys.indices, by: root).values
        func idSets(_ clusters: [[Int]], _ subset: [MergeKey]) -> Set<[String]> {
            Set(clusters.map { $0.map { subset[$0].id } })
        }
        let whole = idSets(EventMerger().clusters(keys), keys)
        var apart = Set<[String]>()
        for group in groups {
            let subset = group.map { keys[$0] }
            apart.formUnion(idSets(EventMerger().clusters(subset), subset))
        }
        #expect(groups.count > 20 && groups.count < 400)
        #expect(whole.contains { $0.count > 1 })
        #expect(whole.symmetricDifference(apart).isEmpty, "clusters that differ")
    }
}
