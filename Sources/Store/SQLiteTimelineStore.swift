import EventModel
import Foundation
import GRDB

/// The embedded `TimelineStore`: one SQLite file through GRDB. Every change is one transaction,
/// so a build killed half-way leaves the state as the last finished step left it.
public final class SQLiteTimelineStore: TimelineStore {
    private let queue: DatabasePool

    /// Opens (or creates) the database and brings its schema up to date.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        // A pool: write-ahead logging, so a build reads several tables at once. With normal sync a
        // commit is atomic and survives a killed process without an fsync per transaction (a power
        // cut may lose the last build, never corrupt the state).
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        queue = try DatabasePool(path: path, configuration: configuration)
        try StoreSchema.migrator.migrate(queue)
    }

    public func files() throws -> [String: StoredFile] {
        try queue.read { db in
            var result: [String: StoredFile] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql:
                    "SELECT path, size, modified, hash, error, prefixBytes, prefixLines, prefixHash FROM file"
            )
            while let row = try rows.next() {
                var file = StoredFile(
                    path: row[0], size: row[1], modified: row[2], hash: row[3], error: row[4])
                if let bytes: Int = row[5], let lines: Int = row[6], let hash: String = row[7] {
                    file.prefix = ExportPrefix(bytes: bytes, lines: lines, hash: hash)
                }
                result[file.path] = file
            }
            return result
        }
    }

    public func save(_ changes: [FileChange]) throws {
        guard !changes.isEmpty else { return }
        try queue.write { db in
            for change in changes {
                let file = change.file
                try db.execute(sql: "DELETE FROM file WHERE path = ?", arguments: [file.path])
                try db.execute(
                    sql: "INSERT INTO file (path, size, modified, hash, error) VALUES (?, ?, ?, ?, ?)",
                    arguments: [file.path, file.size, file.modified, file.hash, file.error])
                for article in change.articles { try insert(article, db) }
            }
        }
    }

    private func insert(_ article: StoredArticle, _ db: Database) throws {
        // Statements run once per row are prepared once per connection.
        try db.cachedStatement(
            sql: "INSERT INTO article (path, ordinal, id, hash, metadata, events) VALUES (?, ?, ?, ?, ?, ?)"
        ).execute(
            arguments: [
                article.key.path, article.key.ordinal, article.id, article.hash, article.metadataFragment,
                Data("[]".utf8),
            ])
        for (position, mention) in article.mentions.enumerated() {
            try insert(mention, position: position, event: article.events[position], db)
        }
    }

    public func records(path: String, afterLine line: Int) throws -> [String: [Int]] {
        try queue.read { db in
            var result: [String: [Int]] = [:]
            let rows = try Row.fetchCursor(
                // (Records a killed build saved wait below zero: they are kept records too.)
                db,
                sql:
                    "SELECT hash, ordinal FROM article WHERE path = ? AND (ordinal > ? OR ordinal < 0) ORDER BY ordinal",
                arguments: [path, line])
            while let row = try rows.next() { result[row[0], default: []].append(row[1]) }
            return result
        }
    }

    public func saveRecords(_ articles: [StoredArticle], file path: String) throws {
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO file (path, size, modified, hash) VALUES (?, -1, 0, '')
                    ON CONFLICT(path) DO UPDATE SET size = -1, hash = '', prefixBytes = NULL,
                      prefixLines = NULL, prefixHash = NULL
                    """, arguments: [path])
            for article in articles { try insert(article, db) }
        }
    }

    public func finishExport(_ file: StoredFile, unread: Int, kept: [(from: Int, to: Int)]) throws {
        // Moved rows pass through ordinals far above any line, so no two ever share one.
        let offset = 1 << 40
        try queue.write { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            try db.execute(
                sql: """
                    INSERT INTO file (path, size, modified, hash, error, prefixBytes, prefixLines, prefixHash)
                      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(path) DO UPDATE SET size = excluded.size, modified = excluded.modified,
                      hash = excluded.hash, error = excluded.error, prefixBytes = excluded.prefixBytes,
                      prefixLines = excluded.prefixLines, prefixHash = excluded.prefixHash
                    """,
                arguments: [
                    file.path, file.size, file.modified, file.hash, file.error, file.prefix?.bytes,
                    file.prefix?.lines, file.prefix?.hash,
                ])
            let keep = Set(kept.map(\.from))
            let stored = try Int.fetchAll(
                db, sql: "SELECT ordinal FROM article WHERE path = ? AND NOT ordinal BETWEEN 1 AND ?",
                arguments: [file.path, unread])
            for ordinal in stored where !keep.contains(ordinal) {
                try db.cachedStatement(sql: "DELETE FROM article WHERE path = ? AND ordinal = ?").execute(
                    arguments: [file.path, ordinal])
            }
            for table in ["article", "mention"] {
                // Records read this time wait at minus their line; the others move one by one.
                for (from, to) in kept where from != to && from != -to {
                    try db.cachedStatement(
                        sql: "UPDATE \(table) SET ordinal = ? WHERE path = ? AND ordinal = ?"
                    )
                    .execute(arguments: [to + offset, file.path, from])
                }
                try db.execute(
                    sql: "UPDATE \(table) SET ordinal = -ordinal WHERE path = ? AND ordinal < 0",
                    arguments: [file.path])
                try db.execute(
                    sql: "UPDATE \(table) SET ordinal = ordinal - ? WHERE path = ? AND ordinal >= ?",
                    arguments: [offset, file.path, offset])
            }
        }
    }

    private func insert(_ mention: StoredMention, position: Int, event: Data, _ db: Database) throws {
        let place = mention.place
        try db.cachedStatement(
            sql: """
                INSERT INTO mention (path, ordinal, position, articleID, eventID, kind, start, "end",
                  datePrecision, placeName, placeCountry, placeAdmin1, lat, lon, placePrecision, geonamesID,
                  initiatorCountry, firstReported, confidence, event)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                mention.article.path, mention.article.ordinal, position, mention.articleID, mention.eventID,
                mention.kind.rawValue, mention.start, mention.end, mention.datePrecision.rawValue,
                place?.name,
                place?.country, place?.admin1, place?.lat, place?.lon, place?.precision.rawValue,
                place?.geonamesID, mention.initiatorCountry, mention.firstReported, mention.confidence, event,
            ])
    }

    public func touch(_ files: [StoredFile]) throws {
        guard !files.isEmpty else { return }
        try queue.write { db in
            for file in files {
                try db.execute(
                    sql: "UPDATE file SET size = ?, modified = ? WHERE path = ?",
                    arguments: [file.size, file.modified, file.path])
            }
        }
    }

    public func remove(paths: [String]) throws {
        guard !paths.isEmpty else { return }
        try queue.write { db in
            for path in paths { try db.execute(sql: "DELETE FROM file WHERE path = ?", arguments: [path]) }
        }
    }

    public func reset() throws {
        try queue.write { db in
            try db.execute(
                sql: """
                    DELETE FROM setting WHERE key IN ('clustered-mention', 'clustered-article');
                    DELETE FROM mention; DELETE FROM article; DELETE FROM file; DELETE FROM merged;
                    DELETE FROM member; DELETE FROM cluster
                    """)
        }
    }

    public func forEachMention(kinds: [EventKind], _ body: (StoredReport) throws -> Void) throws {
        try queue.read { db in
            let marks = Array(repeating: "?", count: kinds.count).joined(separator: ", ")
            try Self.mentions(
                db, where: "WHERE kind IN (\(marks))", arguments: StatementArguments(kinds.map(\.rawValue)),
                body)
        }
    }

    public func mentions(kinds: [EventKind], from: String, through: String, upTo row: Int64) throws
        -> [StoredReport]
    {
        try queue.read { db in
            var result: [StoredReport] = []
            let marks = Array(repeating: "?", count: kinds.count).joined(separator: ", ")
            try Self.mentions(
                db,
                where: """
                    WHERE kind IN (\(marks)) AND rowid <= ?
                      AND substr(start, 1, 10) <= ? AND substr("end", 1, 10) >= ?
                    """, arguments: StatementArguments(kinds.map(\.rawValue)) + [row, through, from]
            ) { result.append($0) }
            return result
        }
    }

    public func mentions(after row: Int64) throws -> [StoredReport] {
        try queue.read { db in
            var result: [StoredReport] = []
            try Self.mentions(db, where: "WHERE rowid > ?", arguments: [row]) { result.append($0) }
            return result
        }
    }

    private static func mentions(
        _ db: Database, where filter: String, arguments: StatementArguments,
        _ body: (StoredReport) throws -> Void
    ) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT path, ordinal, articleID, eventID, kind, start, "end", datePrecision, placeName,
                  placeCountry, placeAdmin1, lat, lon, placePrecision, geonamesID, initiatorCountry,
                  firstReported, confidence, rowid
                FROM mention \(filter)
                """, arguments: arguments)
        // Paths, places and days repeat across hundreds of thousands of rows: each is kept once.
        var strings = StringPool()
        while let row = try rows.next() {
            var place: Place?
            if let name: String = row[8] {
                place = Place(
                    name: strings.intern(name), admin1: strings.intern(row[10]),
                    country: strings.intern(row[9]),
                    lat: row[11], lon: row[12],
                    precision: PlacePrecision(rawValue: row[13] ?? "") ?? .unknown,
                    geonamesID: row[14])
            }
            guard let kind = EventKind(rawValue: row[4]) else { continue }
            let mention = StoredMention(
                article: ArticleKey(path: strings.intern(row[0]), ordinal: row[1]),
                articleID: strings.intern(row[2] as String), eventID: row[3],
                kind: kind, start: strings.intern(row[5]), end: strings.intern(row[6]),
                datePrecision: DatePrecision(rawValue: row[7]) ?? .unknown, place: place,
                initiatorCountry: strings.intern(row[15]), firstReported: strings.intern(row[16]),
                confidence: row[17])
            try body(StoredReport(row: row[18], mention: mention))
        }
    }

    public func clusters(ofReports rows: [Int64]) throws -> [Int64: String] {
        try queue.read { db in
            var result: [Int64: String] = [:]
            let statement = try db.makeStatement(
                sql: "SELECT c.signature FROM member b JOIN cluster c ON c.id = b.cluster WHERE b.mention = ?"
            )
            for row in rows {
                if let signature = try String.fetchOne(statement, arguments: [row]) {
                    result[row] = signature
                }
            }
            return result
        }
    }

    public func clusterMark() throws -> ClusterMark? {
        try queue.read { db in
            let values = try Row.fetchAll(
                db,
                sql: "SELECT key, value FROM setting WHERE key IN ('clustered-mention', 'clustered-article')")
            var marks: [String: Int64] = [:]
            for row in values { marks[row[0]] = Int64(row[1] as String) }
            guard let mention = marks["clustered-mention"], let article = marks["clustered-article"] else {
                return nil
            }
            return ClusterMark(mention: mention, article: article)
        }
    }

    public func clusters() throws -> [StoredCluster] {
        try queue.read { db in
            var strings = StringPool()
            var result: [StoredCluster] = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT signature, start, firstID, firstPath, firstOrdinal FROM cluster")
            while let row = try rows.next() {
                result.append(
                    StoredCluster(
                        signature: row[0], start: strings.intern(row[1]), firstID: row[2],
                        firstArticle: ArticleKey(path: strings.intern(row[3]), ordinal: row[4]), members: []))
            }
            return result
        }
    }

    public func clusterMembers(_ signatures: [String]) throws -> [String: [ClusterMember]] {
        try queue.read { db in
            var strings = StringPool()
            var result: [String: [ClusterMember]] = [:]
            let statement = try db.makeStatement(
                sql: """
                    SELECT m.path, m.ordinal, m.eventID, m.firstReported, m.event
                    FROM cluster c JOIN member b ON b.cluster = c.id JOIN mention m ON m.rowid = b.mention
                    WHERE c.signature = ?
                    """)
            for signature in signatures {
                let rows = try Row.fetchCursor(statement, arguments: [signature])
                while let row = try rows.next() {
                    result[signature, default: []].append(
                        ClusterMember(
                            article: ArticleKey(path: strings.intern(row[0]), ordinal: row[1]),
                            eventID: row[2],
                            firstReported: strings.intern(row[3]), event: row[4]))
                }
            }
            return result
        }
    }

    public func clearClusters() throws {
        try queue.write { db in
            try db.execute(
                sql: """
                    DELETE FROM setting WHERE key IN ('clustered-mention', 'clustered-article');
                    DELETE FROM member; DELETE FROM cluster
                    """)
        }
    }

    public func updateClusters(remove: [String], add: [StoredCluster], mark: Bool) throws {
        try queue.write { db in
            for signature in remove {
                try db.cachedStatement(
                    sql: "DELETE FROM member WHERE cluster = (SELECT id FROM cluster WHERE signature = ?)"
                ).execute(arguments: [signature])
                try db.cachedStatement(sql: "DELETE FROM cluster WHERE signature = ?").execute(arguments: [
                    signature
                ])
            }
            try Self.insert(add, db)
            if mark { try Self.mark(db) }
        }
    }

    /// Keeps clusters and their reports' links to them.
    private static func insert(_ clusters: [StoredCluster], _ db: Database) throws {
        for cluster in clusters {
            try db.cachedStatement(
                sql: """
                    INSERT INTO cluster (signature, start, firstID, firstPath, firstOrdinal)
                    VALUES (?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                cluster.signature, cluster.start, cluster.firstID, cluster.firstArticle.path,
                cluster.firstArticle.ordinal,
            ])
            let id = db.lastInsertedRowID
            for member in cluster.members {
                try db.cachedStatement(sql: "INSERT OR REPLACE INTO member (mention, cluster) VALUES (?, ?)")
                    .execute(arguments: [member, id])
            }
        }
    }

    /// Marks every report and article row now kept as accounted for by the clusters.
    private static func mark(_ db: Database) throws {
        for (key, table) in [("clustered-mention", "mention"), ("clustered-article", "article")] {
            let last = try Int64.fetchOne(db, sql: "SELECT MAX(rowid) FROM \(table)") ?? 0
            try db.execute(
                sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                arguments: [key, String(last)])
        }
    }

    public func articles(after row: Int64) throws -> [(key: ArticleKey, id: String)] {
        try queue.read { db in
            try Row.fetchAll(
                db, sql: "SELECT path, ordinal, id FROM article WHERE rowid > ?", arguments: [row]
            )
            .map { (ArticleKey(path: $0[0], ordinal: $0[1]), $0[2]) }
        }
    }

    public func firstArticles(ids: Set<String>, upTo row: Int64) throws -> [String: ArticleKey] {
        guard !ids.isEmpty else { return [:] }
        return try queue.read { db in
            var result: [String: ArticleKey] = [:]
            // The ids are looked for by SQLite, a few hundred at a pass over the articles: no
            // row but theirs becomes a Swift value.
            let sorted = ids.sorted()
            for first in stride(from: 0, to: sorted.count, by: 500) {
                let part = Array(sorted[first..<min(first + 500, sorted.count)])
                let marks = Array(repeating: "?", count: part.count).joined(separator: ", ")
                let rows = try Row.fetchCursor(
                    db,
                    sql: "SELECT id, path, ordinal FROM article WHERE rowid <= ? AND id IN (\(marks))",
                    arguments: StatementArguments([row] + part.map { $0 as any DatabaseValueConvertible }))
                while let row = try rows.next() {
                    let key = ArticleKey(path: row[1], ordinal: row[2])
                    let id: String = row[0]
                    if result[id].map({ key < $0 }) ?? true { result[id] = key }
                }
            }
            return result
        }
    }

    public func articleHashes(_ keys: [ArticleKey]) throws -> [ArticleKey: String] {
        try column("hash", ofArticlesAt: keys)
    }

    /// One column of each of these articles, by key (articles not kept are left out).
    private func column<Value: DatabaseValueConvertible & StatementColumnConvertible>(
        _ name: String, ofArticlesAt keys: [ArticleKey]
    ) throws -> [ArticleKey: Value] {
        try queue.read { db in
            var result: [ArticleKey: Value] = [:]
            let statement = try db.makeStatement(
                sql: "SELECT \(name) FROM article WHERE path = ? AND ordinal = ?")
            for key in Set(keys) {
                if let value = try Value.fetchOne(statement, arguments: [key.path, key.ordinal]) {
                    result[key] = value
                }
            }
            return result
        }
    }

    public func clusteredReports() throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM member") ?? 0 }
    }

    public func events(ofArticlesAt keys: [ArticleKey]) throws -> [ArticleKey: Data] {
        try column("events", ofArticlesAt: keys)
    }

    public func articleIDs() throws -> [(key: ArticleKey, id: String, hash: String)] {
        try queue.read { db in
            var result: [(key: ArticleKey, id: String, hash: String)] = []
            var strings = StringPool()
            let rows = try Row.fetchCursor(
                db, sql: "SELECT path, ordinal, id, hash FROM article ORDER BY path, ordinal")
            while let row = try rows.next() {
                result.append((ArticleKey(path: strings.intern(row[0]), ordinal: row[1]), row[2], row[3]))
            }
            return result
        }
    }

    public func forEachArticleFragment(_ body: (ArticleKey, String, String, () -> Data) throws -> Void) throws
    {
        try queue.read { db in
            var strings = StringPool()
            let rows = try Row.fetchCursor(
                db, sql: "SELECT path, ordinal, id, hash, metadata FROM article ORDER BY path, ordinal")
            while let row = try rows.next() {
                try body(ArticleKey(path: strings.intern(row[0]), ordinal: row[1]), row[2], row[3]) { row[4] }
            }
        }
    }

    public func mergedEvents() throws -> [String: StoredMergedEvent] {
        try queue.read { db in
            var found: [String: StoredMergedEvent] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT signature, facets FROM merged")
            while let row = try rows.next() {
                found[row[0]] = StoredMergedEvent(
                    json: Data(), html: Data(), csv: Data(), geojson: Data(), facets: row[1])
            }
            return found
        }
    }

    public func mergedPieces(_ signatures: [String]) throws -> [String: (
        json: Data, csv: Data, geojson: Data
    )] {
        try queue.read { db in
            var result: [String: (json: Data, csv: Data, geojson: Data)] = [:]
            let statement = try db.makeStatement(
                sql: "SELECT json, csv, geojson FROM merged WHERE signature = ?")
            for signature in signatures {
                if let row = try Row.fetchOne(statement, arguments: [signature]) {
                    result[signature] = (row[0], row[1], row[2])
                }
            }
            return result
        }
    }

    public func mergedCards(_ signatures: [String]) throws -> [String: Data] {
        try queue.read { db in
            var result: [String: Data] = [:]
            let statement = try db.makeStatement(sql: "SELECT html FROM merged WHERE signature = ?")
            for signature in signatures {
                if let html = try Data.fetchOne(statement, arguments: [signature]) {
                    result[signature] = html
                }
            }
            return result
        }
    }

    public func updateMergedEvents(remove: [String], add: [String: StoredMergedEvent]) throws {
        guard !remove.isEmpty || !add.isEmpty else { return }
        try queue.write { db in
            for signature in remove {
                try db.cachedStatement(sql: "DELETE FROM merged WHERE signature = ?").execute(arguments: [
                    signature
                ])
            }
            for (signature, event) in add.sorted(by: { $0.key < $1.key }) {
                try db.cachedStatement(
                    sql:
                        "INSERT OR REPLACE INTO merged (signature, facets, json, csv, geojson, html) VALUES (?, ?, ?, ?, ?, ?)"
                ).execute(arguments: [
                    signature, event.facets, event.json, event.csv, event.geojson, event.html,
                ])
            }
        }
    }

    public func clearMergedEvents() throws {
        try queue.write { db in try db.execute(sql: "DELETE FROM merged") }
    }

    public func checkpoint() throws {
        try queue.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    public func setting(_ key: String) throws -> String? {
        try queue.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
        }
    }

    public func setSetting(_ key: String, _ value: String?) throws {
        try setValue(key, value)
    }

    public func data(setting key: String) throws -> Data? {
        try queue.read { db in
            try Data.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
        }
    }

    public func setData(setting key: String, _ value: Data?) throws {
        try setValue(key, value)
    }

    private func setValue(_ key: String, _ value: (any DatabaseValueConvertible)?) throws {
        try queue.write { db in
            if let value {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
            }
        }
    }
}

/// Equal strings read from many rows, kept as one value (their storage shared).
struct StringPool {
    private var known: [String: String] = [:]

    mutating func intern(_ text: String) -> String {
        if let kept = known[text] { return kept }
        known[text] = text
        return text
    }

    mutating func intern(_ text: String?) -> String? { text.map { intern($0) } }
}
