import EventModel
import Foundation
import Testing

@testable import Rendering

/// The templates against the data they are given, and how an event reads.
struct SiteRendererTests {

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
        let templates = try TemplateSet()
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

    @Test func theMapPointSurvivesTheLine() throws {
        let facets = SiteRenderer.facets(Self.event)
        let point = try #require(facets.point)
        #expect(point.lat == 49.98 && point.lon == 36.25 && point.ring && point.casualties == 3)
        #expect(point.title.hasPrefix("Missile strike on Kharkiv kills 3 — "))
        #expect(EventFacets(line: facets.line)?.point == point)
    }

    /// Events at the given places (latitude, longitude), each with its casualties.
    private static func located(_ places: [(Double, Double, Int)], headline: String = "Strike")
        -> [EventFacets]
    {
        places.enumerated().map { index, place in
            var event = Self.event
            event.id = EventID("e\(index)")
            event.headline = headline
            event.location?.lat = place.0
            event.location?.lon = place.1
            event.location?.precision = index == 0 ? .exact : .near
            event.casualties = Casualties(killed: CasualtyCount(value: place.2))
            return SiteRenderer.facets(event)
        }
    }

    @Test func theMapHasADotPerLocatedEventLinkedToItsCard() throws {
        var facets = Self.located([(49.98, 36.25, 0), (50.91, 34.8, 12), (48.0, 37.8, 400)])
        var unplaced = Self.event
        unplaced.id = EventID("none")
        unplaced.location = Place(name: "Ukraine", country: "UA", lat: 49, lon: 32, precision: .country)
        facets.append(SiteRenderer.facets(unplaced))
        let map = try #require(EventMap.render(facets))
        #expect(map.svg.components(separatedBy: "<circle").count - 1 == 3)
        for id in ["e0", "e1", "e2"] {
            #expect(map.svg.contains("href=\"#e-\(id)\" tabindex=\"-1\" data-id=\"\(id)\""))
        }
        #expect(!map.svg.contains("#e-none"))
        // Near places are rings; the exact one a dot.
        #expect(map.svg.components(separatedBy: "class=\"remote ring\"").count - 1 == 2)
        // Hidden from screen readers; the caption says it in words.
        #expect(map.svg.contains("aria-hidden=\"true\""))
        #expect(map.caption.hasPrefix("Map of 3 located events (1 more without a town or region): "))
        // Framed on the events: Ukraine, not the world; outlines of the countries around drawn.
        #expect(!map.caption.contains("around the world"))
        #expect(map.svg.contains("<path class=\"land\" vector-effect=\"non-scaling-stroke\" d=\"M"))
        // Only the outlines the frame touches: Ukraine's, not Alaska's.
        #expect(map.svg.utf8.count < 40_000)
    }

    @Test func spreadEventsGiveTheWorldAndTitlesAreEscaped() throws {
        let facets = Self.located(
            [(49.98, 36.25, 0), (-1.3, 36.8, 2)], headline: "<script>alert(1)</script> & \"x\"")
        let map = try #require(EventMap.render(facets))
        #expect(map.caption.contains("around the world"))
        #expect(map.svg.contains("viewBox=\"-18000.0 -8400.0 36000.0 14400.0\""))
        #expect(!map.svg.contains("<script>"))
        #expect(map.svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
        // Bigger tolls, bigger dots.
        let radii = map.svg.components(separatedBy: " r=\"").dropFirst().compactMap {
            Double($0.prefix { $0 != "\"" })
        }
        #expect(radii.count == 2 && radii[0] > radii[1])
    }

    @Test func geoJSONFeaturesAreWrittenAsTheEncoderWritesThem() throws {
        var tricky = Self.event
        tricky.headline =
            "Quote \" backslash \\ slash / tab \t newline \n bell \u{7} unit \u{1F} é 中 \u{2028}"
        tricky.confidence = 1.0
        var unlocated = Self.event
        unlocated.location = nil
        unlocated.casualties = nil
        var whole = Self.event
        whole.location?.lat = 50
        whole.location?.lon = -0.000001
        for event in [Self.event, tricky, unlocated, whole] {
            let written = GeoJSON.featureText(event, url: "https://example.org/2025-03.html#e-x")
            let encoded = try GeoJSON.encodedFeature(event, url: "https://example.org/2025-03.html#e-x")
            #expect(written == String(decoding: encoded, as: UTF8.self))
        }
    }

    @Test func eventLinesAreWrittenAsTheEncoderWritesThem() throws {
        var bare = Self.event
        bare.acled = nil
        bare.location = nil
        bare.casualties = nil
        bare.outcome = nil
        bare.summary = "A \"summary\" with \\ and \n and é"
        bare.quantities = ["villages": 2, "explosions": 161]
        bare.weapons = [Weapon(weaponClass: .drone)]
        bare.actors = [Actor(name: "Unknown gunmen", role: .initiator)]
        bare.sources[0].span = nil
        bare.firstReported = nil
        var rich = Self.event
        rich.casualties = Casualties(
            killed: CasualtyCount(value: 3),
            injured: CasualtyCount(value: 12, max: 14, children: 2, text: "12"),
            missing: CasualtyCount(value: 1), captured: CasualtyCount(value: 5))
        rich.location?.geonamesID = 706483
        rich.acled?.timePrecision = 1
        rich.acled?.geoPrecision = 2
        rich.confidence = 1.0
        rich.tags = ["missile_strike", "UA"]
        rich.targets = ["residential"]
        for event in [Self.event, bare, rich] {
            #expect(
                String(decoding: EventJSONWriter.write(event), as: UTF8.self)
                    == String(decoding: try EventsJSON.fragment(event), as: UTF8.self))
        }
    }
}

/// Staged outputs written from pieces produced as they go (`events.json` of a large timeline).
struct StagedStreamTests {
    private func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitrep-stage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Pieces of a large document: 3 MB in pieces of 1,000 bytes, one byte changed when asked.
    private func produce(changing: Int? = nil) -> ((Data) throws -> Void) throws -> Void {
        { emit in
            for index in 0..<3_000 {
                var piece = Data(repeating: UInt8(65 + index % 26), count: 1_000)
                if index == changing { piece[piece.startIndex + 500] = 0x21 }
                try emit(piece)
            }
        }
    }

    @Test func aStreamedFileIsWrittenOnlyWhenItsBytesChange() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("events.json")
        let first = OutputFile.Staging()
        #expect(try first.stage(to: url, produce: produce()))
        try first.commit()
        #expect(try Data(contentsOf: url).count == 3_000_000)

        let same = OutputFile.Staging()
        #expect(try !same.stage(to: url, produce: produce()))
        let changed = OutputFile.Staging()
        #expect(try changed.stage(to: url, produce: produce(changing: 2_999)))
        try changed.commit()
        #expect(try Data(contentsOf: url)[2_999_500] == 0x21)
        // Nothing left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["events.json"])
    }

    @Test func aProducerErrorLeavesTheFileAsItWas() throws {
        struct Broken: Error {}
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("events.json")
        try Data("before".utf8).write(to: url)
        let staging = OutputFile.Staging()
        #expect(throws: Broken.self) {
            try staging.stage(to: url) { emit in
                try emit(Data("half".utf8))
                throw Broken()
            }
        }
        #expect(try String(decoding: Data(contentsOf: url), as: UTF8.self) == "before")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["events.json"])
    }
}
