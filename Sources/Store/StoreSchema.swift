import GRDB

/// The SQLite schema the Store keeps its per-article results in, as GRDB migrations.
public enum StoreSchema {
    public static let version = 6

    /// The migrations, in order; applying them to an empty database creates the current schema.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-articles") { db in
            try db.create(table: "article") { table in
                table.column("path", .text).primaryKey()
                table.column("contentHash", .text).notNull()
                table.column("extractorVersion", .integer).notNull()
                table.column("metadata", .jsonText).notNull()
            }
        }
        // Files, the articles they hold, the merge inputs of their events in columns, and the
        // merged events encoded by the reports they combine.
        migrator.registerMigration("v2-timeline") { db in
            try db.drop(table: "article")
            try db.create(table: "file") { table in
                table.column("path", .text).primaryKey()
                table.column("size", .integer).notNull()
                table.column("modified", .double).notNull()
                table.column("hash", .text).notNull()
                table.column("error", .text)
            }
            try db.create(table: "article") { table in
                table.column("path", .text).notNull().references("file", onDelete: .cascade)
                table.column("ordinal", .integer).notNull()
                table.column("id", .text).notNull()
                table.column("metadata", .blob).notNull()
                table.column("events", .blob).notNull()
                table.primaryKey(["path", "ordinal"])
            }
            try db.create(table: "mention") { table in
                table.column("path", .text).notNull()
                table.column("ordinal", .integer).notNull()
                table.column("position", .integer).notNull()
                table.column("articleID", .text).notNull()
                table.column("eventID", .text).notNull()
                table.column("kind", .text).notNull()
                table.column("start", .text)
                table.column("end", .text)
                table.column("datePrecision", .text).notNull()
                table.column("placeName", .text)
                table.column("placeCountry", .text)
                table.column("placeAdmin1", .text)
                table.column("lat", .double)
                table.column("lon", .double)
                table.column("placePrecision", .text)
                table.column("geonamesID", .integer)
                table.column("initiatorCountry", .text)
                table.column("firstReported", .text)
                table.column("confidence", .double).notNull()
                table.primaryKey(["path", "ordinal", "position"])
                table.foreignKey(["path", "ordinal"], references: "article", onDelete: .cascade)
            }
            try db.create(table: "merged") { table in
                table.column("signature", .text).primaryKey()
                table.column("json", .blob).notNull()
            }
            try db.create(table: "setting") { table in
                table.column("key", .text).primaryKey()
                table.column("value", .text).notNull()
            }
        }
        // Merged events keep every rendered piece: the card, the CSV row, the GeoJSON feature and
        // the facts pages are grouped and filtered by.
        migrator.registerMigration("v3-rendered") { db in
            try db.drop(table: "merged")
            try db.create(table: "merged") { table in
                table.column("signature", .text).primaryKey()
                table.column("json", .blob).notNull()
                table.column("html", .blob).notNull()
                table.column("csv", .blob).notNull()
                table.column("geojson", .blob).notNull()
                table.column("facets", .blob).notNull()
            }
        }
        // The card last: a build reads every other piece of every event, and the cards of only
        // the pages it renders again.
        migrator.registerMigration("v4-card-last") { db in
            try db.drop(table: "merged")
            try db.create(table: "merged") { table in
                table.column("signature", .text).primaryKey()
                table.column("facets", .blob).notNull()
                table.column("json", .blob).notNull()
                table.column("csv", .blob).notNull()
                table.column("geojson", .blob).notNull()
                table.column("html", .blob).notNull()
            }
            // What was rendered before is gone: the next build renders every event again.
            try db.execute(sql: "DELETE FROM setting WHERE key IN ('rendering', 'output', 'pages')")
        }
        // Each article keeps the hash of what it was read from: an export's records are kept
        // one by one. What was read before is read again.
        migrator.registerMigration("v5-record-hash") { db in
            try db.execute(
                sql: "DELETE FROM mention; DELETE FROM article; DELETE FROM file; DELETE FROM merged")
            try db.alter(table: "article") { table in
                table.add(column: "hash", .text).notNull().defaults(to: "")
            }
            try db.execute(sql: "DELETE FROM setting WHERE key IN ('rendering', 'output', 'pages', 'counts')")
        }
        // The clusters of the last build: each merged event's order and first report, and the
        // event each report was merged into, so a build re-clusters only the reports near new ones.
        // Deleting or moving a report or article clustered before (a changed, moved or removed
        // article) drops the marks, and the next build clusters every report again.
        migrator.registerMigration("v6-cluster-members") { db in
            // Reports of a kind are read together (one group of kinds at a time). By kind alone:
            // each new report goes to the end of its kind's run, so saving stays cheap.
            try db.create(index: "mention_kind", on: "mention", columns: ["kind"])
            // Each report keeps its event, so merging decodes the events it combines and no others
            // (reports kept before keep them in their article's list).
            try db.alter(table: "mention") { table in table.add(column: "event", .blob) }
            try db.create(table: "cluster") { table in
                table.column("id", .integer).primaryKey()
                table.column("signature", .text).notNull().unique()
                table.column("start", .text)
                table.column("firstID", .text).notNull()
                table.column("firstPath", .text).notNull()
                table.column("firstOrdinal", .integer).notNull()
            }
            // By the report's row; a report's row is never taken by another while it is listed
            // here (deleting it drops the marks, and the next clustering empties this table).
            try db.create(table: "member") { table in
                table.column("mention", .integer).primaryKey()
                table.column("cluster", .integer).notNull().indexed()
            }
            let forget =
                "BEGIN DELETE FROM setting WHERE key IN ('clustered-mention', 'clustered-article'); END"
            for (table, mark, columns) in [
                ("mention", "clustered-mention", "path, ordinal"),
                ("article", "clustered-article", "path, ordinal, id, hash"),
            ] {
                let when =
                    "WHEN old.rowid <= CAST((SELECT value FROM setting WHERE key = '\(mark)') AS INTEGER)"
                try db.execute(sql: "CREATE TRIGGER \(table)_gone AFTER DELETE ON \(table) \(when) \(forget)")
                try db.execute(
                    sql:
                        "CREATE TRIGGER \(table)_moved AFTER UPDATE OF \(columns) ON \(table) \(when) \(forget)"
                )
            }
        }
        // A plain export keeps its prefix (bytes up to its last whole line, their lines and hash),
        // so a build of an export that only grew reads the lines after it and nothing before.
        // Exports read before have none and are read record by record once more.
        migrator.registerMigration("v7-export-prefix") { db in
            try db.alter(table: "file") { table in
                table.add(column: "prefixBytes", .integer)
                table.add(column: "prefixLines", .integer)
                table.add(column: "prefixHash", .text)
            }
        }
        return migrator
    }
}
