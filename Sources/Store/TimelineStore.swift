import EventModel
import Foundation

/// What a build keeps between runs: the files it read (with their size, time and content hash),
/// each article's metadata and extracted events, the merge inputs of every event in columns, and
/// the encoded merged events by the set of reports they combine. SQLite is the embedded
/// implementation (`SQLiteTimelineStore`); nothing outside `Store/` speaks SQL.
public protocol TimelineStore: AnyObject, Sendable {
    /// Every file read before, by path.
    func files() throws -> [String: StoredFile]
    /// Replaces what is kept of these files (their articles and mentions) in one transaction.
    func save(_ changes: [FileChange]) throws
    /// Records a file's new size and time when its bytes did not change.
    func touch(_ files: [StoredFile]) throws
    /// The records kept of a JSON Lines export after line `line`, and those a killed build saved
    /// (below zero): by each record's key (its hash), their ordinals.
    func records(path: String, afterLine line: Int) throws -> [String: [Int]]
    /// Keeps records of an export as they are read, before the export is read to its end: the
    /// file is listed as not read (so a build killed now reads it again), its records below zero.
    func saveRecords(_ articles: [StoredArticle], file path: String) throws
    /// Finishes reading an export in one transaction: the records on lines 1 through `unread`
    /// stay as they are (the export still begins with them), the records `kept` move from the
    /// ordinal stored to their line, every other record of the file is forgotten, the file is as
    /// given.
    func finishExport(_ file: StoredFile, unread: Int, kept: [(from: Int, to: Int)]) throws
    /// Forgets these files and everything read from them.
    func remove(paths: [String]) throws
    /// Forgets everything (a full rebuild, or a new extractor version).
    func reset() throws
    /// Calls `body` with the merge inputs of every event of these kinds, with their rows,
    /// reading them as it goes.
    func forEachMention(kinds: [EventKind], _ body: (StoredReport) throws -> Void) throws
    /// The reports of these kinds kept in rows up to `row` whose days overlap `from...through`
    /// (days as `YYYY-MM-DD`).
    func mentions(kinds: [EventKind], from: String, through: String, upTo row: Int64) throws -> [StoredReport]
    /// The reports kept in rows after `row`: the ones no clustering has seen.
    func mentions(after row: Int64) throws -> [StoredReport]
    /// The merged event (signature) each of these reports is part of; a report of an article
    /// kept from another file is part of none.
    func clusters(ofReports rows: [Int64]) throws -> [Int64: String]
    /// The last report and article rows the kept clusters account for; nil when there are none,
    /// or a report or article they account for was deleted or moved since.
    func clusterMark() throws -> ClusterMark?
    /// Every merged event's signature, order and first report, as the last clustering left them.
    func clusters() throws -> [StoredCluster]
    /// The reports of these merged events, each event's in no particular order.
    func clusterMembers(_ signatures: [String]) throws -> [String: [ClusterMember]]
    /// Forgets every cluster and the marks (a clustering of every report begins).
    func clearClusters() throws
    /// Forgets some clusters and keeps others; `mark` marks every row now kept as accounted for.
    func updateClusters(remove: [String], add: [StoredCluster], mark: Bool) throws
    /// The articles kept in rows after `row`.
    func articles(after row: Int64) throws -> [(key: ArticleKey, id: String)]
    /// The first article (by path, then position) with each of these ids among the rows up to
    /// `row`.
    func firstArticles(ids: Set<String>, upTo row: Int64) throws -> [String: ArticleKey]
    /// The hash of what each of these articles was read from.
    func articleHashes(_ keys: [ArticleKey]) throws -> [ArticleKey: String]
    /// How many reports are clustered.
    func clusteredReports() throws -> Int
    /// The events of these articles, as `save` received them (JSON arrays).
    /// The events of these articles as JSON arrays, as kept before each report kept its own
    /// (an empty array for articles read since).
    func events(ofArticlesAt keys: [ArticleKey]) throws -> [ArticleKey: Data]
    /// Every article's id and the hash of what it was read from, by path then position in the file.
    func articleIDs() throws -> [(key: ArticleKey, id: String, hash: String)]
    /// Calls `body` with every article's key, id, hash and metadata fragment, by path then
    /// position, reading them as it goes; the fragment is read only when `body` asks for it.
    func forEachArticleFragment(_ body: (ArticleKey, String, String, () -> Data) throws -> Void) throws
    /// Every merged event kept, by signature: only its facets (the other pieces are empty).
    func mergedEvents() throws -> [String: StoredMergedEvent]
    /// The JSON, CSV rows and GeoJSON features of these merged events.
    func mergedPieces(_ signatures: [String]) throws -> [String: (json: Data, csv: Data, geojson: Data)]
    /// The cards of these merged events.
    func mergedCards(_ signatures: [String]) throws -> [String: Data]
    /// Forgets some merged events and keeps others.
    func updateMergedEvents(remove: [String], add: [String: StoredMergedEvent]) throws
    /// Forgets every merged event.
    func clearMergedEvents() throws
    /// Folds what this build wrote into the main file, so the next build starts from it.
    func checkpoint() throws
    func setting(_ key: String) throws -> String?
    func setSetting(_ key: String, _ value: String?) throws
    /// A setting held as bytes (a large one: where the last build put what in its tables).
    func data(setting key: String) throws -> Data?
    func setData(setting key: String, _ value: Data?) throws
}

/// A file as the last build saw it. `error` is the reason it could not be read.
public struct StoredFile: Hashable, Sendable {
    public var path: String
    public var size: Int
    public var modified: Double
    public var hash: String
    public var error: String?
    /// A plain export's bytes up to its last whole line, as read: their size, lines and hash.
    public var prefix: ExportPrefix?

