import EventModel
import Extraction
import Foundation
import Ingest
import Merging
import Rendering
import Store

#if canImport(Glibc)
    import Glibc
#endif

/// `sitrep build`: reads only new or changed files into the Store, forgets removed ones,
/// re-clusters every event from the Store's columns, re-combines only the clusters whose reports
/// changed, and writes the outputs atomically. The same inputs give the same bytes whatever
/// the history of the state.
public struct IncrementalBuild {
    public struct Options: Sendable {
        public var inputs: [String]
        public var out: String
        /// `--state`: a folder, or a database file ending in `.sqlite` (see `StateLocation`).
        public var state: String
        /// Re-read every file.
        public var full: Bool
        /// A folder of templates and assets that override the built-in ones, file by file.
        public var templates: String?
        /// The published address of the output folder, for absolute links in the feeds.
        public var siteURL: String?
        /// Write into an output folder that holds files but no Sitrep build.
        public var force: Bool

        public init(
            inputs: [String], out: String = "Output", state: String = ".sitrep", full: Bool = false,
            templates: String? = nil, siteURL: String? = nil, force: Bool = false
        ) {
            self.inputs = inputs
            self.out = out
            self.state = state
            self.full = full
            self.templates = templates
            self.siteURL = siteURL
            self.force = force
        }
    }

    /// Why a build would not start: nothing is read, written or forgotten.
    public struct RefusedBuild: Error, CustomStringConvertible {
        public var description: String
    }

    /// What a build did.
    public struct Summary: Sendable {
        /// Articles read and extracted this time (a record of an export kept as it was is not).
        public var articlesRead = 0
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
        /// Reports clustered again: only those near new ones, or (nil) every report.
        public var reclustered: Int?
        /// Lines of exports passed over unread: each export's beginning as last read, when the
        /// export only grew since.
        public var linesUnread = 0
        /// Bytes of `events.json`, `.csv` and `.geojson` copied from the files in place.
        public var bytesCopied = 0
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
    public static func databasePath(state: String) -> String { StateLocation(state).database }

    public func run() throws -> Summary {
        let location = StateLocation(options.state)
        try Self.checkInputs(options, location: location)
        // A template that does not parse stops the build before anything is read or written.
        let renderer = SiteRenderer(
            templates: try TemplateSet(overrides: options.templates), siteURL: options.siteURL)
        let lock = try StateLock(path: location.lock)
        defer { withExtendedLifetime(lock) {} }
        let store = try SQLiteTimelineStore(path: location.database)
        let out = URL(fileURLWithPath: options.out)
        let previousOutputs = try OutputOwnership.check(out, store: store, force: options.force)
        OutputOwnership.removeLeftovers(in: out)
        var summary = Summary()
        var steps = StepRunner(total: 4, log: log)
        let rerender = try prepare(store, renderer: renderer, summary: &summary)

        // 1. Which files are new, changed or gone.
        let loader = ArticleLoader(excludedFolders: [options.out] + location.excluded)
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
        try steps.run("read and extract") { () throws -> ((), String) in
            let (articles, events) = try readChanged(scan, loader: loader, store: store, summary: &summary)
            summary.articlesRead = articles
            let unread =
                summary.linesUnread > 0
                ? " (\(summary.linesUnread) lines of exports as before, not read)" : ""
            return ((), "\(articles) articles, \(events) events from \(summary.filesRead) files\(unread)")
        }

        // What reading freed goes back to the system before merging holds every event.
        Self.returnFreedMemory()

        // 3 and 4. Merge and write, unless nothing changed and the outputs are as last written.
        let stampedFiles = ["events.json", "index.html"].map { out.appendingPathComponent($0) }
        let nothingChanged =
            summary.filesRead == 0 && scan.removed.isEmpty && !summary.fullRebuild && !rerender
        if nothingChanged, let written = try store.setting("output"),
            written == Self.outputStamp(stampedFiles)
        {
            return try upToDate(store, summary: summary)
        }
        // Until this build's outputs are all in place, the state does not vouch for any: a build
        // killed or failed from here on is followed by one that writes them again.
        try store.setSetting("output", nil)
        let outputs = try steps.run("merge and render events") { () throws -> (Outputs, String) in
            let outputs = try Self.merge(store: store, renderer: renderer, out: out, summary: &summary)
            return (
                outputs,
                "\(summary.events) events with \(summary.sources) sources"
                    + (summary.reclustered.map { ", \($0) reports clustered again" } ?? "")
            )
        }
        summary.outputsWritten = try steps.run("write \(options.out)") { () throws -> (Bool, String) in
            let (written, names, tables) = try Self.write(outputs, store: store, renderer: renderer, out: out)
            let copied = tables.copied
            summary.bytesCopied = copied
            summary.articles = tables.articles
            summary.duplicates = tables.rows - tables.articles
            // Files this build made before and makes no more (a month without events).
            let all = names.union(outputs.unchangedMonths.map { "\($0).html" })
            let removed = try OutputOwnership.removeStale(previousOutputs, keeping: all, in: out)
            try OutputOwnership.record(all, for: out, store: store)
            let line =
                "\(written) of \(names.count + outputs.unchangedMonths.count) files written, "
                + "\(names.count - written + outputs.unchangedMonths.count) unchanged"
                + (removed > 0 ? ", \(removed) old files removed" : "")
                + (copied > 0 ? "; \(Self.megabytes(copied)) of tables copied as they were" : "")
            return (written > 0 || removed > 0, line)
        }
        try store.setSetting("pages", Self.writeDigests(outputs.monthDigests))
        try store.setSetting("output", Self.outputStamp(stampedFiles))
        try store.setSetting("counts", "\(summary.articles) \(summary.events) \(summary.sources)")
        try store.checkpoint()
        return summary
    }

