import EventModel
import Extraction
import Foundation
import Ingest
import Rendering
import Store

/// A JSON Lines export read record by record: memory holds a few hundred records whatever the
/// size of the file, and a record whose bytes are kept in the state is not read again, only
/// moved to its line — appending ten records to a large export reads those ten.
extension IncrementalBuild {
    /// What reading an export came to.
    struct ExportOutcome {
        var failures: [ReadFailure] = []
        var articles = 0
        var events = 0
        /// The records' bytes were all as stored, on the same lines.
        var unchanged = false
        /// Lines passed over: the export's beginning, as last read.
        var linesUnread = 0
    }

    /// A record waiting to be read: its line, bytes and hash.
    private struct PendingRecord: Sendable {
        var line: Int
        var bytes: Data
        var hash: String
    }

    /// Reads the records of a changed export that the state does not hold, on every core, saving
    /// them as it goes; then, in one transaction, puts every record at its line and forgets
    /// the records gone from the file.
    static func readExport(
        _ item: Scan.Item, old: StoredFile?, loader: ArticleLoader, store: any TimelineStore,
        extractor: EventExtractor
    ) throws -> ExportOutcome {
        var outcome = ExportOutcome()
        // One pass over a plain export's bytes: when it still begins with the prefix read last
        // time (and nothing in it failed), only the lines after that prefix are read.
        let oldPrefix = old?.error == nil ? old?.prefix : nil
        let measure = ExportPrefix.measure(item.path, comparedWith: oldPrefix)
        let unread = measure?.keepsOld == true ? oldPrefix : nil
        var lines: ExportLines
        do throws(IngestError) {
            if let unread {
                lines = try loader.exportLines(item.path, after: unread)
            } else {
                lines = try loader.exportLines(item.path)
            }
        } catch {
            let failure = ReadFailure(error)
            try store.finishExport(
                StoredFile(
                    path: item.path, size: item.size, modified: item.modified, hash: "", error: failure.reason
                ),
                unread: 0, kept: [])
            outcome.failures = [failure]
            return outcome
        }
        outcome.linesUnread = unread?.lines ?? 0
        var known = try store.records(path: item.path, afterLine: outcome.linesUnread)
        var kept: [(from: Int, to: Int)] = []
        var pending: [PendingRecord] = []
        // A plain export is known by its bytes' hash (the measure); a gzip'd one by its records'.
        var fileHash: ContentHash.Running? = measure == nil ? ContentHash.Running() : nil
        let batch = max(1, ProcessInfo.processInfo.activeProcessorCount) * 64
        // Each batch is saved on another thread while the next one is read and extracted, one in
        // flight at most, in order.
        let saving = DispatchQueue(label: "sitrep.save-records")
        let failure = SaveFailure()
        defer { saving.sync {} }

        func flush() throws {
            guard !pending.isEmpty else { return }
            let records = pending
            pending.removeAll(keepingCapacity: true)
            let read = try Parallel.map(records) { record in
                try Self.read(record, path: item.path, extractor: extractor)
            }
            var articles: [StoredArticle] = []
            for (record, result) in zip(records, read) {
                switch result {
                case .success(let (article, events)):
                    articles.append(article)
                    kept.append((-record.line, record.line))
                    outcome.articles += 1
                    outcome.events += events
                case .failure(let error):
                    outcome.failures.append(ReadFailure(error))
                }
            }
            saving.sync {}
            try failure.check()
            saving.async { [articles] in failure.run { try store.saveRecords(articles, file: item.path) } }
        }

        while true {
            let next: ExportLines.Line?
            do {
                next = try lines.next()
            } catch {
                // The records before a break (an I/O error, gzip cut short) are kept.
                outcome.failures.append(ReadFailure(error))
                fileHash?.add("error \(error.reason)\n")
                break
            }
            guard let line = next else { break }
            switch line {
            case .record(let number, let bytes):
                let hash = String(ContentHash.of(bytes).prefix(32))
                fileHash?.add("\(number) \(hash)\n")
                if let from = take(hash, &known) ?? take("\(hash)@\(number)", &known) {
                    kept.append((from, number))
                } else {
                    pending.append(PendingRecord(line: number, bytes: bytes, hash: hash))
                    if pending.count >= batch { try flush() }
                }
            case .tooLarge(let number, let size):
                fileHash?.add("\(number) \(size)\n")
                outcome.failures.append(
                    ReadFailure(
                        ArticleRecordReader.tooLarge(
                            path: item.path, line: number, bytes: size, limit: lines.maximumRecordBytes)))
            }
        }
        try flush()
        saving.sync {}
        try failure.check()
        let hash = measure?.whole ?? fileHash?.hex() ?? ""
        outcome.unchanged = old?.hash == hash
        let reasons = outcome.failures.map(\.reason)
        try store.finishExport(
            StoredFile(
                path: item.path, size: item.size, modified: item.modified, hash: hash,
                error: reasons.isEmpty ? nil : reasons.joined(separator: "; "),
                prefix: measure?.prefix),
            unread: unread?.lines ?? 0, kept: kept)
        return outcome
    }

    /// One stored ordinal of a record with this key, taken so a repeated record is used once.
    private static func take(_ key: String, _ known: inout [String: [Int]]) -> Int? {
        guard var ordinals = known[key], !ordinals.isEmpty else { return nil }
        let first = ordinals.removeFirst()
        known[key] = ordinals.isEmpty ? nil : ordinals
        return first
    }

    /// Reads and extracts one record, kept at minus its line until the export is finished.
    private static func read(_ record: PendingRecord, path: String, extractor: EventExtractor) throws
        -> Result<(StoredArticle, Int), IngestError>
    {
        let (result, keyedByLine) = ArticleRecordReader().read(
            record: record.bytes, line: record.line, path: path)
        switch result {
        case .failure(let error):
            return .failure(error)
        case .success(let article):
            let events = extractor.extract(from: article)
            let key = keyedByLine ? "\(record.hash)@\(record.line)" : record.hash
            let stored = try stored(
                article, events: events, key: ArticleKey(path: path, ordinal: -record.line), hash: key)
            return .success((stored, events.count))
        }
    }
}
