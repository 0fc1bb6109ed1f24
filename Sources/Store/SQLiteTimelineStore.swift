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
            let rows = try Row.fetchCursor(db, sql: "SELECT path, size, modified, hash, error FROM file")
            while let row = try rows.next() {
                let file = StoredFile(
                    path: row[0], size: row[1], modified: row[2], hash: row[3], error: row[4])
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
                for article in change.articles {
                    try db.execute(
                        sql:
                            "INSERT INTO article (path, ordinal, id, metadata, events) VALUES (?, ?, ?, ?, ?)",
                        arguments: [
                            article.key.path, article.key.ordinal, article.id, article.metadataFragment,
                            article.eventsJSON,
                        ])
                    for (position, mention) in article.mentions.enumerated() {
                        try insert(mention, position: position, db)
                    }
                }
            }
        }
    }

    private func insert(_ mention: StoredMention, position: Int, _ db: Database) throws {
        let place = mention.place
        try db.execute(
            sql: """
                INSERT INTO mention (path, ordinal, position, articleID, eventID, kind, start, "end",
                  datePrecision, placeName, placeCountry, placeAdmin1, lat, lon, placePrecision, geonamesID,
                  initiatorCountry, firstReported, confidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                mention.article.path, mention.article.ordinal, position, mention.articleID, mention.eventID,
                mention.kind.rawValue, mention.start, mention.end, mention.datePrecision.rawValue,
                place?.name,
                place?.country, place?.admin1, place?.lat, place?.lon, place?.precision.rawValue,
                place?.geonamesID, mention.initiatorCountry, mention.firstReported, mention.confidence,
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
                sql: "DELETE FROM mention; DELETE FROM article; DELETE FROM file; DELETE FROM merged")
        }
    }

    public func mentions() throws -> [StoredMention] {
        try queue.read { db in
            var result: [StoredMention] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT path, ordinal, articleID, eventID, kind, start, "end", datePrecision, placeName,
                      placeCountry, placeAdmin1, lat, lon, placePrecision, geonamesID, initiatorCountry,
                      firstReported, confidence
                    FROM mention
                    """)
            while let row = try rows.next() {
                var place: Place?
                if let name: String = row[8] {
                    place = Place(
                        name: name, admin1: row[10], country: row[9], lat: row[11], lon: row[12],
                        precision: PlacePrecision(rawValue: row[13] ?? "") ?? .unknown, geonamesID: row[14])
                }
                guard let kind = EventKind(rawValue: row[4]) else { continue }
                result.append(
                    StoredMention(
                        article: ArticleKey(path: row[0], ordinal: row[1]), articleID: row[2],
                        eventID: row[3],
                        kind: kind, start: row[5], end: row[6],
                        datePrecision: DatePrecision(rawValue: row[7]) ?? .unknown, place: place,
                        initiatorCountry: row[15], firstReported: row[16], confidence: row[17]))
            }
            return result
        }
    }

    public func events(ofArticlesAt keys: [ArticleKey]) throws -> [ArticleKey: Data] {
        try queue.read { db in
            var result: [ArticleKey: Data] = [:]
            let statement = try db.makeStatement(
                sql: "SELECT events FROM article WHERE path = ? AND ordinal = ?")
            for key in Set(keys) {
                if let data = try Data.fetchOne(statement, arguments: [key.path, key.ordinal]) {
                    result[key] = data
                }
            }
            return result
        }
    }

    public func articleIDs() throws -> [(key: ArticleKey, id: String)] {
        try queue.read { db in
            var result: [(key: ArticleKey, id: String)] = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT path, ordinal, id FROM article ORDER BY path, ordinal")
            while let row = try rows.next() {
                result.append((ArticleKey(path: row[0], ordinal: row[1]), row[2]))
            }
            return result
        }
    }

    public func articleFragments() throws -> [(key: ArticleKey, id: String, fragment: Data)] {
        try queue.read { db in
            var result: [(key: ArticleKey, id: String, fragment: Data)] = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT path, ordinal, id, metadata FROM article ORDER BY path, ordinal")
            while let row = try rows.next() {
                let data: Data = row[3]
                result.append((ArticleKey(path: row[0], ordinal: row[1]), row[2], data))
            }
            return result
        }
    }

    public func mergedEvents() throws -> [String: StoredMergedEvent] {
        try queue.read { db in
            var found: [String: StoredMergedEvent] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT signature, facets, json, csv, geojson FROM merged")
            while let row = try rows.next() {
                found[row[0]] = StoredMergedEvent(
                    json: row[2], html: Data(), csv: row[3], geojson: row[4], facets: row[1])
            }
            return found
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
                try db.execute(sql: "DELETE FROM merged WHERE signature = ?", arguments: [signature])
            }
            for (signature, event) in add.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql:
                        "INSERT OR REPLACE INTO merged (signature, facets, json, csv, geojson, html) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [signature, event.facets, event.json, event.csv, event.geojson, event.html])
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