    /// Hands the memory freed by work on many threads back to the system (glibc keeps it in
    /// per-thread pools otherwise, and the next stage's peak adds to it).
    static func returnFreedMemory() {
        #if canImport(Glibc)
            // malloc_trim is glibc's own, outside the module's headers: looked up by name.
            typealias Trim = @convention(c) (Int) -> Int32
            if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
                _ = unsafeBitCast(symbol, to: Trim.self)(0)
            }
        #endif
    }

    /// Every input must exist (a missing one would make the build forget its articles and empty
    /// the site), and none may lie inside the output folder or the state folder.
    static func checkInputs(_ options: Options, location: StateLocation) throws {
        func real(_ path: String) -> String {
            URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        }
        func inside(_ path: String, _ folder: String) -> Bool {
            path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
        }
        let out = real(options.out)
        let state = location.isFolder ? real(location.folder) : nil
        let stateFiles = location.excluded.map(real)
        for input in options.inputs {
            guard FileManager.default.fileExists(atPath: input) else {
                throw RefusedBuild(
                    description:
                        "the input '\(input)' does not exist; nothing was read, written or forgotten (a missing input would empty the timeline)"
                )
            }
            let path = real(input)
            if inside(path, out) {
                throw RefusedBuild(
                    description: "the input '\(input)' lies inside the output folder '\(options.out)'")
            }
            if let state, inside(path, state) {
                throw RefusedBuild(
                    description: "the input '\(input)' lies inside the state folder '\(location.folder)'")
            }
            if stateFiles.contains(path) {
                throw RefusedBuild(
                    description: "the input '\(input)' is the state database or one of its files")
            }
        }
    }

    /// The extractor's version and the templates key the stored results: a change resets them.
    /// - Returns: whether every event must be rendered again.
    private func prepare(_ store: SQLiteTimelineStore, renderer: SiteRenderer, summary: inout Summary) throws
        -> Bool
    {
        let fingerprint = Self.extractorFingerprint(state: options.state)
        if try options.full || store.setting("extractor") != fingerprint {
            summary.fullRebuild = true
            try store.reset()
            try store.setSetting("extractor", fingerprint)
            try store.setSetting("output", nil)
        }
        // Merged events are kept rendered: another merger or other templates render them again.
        let rendering = "merger \(EventMerger.version); events.json lines; \(renderer.fingerprint)"
        guard try store.setting("rendering") != rendering else { return false }
        try store.setSetting("pages", nil)
        try store.clearMergedEvents()
        try store.setSetting("rendering", rendering)
        return true
    }

