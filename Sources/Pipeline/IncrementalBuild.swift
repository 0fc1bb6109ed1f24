import EventModel
import Extraction
import Foundation
import Ingest
import Merging
import Rendering
import Store

/// `sitrep build`: reads only new or changed files into the Store, forgets removed ones,
/// re-clusters every event from the Store's columns, re-combines only the clusters whose reports
/// changed, and writes the outputs atomically. The same inputs give the same bytes whatever
/// the history of the state.
public struct IncrementalBuild {
    public struct Options: Sendable {
        public var inputs: [String]
        public var out: String
        /// The state folder (`state.sqlite`, `lock`, imported places).
        public var state: String
        /// Re-read every file.
        public var full: Bool

        public init(inputs: [String], out: String = "Output", state: String = ".sitrep", full: Bool = false) {
            self.inputs = inputs
            self.out = out
            self.state = state
            self.full = full
        }
    }

    /// What a build did.
    public struct Summary: Sendable {
        /// Files read anew (new or changed), and files whose bytes had not changed.
        public var filesRead = 0
        public var filesUnchanged = 0
        public var filesRemoved = 0
        /// Every readable article in the state, and the events and sources after merging.
        public var articles = 0
        public var events = 0
        public var sources = 0
        /// Files (and records) that could not be read, this time or before and still unchanged.
        public var failures: [ReadFailure] = []
        /// Articles kept once because another file holds the same article.
        public var duplicates = 0
        /// Whether the outputs were written (false: they already held these bytes).
        public var outputsWritten = false
        /// Nothing changed since the last build, so nothing was merged or written.
        public var upToDate = false
        public var fullRebuild = false
    }

    public typealias ReadFailure = Pipeline.ReadFailure

    public let options: Options
    private let log: @Sendable (String) -> Void
    private let progress: (@Sendable (Int, Int) -> Void)?

    /// - Parameters:
    ///   - log: receives one line per stage.
    ///   - progress: receives (done, total) while changed files are read.
    public init(
        _ options: Options, log: @escaping @Sendable (String) -> Void = { _ in },
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) {
        self.options = options
        self.log = log
        self.progress = progress
    }

    /// The state database inside a state folder.
    public static func databasePath(state: String) -> String {
        (state as NSString).appendingPathComponent("state.sqlite")
    }

