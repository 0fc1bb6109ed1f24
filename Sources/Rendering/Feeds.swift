import EventModel
import Foundation

/// `events.csv`: one row per event in ACLED-style columns, RFC 4180 quoting.
public enum EventsCSV {
    static let columns = [
        "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
        "country",
        "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    ]

    static func row(_ event: Event) -> String {
        let initiators = event.actors.filter { $0.role == .initiator }.map(\.name)
        let targets = event.actors.filter { $0.role == .target }.map(\.name)
        let place = event.location
        let fields: [String] = [
            event.id.rawValue, event.date.start ?? "", event.acled?.timePrecision.map(String.init) ?? "",
            event.acled?.eventType ?? EventPresentation.kindLabel(event.kind),
            event.acled?.subEventType ?? EventPresentation.kindLabel(event.kind),
            initiators.joined(separator: "; "), targets.joined(separator: "; "),
            place?.country.map(EventPresentation.countryName) ?? "",
            place?.precision == .region ? place?.name ?? "" : place?.admin1 ?? "",
            place?.precision == .country ? "" : place?.name ?? "",
            place?.lat.map { EventPresentation.fixed($0, 4) } ?? "",
            place?.lon.map { EventPresentation.fixed($0, 4) } ?? "",
            event.acled?.geoPrecision.map(String.init) ?? "",
            Array(Set(event.sources.compactMap(\.outlet))).sorted().joined(separator: "; "), event.headline,
            String(event.casualties?.killed?.value ?? 0),
        ]
        return fields.enumerated().map { index, field in
            // Text that a spreadsheet would run as a formula is kept as text.
            let numeric = [2, 10, 11, 12, 15].contains(index)
            return quote(!numeric && field.first.map { "=+-@".contains($0) } == true ? "'" + field : field)
        }.joined(separator: ",") + "\r\n"
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func document(_ rows: [Data]) -> Data { rows.reduce(into: header) { $0.append($1) } }

    /// The first line: the column names.
    public static let header = Data((columns.joined(separator: ",") + "\r\n").utf8)
}

/// `events.geojson`: an RFC 7946 FeatureCollection, `[lon, lat]`, null geometry when unlocated.
/// JSON text written as `JSONEncoder` writes it (`.withoutEscapingSlashes`).
enum JSONText {
    static func string(_ text: String?) -> String {
        guard let text else { return "null" }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A number as `JSONEncoder` writes a `Double`: its shortest form, without a trailing ".0".
    static func number(_ value: Double) -> String {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

public enum GeoJSON {
    private struct Feature: Encodable {
        struct Point: Encodable {
            var type = "Point"
            var coordinates: [Double]
        }
        struct Properties: Encodable {
            var headline: String
            var kind: String
            var kindLabel: String
            var dateStart: String?
            var dateEnd: String?
            var datePrecision: String
            var place: String?
            var placePrecision: String?
            var country: String?
            var admin1: String?
            var killed: Int?
            var injured: Int?
            var claimStatus: String
            var confidence: Double
            var sources: Int
            var url: String

            enum CodingKeys: String, CodingKey {
                case headline, kind, place, country, admin1, killed, injured, confidence, sources, url
                case kindLabel = "kind_label"
                case dateStart = "date_start"
                case dateEnd = "date_end"
                case datePrecision = "date_precision"
                case placePrecision = "place_precision"
                case claimStatus = "claim_status"
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(headline, forKey: .headline)
                try container.encode(kind, forKey: .kind)
                try container.encode(kindLabel, forKey: .kindLabel)
                try container.encode(dateStart, forKey: .dateStart)
                try container.encode(dateEnd, forKey: .dateEnd)
                try container.encode(datePrecision, forKey: .datePrecision)
                try container.encode(place, forKey: .place)
                try container.encode(placePrecision, forKey: .placePrecision)
                try container.encode(country, forKey: .country)
                try container.encode(admin1, forKey: .admin1)
                try container.encode(killed, forKey: .killed)
                try container.encode(injured, forKey: .injured)
                try container.encode(claimStatus, forKey: .claimStatus)
                try container.encode(confidence, forKey: .confidence)
                try container.encode(sources, forKey: .sources)
                try container.encode(url, forKey: .url)
            }
        }
        var type = "Feature"
        var id: String
        var geometry: Point?
        var properties: Properties

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(type, forKey: .type)
            try container.encode(id, forKey: .id)
            try container.encode(geometry, forKey: .geometry)
            try container.encode(properties, forKey: .properties)
        }
        enum CodingKeys: String, CodingKey { case type, id, geometry, properties }
    }

    static func feature(_ event: Event, url: String) throws -> Data {
        Data(featureText(event, url: url).utf8)
    }

    /// The feature as `JSONEncoder` with sorted keys writes it (a test holds them equal), written
    /// directly: a build makes one per event, and the encoder's machinery was a tenth of rendering.
    static func featureText(_ event: Event, url: String) -> String {
        let place = event.location
        var json = "{\"geometry\":"
        if let lat = place?.lat, let lon = place?.lon {
            json += "{\"coordinates\":[\(JSONText.number(lon)),\(JSONText.number(lat))],\"type\":\"Point\"}"
        } else {
            json += "null"
        }
        json += ",\"id\":" + JSONText.string(event.id.rawValue) + ",\"properties\":{"
        let fields: [(String, String)] = [
            ("admin1", JSONText.string(place?.admin1)),
            ("claim_status", JSONText.string(event.claim.status.rawValue)),
            ("confidence", JSONText.number(event.confidence)), ("country", JSONText.string(place?.country)),
            ("date_end", JSONText.string(event.date.end)),
            ("date_precision", JSONText.string(event.date.precision.rawValue)),
            ("date_start", JSONText.string(event.date.start)), ("headline", JSONText.string(event.headline)),
            ("injured", event.casualties?.injured.map { String($0.value) } ?? "null"),
            ("killed", event.casualties?.killed.map { String($0.value) } ?? "null"),
            ("kind", JSONText.string(event.kind.rawValue)),
            ("kind_label", JSONText.string(EventPresentation.kindLabel(event.kind))),
            ("place", JSONText.string(place?.name)),
            ("place_precision", JSONText.string(place?.precision.rawValue)),
            ("sources", String(event.sources.count)), ("url", JSONText.string(url)),
        ]
        json += fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",")
        return json + "},\"type\":\"Feature\"}"
    }

    /// The same feature through `JSONEncoder`, for the test that holds the two equal.
    static func encodedFeature(_ event: Event, url: String) throws -> Data {
        let place = event.location
        var geometry: Feature.Point?
        if let lat = place?.lat, let lon = place?.lon { geometry = Feature.Point(coordinates: [lon, lat]) }
        let feature = Feature(
            id: event.id.rawValue, geometry: geometry,
            properties: .init(
                headline: event.headline, kind: event.kind.rawValue,
                kindLabel: EventPresentation.kindLabel(event.kind),
                dateStart: event.date.start, dateEnd: event.date.end,
                datePrecision: event.date.precision.rawValue,
                place: place?.name, placePrecision: place?.precision.rawValue, country: place?.country,
                admin1: place?.admin1, killed: event.casualties?.killed?.value,
                injured: event.casualties?.injured?.value, claimStatus: event.claim.status.rawValue,
                confidence: event.confidence, sources: event.sources.count, url: url))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(feature)
    }

    static func collection(_ features: [Data]) -> Data {
        var data = opening
        for (index, feature) in features.enumerated() {
            data.append(feature)
            data.append(index == features.count - 1 ? last : between)
        }
        data.append(closing)
        return data
    }

    // The collection's punctuation, for a writer that makes it a feature at a time.
    public static let opening = Data("{\"type\":\"FeatureCollection\",\"features\":[\n".utf8)
    public static let between = Data(",\n".utf8)
    public static let last = Data("\n".utf8)
    public static let closing = Data("]}\n".utf8)
}

/// RFC 3339 for a feed: a bare day is midnight UTC.
func feedDate(_ value: String?) -> String? {
    guard let value, value.count >= 10 else { return nil }
    if value.count == 10 { return value + "T00:00:00Z" }
    return value
}

/// `feed.json`: JSON Feed 1.1, one item per event, the whole event under `_sitrep`.
enum JSONFeed {
    private struct Feed: Encodable {
        var version = "https://jsonfeed.org/version/1.1"
        var title: String
        var homePageURL: String
        var feedURL: String
        var description: String
        var language = "en"
        var items: [Item]

        enum CodingKeys: String, CodingKey {
            case version, title, description, language, items
            case homePageURL = "home_page_url"
            case feedURL = "feed_url"
        }
    }

    private struct Item: Encodable {
        var id: String
        var url: String
        var title: String
        var contentText: String
        var datePublished: String?
        var dateModified: String?
        var tags: [String]
        var sitrep: Event

        enum CodingKeys: String, CodingKey {
            case id, url, title, tags
            case contentText = "content_text"
            case datePublished = "date_published"
            case dateModified = "date_modified"
            case sitrep = "_sitrep"
        }
    }

    static func document(_ events: [Event], title: String, siteURL: String?, link: (Event) -> String) throws
        -> Data
    {
        let base = siteURL ?? ""
        let feed = Feed(
            title: title, homePageURL: base + "index.html", feedURL: base + "feed.json",
            description:
                "Dated, located events of armed conflict read from news articles, with their sources.",
            items: events.map { event in
                let published = feedDate(event.firstReported)
                let latest = feedDate(event.sources.compactMap(\.published).max())
                var tags = [EventPresentation.kindLabel(event.kind), event.claim.status.rawValue]
                if let country = event.location?.country {
                    tags.append(EventPresentation.countryName(country))
                }
                return Item(
                    id: event.id.rawValue, url: link(event), title: event.headline,
                    contentText: summary(event),
                    datePublished: published,
                    dateModified: latest.flatMap { latest in
                        published.map { latest > $0 ? latest : nil } ?? latest
                    },
                    tags: tags, sitrep: event)
            })
        return try SitrepJSON.encode(feed)
    }

    /// "2 May 2024 — near Tokmak, Zaporizhia Oblast. 3 killed. Claimed by …. 2 sources."
    static func summary(_ event: Event) -> String {
        var parts = [
            EventPresentation.dateLabel(event.date) + " — "
                + (EventPresentation.placeLabel(event.location) ?? "not located")
        ]
        if let casualties = EventPresentation.casualtiesLabel(event.casualties) { parts.append(casualties) }
        parts.append(
            EventPresentation.claimLabel(event.claim).prefix(1).uppercased()
                + EventPresentation.claimLabel(event.claim).dropFirst())
        parts.append("\(event.sources.count) source\(event.sources.count == 1 ? "" : "s")")
        return parts.joined(separator: ". ") + "."
    }
}

/// `atom.xml`: Atom 1.0 with GeoRSS points (`lat lon`).
enum AtomFeed {
    static func document(_ events: [Event], title: String, siteURL: String?, link: (Event) -> String) -> Data
    {
        let base = siteURL ?? ""
        let updated = events.compactMap {
            feedDate($0.sources.compactMap(\.published).max() ?? $0.firstReported)
        }.max()
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:georss="http://www.georss.org/georss">
            <title>\(escape(title))</title>
            <id>\(escape(siteURL ?? "urn:sitrep:timeline"))</id>
            <updated>\(updated ?? "1970-01-01T00:00:00Z")</updated>
            <link rel="self" href="\(escape(base))atom.xml"/>
            <link rel="alternate" type="text/html" href="\(escape(base))index.html"/>
            <author><name>Sitrep</name></author>

            """
        for event in events {
            let published = feedDate(event.firstReported) ?? updated ?? "1970-01-01T00:00:00Z"
            let modified =
                feedDate(event.sources.compactMap(\.published).max()).map { max($0, published) } ?? published
            xml += "<entry>\n<id>urn:sitrep:event:\(escape(event.id.rawValue))</id>\n"
            xml += "<title>\(escape(event.headline))</title>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(escape(link(event)))\"/>\n"
            xml += "<published>\(published)</published>\n<updated>\(modified)</updated>\n"
            xml += "<summary>\(escape(JSONFeed.summary(event)))</summary>\n"
            xml +=
                "<category term=\"\(event.kind.rawValue)\" label=\"\(escape(EventPresentation.kindLabel(event.kind)))\"/>\n"
            if let lat = event.location?.lat, let lon = event.location?.lon {
                xml +=
                    "<georss:point>\(EventPresentation.fixed(lat, 4)) \(EventPresentation.fixed(lon, 4))</georss:point>\n"
            }
            xml += "</entry>\n"
        }
        xml += "</feed>\n"
        return Data(xml.utf8)
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                // Characters XML 1.0 forbids are dropped.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { continue }
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