    /// What reading one changed file came to.
    enum FileOutcome {
        /// Its bytes are as stored: only its size and time are new.
        case unchanged(StoredFile, failure: ReadFailure?)
        /// Read anew (or unreadable), with the failures of its records.
        case read(FileChange, failures: [ReadFailure], articles: Int, events: Int)
    }

    /// Reads and extracts one file; safe to run on many files at once.
    static func process(
        _ item: Scan.Item, old: StoredFile?, loader: ArticleLoader, extractor: EventExtractor
    ) throws -> FileOutcome {
        switch loader.bytes(of: item.path) {
        case .failure(let error):
            let failure = ReadFailure(error)
            let file = StoredFile(
                path: item.path, size: item.size, modified: item.modified, hash: "", error: failure.reason)
            return .read(FileChange(file: file, articles: []), failures: [failure], articles: 0, events: 0)
        case .success(let data):
            let hash = ContentHash.of(data)
            if let old, old.hash == hash {
                let file = StoredFile(
                    path: item.path, size: item.size, modified: item.modified, hash: hash, error: old.error)
                return .unchanged(file, failure: old.error.map { ReadFailure(path: item.path, reason: $0) })
            }
            var kept: [StoredArticle] = []
            var failures: [ReadFailure] = []
            var events = 0
            for (ordinal, result) in loader.read(data: data, path: item.path).enumerated() {
                switch result {
                case .success(let article):
                    let found = extractor.extract(from: article)
                    events += found.count
                    kept.append(
                        try stored(
                            article, events: found, key: ArticleKey(path: item.path, ordinal: ordinal),
                            hash: hash)
                    )
                case .failure(let error):
                    failures.append(ReadFailure(error))
                }
            }
            let file = StoredFile(
                path: item.path, size: item.size, modified: item.modified, hash: hash,
                error: failures.isEmpty ? nil : failures.map(\.reason).joined(separator: "; "))
            return .read(
                FileChange(file: file, articles: kept), failures: failures, articles: kept.count,
                events: events)
        }
    }

    /// Reads and extracts the changed files on every core, a few files per core at a time, and
    /// keeps them in the scan's order (the same bytes as on one core); saves every 200 files and
    /// forgets the removed ones.
    private func readChanged(
        _ scan: Scan, loader: ArticleLoader, store: SQLiteTimelineStore, summary: inout Summary
    ) throws -> (articles: Int, events: Int) {
        var batch: [FileChange] = []
        var touched: [StoredFile] = []
        var events = 0
        var articles = 0
        // Built only when a file changed: a build with nothing to read skips the lexicons.
        let extractor = scan.changed.isEmpty ? nil : Pipeline.extractor(state: options.state)
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = cores * 32
        var lastSave = DispatchTime.now().uptimeNanoseconds
        // Exports are read record by record after the other files.
        let files = scan.changed.filter { !ArticleLoader.isExport($0.path) }
        for first in stride(from: 0, to: files.count, by: chunk) {
            progress?(first, scan.changed.count)
            let items = Array(files[first..<min(files.count, first + chunk)])
            let stored = scan.stored
            let outcomes = try Parallel.map(items) { item in
                try Self.process(item, old: stored[item.path], loader: loader, extractor: extractor!)
            }
            for outcome in outcomes {
                switch outcome {
                case .unchanged(let file, let failure):
                    touched.append(file)
                    if let failure { summary.failures.append(failure) }
                case .read(let change, let failures, let read, let found):
                    batch.append(change)
                    summary.failures += failures
                    articles += read
                    events += found
                    if !change.file.hash.isEmpty { summary.filesRead += 1 }
                }
            }
            // Saved every 200 files, 2,000 articles or 10 seconds, whichever comes first.
            let held = batch.reduce(0) { $0 + $1.articles.count }
            if batch.count >= 200 || held >= 2_000
                || DispatchTime.now().uptimeNanoseconds - lastSave > 10_000_000_000
            {
                try store.save(batch)
                batch.removeAll()
                lastSave = DispatchTime.now().uptimeNanoseconds
            }
        }
        try store.save(batch)
        var done = files.count
        for item in scan.changed where ArticleLoader.isExport(item.path) {
            progress?(done, scan.changed.count)
            done += 1
            let outcome = try Self.readExport(
                item, old: scan.stored[item.path], loader: loader, store: store, extractor: extractor!)
            summary.failures += outcome.failures
            articles += outcome.articles
            events += outcome.events
            summary.linesUnread += outcome.linesUnread
            if outcome.unchanged { summary.filesUnchanged += 1 } else { summary.filesRead += 1 }
        }
        try store.touch(touched)
        summary.filesUnchanged += touched.count
        try store.remove(paths: scan.removed)
        progress?(scan.changed.count, scan.changed.count)
        return (articles, events)
    }

