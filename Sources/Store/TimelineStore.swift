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
    /// The records kept of a JSON Lines export: by each record's key (its hash), their ordinals.
    func records(path: String) throws -> [String: [Int]]
    /// Keeps records of an export as they are read, before the export is read to its end: the
    /// file is listed as not read (so a build killed now reads it again), its records below zero.
    func saveRecords(_ articles: [StoredArticle], file path: String) throws
    /// Finishes reading an export in one transaction: the records `kept` move from the ordinal
    /// stored to their line, every other record of the file is forgotten, the file is as given.
    func finishExport(_ file: StoredFile, kept: [(from: Int, to: Int)]) throws
    /// Forgets these files and everything read from them.
    func remove(paths: [String]) throws
    /// Forgets everything (a full rebuild, or a new extractor version).
    func reset() throws
    /// The merge inputs of every event of every article.
    func mentions() throws -> [StoredMention]
    /// The events of these articles, as `save` received them (JSON arrays).
    func events(ofArticlesAt keys: [ArticleKey]) throws -> [ArticleKey: Data]
    /// Every article's id and the hash of what it was read from, by path then position in the file.
    func articleIDs() throws -> [(key: ArticleKey, id: String, hash: String)]
    /// Calls `body` with every article's key, id and metadata fragment, by path then position,
    /// reading them as it goes.
    func forEachArticleFragment(_ body: (ArticleKey, String, Data) throws -> Void) throws
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
}

/// A file as the last build saw it. `error` is the reason it could not be read.
public struct StoredFile: Hashable, Sendable {
    public var path: String
    public var size: Int
    public var modified: Double
    public var hash: String
    public var error: String?

    public init(path: String, size: Int, modified: Double, hash: String, error: String? = nil) {
        self.path = path
        self.size = size
        self.modified = modified
        self.hash = hash
        self.error = error
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
    public var eventsJSON: Data
    public var mentions: [StoredMention]

    public init(
        key: ArticleKey, id: String, hash: String, metadataFragment: Data, eventsJSON: Data,
        mentions: [StoredMention]
    ) {
        self.key = key
        self.id = id
        self.hash = hash
        self.metadataFragment = metadataFragment
        self.eventsJSON = eventsJSON
        self.mentions = mentions
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
