import EventModel

/// Why a file could not be read as an article.
public struct IngestError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        case unreadable(String)
        case empty
        case binary
        case tooLarge(bytes: Int, limit: Int)
        case undecodable
        case badGzip
        case notAnArticle(String)
        case noText
        case badRecord(line: Int, String)
        case unsupportedType(String)
        case outsideInput
        case loopingLink

        public var description: String {
            switch self {
            case .unreadable(let why): "unreadable (\(why))"
            case .empty: "the file is empty"
            case .binary: "binary data, not text or HTML"
            case .tooLarge(let bytes, let limit):
                "too large (\(bytes) bytes; the limit is \(limit))"
            case .undecodable: "the bytes are not text in any supported encoding"
            case .badGzip: "broken gzip data"
            case .notAnArticle(let why): "not an article (\(why))"
            case .noText: "no article text found"
            case .badRecord(let line, let why): "line \(line): \(why)"
            case .unsupportedType(let ext): "unsupported file type '\(ext)'"
            case .outsideInput: "a link that points outside the input folder"
            case .loopingLink: "a link back to a folder already read (skipped)"
            }
        }
    }

    public var file: String
    public var reason: Reason
    /// The publication date of a page whose body could not be found (its metadata was read).
    public var published: String?
    public var publishedSource: PublishedSource?

    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "cannot read '\(file)': \(reason)" }
}
