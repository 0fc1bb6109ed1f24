import Foundation

/// Writes an output file atomically (a temporary file, then a rename) and leaves it untouched
/// when its bytes did not change, so readers never see half a file and mtimes mean something.
public enum OutputFile {
    /// - Returns: whether the file was written (false when it already held these bytes).
    @discardableResult
    public static func write(_ data: Data, to url: URL) throws -> Bool {
        if let existing = try? Data(contentsOf: url), existing == data { return false }
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
        return true
    }
}
