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

    /// The whole document, from its parts.
    public static func encode(_ document: EventsDocument) throws -> Data {
        try self.document(articles: document.articles.map(fragment), events: document.events.map(fragment))
    }

    /// The whole document from its fragments, in order.
    public static func document(articles: [Data], events: [Data]) -> Data {
        var out = Data()
        out.reserveCapacity(
            articles.reduce(0) { $0 + $1.count + 2 } + events.reduce(0) { $0 + $1.count + 2 } + 128)
        func array(_ items: [Data]) {
            out.append(0x5B)
            for (index, item) in items.enumerated() {
                out.append(contentsOf: index == 0 ? [0x0A] : [0x2C, 0x0A])
                out.append(item)
            }
            if !items.isEmpty { out.append(0x0A) }
            out.append(0x5D)
        }
        out.append(contentsOf: Array("{\"articles\":".utf8))
        array(articles)
        out.append(contentsOf: Array(",\"events\":".utf8))
        array(events)
        out.append(contentsOf: Array(",\"schema_version\":\(EventsDocument.currentSchemaVersion)}\n".utf8))
        return out
    }
}
