import Foundation

/// Writes an output file atomically (a temporary file, then a rename) and leaves it untouched
/// when its bytes did not change, so readers never see half a file and mtimes mean something.
public enum OutputFile {
    /// - Returns: whether the file was written (false when it already held these bytes).
    @discardableResult
    public static func write(_ data: Data, to url: URL) throws -> Bool {
        // Only a file of the same size can hold the same bytes; only then is it read.
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
        if size == data.count, let existing = try? Data(contentsOf: url), existing == data { return false }
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
        return true
    }
}
