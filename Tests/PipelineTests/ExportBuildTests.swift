import EventModel
import Extraction
import Foundation
import Ingest
import Store
import Testing

@testable import Pipeline

/// JSON Lines exports are read a record at a time and kept record by record: a build reads
/// only the records it does not hold, and its outputs are a fresh build's, byte for byte.
struct ExportBuildTests {
    private static let towns = ["Kharkiv", "Sumy", "Odesa", "Dnipro", "Poltava", "Chernihiv", "Mykolaiv"]

    /// A record reporting a strike on a town on a day of March 2025; `id: false` leaves the id out.
    static func record(_ index: Int, id: Bool = true, injured: Int? = nil, month: String = "03") -> String {
        let town = towns[index % towns.count]
        let day = 1 + index % 28
        let text =
            "Russian drones struck \(town) overnight, injuring \(injured ?? 2 + index % 5) people, the regional governor said."
        var fields = [
            "\"title\": \"Drones over \(town)\"",
            "\"published\": \"2025-\(month)-\(day < 10 ? "0" : "")\(day)\"",
            "\"text\": \"\(text)\"",
        ]
        if id { fields.insert("\"id\": \"story-\(index)\"", at: 0) }
        return "{" + fields.joined(separator: ", ") + "}\n"
    }

    @Test func appendedRecordsAreTheOnlyOnesRead() throws {
        let scratch = try BuildScratch()
        try scratch.write("export.jsonl", (0..<30).map { Self.record($0) }.joined())
        let first = try scratch.build()
        #expect(first.articlesRead == 30 && first.articles == 30)

        try scratch.append("export.jsonl", (30..<40).map { Self.record($0) }.joined())
        let appended = try scratch.build()
        #expect(appended.articlesRead == 10 && appended.articles == 40 && appended.filesRead == 1)
        // The export only grew: its first 30 lines were not even split into records.
        #expect(appended.linesUnread == 30)
        #expect(try tables(scratch) == freshTables(scratch))
    }

    @Test func anExportIsReadFromWhereItEndedOnlyWhileItsBeginningIsAsRead() throws {
        let scratch = try BuildScratch()
        var records = (0..<12).map { Self.record($0) }
        // The last record has no line end yet: the beginning kept ends before it.
        try scratch.write("export.jsonl", records.joined().dropLast() + "")
        #expect(try scratch.build().articles == 12)

        // Its line ends and records follow: it is known by its hash, the rest is new.
        records += (12..<15).map { Self.record($0) }
        try scratch.append("export.jsonl", "\n" + records[12...].joined())
        let grown = try scratch.build()
        #expect(grown.linesUnread == 11 && grown.articlesRead == 3 && grown.articles == 15)
        #expect(try tables(scratch) == freshTables(scratch))

        // A record in the beginning changes as others are added: every line is looked at again,
        // and only the changed and the new records are read.
        records[2] = Self.record(2, injured: 31)
        records += (15..<17).map { Self.record($0) }
        try scratch.write("export.jsonl", records.joined())
        let edited = try scratch.build()
        #expect(edited.linesUnread == 0 && edited.articlesRead == 3 && edited.articles == 17)
        #expect(try scratch.document().events.contains { $0.casualties?.injured?.value == 31 })
        #expect(try tables(scratch) == freshTables(scratch))

        // Cut shorter, then the same bytes again (touched): nothing is passed over that is gone.
        records.removeLast(4)
        try scratch.write("export.jsonl", records.joined())
        let cut = try scratch.build()
        #expect(cut.linesUnread == 0 && cut.articlesRead == 0 && cut.articles == 13)
        #expect(try tables(scratch) == freshTables(scratch))
        try scratch.write("export.jsonl", records.joined())
        let touched = try scratch.build()
        #expect(touched.articlesRead == 0 && touched.filesRead == 0 && touched.linesUnread == 13)
    }

