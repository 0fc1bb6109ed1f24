import EventModel
import Foundation

/// `events.json` assembled from pieces encoded once and kept: each article's metadata and each
/// merged event is one line of compact JSON (keys sorted), so an incremental build re-encodes only
/// what changed, the file diffs line by line and weighs a third less than pretty-printed JSON.
public enum EventsJSON {
    /// A value as one line of the document's arrays.
    public static func fragment(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// An event as one line of JSON, written directly (what `JSONEncoder` with sorted keys
    /// writes, without its machinery: see `EventJSONWriter`).
    public static func line(_ event: Event) -> Data { EventJSONWriter.write(event) }

    /// The whole document, from its parts.
    public static func encode(_ document: EventsDocument) throws -> Data {
        try self.document(articles: document.articles.map(fragment), events: document.events.map(fragment))
    }

    /// The whole document from its fragments, in order.
    public static func document(articles: [Data], events: [Data]) -> Data {
        var out = Data()
        out.reserveCapacity(
            articles.reduce(0) { $0 + $1.count + 2 } + events.reduce(0) { $0 + $1.count + 2 } + 128)
        out.append(opening)
        for (index, article) in articles.enumerated() {
            out.append(separator(first: index == 0))
            out.append(article)
        }
        out.append(middle(afterItems: !articles.isEmpty))
        for (index, event) in events.enumerated() {
            out.append(separator(first: index == 0))
            out.append(event)
        }
        out.append(closing(afterItems: !events.isEmpty))
        return out
    }

    // The document's punctuation, for writers that produce it a piece at a time (so a large
    // document is never held whole): `{"articles":[`, a line per item, `],"events":[`, a line per
    // item, `],"schema_version":N}`.
    public static let opening = Data("{\"articles\":[".utf8)

    /// Before an item's line.
    public static func separator(first: Bool) -> Data { first ? Data([0x0A]) : Data([0x2C, 0x0A]) }

    /// Between the articles and the events.
    public static func middle(afterItems: Bool) -> Data {
        Data(((afterItems ? "\n" : "") + "],\"events\":[").utf8)
    }

    /// After the events.
    public static func closing(afterItems: Bool) -> Data {
        Data(
            ((afterItems ? "\n" : "") + "],\"schema_version\":\(EventsDocument.currentSchemaVersion)}\n").utf8
        )
    }
}
