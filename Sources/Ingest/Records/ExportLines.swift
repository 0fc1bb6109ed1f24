import CLibXML2
import Foundation

/// The records of a JSON Lines export, one line at a time, read from the file a megabyte at a
/// time (and inflated as it goes when gzip'd): memory holds one record, whatever the size of
/// the file. Blank lines are passed over; a line over the record limit is reported by number and
/// size without being held.
public struct ExportLines {
    /// One non-blank line: its number (from 1) and its bytes without leading blanks, or only its
    /// size when it is over the limit for one record.
    public enum Line {
        case record(number: Int, bytes: Data)
        case tooLarge(number: Int, bytes: Int)
    }

    private var source: any ChunkSource
    private let path: String
    /// The limit of one record.
    public let maximumRecordBytes: Int
    private var pending: [UInt8] = []
    private var offset = 0
    private var lineNumber = 0
    private var finished = false
    private var sawRecord = false
    private var checkedHead = false

    /// Reads the export at `path`, inflating it when its first bytes are gzip's.
    /// - Parameters:
    ///   - maximumRecordBytes: the limit of one record (one article).
    ///   - maximumBytes: the limit of the whole (inflated) export.
    public static func file(
        _ path: String, maximumRecordBytes: Int, maximumBytes: Int = ArticleLoader.maximumExportBytes
    ) throws(IngestError) -> ExportLines {
        let handle = try open(path)
        let head = (try? handle.read(upToCount: 2)) ?? Data()
        try? handle.seek(toOffset: 0)
        let compressed = Gzip.isCompressed(head)
        if !compressed && path.lowercased().hasSuffix(".gz") {
            throw IngestError(file: path, reason: .badGzip)
        }
        let plain = FileChunks(handle: handle)
        let source: any ChunkSource =
            compressed ? try InflatingChunks(plain, path: path, limit: maximumBytes) : plain
        return ExportLines(source: source, path: path, maximumRecordBytes: maximumRecordBytes)
    }

    /// Reads a plain export on from byte `offset`, where line `line` ended: the lines before are
    /// known (see `ExportPrefix`), so the export holds records whether or not more follow.
    public static func file(
        _ path: String, from offset: Int, afterLine line: Int, maximumRecordBytes: Int
    ) throws(IngestError) -> ExportLines {
        let handle = try open(path)
        do {
            try handle.seek(toOffset: UInt64(offset))
        } catch {
            throw IngestError(file: path, reason: .unreadable("I/O error"))
        }
        var lines = ExportLines(
            source: FileChunks(handle: handle), path: path, maximumRecordBytes: maximumRecordBytes)
        lines.lineNumber = line
        lines.sawRecord = true
        lines.checkedHead = true
        return lines
    }

