import EventModel
import Foundation

/// An event as one line of `events.json`, written directly — byte for byte what `JSONEncoder`
/// with sorted keys writes from `Event`'s `Codable` conformance (a test holds the two equal on
/// every event of the development sets): a build writes one per merged event, and the encoder's
/// machinery was a fifth of rendering. Fields the model writes as explicit nulls are nulls here;
/// fields it leaves out when absent are left out.
enum EventJSONWriter {
    static func write(_ event: Event) -> Data {
        var out = Object()
        out.add("acled", event.acled.map(acled) ?? "null")
        out.add("actors", array(event.actors.map(actor)))
        out.add("casualties", event.casualties.map(casualties) ?? "null")
        out.add("claim", claim(event.claim))
        out.add("confidence", JSONText.number(event.confidence))
        out.add("confidence_factors", array(event.confidenceFactors.map(factor)))
        out.add("date", date(event.date))
        out.add("first_reported", JSONText.string(event.firstReported))
        out.add("headline", JSONText.string(event.headline))
        out.add("id", JSONText.string(event.id.rawValue))
        out.add("kind", JSONText.string(event.kind.rawValue))
        out.add("location", event.location.map(place) ?? "null")
        out.add("outcome", JSONText.string(event.outcome?.rawValue))
        out.add("quantities", event.quantities.map(quantities) ?? "null")
        out.add("sources", array(event.sources.map(source)))
        out.add("summary", JSONText.string(event.summary))
        out.add("tags", array(event.tags.map { JSONText.string($0) }))
        out.add("targets", array(event.targets.map { JSONText.string($0) }))
        out.add("weapons", array(event.weapons.map(weapon)))
        return Data(out.text.utf8)
    }

    /// Keys added in sorted order, as `.sortedKeys` writes them.
    private struct Object {
        private var parts: [String] = []
        mutating func add(_ key: String, _ value: String) { parts.append("\"\(key)\":\(value)") }
        mutating func add(_ key: String, ifPresent value: String?) { if let value { add(key, value) } }
        var text: String { "{" + parts.joined(separator: ",") + "}" }
    }

    private static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    private static func integer(_ value: Int?) -> String { value.map(String.init) ?? "null" }

    private static func acled(_ coding: ACLEDCoding) -> String {
        var out = Object()
        out.add("event_type", JSONText.string(coding.eventType))
        out.add("geo_precision", integer(coding.geoPrecision))
        out.add("sub_event_type", JSONText.string(coding.subEventType))
        out.add("time_precision", integer(coding.timePrecision))
        return out.text
    }

    private static func actor(_ actor: Actor) -> String {
        var out = Object()
        out.add("country", ifPresent: actor.country.map { JSONText.string($0) })
        out.add("name", JSONText.string(actor.name))
        out.add("role", JSONText.string(actor.role.rawValue))
        out.add("type", ifPresent: actor.type.map { JSONText.string($0.rawValue) })
        return out.text
    }

    private static func casualties(_ casualties: Casualties) -> String {
        var out = Object()
        out.add("captured", ifPresent: casualties.captured.map(count))
        out.add("injured", ifPresent: casualties.injured.map(count))
        out.add("killed", ifPresent: casualties.killed.map(count))
        out.add("missing", ifPresent: casualties.missing.map(count))
        return out.text
    }

    private static func count(_ count: CasualtyCount) -> String {
        var out = Object()
        out.add("children", ifPresent: count.children.map(String.init))
        out.add("max", ifPresent: count.max.map(String.init))
        out.add("text", ifPresent: count.text.map { JSONText.string($0) })
        out.add("value", String(count.value))
        return out.text
    }

    private static func claim(_ claim: Claim) -> String {
        var out = Object()
        out.add("claimed_by", array(claim.claimedBy.map { JSONText.string($0) }))
        out.add("denied_by", array(claim.deniedBy.map { JSONText.string($0) }))
        out.add("status", JSONText.string(claim.status.rawValue))
        return out.text
    }

    private static func factor(_ factor: ConfidenceFactor) -> String {
        "{\"factor\":\(JSONText.string(factor.factor)),\"weight\":\(JSONText.number(factor.weight))}"
    }

    private static func date(_ date: EventDate) -> String {
        var out = Object()
        out.add("end", JSONText.string(date.end))
        out.add("precision", JSONText.string(date.precision.rawValue))
        out.add("start", JSONText.string(date.start))
        out.add("text", ifPresent: date.text.map { JSONText.string($0) })
        return out.text
    }

    private static func place(_ place: Place) -> String {
        var out = Object()
        out.add("admin1", JSONText.string(place.admin1))
        out.add("country", JSONText.string(place.country))
        out.add("geonames_id", ifPresent: place.geonamesID.map(String.init))
        out.add("lat", place.lat.map(JSONText.number) ?? "null")
        out.add("lon", place.lon.map(JSONText.number) ?? "null")
        out.add("name", JSONText.string(place.name))
        out.add("precision", JSONText.string(place.precision.rawValue))
        out.add("text", ifPresent: place.text.map { JSONText.string($0) })
        return out.text
    }

    private static func quantities(_ quantities: [String: Int]) -> String {
        "{"
            + quantities.keys.sorted().map { "\(JSONText.string($0)):\(quantities[$0]!)" }.joined(
                separator: ",") + "}"
    }

    private static func source(_ source: Source) -> String {
        var out = Object()
        out.add("article_id", JSONText.string(source.articleID.rawValue))
        out.add("outlet", JSONText.string(source.outlet))
        out.add("published", JSONText.string(source.published))
        out.add("quote", JSONText.string(source.quote))
        out.add("span", source.span.map { array($0.map(String.init)) } ?? "null")
        out.add("title", JSONText.string(source.title))
        out.add("url", JSONText.string(source.url))
        return out.text
    }

    private static func weapon(_ weapon: Weapon) -> String {
        var out = Object()
        out.add("class", JSONText.string(weapon.weaponClass.rawValue))
        out.add("count", ifPresent: weapon.count.map(String.init))
        out.add("name", ifPresent: weapon.name.map { JSONText.string($0) })
        return out.text
    }
}
