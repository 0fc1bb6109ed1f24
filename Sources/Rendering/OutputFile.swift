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
        public func stage(_ data: Data, to url: URL) throws -> Bool {
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?
                .intValue
            if size == data.count, let existing = try? Data(contentsOf: url), existing == data {
                return false
            }
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
                try handle.write(contentsOf: data)
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
