import Foundation

/// Where each article and event sits in the `events.json`, `events.csv` and `events.geojson` a
/// build wrote, so the next build copies what did not change from the files in place (by the
/// system, a range at a time) instead of reading it from the state and writing it again: a
/// record appended to a large export rewrites its timeline files at the speed of a copy.
///
/// A layout speaks only for the bytes it was made with: it names the files' sizes and times as
/// written and what made their pieces (the extractor and renderer), and is dropped when either
/// differs. An article is known by its file, position and record hash; an event by its
/// signature, which names its rendered bytes.
struct TableLayout: Equatable {
    /// The extractor and renderer the pieces come from.
    var maker: String
    /// The three files' sizes and times once written (`IncrementalBuild.outputStamp`).
    var stamp = ""
    /// Where the first article of `events.json` starts, and each article's bytes there (its
    /// separator and fragment).
    var articlesStart = 0
    var articles: [(key: String, length: Int)] = []
    /// Where the first event starts in each file, and each event's bytes in each, three numbers
    /// an event (JSON: separator and event; CSV: its row; GeoJSON: feature and what follows it).
    var eventsStart = [0, 0, 0]
    var events: [String] = []
    var eventLengths: [Int] = []

    init(maker: String) { self.maker = maker }

    static func == (lhs: TableLayout, rhs: TableLayout) -> Bool {
        lhs.encoded() == rhs.encoded()
    }

    /// An article's key: its file, position and record hash.
    static func key(_ path: String, _ ordinal: Int, _ hash: String) -> String {
        "\(path)\u{0}\(ordinal)\u{0}\(hash)"
    }

    /// Each article's place (offset, length) in `events.json`, by key.
    func articlePlaces() -> [String: (offset: Int, length: Int)] {
        var places: [String: (offset: Int, length: Int)] = [:]
        places.reserveCapacity(articles.count)
        var offset = articlesStart
        for (key, length) in articles {
            places[key] = (offset, length)
            offset += length
        }
        return places
    }

    /// Each event's index by signature, and where each event starts in each file (three numbers
    /// an event, as in `eventLengths`).
    func eventPlaces() -> (index: [String: Int], offsets: [Int]) {
        var index: [String: Int] = [:]
        index.reserveCapacity(events.count)
        var offsets = [Int](repeating: 0, count: eventLengths.count)
        var next = eventsStart
        for (position, signature) in events.enumerated() {
            index[signature] = position
            for file in 0..<3 {
                offsets[3 * position + file] = next[file]
                next[file] += eventLengths[3 * position + file]
            }
        }
        return (index, offsets)
    }

    // MARK: Bytes

    private static let magic = Data("sitrep tables 1\n".utf8)

    /// The layout as bytes: lengths as 64-bit little-endian numbers, strings as length and UTF-8.
    func encoded() -> Data {
        var data = Self.magic
        func number(_ value: Int) {
            withUnsafeBytes(of: UInt64(value).littleEndian) { data.append(contentsOf: $0) }
        }
        func string(_ value: String) {
            let bytes = Array(value.utf8)
            number(bytes.count)
            data.append(contentsOf: bytes)
        }
        string(maker)
        string(stamp)
        number(articlesStart)
        number(articles.count)
        for (key, length) in articles {
            string(key)
            number(length)
        }
        eventsStart.forEach(number)
        number(events.count)
        for (position, signature) in events.enumerated() {
            string(signature)
            eventLengths[3 * position..<3 * position + 3].forEach(number)
        }
        return data
    }

    /// The layout these bytes hold; nil when they hold none (another version, cut short).
    init?(_ data: Data) {
        let bytes = [UInt8](data)
        guard bytes.starts(with: Self.magic) else { return nil }
        var cursor = Self.magic.count
        func number() -> Int? {
            guard cursor + 8 <= bytes.count else { return nil }
            var value: UInt64 = 0
            for shift in 0..<8 { value |= UInt64(bytes[cursor + shift]) << (8 * shift) }
            cursor += 8
            return value <= UInt64(Int.max) ? Int(value) : nil
        }
        func string() -> String? {
            guard let count = number(), count <= bytes.count - cursor else { return nil }
            defer { cursor += count }
            return String(decoding: bytes[cursor..<cursor + count], as: UTF8.self)
        }
        guard let maker = string(), let stamp = string(), let articlesStart = number(),
            let articleCount = number(), articleCount <= bytes.count
        else { return nil }
        self.maker = maker
        self.stamp = stamp
        self.articlesStart = articlesStart
        articles.reserveCapacity(articleCount)
        for _ in 0..<articleCount {
            guard let key = string(), let length = number() else { return nil }
            articles.append((key, length))
        }
        guard let json = number(), let csv = number(), let geojson = number(), let eventCount = number(),
            eventCount <= bytes.count
        else { return nil }
        eventsStart = [json, csv, geojson]
        events.reserveCapacity(eventCount)
        eventLengths.reserveCapacity(3 * eventCount)
        for _ in 0..<eventCount {
            guard let signature = string(), let json = number(), let csv = number(), let geojson = number()
            else { return nil }
            events.append(signature)
            eventLengths.append(json)
            eventLengths.append(csv)
            eventLengths.append(geojson)
        }
        guard cursor == bytes.count else { return nil }
    }
}
