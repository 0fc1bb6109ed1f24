import EventModel
import Foundation

/// One merged event rendered once for every output: its `events.json` fragment, its card on the
/// site, its CSV row, its GeoJSON feature, and the facts the pages filter and count it by. A
/// build keeps these and re-renders only events whose reports changed.
public struct RenderedEvent: Sendable {
    public var json: Data
    public var html: Data
    public var csv: Data
    public var geojson: Data
    public var facets: EventFacets

    public init(json: Data, html: Data, csv: Data, geojson: Data, facets: EventFacets) {
        self.json = json
        self.html = html
        self.csv = csv
        self.geojson = geojson
        self.facets = facets
    }
}

/// What pages group, filter and count an event by.
public struct EventFacets: Codable, Hashable, Sendable {
    public var id: String
    public var kind: EventKind
    /// The first and last day (`YYYY-MM-DD`), nil when undated.
    public var start: String?
    public var end: String?
    /// "YYYY-MM", or "undated".
    public var month: String
    public var firstReported: String?
    /// Country codes and region names, for the place filter, with their labels.
    public var places: [String: String]
    public var actors: [String]
    public var claim: ClaimStatus
    public var confidence: Double
    /// Where the map draws the event; nil without coordinates.
    public var point: MapPoint?

    /// An event's dot on the map: its coordinates, whether the place is only near or a region's
    /// (drawn as a ring), its killed and injured, and the title shown over it.
    public struct MapPoint: Codable, Hashable, Sendable {
        public var lat: Double
        public var lon: Double
        public var ring: Bool
        public var casualties: Int
        public var title: String
    }

    public static let undated = "undated"

    /// The page that holds the event: its month's.
    public var page: String { "\(month).html" }

    public init(
        id: String, kind: EventKind, start: String?, end: String?, month: String, firstReported: String?,
        places: [String: String], actors: [String], claim: ClaimStatus, confidence: Double,
        point: MapPoint? = nil
    ) {
        self.id = id
        self.kind = kind
        self.start = start
        self.end = end
        self.month = month
        self.firstReported = firstReported
        self.places = places
        self.actors = actors
        self.claim = claim
        self.confidence = confidence
        self.point = point
    }

    // A line of fields apart by U+001F, lists apart by U+001E: a build reads tens of thousands of
    // these, far faster than JSON.
    private static let field: Character = "\u{1F}"
    private static let item: Character = "\u{1E}"

    /// The facets as one line (see `init(line:)`). Article text never holds the separators: they
    /// are taken out of names first.
    public var line: String {
        func clean(_ text: String) -> String {
            text.contains(where: { $0 == Self.field || $0 == Self.item })
                ? String(text.filter { $0 != Self.field && $0 != Self.item }) : text
        }
        let placeList = places.keys.sorted().map { "\(clean($0))\(Self.item)\(clean(places[$0] ?? ""))" }
        return [
            clean(id), kind.rawValue, start ?? "", end ?? "", month, clean(firstReported ?? ""),
            placeList.joined(separator: String(Self.item)),
            actors.map(clean).joined(separator: String(Self.item)),
            claim.rawValue, String(confidence),
            point.map {
                "\($0.lat)\(Self.item)\($0.lon)\(Self.item)\($0.ring ? 1 : 0)\(Self.item)\($0.casualties)\(Self.item)\(clean($0.title))"
            } ?? "",
        ].joined(separator: String(Self.field))
    }

    public init?(line: String) {
        // Split on bytes: U+001F and U+001E are single bytes in UTF-8 and never inside a character.
        let parts = line.utf8.split(separator: 0x1F, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        guard parts.count == 11, let kind = EventKind(rawValue: parts[1]),
            let claim = ClaimStatus(rawValue: parts[8]),
            let confidence = Double(parts[9])
        else { return nil }
        func items(_ text: String) -> [String] {
            text.isEmpty
                ? []
                : text.utf8.split(separator: 0x1E, omittingEmptySubsequences: false).map {
                    String(decoding: $0, as: UTF8.self)
                }
        }
        let placeItems = items(parts[6])
        var places: [String: String] = [:]
        for index in stride(from: 0, to: placeItems.count - 1, by: 2) {
            places[placeItems[index]] = placeItems[index + 1]
        }
        let pointItems = items(parts[10])
        var point: MapPoint?
        if pointItems.count == 5, let lat = Double(pointItems[0]), let lon = Double(pointItems[1]),
            let casualties = Int(pointItems[3])
        {
            point = MapPoint(
                lat: lat, lon: lon, ring: pointItems[2] == "1", casualties: casualties, title: pointItems[4])
        }
        self.init(
            id: parts[0], kind: kind, start: parts[2].isEmpty ? nil : parts[2],
            end: parts[3].isEmpty ? nil : parts[3],
            month: parts[4], firstReported: parts[5].isEmpty ? nil : parts[5], places: places,
            actors: items(parts[7]),
            claim: claim, confidence: confidence, point: point)
    }
}
