import Foundation

/// Where each article and event sits in the `events.json`, `events.csv` and `events.geojson` a
/// build wrote, so the next build copies what did not change from the files in place (by the
/// system, a range at a time) instead of reading it from the state and writing it again: a
/// record appended to a large export rewrites its timeline files at the speed of a copy.
///
/// A layout speaks only for the bytes it was made with: it names the files' sizes and times as
/// written and what made their pieces (the extractor and renderer), and is dropped when either
/// differs. An article is known by its file, position and record hash; an event by its
/// signature, which names its rendered bytes. It is held in flat arrays (a large timeline has
/// hundreds of thousands of each), and articles come in the order the state lists them.
struct TableLayout: Equatable {
    /// The extractor and renderer the pieces come from.
    var maker: String
    /// The three files' sizes and times once written (`IncrementalBuild.outputStamp`).
    var stamp = ""

    /// The articles' files, each once, and for each article in `events.json` order: its file
    /// (an index into `paths`), its position in the file, a 64-bit hash of its record hash and
    /// the length of its item (separator and fragment) in `events.json`, from `articlesStart`.
    var paths: [String] = []
    var articlesStart = 0
    var articlePaths: [Int] = []
    var articleOrdinals: [Int] = []
    var articleHashes: [UInt64] = []
    var articleLengths: [Int] = []

    /// Where the first event starts in each file; each event's signature (its bytes, one after
    /// the other) and its bytes in each file, three numbers an event (JSON: separator and
    /// event; CSV: its row; GeoJSON: feature and what follows it).
    var eventsStart = [0, 0, 0]
    var signatureBytes: [UInt8] = []
    var signatureEnds: [Int] = []
    var eventLengths: [Int] = []

    init(maker: String) { self.maker = maker }

    static func == (lhs: TableLayout, rhs: TableLayout) -> Bool { lhs.encoded() == rhs.encoded() }

    var eventCount: Int { signatureEnds.count }

    // MARK: Making one

    private var pathIndex: [String: Int] = [:]

    mutating func addArticle(path: String, ordinal: Int, hash: String, length: Int) {
        let index: Int
        if let known = pathIndex[path] {
            index = known
        } else {
            index = paths.count
            paths.append(path)
            pathIndex[path] = index
        }
        articlePaths.append(index)
        articleOrdinals.append(ordinal)
        articleHashes.append(Self.fnv(hash.utf8))
        articleLengths.append(length)
    }

    mutating func addEvent(signature: String, lengths: [Int]) {
        signatureBytes.append(contentsOf: signature.utf8)
        signatureEnds.append(signatureBytes.count)
        eventLengths.append(contentsOf: lengths)
    }

