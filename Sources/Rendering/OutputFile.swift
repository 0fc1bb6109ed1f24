import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes an output file atomically (a temporary file beside it, then a rename) and leaves it
/// untouched when its bytes did not change, so readers never see half a file and mtimes mean
/// something. A killed build leaves at most a hidden temporary file, never a torn output. There
/// is no fsync: outputs are rebuilt from the state, and an fsync per file costs a build more than
/// the rest of writing it.
public enum OutputFile {
    /// An output that could not be written, in one line: the file and the system's reason.
    public struct WriteError: Error, CustomStringConvertible {
        public var file: String
        public var reason: String
        public var description: String { "cannot write '\(file)': \(reason); the previous outputs are kept" }
    }

    /// The system's words for a failed write ("No space left on device").
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return errno != 0 ? String(cString: strerror(errno)) : nsError.localizedDescription
    }

    /// Outputs written beside their places first and renamed into place only when every one of
    /// them was written: a build that fails half-way (a full disk) leaves the previous outputs
    /// as they were, all of them.
    public final class Staging {
        private var pending: [(temporary: URL, final: URL)] = []

        public init() {}

        /// Writes `data` beside `url` unless the file already holds it.
        /// - Returns: whether it will be written.
        @discardableResult
        public func stage(_ data: Data, to url: URL) throws -> Bool { try stage(pieces: [data], to: url) }

        /// Writes the pieces one after another beside `url` unless the file already holds them:
        /// a large file (`events.json`) is never joined into one buffer, nor read whole to compare.
        /// - Returns: whether it will be written.
        @discardableResult
        public func stage(pieces: [Data], to url: URL) throws -> Bool {
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?
                .intValue
            if size == pieces.reduce(0, { $0 + $1.count }), Self.file(url, holds: pieces) { return false }
            let folder = url.deletingLastPathComponent()
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                errno = 0
                guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                    throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
                }
                let handle = try FileHandle(forWritingTo: temporary)
                defer { try? handle.close() }
                // Small pieces are gathered into writes of about a megabyte.
                var buffer = Data()
                for piece in pieces {
                    buffer.append(piece)
                    if buffer.count >= 1 << 20 {
                        try handle.write(contentsOf: buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
                if !buffer.isEmpty { try handle.write(contentsOf: buffer) }
                try handle.close()
            } catch {
                let why = OutputFile.reason(error)
                try? FileManager.default.removeItem(at: temporary)
                abandon()
                throw WriteError(file: url.path, reason: why)
            }
            pending.append((temporary, url))
            return true
        }

        /// Whether the file's bytes are the pieces', read a megabyte at a time.
        private static func file(_ url: URL, holds pieces: [Data]) -> Bool {
            guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
            defer { try? handle.close() }
            var chunk = Data()
            var offset = 0
            for piece in pieces {
                var compared = 0
                while compared < piece.count {
                    if offset == chunk.count {
                        guard let next = try? handle.read(upToCount: 1 << 20), !next.isEmpty else {
                            return false
                        }
                        chunk = next
                        offset = 0
                    }
                    let count = min(piece.count - compared, chunk.count - offset)
                    let start = piece.startIndex + compared
                    let chunkStart = chunk.startIndex + offset
                    if piece[start..<(start + count)] != chunk[chunkStart..<(chunkStart + count)] {
                        return false
                    }
                    compared += count
                    offset += count
                }
            }
            return offset == chunk.count && ((try? handle.read(upToCount: 1))?.isEmpty ?? true)
        }

        /// Renames every staged file into place.
        public func commit() throws {
            for (temporary, final) in pending where rename(temporary.path, final.path) != 0 {
                let why = String(cString: strerror(errno))
                abandon()
                throw WriteError(file: final.path, reason: why)
            }
            pending.removeAll()
        }

        /// Removes the staged files: nothing is changed.
        public func abandon() {
            for (temporary, _) in pending { try? FileManager.default.removeItem(at: temporary) }
            pending.removeAll()
        }

        deinit { abandon() }
    }
}
