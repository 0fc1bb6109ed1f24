import EventModel
import Foundation

/// Renders the site and the feeds: each event's card (and CSV row and GeoJSON feature) once,
/// then the pages — the newest events on `index.html`, a page per month, `about.html` — and
/// `feed.json`, `atom.xml`, `events.geojson`, `events.csv`, and the assets.
public struct SiteRenderer: Sendable {
    public let templates: TemplateSet
    /// The published address of the output folder, making feed links absolute.
    public let siteURL: String?
    public var siteTitle = "Sitrep conflict timeline"
    /// Events on the first page, and in the feeds.
    public var indexSize = 200
    public var feedSize = 200

    public init(templates: TemplateSet, siteURL: String?) {
        self.templates = templates
        self.siteURL = siteURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// What every rendered piece depends on besides the event.
    public var fingerprint: String { "\(templates.fingerprint) \(siteURL ?? "")" }

    // MARK: One event

    /// Every event rendered, in order, on all cores.
    public func render(_ events: [Event]) throws -> [RenderedEvent] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = max(1, (events.count + cores - 1) / cores)
        let parts = Array(stride(from: 0, to: events.count, by: chunk))
        return try Parallel.map(parts) { first in
            try events[first..<min(events.count, first + chunk)].map(render)
        }.flatMap { $0 }
    }

    public func render(_ event: Event) throws -> RenderedEvent {
        let facets = Self.facets(event)
        let view = Self.view(event, facets: facets)
        let html = templates.render("event", view)
        return RenderedEvent(
            json: EventJSONWriter.write(event), html: Data(html.utf8), csv: Data(EventsCSV.row(event).utf8),
            geojson: try GeoJSON.feature(event, url: link(to: facets)), facets: facets)
    }

    func link(to facets: EventFacets) -> String { (siteURL ?? "") + "\(facets.page)#e-\(facets.id)" }

    static func facets(_ event: Event) -> EventFacets {
        let start = event.date.start.map { String($0.prefix(10)) }
        let end = event.date.end.map { String($0.prefix(10)) } ?? start
        var places: [String: String] = [:]
        if let place = event.location {
            if let country = place.country { places[country] = EventPresentation.countryName(country) }
            let region = place.precision == .region ? place.name : place.admin1
            if let region, place.precision != .country {
                places[Self.key(region)] =
                    region + (place.country.map { " (\(EventPresentation.countryName($0)))" } ?? "")
            }
        }
        var point: EventFacets.MapPoint?
        if let place = event.location, let lat = place.lat, let lon = place.lon, place.precision != .country {
            let title = [
                event.headline, EventPresentation.dateLabel(event.date), EventPresentation.placeLabel(place),
            ]
            .compactMap { $0 }.joined(separator: " — ")
            point = EventFacets.MapPoint(
                lat: lat, lon: lon, ring: place.precision != .exact,
                casualties: (event.casualties?.killed?.value ?? 0) + (event.casualties?.injured?.value ?? 0),
                title: title)
        }
        return EventFacets(
            id: event.id.rawValue, kind: event.kind, start: start, end: end,
            month: start.map { String($0.prefix(7)) } ?? EventFacets.undated,
            firstReported: event.firstReported,
            places: places, actors: Array(Set(event.actors.map(\.name))).sorted(), claim: event.claim.status,
            confidence: event.confidence, point: point)
    }