    /// FNV-1a, 64 bits: a stable hash (Swift's own is seeded per process).
    static func fnv(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// Whether every piece lies within files of these sizes (JSON, CSV, GeoJSON): a layout
    /// that does not is not used, whatever its stamp says.
    func fits(sizes: [Int]) -> Bool {
        guard sizes.count == 3 else { return false }
        var ends = eventsStart
        for (index, length) in eventLengths.enumerated() { ends[index % 3] += length }
        return articlesStart + articleLengths.reduce(0, +) <= eventsStart[0]
            && (0..<3).allSatisfy { ends[$0] <= sizes[$0] }
    }

    // MARK: Finding what it holds

    /// Walks the articles in their order beside another list in the same order (by file, as
    /// the state compares file names: byte by byte, then by position).
    struct ArticleWalk {
        private let layout: TableLayout
        private var next = 0
        private var offset: Int
        /// The file the walk compared last, and how it compared with the one asked about.
        private var comparedPath = -1
        private var comparedWith = ""
        private var comparison = 0

        init(_ layout: TableLayout) {
            self.layout = layout
            offset = layout.articlesStart
        }

        /// The place (offset, length, whether it was the first) of this article with this
        /// record hash, when the layout holds it; the articles before it are passed over.
        mutating func place(path: String, ordinal: Int, hash: String) -> (
            offset: Int, length: Int, first: Bool
        )? {
            while next < layout.articlePaths.count {
                let order = compare(next, path: path, ordinal: ordinal)
                if order > 0 { return nil }
                let length = layout.articleLengths[next]
                defer {
                    offset += length
                    next += 1
                }
                if order == 0 {
                    guard layout.articleHashes[next] == TableLayout.fnv(hash.utf8) else { return nil }
                    return (offset, length, next == 0)
                }
            }
            return nil
        }

        /// How the layout's article at `index` compares with (path, ordinal): -1, 0 or 1.
        private mutating func compare(_ index: Int, path: String, ordinal: Int) -> Int {
            let file = layout.articlePaths[index]
            if file != comparedPath || path != comparedWith {
                comparedPath = file
                comparedWith = path
                let old = layout.paths[file].utf8
                comparison =
                    old.elementsEqual(path.utf8) ? 0 : old.lexicographicallyPrecedes(path.utf8) ? -1 : 1
            }
            if comparison != 0 { return comparison }
            return layout.articleOrdinals[index] < ordinal
                ? -1 : layout.articleOrdinals[index] == ordinal ? 0 : 1
        }
    }

    /// Finds events by signature: each one's index, and where it starts in each file.
    struct EventIndex {
        private let layout: TableLayout
        private var indices: [UInt64: [Int]] = [:]
        /// Where each event starts in each file, three numbers an event.
        let offsets: [Int]

        init(_ layout: TableLayout) {
            self.layout = layout
            var offsets = [Int](repeating: 0, count: layout.eventLengths.count)
            var next = layout.eventsStart
            var start = 0
            indices.reserveCapacity(layout.eventCount)
            for index in 0..<layout.eventCount {
                let end = layout.signatureEnds[index]
                indices[TableLayout.fnv(layout.signatureBytes[start..<end]), default: []].append(index)
                start = end
                for file in 0..<3 {
                    offsets[3 * index + file] = next[file]
                    next[file] += layout.eventLengths[3 * index + file]
                }
            }
            self.offsets = offsets
        }

        /// The index of the event with this signature, if the layout holds it.
        func index(of signature: String) -> Int? {
            let bytes = signature.utf8
            return indices[TableLayout.fnv(bytes)]?.first { index in
                let start = index == 0 ? 0 : layout.signatureEnds[index - 1]
                return layout.signatureBytes[start..<layout.signatureEnds[index]].elementsEqual(bytes)
            }
        }
    }

    // MARK: Bytes

    private static let magic = Array("sitrep tables 3\n".utf8)

    /// The layout as bytes: numbers as LEB128 varints (zigzag for those that may be negative),
    /// hashes as 8 bytes, strings as length and UTF-8.
    func encoded() -> Data {
        var bytes = Self.magic
        bytes.reserveCapacity(64 + signatureBytes.count + 16 * articlePaths.count + 8 * eventLengths.count)
        func number(_ value: Int) {
            var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
            while rest >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }
        func string(_ value: String) {
            number(value.utf8.count)
            bytes.append(contentsOf: value.utf8)
        }
        string(maker)
        string(stamp)
        number(paths.count)
        paths.forEach(string)
        number(articlesStart)
        number(articlePaths.count)
        for index in articlePaths.indices {
            number(articlePaths[index])
            number(articleOrdinals[index])
            withUnsafeBytes(of: articleHashes[index].littleEndian) { bytes.append(contentsOf: $0) }
            number(articleLengths[index])
        }
        eventsStart.forEach(number)
        number(eventCount)
        signatureEnds.forEach(number)
        eventLengths.forEach(number)
        number(signatureBytes.count)
        bytes.append(contentsOf: signatureBytes)
        return Data(bytes)
    }

    /// The layout these bytes hold; nil when they hold none (another version, cut short).
    init?(_ data: Data) {
        guard data.starts(with: Self.magic) else { return nil }
        let decoded: TableLayout? = data.withUnsafeBytes { raw in
            var cursor = Self.magic.count
            func number() -> Int? {
                var value: UInt64 = 0
                var shift: UInt64 = 0
                while cursor < raw.count, shift < 64 {
                    let byte = raw[cursor]
                    cursor += 1
                    value |= UInt64(byte & 0x7F) << shift
                    if byte < 0x80 {
                        return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
                    }
                    shift += 7
                }
                return nil
            }
            func count() -> Int? { number().flatMap { $0 >= 0 && $0 <= raw.count - cursor ? $0 : nil } }
            func string() -> String? {
                guard let length = count() else { return nil }
                defer { cursor += length }
                return String(
                    decoding: UnsafeRawBufferPointer(rebasing: raw[cursor..<cursor + length]), as: UTF8.self)
            }
            guard let maker = string(), let stamp = string(), let pathCount = count() else { return nil }
            var layout = TableLayout(maker: maker)
            layout.stamp = stamp
            for _ in 0..<pathCount {
                guard let path = string() else { return nil }
                layout.paths.append(path)
            }
            guard let articlesStart = number(), let articles = count() else { return nil }
            layout.articlesStart = articlesStart
            for array in [\TableLayout.articlePaths, \.articleOrdinals, \.articleLengths] {
                layout[keyPath: array].reserveCapacity(articles)
            }
            for _ in 0..<articles {
                guard let path = number(), path >= 0, path < pathCount, let ordinal = number(),
                    cursor + 8 <= raw.count
                else { return nil }
                let hash = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: cursor, as: UInt64.self))
                cursor += 8
                guard let length = number() else { return nil }
                layout.articlePaths.append(path)
                layout.articleOrdinals.append(ordinal)
                layout.articleHashes.append(hash)
                layout.articleLengths.append(length)
            }
            for file in 0..<3 {
                guard let start = number() else { return nil }
                layout.eventsStart[file] = start
            }
            guard let events = count() else { return nil }
            for _ in 0..<events {
                guard let end = number() else { return nil }
                layout.signatureEnds.append(end)
            }
            for _ in 0..<3 * events {
                guard let length = number() else { return nil }
                layout.eventLengths.append(length)
            }
            guard layout.articleLengths.allSatisfy({ $0 >= 0 }), layout.eventLengths.allSatisfy({ $0 >= 0 }),
                layout.signatureEnds.allSatisfy({ $0 >= 0 }), let signatures = count(),
                signatures == (layout.signatureEnds.last ?? 0),
                zip(layout.signatureEnds, layout.signatureEnds.dropFirst()).allSatisfy({ $0 <= $1 })
            else { return nil }
            layout.signatureBytes = Array(raw[cursor..<cursor + signatures])
            cursor += signatures
            return cursor == raw.count ? layout : nil
        }
        guard let decoded else { return nil }
        self = decoded
    }
}
