import EventModel
import Foundation
import Ingest
import Merging
import Store

/// Which stored reports are one event, kept in the Store between builds.
///
/// Reports that `EventMerger.mayMerge` links fall apart into groups that cluster each on its own
/// (one kind group, overlapping days, one country). A build whose only change is new reports
/// re-clusters just the groups they join: the new reports, then every stored report that may
/// merge with one of them, and so on. Anything else (a report clustered before was deleted or
/// moved, a new article takes an id an older one held, or too many reports to look up one by one)
/// clusters every report again. Both give the same clusters.
enum ReportClustering {
    /// Above this many reports to cluster again (or a tenth of it new), clustering everything
    /// again is quicker: each is looked up on its own.
    static let incrementalLimit = 20_000

    /// Clusters the reports not clustered yet (or all), and returns the clusters as kept.
    /// - Returns: the clusters, and how many reports were clustered again when only the new
    ///   reports' groups were (nil: every report was).
    static func run(store: any TimelineStore) throws -> (clusters: [StoredCluster], reclustered: Int?) {
        var reclustered: Int?
        if let mark = try store.clusterMark() {
            reclustered = try update(store: store, mark: mark)
        }
        if reclustered == nil { try full(store: store) }
        return (try store.clusters(), reclustered)
    }

    /// Clusters every report; an article held by two files counts once (the first by path).
    /// Kinds that never merge are clustered apart, one group of kinds at a time, so only one
    /// group's reports are held at once.
    static func full(store: any TimelineStore) throws {
        // The articles that count, with the hash of what each was read from.
        var hashes: [ArticleKey: String] = [:]
        do {
            var seen = Set<String>()
            for entry in try store.articleIDs() where seen.insert(entry.id).inserted {
                hashes[entry.key] = entry.hash
            }
        }
        try store.clearClusters()
        for kinds in EventMerger.kindsApart {
            var keys: [MergeKey] = []
            var reports: [Report] = []
            try store.forEachMention(kinds: kinds) { report in
                guard hashes[report.mention.article] != nil else { return }
                keys.append(MergeKey(report.mention))
                reports.append(Report(row: report.row, article: report.mention.article))
            }
            try store.updateClusters(remove: [], add: cluster(keys, reports, hashes: hashes), mark: false)
        }
        try store.updateClusters(remove: [], add: [], mark: true)
    }

    /// Where a report is kept.
    struct Report {
        var row: Int64
        var article: ArticleKey
    }

    /// Clusters only the groups new reports join.
    /// - Returns: how many reports were clustered; nil when every report must be clustered again.
    static func update(store: any TimelineStore, mark: ClusterMark) throws -> Int? {
        // A new article counts unless an older one with its id comes first; if it comes first
        // itself, the older one's reports leave their clusters: everything is clustered again.
        var owners: [String: ArticleKey] = [:]
        for article in try store.articles(after: mark.article).sorted(by: { $0.key < $1.key })
        where owners[article.id] == nil {
            owners[article.id] = article.key
        }
        let older = try store.firstArticles(ids: Set(owners.keys), upTo: mark.article)
        var counted = Set<ArticleKey>()
        for (id, key) in owners {
            if let old = older[id] {
                if old < key { continue }
                return nil
            }
            counted.insert(key)
        }
        let fresh = try store.mentions(after: mark.mention).filter { counted.contains($0.mention.article) }
        guard fresh.count <= incrementalLimit / 10 else { return nil }
        // Each group of kinds the new reports are of: its stored reports read, the new ones' group
        // found among them.
        var members: [StoredReport] = []
        for kinds in EventMerger.kindsApart {
            let new = fresh.filter { kinds.contains($0.mention.kind) }
            guard !new.isEmpty else { continue }
            // Only reports overlapping the group's days can join it: read those, find the group,
            // and read again while the group reaches past them.
            var window = Self.span(new)
            while true {
                guard let days = window else {
                    members += new
                    break
                }
                let stored = try store.mentions(
                    kinds: kinds, from: Self.day(days.lowerBound), through: Self.day(days.upperBound),
                    upTo: mark.mention)
                guard let linked = linked(to: new, among: stored) else { return nil }
                let reached = Self.span(linked)
                if let reached, reached.lowerBound < days.lowerBound || reached.upperBound > days.upperBound {
                    window = reached
                    continue
                }
                members += linked
                break
            }
        }
        // Reports of articles kept from another file are in no event, and stay out of them.
        let events = try store.clusters(ofReports: members.map(\.row).filter { $0 <= mark.mention })
        members = members.filter { $0.row > mark.mention || events[$0.row] != nil }.sorted { $0.row < $1.row }
        let hashes = try store.articleHashes(members.map(\.mention.article))
        try store.updateClusters(
            remove: Set(events.values).sorted(),
            add: cluster(
                members.map { MergeKey($0.mention) },
                members.map { Report(row: $0.row, article: $0.mention.article) },
                hashes: hashes),
            mark: true)
        return members.count
    }