    /// Nothing changed since the last build and the outputs are as it left them.
    private func upToDate(_ store: SQLiteTimelineStore, summary: Summary) throws -> Summary {
        var summary = summary
        summary.upToDate = true
        let counts = (try store.setting("counts") ?? "0 0 0").split(separator: " ").compactMap { Int($0) }
        if counts.count == 3 {
            summary.articles = counts[0]
            summary.events = counts[1]
            summary.sources = counts[2]
        }
        log("[3/4] merge and render: nothing changed")
        log("[4/4] write \(options.out): up to date")
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
        for found in loader.entries(in: inputs) {
            switch found {
            case .failure(let error):
                scan.failures.append(ReadFailure(error))
            case .success(let file):
                let path = file.path
                guard seen.insert(path).inserted else { continue }
                scan.paths.append(path)
                let (size, modified) = (file.size, file.modified)
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

    static func stored(_ article: Article, events: [Event], key: ArticleKey, hash: String) throws
        -> StoredArticle
    {
        StoredArticle(
            key: key, id: article.id.rawValue, hash: hash,
            metadataFragment: try EventsJSON.fragment(article.metadata),
            mentions: events.map { StoredMention(article: key, event: $0) },
            events: events.map(EventsJSON.line))
    }

    // MARK: Merging

    /// Clusters every stored event, re-combines and re-renders only clusters not seen before,
    /// and makes every output file.
    /// What the other core loads: every article's metadata and every merged event kept.
    private final class Pieces: @unchecked Sendable {
        typealias Value = (
            merged: [String: StoredMergedEvent],
            facets: [String: EventFacets]
        )
        private var result: Result<Value, any Error> = .failure(CocoaError(.fileReadUnknown))
        func load(_ body: () throws -> Value) { result = Result(catching: body) }
        func get() throws -> Value { try result.get() }
    }

    /// What a build writes: the merged events in order (without their cards) and their
    /// signatures, the feeds' events, the articles' metadata, and the month pages left as they were.
    struct Outputs {
        var events: [RenderedEvent]
        var signatures: [String]
        var feed: [Event]
        /// Months whose pages are not rendered again, and what every month page now holds.
        var unchangedMonths: Set<String>
        var monthDigests: [String: String]
    }

    static func merge(
        store: any TimelineStore, renderer: SiteRenderer, out: URL, summary: inout Summary
    ) throws -> Outputs {
        // The big pieces load on another core while this one clusters.
        let pieces = Pieces()
        let loading = DispatchGroup()
        DispatchQueue.global().async(group: loading) {
            pieces.load {
                let merged = try store.mergedEvents()
                // Parsed on every core, a few thousand at a time.
                let entries = Array(merged)
                let parts = stride(from: 0, to: entries.count, by: 4_096).map {
                    entries[$0..<min($0 + 4_096, entries.count)].map { ($0.key, $0.value.facets) }
                }
                let parsed = try Parallel.map(parts) { part in
                    try part.map { signature, line in
                        guard let facets = EventFacets(line: String(decoding: line, as: UTF8.self)) else {
                            throw CocoaError(.coderReadCorrupt)
                        }
                        return (signature, facets)
                    }
                }
                var facets: [String: EventFacets] = [:]
                facets.reserveCapacity(entries.count)
                for part in parsed { for (signature, value) in part { facets[signature] = value } }
                return (merged, facets)
            }
        }
        let (clusters, reclustered) = try ReportClustering.run(store: store)
        summary.reclustered = reclustered
        summary.sources = try store.clusteredReports()
        loading.wait()
        let (known, knownFacets) = try pieces.get()
        let added = try renderMissing(clusters, known: known, store: store, renderer: renderer)
        let current = Set(clusters.map(\.signature))
        try store.updateMergedEvents(remove: known.keys.filter { !current.contains($0) }.sorted(), add: [:])
        return try outputs(
            clusters, known: known, knownFacets: knownFacets, added: added, store: store,
            renderer: renderer, out: out, summary: &summary)
    }

    /// Combines and renders the clusters not seen before, in slices, so a full build never holds
    /// every decoded event at once; their cards stay in the store until a page needs them.
    static func renderMissing(
        _ clusters: [StoredCluster], known: [String: StoredMergedEvent], store: any TimelineStore,
        renderer: SiteRenderer
    ) throws -> [String: StoredMergedEvent] {
        var added: [String: StoredMergedEvent] = [:]
        // In the order of their first reports' articles, so an article's events fall in few
        // slices and its events are decoded once or twice, not once per event.
        let missing = clusters.filter { known[$0.signature] == nil }.sorted {
            ($0.firstArticle, $0.signature) < ($1.firstArticle, $1.signature)
        }.map(\.signature)
        // Each slice is saved on another thread while the next one is decoded and rendered.
        let saving = DispatchQueue(label: "sitrep.save-merged")
        let failure = SaveFailure()
        for slice in stride(from: 0, to: missing.count, by: 2_000) {
            let part = Array(missing[slice..<min(slice + 2_000, missing.count)])
            // Each event's reports, earliest first (the order clustering took them in).
            let members = try store.clusterMembers(part).mapValues { members in
                members.sorted { ($0.firstReported ?? "", $0.eventID) < ($1.firstReported ?? "", $1.eventID) }
            }
            let combined = try Self.combine(part, members: members, store: store)
            var slice: [String: StoredMergedEvent] = [:]
            for (entry, rendered) in zip(combined, try renderer.render(combined.map(\.event))) {
                slice[entry.signature] = StoredMergedEvent(
                    json: rendered.json, html: rendered.html, csv: rendered.csv, geojson: rendered.geojson,
                    facets: Data(rendered.facets.line.utf8))
            }
            saving.sync {}  // one slice in flight at most
            try failure.check()
            saving.async { [slice] in failure.run { try store.updateMergedEvents(remove: [], add: slice) } }
            // Only the facts pages group by are kept: cards, JSON, CSV rows and GeoJSON features
            // stay in the store until the file that holds them is written.
            for (signature, event) in slice {
                added[signature] = StoredMergedEvent(
                    json: Data(), html: Data(), csv: Data(), geojson: Data(), facets: event.facets)
            }
        }
        saving.sync {}
        try failure.check()
        return added
    }

    /// The merged event of each of these signatures from its reports' events, decoded on every
    /// core: each report's own, or (reports kept before events were kept one by one) its
    /// article's list.
    static func combine(_ signatures: [String], members: [String: [ClusterMember]], store: any TimelineStore)
        throws -> [(signature: String, event: Event)]
    {
        let older = Array(
            try store.events(
                ofArticlesAt: members.values.flatMap { $0.filter { $0.event == nil }.map(\.article) }))
        let decodedOlder = Dictionary(
            try Parallel.map(older) { key, blob in
                let events = try JSONDecoder().decode([Event].self, from: blob)
                return (
                    key,
                    Dictionary(events.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
                )
            }, uniquingKeysWith: { first, _ in first })
        let own = signatures.flatMap { (members[$0] ?? []).compactMap(\.event) }
        let parts = stride(from: 0, to: own.count, by: 512).map { Array(own[$0..<min($0 + 512, own.count)]) }
        var decoded = try Parallel.map(parts) { part in
            let decoder = JSONDecoder()
            return try part.map { try decoder.decode(Event.self, from: $0) }
        }.joined().makeIterator()
        var combined: [(signature: String, event: Event)] = []
        for signature in signatures {
            var events: [Event] = []
            for member in members[signature] ?? [] {
                if member.event != nil {
                    if let event = decoded.next() { events.append(event) }
                } else if let event = decodedOlder[member.article]?[member.eventID] {
                    events.append(event)
                }
            }
            guard !events.isEmpty else { continue }
            combined.append((signature, EventMerger.combine(events)))
        }
        return combined
    }

    /// The first error of work done on another thread, raised on this one.
    final class SaveFailure: @unchecked Sendable {
        private var error: (any Error)?
        private let lock = NSLock()
        func run(_ body: () throws -> Void) {
            do { try body() } catch { lock.withLock { if self.error == nil { self.error = error } } }
        }
        func check() throws { if let error = lock.withLock({ error }) { throw error } }
    }

    /// The merged events in order, the feeds' newest reports, and which month pages are as written.
    static func outputs(
        _ clusters: [StoredCluster], known: [String: StoredMergedEvent], knownFacets: [String: EventFacets],
        added: [String: StoredMergedEvent], store: any TimelineStore, renderer: SiteRenderer,
        out: URL, summary: inout Summary
    ) throws -> Outputs {
        // Newest first, as EventMerger.merge orders them: by the best report's start, then the id.
        // Indices sorted, not the clusters: each is a dozen fields to move.
        let order = clusters.indices.sorted {
            (clusters[$0].start ?? "", clusters[$0].firstID) > (
                clusters[$1].start ?? "", clusters[$1].firstID
            )
        }
        summary.events = clusters.count
        var rendered: [RenderedEvent] = []
        var monthText: [String: String] = [:]
        var renderedSignatures: [String] = []
        rendered.reserveCapacity(order.count)
        for index in order {
            let signature = clusters[index].signature
            guard let stored = known[signature] ?? added[signature] else { continue }
            guard
                let facets = knownFacets[signature]
                    ?? EventFacets(line: String(decoding: stored.facets, as: UTF8.self))
            else { throw CocoaError(.coderReadCorrupt) }
            rendered.append(
                RenderedEvent(
                    json: stored.json, html: stored.html, csv: stored.csv, geojson: stored.geojson,
                    facets: facets))
            renderedSignatures.append(signature)
            // A month page holds its events in order: the same signatures, the same page.
            monthText[facets.month, default: ""] += signature + " "
        }
        // The feeds hold the newest reports, whole.
        let newest = rendered.indices.sorted {
            (rendered[$0].facets.firstReported ?? "", rendered[$0].facets.id)
                > (rendered[$1].facets.firstReported ?? "", rendered[$1].facets.id)
        }.prefix(renderer.feedSize)
        let decoder = JSONDecoder()
        let newestPieces = try store.mergedPieces(newest.map { renderedSignatures[$0] })
        let feed = try newest.map { index in
            try decoder.decode(Event.self, from: newestPieces[renderedSignatures[index]]?.json ?? Data())
        }
        var digests: [String: String] = [:]
        for (month, text) in monthText { digests[month] = ContentHash.of(text) }
        let previous = Self.readDigests(try store.setting("pages"))
        let unchanged = Set(
            digests.keys.filter { month in
                previous[month] == digests[month]
                    && FileManager.default.fileExists(
                        atPath: out.appendingPathComponent("\(month).html").path)
            })
        return Outputs(
            events: rendered, signatures: renderedSignatures, feed: feed,
            unchangedMonths: unchanged, monthDigests: digests)
    }

    /// Writes every output but the unchanged month pages, one at a time; cards are read only for
    /// the pages rendered again. - Returns: the files written and the names of all made.
    static func write(
        _ outputs: Outputs, store: any TimelineStore, renderer: SiteRenderer, out: URL
    ) throws -> (written: Int, names: Set<String>, tables: Tables) {
        var written = 0
        var names = Set<String>()
        // Every output is written beside its place, then all are renamed at once.
        let staging = OutputFile.Staging()
        func emit(_ name: String, _ produce: ((Data) throws -> Void) throws -> Void) throws {
            names.insert(name)
            if try staging.stage(to: out.appendingPathComponent(name), produce: produce) { written += 1 }
        }
        let maker = "\(try store.setting("extractor") ?? ""); \(try store.setting("rendering") ?? "")"
        let previous = try store.data(setting: "tables").flatMap { TableLayout($0) }
        let urls = tableFiles.map { out.appendingPathComponent($0) }
        // The layout speaks for the files in place only as it left them.
        let usable = previous.flatMap { layout in
            layout.maker == maker && layout.stamp == outputStamp(urls)
                && layout.fits(sizes: urls.map { stamp(of: $0.path).size }) ? layout : nil
        }
        var tables = try writeTables(
            outputs, previous: usable, maker: maker, store: store, staging: staging, out: out)
        names.formUnion(tableFiles)
        written += tables.written
        try renderer.site(
            events: outputs.events, feed: outputs.feed, articleCount: tables.articles,
            unchangedMonths: outputs.unchangedMonths,
            cards: { indices in
                let signatures = indices.map { outputs.signatures[$0] }
                let cards = try store.mergedCards(signatures)
                return signatures.map { cards[$0] ?? Data() }
            }, emit: emit)
        try staging.commit()
        // Saved once the files are in place: a build killed before leaves a layout whose stamp
        // is not theirs, which the next build does not use.
        tables.layout.stamp = outputStamp(urls)
        try store.setData(setting: "tables", tables.layout.encoded())
        return (written, names, tables)
    }

    static let tableFiles = ["events.json", "events.csv", "events.geojson"]

    /// What writing the tables came to: where everything went, how many files are staged, the
    /// bytes copied, and the articles (each once) and article rows read.
    struct Tables {
        var layout: TableLayout
        var written: Int
        var copied: Int
        var articles: Int
        var rows: Int
    }

    /// A size in megabytes, one decimal.
    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }

    /// `events.json`, `events.csv` and `events.geojson` from one pass over the stored events, a
    /// slice at a time (never held whole), the articles read from the store in order. What the
    /// `previous` layout places in the files in place is copied from there, not read again.
    /// - Returns: where everything went, and how many of the files are staged.
    static func writeTables(
        _ outputs: Outputs, previous old: TableLayout?, maker: String, store: any TimelineStore,
        staging: OutputFile.Staging, out: URL
    ) throws -> Tables {
        let streams = try tableFiles.map { try staging.open(out.appendingPathComponent($0)) }
        let (json, csv, geojson) = (streams[0], streams[1], streams[2])
        var layout = TableLayout(maker: maker)
        var rows = 0
        var count = 0
        do {
            // Each article once (by its first file: they come by path).
            try json.write(EventsJSON.opening)
            layout.articlesStart = json.position
            var articlePlaces = old.map(TableLayout.ArticleWalk.init)
            var seen = Set<String>()
            try store.forEachArticleFragment { key, id, hash, fragment in
                rows += 1
                guard seen.insert(id).inserted else { return }
                let start = json.position
                // The first article's separator is not the others': it is copied only as the first.
                if let place = articlePlaces?.place(path: key.path, ordinal: key.ordinal, hash: hash),
                    place.first == (count == 0)
                {
                    try json.copy(offset: place.offset, count: place.length)
                } else {
                    try json.write(EventsJSON.separator(first: count == 0))
                    try json.write(fragment())
                }
                layout.addArticle(
                    path: key.path, ordinal: key.ordinal, hash: hash, length: json.position - start)
                count += 1
            }
            try json.write(EventsJSON.middle(afterItems: count > 0))
            try csv.write(EventsCSV.header)
            try geojson.write(GeoJSON.opening)
            layout.eventsStart = streams.map(\.position)
            let oldEvents = old.map(TableLayout.EventIndex.init)
            let oldLast = (old?.eventCount ?? 0) - 1
            let total = outputs.signatures.count
            layout.signatureEnds.reserveCapacity(total)
            layout.eventLengths.reserveCapacity(3 * total)
            for first in stride(from: 0, to: total, by: 2_000) {
                let slice = Array(outputs.signatures[first..<min(first + 2_000, total)])
                // An event's bytes are copied where they were; the first JSON item and the last
                // GeoJSON feature differ from the others, so they are copied only to the same rank.
                let places = slice.enumerated().map { offset, signature in
                    oldEvents?.index(of: signature).map { index in
                        let position = first + offset
                        return (
                            index: index, json: (index == 0) == (position == 0),
                            geojson: (index == oldLast) == (position == total - 1)
                        )
                    }
                }
                let needed = zip(slice, places).filter { $1 == nil || !$1!.json || !$1!.geojson }.map(\.0)
                let pieces = try store.mergedPieces(needed)
                for (offset, signature) in slice.enumerated() {
                    let position = first + offset
                    let starts = streams.map(\.position)
                    let place = places[offset]
                    let piece = pieces[signature]
                    func copy(_ file: Int) throws {
                        guard let old, let oldEvents, let index = place.map({ 3 * $0.index + file }) else {
                            throw CocoaError(.coderReadCorrupt)
                        }
                        try streams[file].copy(
                            offset: oldEvents.offsets[index], count: old.eventLengths[index])
                    }
                    func missing() -> CocoaError { CocoaError(.coderReadCorrupt) }
                    if place?.json == true {
                        try copy(0)
                    } else {
                        guard let piece else { throw missing() }
                        try json.write(EventsJSON.separator(first: position == 0))
                        try json.write(piece.json)
                    }
                    if place != nil {
                        try copy(1)
                    } else {
                        guard let piece else { throw missing() }
                        try csv.write(piece.csv)
                    }
                    if place?.geojson == true {
                        try copy(2)
                    } else {
                        guard let piece else { throw missing() }
                        try geojson.write(piece.geojson)
                        try geojson.write(position == total - 1 ? GeoJSON.last : GeoJSON.between)
                    }
                    layout.addEvent(
                        signature: signature, lengths: (0..<3).map { streams[$0].position - starts[$0] })
                }
            }
            try json.write(EventsJSON.closing(afterItems: total > 0))
            try geojson.write(GeoJSON.closing)
        } catch {
            streams.forEach { $0.discard() }
            staging.abandon()
            throw error
        }
        var written = 0
        for stream in streams where try stream.finish() { written += 1 }
        return Tables(
            layout: layout, written: written, copied: streams.reduce(0) { $0 + $1.copied }, articles: count,
            rows: rows)
    }

    static func readDigests(_ text: String?) -> [String: String] {
        var result: [String: String] = [:]
        for line in (text ?? "").split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2 { result[String(parts[0])] = String(parts[1]) }
        }
        return result
    }

    static func writeDigests(_ digests: [String: String]) -> String {
        digests.keys.sorted().map { "\($0) \(digests[$0] ?? "")" }.joined(separator: "\n")
    }

    // MARK: Versions

    /// What extraction depends on besides the bytes of a file: the rules' version, the bundled
    /// gazetteer and the places the user imported.
    public static func extractorFingerprint(state: String) -> String {
        let (size, modified) = stamp(of: Pipeline.userPlacesFile(state: state).path)
        return
            "extractor \(ExtractorVersion.current); events.json lines; gazetteer \(Gazetteer.bundled.placeCount); places \(size) \(modified)"
    }

    /// The size and time of an output as written, to tell it was not touched since.
    static func outputStamp(_ urls: [URL]) -> String {
        urls.map { url in
            let (size, modified) = stamp(of: url.path)
            return "\(url.path) \(size) \(modified)"
        }.joined(separator: "; ")
    }

    /// A file's size and modification time (-1 and 0 when it is missing).
    public static func stamp(of path: String) -> (size: Int, modified: Double) {
        FileStamp.of(path) ?? (-1, 0)
    }
}