    public func run() throws -> Summary {
        let lock = try StateLock(folder: options.state)
        defer { withExtendedLifetime(lock) {} }
        let store = try SQLiteTimelineStore(path: Self.databasePath(state: options.state))
        var summary = Summary()
        var steps = StepRunner(total: 4, log: log)
        let loader = ArticleLoader(excludedFolders: [options.out, options.state])
        let extractor = Pipeline.extractor(state: options.state)

        // The extractor's version (and the places it knows) keys every stored result.
        let fingerprint = Self.extractorFingerprint(state: options.state)
        let storedFingerprint = try store.setting("extractor")
        if options.full || storedFingerprint != fingerprint {
            summary.fullRebuild = true
            try store.reset()
            try store.setSetting("extractor", fingerprint)
            try store.setSetting("output", nil)
        }
        let storedMerger = try store.setting("merger")
        if storedMerger != String(EventMerger.version) {
            try store.replaceMergedFragments(keep: [], add: [:])
            try store.setSetting("merger", String(EventMerger.version))
        }

        // 1. Which files are new, changed or gone.
        let scan = try steps.run("scan inputs") { () throws -> (Scan, String) in
            let scan = try Self.scan(options.inputs, loader: loader, stored: try store.files())
            let line =
                "\(scan.paths.count) files: \(scan.changed.count) new or changed, \(scan.unchanged.count) unchanged, \(scan.removed.count) removed"
            return (scan, line)
        }
        summary.filesUnchanged = scan.unchanged.count
        summary.filesRemoved = scan.removed.count
        summary.failures = scan.failures

        // 2. Read and extract the changed files, saving as we go.
        let changedCount = try steps.run("read and extract") { () throws -> (Int, String) in
            var batch: [FileChange] = []
            var touched: [StoredFile] = []
            var events = 0
            var articles = 0
            for (done, item) in scan.changed.enumerated() {
                progress?(done, scan.changed.count)
                switch loader.bytes(of: item.path) {
                case .failure(let error):
                    let failure = ReadFailure(error)
                    summary.failures.append(failure)
                    batch.append(
                        FileChange(
                            file: StoredFile(
                                path: item.path, size: item.size, modified: item.modified, hash: "",
                                error: failure.reason), articles: []))
                case .success(let data):
                    let hash = ContentHash.of(data)
                    if let old = scan.stored[item.path], old.hash == hash {
                        touched.append(
                            StoredFile(
                                path: item.path, size: item.size, modified: item.modified, hash: hash,
                                error: old.error))
                        if let reason = old.error {
                            summary.failures.append(ReadFailure(path: item.path, reason: reason))
                        }
                        continue
                    }
                    var stored: [StoredArticle] = []
                    var reasons: [String] = []
                    for (ordinal, result) in loader.read(data: data, path: item.path).enumerated() {
                        switch result {
                        case .success(let article):
                            let found = extractor.extract(from: article)
                            events += found.count
                            articles += 1
                            stored.append(
                                try Self.stored(
                                    article, events: found, key: ArticleKey(path: item.path, ordinal: ordinal)
                                ))
                        case .failure(let error):
                            let failure = ReadFailure(error)
                            summary.failures.append(failure)
                            reasons.append(failure.reason)
                        }
                    }
                    batch.append(
                        FileChange(
                            file: StoredFile(
                                path: item.path, size: item.size, modified: item.modified, hash: hash,
                                error: reasons.isEmpty ? nil : reasons.joined(separator: "; ")),
                            articles: stored))
                    summary.filesRead += 1
                }
                if batch.count >= 200 {
                    try store.save(batch)
                    batch.removeAll()
                }
            }
            try store.save(batch)
            try store.touch(touched)
            summary.filesUnchanged += touched.count
            try store.remove(paths: scan.removed)
            progress?(scan.changed.count, scan.changed.count)
            return (batch.count, "\(articles) articles, \(events) events from \(summary.filesRead) files")
        }
        _ = changedCount

        // 3 and 4. Merge and write, unless nothing changed and the outputs are as last written.
        let eventsURL = URL(fileURLWithPath: options.out).appendingPathComponent("events.json")
        let nothingChanged = summary.filesRead == 0 && scan.removed.isEmpty && !summary.fullRebuild
        if nothingChanged, let written = try store.setting("output"), written == Self.outputStamp(eventsURL) {
            summary.upToDate = true
            let counts = (try store.setting("counts") ?? "0 0 0").split(separator: " ").compactMap { Int($0) }
            if counts.count == 3 {
                summary.articles = counts[0]
                summary.events = counts[1]
                summary.sources = counts[2]
            }
            log("[3/4] merge: nothing changed")
            log("[4/4] write \(options.out): up to date")
            return summary
        }
        let document = try steps.run("merge reports of one event") { () throws -> (Data, String) in
            let merged = try Self.merge(store: store, summary: &summary)
            return (
                merged,
                "\(summary.events) events with \(summary.sources) sources from \(summary.articles) articles"
            )
        }
        summary.outputsWritten = try steps.run("write \(options.out)") { () throws -> (Bool, String) in
            let written = try OutputFile.write(document, to: eventsURL)
            return (written, written ? "events.json written" : "events.json unchanged")
        }
        try store.setSetting("output", Self.outputStamp(eventsURL))
        try store.setSetting("counts", "\(summary.articles) \(summary.events) \(summary.sources)")
        return summary
    }

    // MARK: Scanning

    struct Scan {
        struct Item {
            var path: String
            var size: Int
            var modified: Double
        }
        var paths: [String] = []
        var changed: [Item] = []
        var unchanged: [String] = []
        var removed: [String] = []
        var failures: [ReadFailure] = []
        var stored: [String: StoredFile] = [:]
    }

    static func scan(_ inputs: [String], loader: ArticleLoader, stored: [String: StoredFile]) throws -> Scan {
        var scan = Scan(stored: stored)
        var seen = Set<String>()
        for found in loader.files(in: inputs) {
            switch found {
            case .failure(let error):
                scan.failures.append(ReadFailure(error))
            case .success(let path):
                guard seen.insert(path).inserted else { continue }
                scan.paths.append(path)
                let (size, modified) = stamp(of: path)
                if let old = stored[path], old.size == size, old.modified == modified {
                    scan.unchanged.append(path)
                    if let reason = old.error {
                        scan.failures.append(ReadFailure(path: path, reason: reason))
                    }
                } else {
                    scan.changed.append(Scan.Item(path: path, size: size, modified: modified))
                }
            }
        }
        scan.removed = stored.keys.filter { !seen.contains($0) }.sorted()
        return scan
    }

    /// The article files under the inputs, as a build would find them.
    public static func files(in inputs: [String], excluding excluded: [String]) -> [String] {
        ArticleLoader(excludedFolders: excluded).files(in: inputs).compactMap { try? $0.get() }
    }

    // MARK: Storing

