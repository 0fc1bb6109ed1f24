import GRDB

/// The SQLite schema the Store keeps its per-article results in, as GRDB migrations.
public enum StoreSchema {
    public static let version = 1

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
        return migrator
    }
}