    @Test func theTablesCopyWhatDidNotChangeFromFilesLeftAsWritten() throws {
        let scratch = try BuildScratch()
        try scratch.write("export.jsonl", (0..<30).map { Self.record($0) }.joined())
        #expect(try scratch.build().bytesCopied == 0)

        // Dated among the others: the tables gain rows in their middle, the rest is copied.
        try scratch.append("export.jsonl", Self.record(30, injured: 12) + Self.record(31, id: false))
        let appended = try scratch.build()
        let size = try tables(scratch).reduce(0) { $0 + $1.utf8.count }
        #expect(appended.bytesCopied > size * 3 / 4)
        #expect(try tables(scratch) == freshTables(scratch))

        // A table changed by hand since: nothing is copied, every table is written as a fresh build's.
        try Data("edited\n".utf8).write(to: scratch.root.appendingPathComponent("out/events.csv"))
        try scratch.append("export.jsonl", Self.record(32))
        let edited = try scratch.build()
        #expect(edited.bytesCopied == 0)
        #expect(try tables(scratch) == freshTables(scratch))

        // A record removed (the first appended): the tables lose its rows, the rest is copied.
        var records = try scratch.text("export.jsonl", out: "in").split(separator: "\n")
        records.remove(at: 30)
        try scratch.write("export.jsonl", records.joined(separator: "\n") + "\n")
        let removed = try scratch.build()
        #expect(removed.bytesCopied > 0 && removed.articles == 32)
        #expect(try tables(scratch) == freshTables(scratch))
    }

    /// The three tables of the last build, and of a fresh build of the same inputs.
    private func tables(_ scratch: BuildScratch, out: String = "out") throws -> [String] {
        try ["events.json", "events.csv", "events.geojson"].map { try scratch.text($0, out: out) }
    }

    private func freshTables(_ scratch: BuildScratch) throws -> [String] {
        _ = try scratch.build(state: "fresh-state", out: "fresh-out")
        defer {
            for name in ["fresh-state", "fresh-out"] {
                try? FileManager.default.removeItem(at: scratch.root.appendingPathComponent(name))
            }
        }
        return try tables(scratch, out: "fresh-out")
    }

    @Test func anExportWithABadRecordIsLookedAtWholeEachTime() throws {
        let scratch = try BuildScratch()
        try scratch.write("export.jsonl", (0..<5).map { Self.record($0) }.joined() + "{broken\n")
        #expect(try scratch.build().failures.count == 1)
        try scratch.append("export.jsonl", Self.record(5))
        let appended = try scratch.build()
        // The broken line is reported again, so the export's beginning is read again.
        #expect(appended.linesUnread == 0 && appended.failures.count == 1 && appended.articlesRead == 1)
        #expect(appended.articles == 6)
    }

    @Test func aChangedOrRemovedRecordUpdatesItsEventsAlone() throws {
        let scratch = try BuildScratch()
        var records = (0..<20).map { Self.record($0) }
        try scratch.write("export.jsonl", records.joined())
        _ = try scratch.build()

        // One record's figure changes: that record is read again, its event follows.
        records[5] = Self.record(5, injured: 40)
        try scratch.write("export.jsonl", records.joined())
        let changed = try scratch.build()
        #expect(changed.articlesRead == 1)
        #expect(try scratch.document().events.contains { $0.casualties?.injured?.value == 40 })
        #expect(try tables(scratch) == freshTables(scratch))

        // A record removed from the middle: the others move up a line and are not read again.
        records.remove(at: 3)
        try scratch.write("export.jsonl", records.joined())
        let removed = try scratch.build()
        #expect(removed.articlesRead == 0 && removed.articles == 19)
        #expect(try tables(scratch) == freshTables(scratch))
    }

    @Test func newReportsReclusterOnlyTheReportsNearThem() throws {
        let scratch = try BuildScratch()
        let months = ["01", "02", "03", "04"]
        try scratch.write("export.jsonl", (0..<40).map { Self.record($0, month: months[$0 % 4]) }.joined())
        let first = try scratch.build()
        #expect(first.reclustered == nil, "nothing was clustered before")

        // Records dated among the others (not after them): only the reports of their month are
        // clustered again, and the outputs are a fresh build's.
        try scratch.append(
            "export.jsonl", Self.record(44, injured: 9, month: "02") + Self.record(45, month: "02"))
        let appended = try scratch.build()
        let again = try #require(appended.reclustered)
        #expect(again >= 2 && again < appended.sources)
        #expect(try tables(scratch) == freshTables(scratch))

        // The same story in a file read after it: kept once, nothing else moves.
        try scratch.write("later.jsonl", Self.record(7, month: "04"))
        let repeated = try scratch.build()
        #expect(repeated.reclustered == 0 && repeated.duplicates == 1 && repeated.articles == 42)
        #expect(try tables(scratch) == freshTables(scratch))

        // ... and in a file read before it: that copy now counts, so everything is clustered again.
        try scratch.write("aaa-earlier.jsonl", Self.record(8, month: "01"))
        let earlier = try scratch.build()
        #expect(earlier.reclustered == nil && earlier.duplicates == 2)
        #expect(try tables(scratch) == freshTables(scratch))

        // A record changed: its old reports are gone, so everything is clustered again.
        try scratch.write("later.jsonl", Self.record(7, injured: 30, month: "04"))
        let changed = try scratch.build()
        #expect(changed.reclustered == nil)
        #expect(try tables(scratch) == freshTables(scratch))
    }

