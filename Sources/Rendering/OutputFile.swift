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

    /// Puts the file at `temporary` in the place of `path` in one step. Where the system can,
    /// the two are exchanged and the old one removed after: ext4 starts writing a file renamed
    /// over another out to disk at once (`auto_da_alloc`), which for a large table costs more
    /// than copying it did. - Returns: false with `errno` set when it failed.
    static func replace(_ path: String, with temporary: String) -> Bool {
        if let exchange = renameExchange,
            exchange(atCurrentFolder, temporary, atCurrentFolder, path, exchangeFlag) == 0
        {
            unlink(temporary)
            return true
        }
        return rename(temporary, path) == 0
    }

    private typealias RenameAt2 =
        @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc's renameat2 (outside the module's headers: looked up by name) and its arguments.
    private static let renameExchange: RenameAt2? = {
        #if canImport(Glibc)
            dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2").map {
                unsafeBitCast($0, to: RenameAt2.self)
            }
        #else
            nil
        #endif
    }()
    private static let atCurrentFolder: Int32 = -100
    private static let exchangeFlag: UInt32 = 1 << 1

    /// Up to `count` bytes, fewer only at the end of the file.
    static func read(_ handle: FileHandle, count: Int) -> Data {
        var data = Data()
        while data.count < count {
            guard let more = try? handle.read(upToCount: count - data.count), !more.isEmpty else { break }
            data.append(more)
        }
        return data
    }

    /// Outputs written beside their places first and renamed into place only when every one of
    /// them was written: a build that fails half-way (a full disk) leaves the previous outputs
    /// as they were, all of them.
    public final class Staging {
        fileprivate var pending: [(temporary: URL, final: URL)] = []

        public init() {}

        /// Writes `data` beside `url` unless the file already holds it.
        /// - Returns: whether it will be written.
        @discardableResult
        public func stage(_ data: Data, to url: URL) throws -> Bool {
            try stage(to: url) { emit in try emit(data) }
        }

        /// Writes what `produce` hands to its argument, piece by piece, beside `url`, comparing
        /// as it goes with the file there: when the bytes are the same, nothing is staged. For a
        /// file too large to hold (`events.json` of a large timeline).
        /// - Returns: whether it will be written.
        @discardableResult
        public func stage(to url: URL, produce: ((Data) throws -> Void) throws -> Void) throws -> Bool {
            let stream = try open(url)
            do {
                try produce(stream.write)
            } catch {
                // A write's error is a WriteError already; a producer's passes as it is.
                stream.discard()
                abandon()
                throw error
            }
            return try stream.finish()
        }

        /// A file written a piece at a time beside `url`; several may be open at once (files made
        /// from one pass over the events). `finish` stages it unless its bytes are the file's.
        public func open(_ url: URL) throws -> Stream {
            do {
                return try Stream(url, staging: self)
            } catch {
                abandon()
                throw WriteError(file: url.path, reason: OutputFile.reason(error))
            }
        }

        /// One output being written: see `open`. Besides new bytes it takes ranges of the file in
        /// place, copied by the system without passing through memory (`copy`), so a large file
        /// that changed in a few places is written at the speed of a copy.
        public final class Stream {
            let url: URL
            let temporary: URL
            private unowned let staging: Staging
            private var handle: FileHandle?
            /// The file in place: copied from and compared with.
            private var existing: FileHandle?
            private let existingSize: Int
            private var same: Bool
            private var buffer = Data()
            /// Bytes of this stream so far, those still in `buffer` included, and those written.
            public private(set) var position = 0
            private var flushed = 0
            /// Bytes copied from the file in place.
            public private(set) var copied = 0

            init(_ url: URL, staging: Staging) throws {
                self.url = url
                self.staging = staging
                let folder = url.deletingLastPathComponent()
                temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
                existing = try? FileHandle(forReadingFrom: url)
                existingSize = existing.flatMap { try? Int($0.seekToEnd()) } ?? -1
                same = existing != nil
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                errno = 0
                guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                    throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
                }
                handle = try FileHandle(forWritingTo: temporary)
            }

            deinit { discard() }

            /// A range of the file in place waiting to be copied (the buffer is empty meanwhile).
            private var run: (offset: Int, count: Int)?

            /// Adds a piece: small ones are gathered into writes of about a megabyte.
            public func write(_ piece: Data) throws {
                try copyRun()
                position += piece.count
                if piece.count >= 1 << 20 {
                    try flush(buffer)
                    buffer.removeAll(keepingCapacity: true)
                    try flush(piece)
                    return
                }
                buffer.append(piece)
                if buffer.count >= 1 << 20 {
                    try flush(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }

            /// Adds `count` bytes of the file in place, from `offset`; ranges that follow each
            /// other there are copied as one. The caller knows that file (see `TableLayout`); a
            /// range past its end is an error.
            public func copy(offset: Int, count: Int) throws {
                guard count > 0 else { return }
                guard existing != nil, offset >= 0, offset + count <= existingSize else {
                    throw WriteError(file: url.path, reason: "the file in place changed while it was read")
                }
                position += count
                if let pending = run, pending.offset + pending.count == offset {
                    run = (pending.offset, pending.count + count)
                    return
                }
                try copyRun()
                try flush(buffer)
                buffer.removeAll(keepingCapacity: true)
                run = (offset, count)
            }

            /// Copies the waiting range, by the system (no bytes pass through this process).
            private func copyRun() throws {
                guard let (offset, count) = run else { return }
                run = nil
                guard let source = existing?.fileDescriptor, let target = handle?.fileDescriptor else {
                    throw WriteError(file: url.path, reason: "the file in place changed while it was read")
                }
                // The same bytes at the same place: still the same file.
                same = same && offset == flushed
                var from = off_t(offset)
                var left = count
                while left > 0 {
                    let moved = sendfile(target, source, &from, left)
                    guard moved > 0 else {
                        throw WriteError(
                            file: url.path,
                            reason: moved < 0 ? String(cString: strerror(errno)) : "short copy")
                    }
                    left -= moved
                }
                flushed += count
                copied += count
            }

            /// Writes `data` after the bytes written, comparing it with the file in place.
            private func flush(_ data: Data) throws {
                guard !data.isEmpty else { return }
                do {
                    try handle?.write(contentsOf: data)
                } catch {
                    throw WriteError(file: url.path, reason: OutputFile.reason(error))
                }
                if same, let reader = existing {
                    same =
                        flushed + data.count <= existingSize
                        && Self.read(reader, at: flushed, count: data.count) == data
                }
                flushed += data.count
            }

            /// `count` bytes of the file at `offset`.
            private static func read(_ handle: FileHandle, at offset: Int, count: Int) -> Data {
                guard (try? handle.seek(toOffset: UInt64(offset))) != nil else { return Data() }
                return OutputFile.read(handle, count: count)
            }

            /// Stages the file, unless it holds the same bytes as the one in place.
            /// - Returns: whether it will be written.
            @discardableResult
            public func finish() throws -> Bool {
                do {
                    try copyRun()
                    try flush(buffer)
                    buffer.removeAll()
                    try handle?.close()
                    handle = nil
                } catch {
                    discard()
                    staging.abandon()
                    throw error as? WriteError ?? WriteError(file: url.path, reason: OutputFile.reason(error))
                }
                let unchanged = same && position == existingSize
                try? existing?.close()
                existing = nil
                if unchanged {
                    try? FileManager.default.removeItem(at: temporary)
                    return false
                }
                staging.pending.append((temporary, url))
                return true
            }

            /// Stops writing and removes what was written.
            public func discard() {
                try? handle?.close()
                handle = nil
                try? existing?.close()
                existing = nil
                if !staging.pending.contains(where: { $0.temporary == temporary }) {
                    try? FileManager.default.removeItem(at: temporary)
                }
            }
        }

        /// Renames every staged file into place.
        public func commit() throws {
            for (temporary, final) in pending where !OutputFile.replace(final.path, with: temporary.path) {
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