    private static func open(_ path: String) throws(IngestError) -> FileHandle {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestError(file: path, reason: .unreadable("permission denied or no such file"))
        }
        return handle
    }

    /// Reads an export already in memory (inflated).
    public static func data(_ data: Data, path: String, maximumRecordBytes: Int) -> ExportLines {
        ExportLines(source: DataChunk(data: data), path: path, maximumRecordBytes: maximumRecordBytes)
    }

    private init(source: any ChunkSource, path: String, maximumRecordBytes: Int) {
        self.source = source
        self.path = path
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// The next non-blank line, nil at the end. Throws when the file cannot be read on, is
    /// binary, or holds no record at all.
    public mutating func next() throws(IngestError) -> Line? {
        while true {
            if let line = try takeLine() { return line }
            if finished {
                if !sawRecord { throw IngestError(file: path, reason: .empty) }
                return nil
            }
            try refill()
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D
    }

    /// A whole line from the pending bytes, or nil when more bytes are needed.
    private mutating func takeLine() throws(IngestError) -> Line? {
        while offset < pending.count || finished {
            let end = pending.withUnsafeBufferPointer { buffer -> Int? in
                guard offset < buffer.count, let base = buffer.baseAddress else { return nil }
                guard let found = memchr(base + offset, 0x0A, buffer.count - offset) else { return nil }
                return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
            }
            guard let end = end ?? (finished && offset < pending.count ? pending.count : nil) else {
                if finished { return nil }
                // A line longer than one record may be is counted, not kept.
                if pending.count - offset > maximumRecordBytes + 4_096 { return try skipLongLine() }
                return nil
            }
            lineNumber += 1
            var start = offset
            offset = end + 1
            while start < end && Self.isBlank(pending[start]) { start += 1 }
            var stop = end
            while stop > start && Self.isBlank(pending[stop - 1]) { stop -= 1 }
            guard start < stop else { continue }
            sawRecord = true
            if stop - start > maximumRecordBytes { return .tooLarge(number: lineNumber, bytes: stop - start) }
            return .record(number: lineNumber, bytes: Data(pending[start..<stop]))
        }
        return nil
    }

    /// Reads past the rest of a line too long to be a record, counting its bytes.
    private mutating func skipLongLine() throws(IngestError) -> Line {
        var size = pending.count - offset
        pending.removeAll(keepingCapacity: true)
        offset = 0
        lineNumber += 1
        sawRecord = true
        while !finished {
            try refill()
            if let newline = pending.firstIndex(of: 0x0A) {
                size += newline
                offset = newline + 1
                return .tooLarge(number: lineNumber, bytes: size)
            }
            size += pending.count
            pending.removeAll(keepingCapacity: true)
        }
        return .tooLarge(number: lineNumber, bytes: size)
    }

    private mutating func refill() throws(IngestError) {
        if offset > 0 {
            pending.removeSubrange(0..<offset)
            offset = 0
        }
        guard let chunk = try source.next(path: path) else {
            finished = true
            return
        }
        if !checkedHead {
            checkedHead = true
            if TextDecoding.looksBinary(chunk) { throw IngestError(file: path, reason: .binary) }
        }
        pending.append(contentsOf: chunk)
    }
}

/// Where an export's bytes come from, a piece at a time; nil at the end.
protocol ChunkSource {
    mutating func next(path: String) throws(IngestError) -> Data?
}

private struct DataChunk: ChunkSource {
    var data: Data?
    mutating func next(path: String) throws(IngestError) -> Data? {
        defer { data = nil }
        return data
    }
}

private final class FileChunks: ChunkSource {
    let handle: FileHandle
    init(handle: FileHandle) { self.handle = handle }
    deinit { try? handle.close() }

    func next(path: String) throws(IngestError) -> Data? {
        let chunk: Data?
        do {
            chunk = try handle.read(upToCount: 1 << 20)
        } catch {
            throw IngestError(file: path, reason: .unreadable("I/O error"))
        }
        guard let chunk, !chunk.isEmpty else { return nil }
        return chunk
    }
}

/// Inflates gzip as its bytes are read, refusing more than `limit` inflated bytes.
private final class InflatingChunks: ChunkSource {
    private var input: FileChunks
    private var stream = z_stream()
    /// zlib keeps pointing into these between calls, so they are allocated, not arrays.
    private let compressed = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 20)
    private let output = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 20)
    private var ended = false
    private var produced = 0
    private let limit: Int

    init(_ input: FileChunks, path: String, limit: Int) throws(IngestError) {
        self.input = input
        self.limit = limit
        guard sitrep_inflate_init_gzip(&stream) == Z_OK else {
            throw IngestError(file: path, reason: .badGzip)
        }
    }

    deinit {
        inflateEnd(&stream)
        compressed.deallocate()
        output.deallocate()
    }

    func next(path: String) throws(IngestError) -> Data? {
        while !ended {
            if stream.avail_in == 0 {
                guard let chunk = try input.next(path: path) else {
                    throw IngestError(file: path, reason: .badGzip)
                }
                let count = chunk.copyBytes(to: compressed)
                stream.next_in = compressed.baseAddress
                stream.avail_in = uInt(count)
            }
            stream.next_out = output.baseAddress
            stream.avail_out = uInt(output.count)
            let status = inflate(&stream, Z_NO_FLUSH)
            let count = output.count - Int(stream.avail_out)
            guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && count > 0) else {
                throw IngestError(file: path, reason: .badGzip)
            }
            if status == Z_STREAM_END { ended = true }
            produced += count
            if produced > limit {
                throw IngestError(file: path, reason: .tooLarge(bytes: produced, limit: limit))
            }
            if count > 0 { return Data(UnsafeBufferPointer(rebasing: output[0..<count])) }
        }
        return nil
    }
}
