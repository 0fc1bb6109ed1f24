/// The part of a plain (not gzip'd) JSON Lines export up to the end of its last whole line:
/// how many bytes and lines it holds and the hash of its bytes. An export that only grew at its
/// end still begins with its old prefix, byte for byte, so a build that finds the old prefix's
/// hash at the old length reads only the lines after it (`Ingest` measures it).
public struct ExportPrefix: Hashable, Sendable {
    public var bytes: Int
    public var lines: Int
    public var hash: String

    public init(bytes: Int, lines: Int, hash: String) {
        self.bytes = bytes
        self.lines = lines
        self.hash = hash
    }
}