    /// A filter value: lower case, words joined by "-".
    static func key(_ text: String) -> String {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: "-")
    }

    static func view(_ event: Event, facets: EventFacets) -> [String: Any] {
        let family = EventPresentation.Family(event.kind)
        let place = EventPresentation.placeLabel(event.location)
        var phrases = [event.date.text, event.location?.text].compactMap { $0 }
        if let casualties = event.casualties {
            phrases += [casualties.killed, casualties.injured, casualties.missing, casualties.captured]
                .compactMap {
                    $0?.text
                }
        }
        let sources: [[String: Any]] = event.sources.map { source in
            let runs = EventPresentation.quoteRuns(source.quote, marking: phrases)
            var view: [String: Any] = [
                "outlet": source.outlet ?? source.title ?? "Source",
                // The runs for templates that mark the words themselves; the built-in one takes
                // the quote made once, escaped, with <mark> around the event's words.
                "quote": runs.map { ["text": $0.text, "mark": $0.mark] },
                "quoteHTML": runs.map {
                    $0.mark ? "<mark>\(AtomFeed.escape($0.text))</mark>" : AtomFeed.escape($0.text)
                }
                .joined(),
            ]
            // Sections hold dictionaries, so the names inside them are found without reflection.
            if let link = EventPresentation.safeLink(source.url) {
                view["link"] = link
                view["linked"] = ["href": link, "outlet": view["outlet"]!]
            }
            if let title = source.title { view["title"] = title }
            if let published = source.published, let day = CalendarDay(String(published.prefix(10))) {
                view["published"] = String(published.prefix(10))
                view["publishedLabel"] = EventPresentation.dayLabel(day)
                view["dated"] = [
                    "day": String(published.prefix(10)), "label": EventPresentation.dayLabel(day),
                ]
            }
            return view
        }
        var view: [String: Any] = [
            "id": event.id.rawValue, "kind": event.kind.rawValue,
            "kindLabel": EventPresentation.kindLabel(event.kind),
            "family": family.rawValue, "icon": family.icon, "headline": event.headline,
            "permalink": "\(facets.page)#e-\(facets.id)", "start": facets.start ?? "",
            "end": facets.end ?? "",
            "dateLabel": EventPresentation.dateLabel(event.date),
            "placeKeys": facets.places.keys.sorted().joined(separator: " "),
            "actorKeys": event.actors.map { key($0.name) }.joined(separator: " "),
            "claimStatus": event.claim.status.rawValue,
            "claimLabel": EventPresentation.claimLabel(event.claim),
            "confidence": EventPresentation.number(event.confidence),
            "confidenceLevel": EventPresentation.confidenceLevel(event.confidence),
            "confidenceLabel": EventPresentation.confidenceLevel(event.confidence).capitalized,
            "factors": event.confidenceFactors.map {
                ["factor": $0.factor, "weight": EventPresentation.fixed($0.weight, 2, sign: true)]
            },
            "sources": sources, "sourceCount": event.sources.count, "oneSource": event.sources.count == 1,
        ]
        if let place {
            view["placeLabel"] = place
            if let osm = EventPresentation.mapLink(event.location) {
                view["osm"] = ["href": osm, "place": place]
            }
        }
        if let acled = event.acled {
            view["acled"] = ["eventType": acled.eventType, "subEventType": acled.subEventType]
        }
        if let actors = EventPresentation.actorsLabel(event.actors) { view["actorsLabel"] = actors }
        if let weapons = EventPresentation.weaponsLabel(event.weapons) { view["weaponsLabel"] = weapons }
        if let casualties = EventPresentation.casualtiesLabel(event.casualties) {
            view["casualtiesLabel"] = casualties
        }
        if let outcome = event.outcome, outcome != .completed { view["outcomeLabel"] = outcome.rawValue }
        return view
    }

    // MARK: The site

    /// Every output but `events.json`, by file name.
    /// - Parameters:
    ///   - events: every event, newest first (the order of `events.json`).
    ///   - feed: the events of the feeds, newest report first.
    ///   - unchangedMonths: months whose pages hold the same events as the ones already written;
    ///     they are not rendered again (a month page depends on nothing else).
    public func site(
        events: [RenderedEvent], feed: [Event], articleCount: Int, unchangedMonths: Set<String> = []
    ) throws -> [String: Data] {
        var files: [String: Data] = [:]
        try site(
            events: events, feed: feed, articleCount: articleCount, unchangedMonths: unchangedMonths,
            cards: { $0.map { events[$0].html } },
            emit: { name, produce in
                var data = Data()
                try produce { data.append($0) }
                files[name] = data
            })
        files["events.csv"] = EventsCSV.document(events.map(\.csv))
        files["events.geojson"] = GeoJSON.collection(events.map(\.geojson))
        return files
    }

    /// The same, one file at a time, each produced a piece at a time, so a build never holds every
    /// page at once. `events.csv` and `events.geojson` are left to the caller, who writes them
    /// with `events.json` from one pass over the stored events.
    /// - Parameters:
    ///   - cards: the cards of these events (indices into `events`), when `events` do not carry them.
    ///   - emit: receives each file's name and a producer that hands its bytes, piece by piece, to
    ///     the function it is given.
    public func site(
        events: [RenderedEvent], feed: [Event], articleCount: Int, unchangedMonths: Set<String>,
        cards: ([Int]) throws -> [Data],
        emit stream: (String, ((Data) throws -> Void) throws -> Void) throws -> Void
    ) throws {
        func emit(_ name: String, _ data: Data) throws { try stream(name) { try $0(data) } }
        var months: [String: [Int]] = [:]
        for (index, event) in events.enumerated() { months[event.facets.month, default: []].append(index) }
        let monthKeys = months.keys.sorted { a, b in
            if a == EventFacets.undated { return false }
            if b == EventFacets.undated { return true }
            return a > b
        }
        let monthList: [[String: Any]] = monthKeys.map { key in
            [
                "file": "\(key).html", "label": EventPresentation.monthLabel(key),
                "count": months[key]?.count ?? 0,
            ]
        }
        func withCards(_ indices: [Int]) throws -> [RenderedEvent] {
            zip(indices, try cards(indices)).map { index, card in
                var event = events[index]
                event.html = card
                return event
            }
        }
        let latest = Array(events.indices.prefix(indexSize))
        let lede =
            events.count > latest.count
            ? "The \(latest.count) newest of \(events.count) events; older ones are on the month pages."
            : "All \(events.count) events, newest first."
        try emit(
            "index.html",
            page(
                "index", title: "Latest events", heading: "Latest events", lede: lede,
                events: try withCards(latest),
                months: events.count > latest.count ? monthList : [], articleCount: articleCount))
        // Month pages a few at a time, one per core; their cards are read first, on this thread.
        let pending = monthKeys.filter { !unchangedMonths.contains($0) }
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for first in stride(from: 0, to: pending.count, by: cores) {
            let keys = Array(pending[first..<min(pending.count, first + cores)])
            let inputs = try keys.map { try withCards(months[$0] ?? []) }
            let pages = try Parallel.map(Array(keys.indices)) { index in
                let label = EventPresentation.monthLabel(keys[index])
                return page(
                    keys[index], title: label, heading: "Events of \(label)",
                    lede: "\(inputs[index].count) events, newest first.", events: inputs[index], months: [],
                    articleCount: nil)
            }
            for (key, data) in zip(keys, pages) { try emit("\(key).html", data) }
        }
        let about = templates.render("about", aboutContext(months: monthList))
        try emit(
            "about.html",
            layout(
                title: "About", description: "About the timeline, its feeds and its sources.", body: about,
                flags: ["isAbout": true], articleCount: articleCount))
        try emit(
            "feed.json",
            try JSONFeed.document(
                feed, title: siteTitle, siteURL: siteURL, link: { link(to: Self.facets($0)) }))
        try emit(
            "atom.xml",
            AtomFeed.document(feed, title: siteTitle, siteURL: siteURL, link: { link(to: Self.facets($0)) }))
        for (name, data) in templates.assets.sorted(by: { $0.key < $1.key }) {
            try emit("assets/\(name)", data)
        }
    }

    func aboutContext(months: [[String: Any]]) -> [String: Any] {
        ["siteTitle": siteTitle, "months": months, "feedSize": feedSize]
    }

    private func page(
        _ name: String, title: String, heading: String, lede: String, events: [RenderedEvent],
        months: [[String: Any]],
        articleCount: Int?
    ) -> Data {
        let body = templates.render(
            "timeline", timelineContext(name, heading: heading, lede: lede, events: events, months: months))
        return layout(
            title: title,
            description: "\(heading): dated, located events of armed conflict with their sources.",
            body: body, flags: [name == "index" ? "isIndex" : "isMonth": true, "hasFilters": true],
            articleCount: articleCount)
    }

    func timelineContext(
        _ name: String, heading: String, lede: String, events: [RenderedEvent], months: [[String: Any]]
    ) -> [String: Any] {
        var days: [(key: String, events: [RenderedEvent])] = []
        for event in events {
            let key = event.facets.start ?? EventFacets.undated
            if days.last?.key == key {
                days[days.count - 1].events.append(event)
            } else {
                days.append((key, [event]))
            }
        }
        func options(_ counts: [String: (label: String, count: Int)]) -> [[String: Any]] {
            counts.sorted { ($0.value.label.lowercased(), $0.key) < ($1.value.label.lowercased(), $1.key) }
                .map {
                    ["value": $0.key, "label": $0.value.label, "count": $0.value.count]
                }
        }
        var kinds: [String: (label: String, count: Int)] = [:]
        var places: [String: (label: String, count: Int)] = [:]
        var actors: [String: (label: String, count: Int)] = [:]
        var claims: [String: (label: String, count: Int)] = [:]
        for facets in events.map(\.facets) {
            kinds[facets.kind.rawValue, default: (EventPresentation.kindLabel(facets.kind), 0)].count += 1
            for (key, label) in facets.places { places[key, default: (label, 0)].count += 1 }
            for actor in facets.actors { actors[Self.key(actor), default: (actor, 0)].count += 1 }
            claims[facets.claim.rawValue, default: (facets.claim.rawValue, 0)].count += 1
        }
        let dated = events.compactMap(\.facets.start).sorted()
        var context: [String: Any] = [
            "heading": heading, "lede": lede, "pageFile": "\(name).html", "eventCount": events.count,
            "kinds": options(kinds), "places": options(places), "actors": options(actors),
            "claims": options(claims),
            "days": days.map { day -> [String: Any] in
                let label = CalendarDay(day.key).map(EventPresentation.longDayLabel) ?? "Undated"
                return [
                    "key": day.key, "label": label,
                    "events": day.events.map { ["html": String(decoding: $0.html, as: UTF8.self)] },
                ]
            },
        ]
        if let first = dated.first, let last = dated.last {
            context["firstDay"] = first
            context["lastDay"] = last
        }
        if let chart = DayChart.render(events.map(\.facets)) {
            context["chart"] = ["svg": chart.svg, "caption": chart.caption]
        }
        if let map = EventMap.render(events.map(\.facets)) {
            context["map"] = ["svg": map.svg, "caption": map.caption]
        }
        if !months.isEmpty { context["older"] = ["months": months] }
        return context
    }

    private func layout(
        title: String, description: String, body: String, flags: [String: Bool], articleCount: Int?
    )
        -> Data
    {
        Data(
            templates.render(
                "page",
                layoutContext(
                    title: title, description: description, body: body, flags: flags,
                    articleCount: articleCount)
            ).utf8)
    }

    func layoutContext(
        title: String, description: String, body: String, flags: [String: Bool], articleCount: Int?
    )
        -> [String: Any]
    {
        var context: [String: Any] = [
            "title": title, "siteTitle": siteTitle, "description": description, "body": body,
        ]
        // Month pages leave the count out, so adding an article leaves other months' pages alone.
        if let articleCount { context["builtFrom"] = "Built by Sitrep from \(articleCount) articles." }
        for (key, value) in flags { context[key] = value }
        return context
    }
}
