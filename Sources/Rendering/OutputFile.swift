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
    /// - Returns: whether the file was written (false when it already held these bytes).
    @discardableResult
    public static func write(_ data: Data, to url: URL) throws -> Bool {
        // Only a file of the same size can hold the same bytes; only then is it read.
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
        if size == data.count, let existing = try? Data(contentsOf: url), existing == data { return false }
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
            }
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.close()
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return true
    }
}