    static func stored(_ article: Article, events: [Event], key: ArticleKey) throws -> StoredArticle {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return StoredArticle(
            key: key, id: article.id.rawValue, metadataFragment: try EventsJSON.fragment(article.metadata),
            eventsJSON: try encoder.encode(events),
            mentions: events.map { StoredMention(article: key, event: $0) })
    }

    // MARK: Merging

    /// Clusters every stored event; re-combines and re-encodes only clusters not seen before.
    static func merge(store: any TimelineStore, summary: inout Summary) throws -> Data {
        let files = try store.files()
        // An article held by two files counts once: the first by path.
        let articleFragments = try store.articleFragments()
        var owner: [String: ArticleKey] = [:]
        var articles: [Data] = []
        for entry in articleFragments where owner[entry.id] == nil {
            owner[entry.id] = entry.key
            articles.append(entry.fragment)
        }
        summary.duplicates = articleFragments.count - articles.count
        summary.articles = articles.count
        let mentions = try store.mentions().filter { owner[$0.articleID] == $0.article }
        let keys = mentions.map { mention in
            MergeKey(
                id: mention.eventID, article: mention.articleID, kind: mention.kind, start: mention.start,
                end: mention.end, place: mention.place, initiatorCountry: mention.initiatorCountry,
                firstReported: mention.firstReported,
                specificity: EventMerger.specificity(
                    place: mention.place?.precision, date: mention.datePrecision),
                confidence: mention.confidence)
        }
        let clusters = EventMerger().clusters(keys)
        // A cluster is known by its reports and the bytes of the files they came from.
        var signatures: [String] = []
        for cluster in clusters {
            var text = ""
            for member in cluster {
                let mention = mentions[member]
                text +=
                    "\(mention.article.path)\u{1F}\(mention.article.ordinal)\u{1F}\(mention.eventID)\u{1F}"
                text += (files[mention.article.path]?.hash ?? "") + "\u{1E}"
            }
            signatures.append(ContentHash.of(text))
        }
        let known = try store.mergedFragments(Set(signatures))
        var added: [String: Data] = [:]
        let missing = clusters.indices.filter { known[signatures[$0]] == nil }
        // In slices, so a full build never holds every decoded event at once.
        let decoder = JSONDecoder()
        for slice in stride(from: 0, to: missing.count, by: 2_000) {
            let part = missing[slice..<min(slice + 2_000, missing.count)]
            let blobs = try store.events(
                ofArticlesAt: part.flatMap { clusters[$0].map { mentions[$0].article } })
            var decoded: [ArticleKey: [String: Event]] = [:]
            for (key, blob) in blobs {
                let events = try decoder.decode([Event].self, from: blob)
                decoded[key] = Dictionary(
                    events.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
            }
            for index in part {
                let members = clusters[index].compactMap {
                    decoded[mentions[$0].article]?[mentions[$0].eventID]
                }
                guard !members.isEmpty else { continue }
                added[signatures[index]] = try EventsJSON.fragment(EventMerger.combine(members))
            }
        }
        try store.replaceMergedFragments(keep: Set(signatures), add: added)
        // Newest first, as EventMerger.merge orders them: by the best report's start, then the id.
        var order: [(start: String, id: String, index: Int)] = []
        for (index, cluster) in clusters.enumerated() {
            var best = keys[cluster[0]]
            for member in cluster.dropFirst() where keys[member].outranks(best) { best = keys[member] }
            order.append((best.start ?? "", keys[cluster[0]].id, index))
        }
        order.sort { ($0.start, $0.id) > ($1.start, $1.id) }
        summary.events = clusters.count
        summary.sources = mentions.count
        let fragments = order.compactMap { known[signatures[$0.index]] ?? added[signatures[$0.index]] }
        return EventsJSON.document(articles: articles, events: fragments)
    }

    // MARK: Versions

    /// What extraction depends on besides the bytes of a file: the rules' version, the bundled
    /// gazetteer and the places the user imported.
    public static func extractorFingerprint(state: String) -> String {
        let (size, modified) = stamp(of: Pipeline.userPlacesFile(state: state).path)
        return
            "extractor \(ExtractorVersion.current); gazetteer \(Gazetteer.bundled.placeCount); places \(size) \(modified)"
    }

    /// The size and time of an output as written, to tell it was not touched since.
    static func outputStamp(_ url: URL) -> String {
        let (size, modified) = stamp(of: url.path)
        return "\(url.path) \(size) \(modified)"
    }

    /// A file's size and modification time (-1 and 0 when it is missing).
    public static func stamp(of path: String) -> (size: Int, modified: Double) {
        FileStamp.of(path) ?? (-1, 0)
    }
}
