import EventModel
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Measuring an export's prefix: one pass over its bytes.
extension ExportPrefix {
    /// What one pass over an export's bytes found.
    public struct Measure: Sendable {
        /// The export's prefix now.
        public var prefix: ExportPrefix
        /// The hash of every byte of the file.
        public var whole: String
        /// Whether the file still begins with the prefix it was compared with.
        public var keepsOld: Bool
    }

    /// Bytes read at a time.
    static let chunk = 4 << 20

    /// Hashes the export at `path` in one pass, noting whether its first `old.bytes` bytes are
    /// still the `old` prefix. Nil for a gzip'd file (its records are hashed as they are
    /// inflated) or one that cannot be read; the caller then reads every record.
    public static func measure(_ path: String, comparedWith old: ExportPrefix?) -> Measure? {
        measure(path, comparedWith: old, chunk: chunk)
    }

    /// `measure`, reading `chunk` bytes at a time.
    static func measure(_ path: String, comparedWith old: ExportPrefix?, chunk: Int) -> Measure? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(chunk, 1 << 16), alignment: 16)
        defer { buffer.deallocate() }
        if size >= 2, pread(descriptor, buffer.baseAddress, 2, 0) == 2,
            buffer[0] == 0x1F && buffer[1] == 0x8B
        {
            return nil
        }
        guard let end = lastLineEnd(descriptor, size: size, buffer: buffer) else { return nil }
        // The places to take the running hash at: the old prefix's end and the new one's.
        let oldEnd = old.map { $0.bytes <= end ? $0.bytes : -1 } ?? -1
        var hasher = ContentHash.Running()
        var offset = 0
        var lines = 0
        var linesAtOld = -1
        var hashAtOld: String?
        var prefix: ExportPrefix?
        if oldEnd == 0 { (linesAtOld, hashAtOld) = (0, hasher.hex()) }
        if end == 0 { prefix = ExportPrefix(bytes: 0, lines: 0, hash: hasher.hex()) }
        while offset < size {
            let count = pread(descriptor, buffer.baseAddress, min(chunk, size - offset), off_t(offset))
            guard count > 0 else { return nil }
            var start = 0
            // Each piece ends at the next place the hash is taken, or at the chunk's end.
            while start < count {
                let here = offset + start
                var stop = count
                for cut in [oldEnd, end] where cut > here && cut - offset < stop { stop = cut - offset }
                let piece = UnsafeRawBufferPointer(rebasing: buffer[start..<stop])
                hasher.add(piece)
                lines += newlines(in: piece)
                start = stop
                let reached = offset + stop
                if reached == oldEnd { (linesAtOld, hashAtOld) = (lines, hasher.hex()) }
                if reached == end { prefix = ExportPrefix(bytes: end, lines: lines, hash: hasher.hex()) }
            }
            offset += count
        }
        guard let prefix else { return nil }
        let keepsOld = old.map { $0.hash == hashAtOld && $0.lines == linesAtOld } ?? false
        return Measure(prefix: prefix, whole: hasher.hex(), keepsOld: keepsOld)
    }

    /// Where the last line ending in a newline ends (0 when none does), read from the end back.
    private static func lastLineEnd(_ descriptor: Int32, size: Int, buffer: UnsafeMutableRawBufferPointer)
        -> Int?
    {
        var stop = size
        let step = 1 << 16
        while stop > 0 {
            let start = max(0, stop - step)
            let count = pread(descriptor, buffer.baseAddress, stop - start, off_t(start))
            guard count == stop - start else { return nil }
            if let last = buffer[..<count].lastIndex(of: 0x0A) { return start + last + 1 }
            stop = start
        }
        return 0
    }

    private static func newlines(in bytes: UnsafeRawBufferPointer) -> Int {
        guard var cursor = bytes.baseAddress else { return 0 }
        let end = cursor + bytes.count
        var count = 0
        while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
            count += 1
            cursor = UnsafeRawPointer(found) + 1
        }
        return count
    }
}
