import Foundation

/// Where a build keeps its state, from `--state`: a folder (`state.sqlite`, `lock` and
/// `places.tsv` inside it, the whole folder kept out of the scan), or a path ending in `.sqlite`,
/// the database file itself, with its lock, journal and places beside it and only those files
/// kept out of the scan.
public struct StateLocation: Sendable, Equatable {
    /// The folder the files are in.
    public var folder: String
    public var database: String
    public var lock: String
    /// The places imported with `sitrep gazetteer import`.
    public var places: String
    /// What a walk of the inputs passes over.
    public var excluded: [String]
    /// Whether `--state` named a folder (rather than a database file).
    public var isFolder: Bool

    public init(_ argument: String) {
        if argument.hasSuffix(".sqlite") {
            let folder = (argument as NSString).deletingLastPathComponent
            self.folder = folder.isEmpty ? "." : folder
            database = argument
            lock = argument + ".lock"
            places = String(argument.dropLast(".sqlite".count)) + ".places.tsv"
            excluded = [database, database + "-wal", database + "-shm", database + "-journal", lock, places]
            isFolder = false
        } else {
            folder = argument
            database = (argument as NSString).appendingPathComponent("state.sqlite")
            lock = (argument as NSString).appendingPathComponent("lock")
            places = (argument as NSString).appendingPathComponent("places.tsv")
            excluded = [argument]
            isFolder = true
        }
    }
}
