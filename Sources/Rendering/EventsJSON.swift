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
        for piece in pieces(articles: articles, events: events) { out.append(piece) }
        return out
    }

    /// The document as pieces to write one after another: the fragments themselves and the
    /// punctuation between them, so a large document is never copied into one buffer.
    public static func pieces(articles: [Data], events: [Data]) -> [Data] {
        var out: [Data] = []
        out.reserveCapacity(2 * (articles.count + events.count) + 8)
        let (first, next, close) = (Data([0x0A]), Data([0x2C, 0x0A]), Data([0x0A]))
        func array(_ items: [Data]) {
            out.append(Data([0x5B]))
            for (index, item) in items.enumerated() {
                out.append(index == 0 ? first : next)
                out.append(item)
            }
            if !items.isEmpty { out.append(close) }
            out.append(Data([0x5D]))
        }
        out.append(Data("{\"articles\":".utf8))
        array(articles)
        out.append(Data(",\"events\":".utf8))
        array(events)
        out.append(Data(",\"schema_version\":\(EventsDocument.currentSchemaVersion)}\n".utf8))
        return out
    }
}