    @Test func recordsWithoutIdsAreKnownByTheirLine() throws {
        let scratch = try BuildScratch()
        var records = (0..<12).map { Self.record($0, id: false) }
        try scratch.write("export.jsonl", records.joined())
        _ = try scratch.build()
        // Their paths name their lines, so the records after a removed one are read again.
        records.remove(at: 9)
        try scratch.write("export.jsonl", records.joined())
        let removed = try scratch.build()
        #expect(removed.articlesRead == 2 && removed.articles == 11)
        #expect(try tables(scratch) == freshTables(scratch))
    }

    @Test func aGzippedExportStreamsAndACutOneKeepsItsFirstRecords() throws {
        let plain = (0..<25).map { Self.record($0) }.joined()
        let packed = try gzip(Data(plain.utf8))
        let scratch = try BuildScratch()
        try scratch.write("export.jsonl.gz", packed)
        let whole = try scratch.build()
        #expect(whole.articles == 25 && whole.failures.isEmpty)

        let cut = try BuildScratch()
        try cut.write("export.jsonl.gz", packed.prefix(packed.count / 2))
        let partial = try cut.build()
        #expect(partial.articles > 0 && partial.articles < 25)
        #expect(partial.failures.count == 1 && partial.failures[0].reason == "broken gzip data")
    }

    @Test func recordsLeftByAKilledBuildAreUsedAndTheRestForgotten() throws {
        let scratch = try BuildScratch()
        let records = (0..<10).map { Self.record($0) }
        try scratch.write("export.jsonl", records.joined())
        // A build killed after saving a few records of the export, and one stray record.
        let state = scratch.root.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let store = try SQLiteTimelineStore(path: IncrementalBuild.databasePath(state: state.path))
        let stray = StoredArticle(
            key: ArticleKey(path: scratch.root.appendingPathComponent("in/export.jsonl").path, ordinal: -99),
            id: "stray", hash: "no-such-record", metadataFragment: Data("{}".utf8), mentions: [], events: [])
        // A record the killed build read, saved at minus its line (line 4 holds record 3).
        let line = Data(records[3].dropLast().utf8)
        let article = try ArticleRecordReader().read(record: line, line: 4, path: stray.key.path).0.get()
        let read = try IncrementalBuild.stored(
            article, events: EventExtractor().extract(from: article),
            key: ArticleKey(path: stray.key.path, ordinal: -4), hash: String(ContentHash.of(line).prefix(32)))
        // (The killed build had got past checking the extractor's version.)
        try store.setSetting("extractor", IncrementalBuild.extractorFingerprint(state: state.path))
        try store.saveRecords([stray, read], file: stray.key.path)
        let summary = try scratch.build()
        #expect(summary.articles == 10)
        #expect(summary.articlesRead == 9, "read \(summary.articlesRead)")
        #expect(try tables(scratch) == freshTables(scratch))
    }

    @Test func theLinesOfAnExportAreReadOnePieceAtATime() throws {
        let long = String(repeating: "x", count: 3_000)
        let text = "\n  {\"a\": 1}\r\n\n{\"b\": \"\(long)\"}\n{\"c\": 3}"
        var lines = ExportLines.data(Data(text.utf8), path: "e.jsonl", maximumRecordBytes: 1_000)
        var seen: [String] = []
        while let line = try lines.next() {
            switch line {
            case .record(let number, let bytes):
                seen.append("\(number):\(String(decoding: bytes, as: UTF8.self))")
            case .tooLarge(let number, let size): seen.append("\(number): \(size) bytes")
            }
        }
        #expect(seen == ["2:{\"a\": 1}", "4: 3009 bytes", "5:{\"c\": 3}"])
    }

    /// `data` compressed by the system's gzip.
    private func gzip(_ data: Data) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitrep-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("data")
        try data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-n", file.path]
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: folder.appendingPathComponent("data.gz"))
    }
}