    public init(
        path: String, size: Int, modified: Double, hash: String, error: String? = nil,
        prefix: ExportPrefix? = nil
    ) {
        self.path = path
        self.size = size
        self.modified = modified
        self.hash = hash
        self.error = error
        self.prefix = prefix
    }
}

/// An article's place: its file and its position in the file (a JSON Lines file holds many).
public struct ArticleKey: Hashable, Comparable, Sendable {
    public var path: String
    public var ordinal: Int

    public init(path: String, ordinal: Int) {
        self.path = path
        self.ordinal = ordinal
    }

    public static func < (a: ArticleKey, b: ArticleKey) -> Bool { (a.path, a.ordinal) < (b.path, b.ordinal) }
}

/// One article read from a file: its metadata as it appears in `events.json`, and its events.
public struct StoredArticle: Sendable {
    public var key: ArticleKey
    public var id: String
    /// The hash of what the article was read from: its file's, or its record's in an export.
    public var hash: String
    public var metadataFragment: Data
    public var mentions: [StoredMention]
    /// Each mention's event as JSON, in the same order.
    public var events: [Data]

    public init(
        key: ArticleKey, id: String, hash: String, metadataFragment: Data, mentions: [StoredMention],
        events: [Data]
    ) {
        self.key = key
        self.id = id
        self.hash = hash
        self.metadataFragment = metadataFragment
        self.mentions = mentions
        self.events = events
    }
}

/// A file read anew: what it is now and what it holds.
public struct FileChange: Sendable {
    public var file: StoredFile
    public var articles: [StoredArticle]

    public init(file: StoredFile, articles: [StoredArticle]) {
        self.file = file
        self.articles = articles
    }
}

/// What merging needs of one event, kept in columns so a build can re-cluster every event
/// without decoding them.
public struct StoredMention: Hashable, Sendable {
    public var article: ArticleKey
    public var articleID: String
    public var eventID: String
    public var kind: EventKind
    public var start: String?
    public var end: String?
    public var datePrecision: DatePrecision
    public var place: Place?
    public var initiatorCountry: String?
    public var firstReported: String?
    public var confidence: Double

    public init(article: ArticleKey, event: Event) {
        self.article = article
        articleID = event.sources.first?.articleID.rawValue ?? ""
        eventID = event.id.rawValue
        kind = event.kind
        start = event.date.start
        end = event.date.end
        datePrecision = event.date.precision
        var place = event.location
        place?.text = nil
        self.place = place
        initiatorCountry = event.actors.first { $0.role == .initiator }?.country
        firstReported = event.firstReported
        confidence = event.confidence
    }

    init(
        article: ArticleKey, articleID: String, eventID: String, kind: EventKind, start: String?,
        end: String?, datePrecision: DatePrecision, place: Place?, initiatorCountry: String?,
        firstReported: String?, confidence: Double
    ) {
        self.article = article
        self.articleID = articleID
        self.eventID = eventID
        self.kind = kind
        self.start = start
        self.end = end
        self.datePrecision = datePrecision
        self.place = place
        self.initiatorCountry = initiatorCountry
        self.firstReported = firstReported
        self.confidence = confidence
    }
}

/// A report as the Store keeps it: the merge inputs of one event, and its row.
public struct StoredReport: Sendable {
    public var row: Int64
    public var mention: StoredMention

    public init(row: Int64, mention: StoredMention) {
        self.row = row
        self.mention = mention
    }
}

/// The rows a clustering accounted for: reports and articles kept in later rows are new to it.
public struct ClusterMark: Hashable, Sendable {
    public var mention: Int64
    public var article: Int64

    public init(mention: Int64, article: Int64) {
        self.mention = mention
        self.article = article
    }
}

/// A merged event as clustering leaves it: its signature, the start of its best report and its
/// first report (what orders the timeline and names the event), and the rows of its reports.
public struct StoredCluster: Sendable {
    public var signature: String
    public var start: String?
    public var firstID: String
    public var firstArticle: ArticleKey
    /// Filled by a clustering, empty when read back by `clusters()`.
    public var members: [Int64]

    public init(
        signature: String, start: String?, firstID: String, firstArticle: ArticleKey, members: [Int64]
    ) {
        self.signature = signature
        self.start = start
        self.firstID = firstID
        self.firstArticle = firstArticle
        self.members = members
    }
}

/// One report of a merged event: where its event is kept and when it was first reported.
public struct ClusterMember: Sendable {
    public var article: ArticleKey
    public var eventID: String
    public var firstReported: String?
    /// The event as JSON; nil for a report kept before events were kept one by one (its
    /// article's list holds it: `events(ofArticlesAt:)`).
    public var event: Data?

    public init(article: ArticleKey, eventID: String, firstReported: String?, event: Data?) {
        self.article = article
        self.eventID = eventID
        self.firstReported = firstReported
        self.event = event
    }
}

/// A merged event as every output shows it (see `Rendering.RenderedEvent`).
public struct StoredMergedEvent: Sendable {
    /// Empty when read by `mergedEvents`: `mergedPieces` and `mergedCards` read them.
    public var json: Data
    public var html: Data
    public var csv: Data
    public var geojson: Data
    /// The facts pages group and filter by, as JSON.
    public var facets: Data

    public init(json: Data, html: Data, csv: Data, geojson: Data, facets: Data) {
        self.json = json
        self.html = html
        self.csv = csv
        self.geojson = geojson
        self.facets = facets
    }
}
