import EventModel
import Foundation
import Testing

@testable import Rendering

/// The templates against the data they are given, and how an event reads.
struct SiteRendererTests {
    private static let templatesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates").path

    /// An event with every field the site shows.
    private static let event = Event(
        id: EventID("0123456789abcdef"), kind: .missileStrike, headline: "Missile strike on Kharkiv kills 3",
        acled: ACLEDCoding(
            eventType: "Explosions/Remote violence", subEventType: "Shelling/artillery/missile attack"),
        date: EventDate(start: "2025-03-14", end: "2025-03-15", precision: .range, text: "overnight"),
        location: Place(
            name: "Kharkiv", admin1: "Kharkiv Oblast", country: "UA", lat: 49.98, lon: 36.25,
            precision: .near,
            text: "near Kharkiv"),
        actors: [Actor(name: "Russia", country: "RU", type: .stateForces, role: .initiator)],
        weapons: [Weapon(name: "Iskander-M", weaponClass: .ballisticMissile, count: 2)],
        casualties: Casualties(killed: CasualtyCount(value: 3, max: 4, children: 1, text: "killing three")),
        outcome: .intercepted, claim: Claim(status: .disputed, claimedBy: ["Ukraine"], deniedBy: ["Russia"]),
        confidence: 0.8,
        confidenceFactors: [ConfidenceFactor(factor: "attributed to an official", weight: 0.1)],
        firstReported: "2025-03-15",
        sources: [
            Source(
                articleID: ArticleID("a1"), url: "https://example.org/a", outlet: "Kyiv Wire",
                title: "Strike",
                published: "2025-03-15T08:00:00Z",
                quote: "Two missiles struck near Kharkiv overnight, killing three people.")
        ])

    /// Every key of a context, its nested ones included.
    private static func keys(_ value: Any) -> Set<String> {
        var result = Set<String>()
        if let dictionary = value as? [String: Any] {
            for (key, child) in dictionary {
                result.insert(key)
                result.formUnion(keys(child))
            }
        } else if let array = value as? [Any] {
            for child in array { result.formUnion(keys(child)) }
        }
        return result
    }

    @Test func everyKeyATemplateUsesIsInItsData() throws {
        let templates = try TemplateSet(folder: Self.templatesFolder)
        let renderer = SiteRenderer(templates: templates, siteURL: nil)
        let rendered = try renderer.render(Self.event)
        let months: [[String: Any]] = [["file": "2025-03.html", "label": "March 2025", "count": 1]]
        let contexts: [String: [String: Any]] = [
            "event": SiteRenderer.view(Self.event, facets: rendered.facets),
            "timeline": renderer.timelineContext(
                "index", heading: "h", lede: "l", events: [rendered], months: months),
            "about": renderer.aboutContext(months: months),
            "page": renderer.layoutContext(
                title: "t", description: "d", body: "b",
                flags: ["isIndex": true, "isMonth": true, "isAbout": true, "hasFilters": true],
                articleCount: 1),
        ]
        let used = templates.tagNames()
        #expect(Set(used.keys) == Set(TemplateSet.names))
        for (name, tags) in used {
            let known = Self.keys(try #require(contexts[name]))
            let unknown = tags.filter { !known.contains($0) }
            #expect(
                unknown.isEmpty, "\(name).mustache uses \(unknown.sorted()), which its data does not have")
        }
    }

    @Test func anEventReadsWithItsPrecisions() throws {
        #expect(EventPresentation.dateLabel(Self.event.date) == "14–15 Mar 2025, overnight")
        #expect(
            EventPresentation.dateLabel(EventDate(start: "2025-02-28", end: "2025-03-02", precision: .range))
                == "28 Feb – 2 Mar 2025")
        #expect(EventPresentation.placeLabel(Self.event.location) == "near Kharkiv, Kharkiv Oblast")
        #expect(
            EventPresentation.placeLabel(Place(name: "Sumy Oblast", country: "UA", precision: .region))
                == "Sumy Oblast, Ukraine")
        #expect(
            EventPresentation.casualtiesLabel(Self.event.casualties)
                == "3 killed (up to 4 reported) including 1 child")
        #expect(
            EventPresentation.claimLabel(Self.event.claim) == "disputed: claimed by Ukraine; denied by Russia"
        )
        #expect(EventPresentation.weaponsLabel(Self.event.weapons) == "2 × Iskander-M (ballistic missile)")
        let runs = EventPresentation.quoteRuns(
            Self.event.sources[0].quote, marking: ["overnight", "killing three"])
        #expect(runs.filter(\.mark).map(\.text) == ["overnight", "killing three"])
        #expect(runs.map(\.text).joined() == Self.event.sources[0].quote)
    }

    @Test func onlyWebLinksAreKept() {
        #expect(EventPresentation.safeLink("https://example.org/x") == "https://example.org/x")
        #expect(EventPresentation.safeLink("javascript:alert(1)") == nil)
        #expect(EventPresentation.safeLink(" JavaScript:alert(1)") == nil)
        #expect(EventPresentation.safeLink("data:text/html,<script>") == nil)
    }

    @Test func csvFieldsAreQuotedAndFormulasDefused() {
        var event = Self.event
        event.headline = "=HYPERLINK(\"x\"), then \"more\""
        let row = EventsCSV.row(event)
        #expect(row.hasSuffix("\r\n"))
        #expect(row.contains("\"'=HYPERLINK(\"\"x\"\"), then \"\"more\"\"\""))
        #expect(row.hasPrefix("0123456789abcdef,2025-03-14,"))
    }

    @Test func geoJSONPositionsAreLongitudeFirst() throws {
        let feature =
            try JSONSerialization.jsonObject(with: try GeoJSON.feature(Self.event, url: "x"))
            as? [String: Any]
        let geometry = try #require(feature?["geometry"] as? [String: Any])
        #expect(geometry["coordinates"] as? [Double] == [36.25, 49.98])
        var unlocated = Self.event
        unlocated.location = nil
        let other =
            try JSONSerialization.jsonObject(with: try GeoJSON.feature(unlocated, url: "x")) as? [String: Any]
        #expect(other?["geometry"] is NSNull)
    }

    @Test func facetsSurviveTheirLineEvenWithSeparatorsInNames() throws {
        var event = Self.event
        event.actors.append(Actor(name: "Odd\u{1F}Name\u{1E}Group", role: .target))
        let facets = SiteRenderer.facets(event)
        let read = try #require(EventFacets(line: facets.line))
        #expect(read.actors == ["OddNameGroup", "Russia"])
        #expect(read.places == facets.places && read.kind == .missileStrike && read.month == "2025-03")
        #expect(read.confidence == 0.8 && read.claim == .disputed && read.start == "2025-03-14")
    }
}