    /// The days these reports cover, first to last; nil when none has days.
    static func span(_ reports: [StoredReport]) -> ClosedRange<Int>? {
        let all = reports.compactMap { MergeKey($0.mention).days }
        guard let first = all.map(\.lowerBound).min(), let last = all.map(\.upperBound).max() else {
            return nil
        }
        return first...last
    }

    /// `YYYY-MM-DD` of a day number, as the Store compares dates.
    static func day(_ number: Int) -> String {
        let day = CalendarDay(dayNumber: number)
        let year = String(max(0, min(9_999, day.year)))
        return String(repeating: "0", count: 4 - year.count) + year + String(day.description.suffix(6))
    }

    /// The new reports and every stored report `EventMerger.mayMerge` links to them, directly or
    /// through others; nil when they grow past `incrementalLimit`.
    static func linked(to fresh: [StoredReport], among stored: [StoredReport]) -> [StoredReport]? {
        let keys = stored.map { MergeKey($0.mention) }
        // The stored reports by day; those spanning more than 62 days apart.
        var byDay: [Int: [Int]] = [:]
        var wide: [Int] = []
        for (index, key) in keys.enumerated() {
            guard let days = key.days else { continue }
            if days.count > 62 {
                wide.append(index)
            } else {
                for day in days { byDay[day, default: []].append(index) }
            }
        }
        var result = fresh
        var taken = Set<Int>()
        var pending = fresh.map { MergeKey($0.mention) }
        while let key = pending.popLast() {
            guard let days = key.days else { continue }
            var near = wide
            if days.count > 62 {
                near = Array(keys.indices)
            } else {
                for day in days { near += byDay[day] ?? [] }
            }
            for index in near where !taken.contains(index) && EventMerger.mayMerge(key, keys[index]) {
                taken.insert(index)
                result.append(stored[index])
                pending.append(keys[index])
            }
            if result.count > incrementalLimit { return nil }
        }
        return result
    }

    /// Clusters these reports; each cluster is known by its reports and the bytes they were read from.
    static func cluster(_ keys: [MergeKey], _ reports: [Report], hashes: [ArticleKey: String])
        -> [StoredCluster]
    {
        EventMerger().clusters(keys).map { members in
            var text = ""
            var best = keys[members[0]]
            for member in members {
                let article = reports[member].article
                text += "\(article.path)\u{1F}\(article.ordinal)\u{1F}\(keys[member].id)\u{1F}"
                text += (hashes[article] ?? "") + "\u{1E}"
                if keys[member].outranks(best) { best = keys[member] }
            }
            return StoredCluster(
                signature: ContentHash.of(text), start: best.start, firstID: keys[members[0]].id,
                firstArticle: reports[members[0]].article, members: members.map { reports[$0].row })
        }
    }
}

extension MergeKey {
    init(_ mention: StoredMention) {
        self.init(
            id: mention.eventID, article: mention.articleID, kind: mention.kind, start: mention.start,
            end: mention.end, place: mention.place, initiatorCountry: mention.initiatorCountry,
            firstReported: mention.firstReported,
            specificity: EventMerger.specificity(
                place: mention.place?.precision, date: mention.datePrecision),
            confidence: mention.confidence)
    }
}
