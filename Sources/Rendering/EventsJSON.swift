import EventModel
import Foundation

/// `events.json` assembled from pieces encoded once and kept: each article's metadata and each
/// merged event is encoded as it appears inside the document's arrays, so an incremental build
/// re-encodes only what changed. The bytes are those `SitrepJSON.encode(EventsDocument)` writes.
public enum EventsJSON {
    /// A value encoded as an element of one of the document's arrays (indented two levels).
    public static func fragment(_ value: some Encodable) throws -> Data {
        let data = try SitrepJSON.makeEncoder().encode(value)
        var result: [UInt8] = []
        result.reserveCapacity(data.count + data.count / 8)
        // Newlines inside strings are escaped, so every raw newline starts a line; the blank
        // line of an empty array stays blank.
        var lineStart = true
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                if lineStart && byte != 0x0A { result.append(contentsOf: [0x20, 0x20, 0x20, 0x20]) }
                result.append(byte)
                lineStart = byte == 0x0A
            }
        }
        return Data(result)
    }

    /// The whole document from its fragments, in order.
    public static func document(articles: [Data], events: [Data]) -> Data {
        var out = Data()
        out.reserveCapacity(
            articles.reduce(0) { $0 + $1.count + 2 } + events.reduce(0) { $0 + $1.count + 2 } + 128)
        func array(_ name: String, _ items: [Data]) {
            out.append(contentsOf: Array("  \"\(name)\" : [\n".utf8))
            if items.isEmpty {
                out.append(0x0A)
            } else {
                for (index, item) in items.enumerated() {
                    out.append(item)
                    out.append(contentsOf: index == items.count - 1 ? [0x0A] : [0x2C, 0x0A])
                }
            }
            out.append(contentsOf: Array("  ],\n".utf8))
        }
        out.append(contentsOf: Array("{\n".utf8))
        array("articles", articles)
        array("events", events)
        out.append(
            contentsOf: Array("  \"schema_version\" : \(EventsDocument.currentSchemaVersion)\n}\n".utf8))
        return out
    }
}
