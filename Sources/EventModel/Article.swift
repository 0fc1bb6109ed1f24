/// Where an article's publication time was found, most trusted first.
public enum PublishedSource: String, Codable, Hashable, Sendable, CaseIterable {
    case frontMatter = "front_matter"
    case record
    case jsonld
    case meta
    case timeElement = "time_element"
    case url
    case text
    case commandLine = "command_line"
    /// A last resort: the page's last-modified date (flagged in the article's warnings).
    case copyright
    case unknown
}

/// What Ingest knows about an article besides its text.
public struct ArticleMetadata: Codable, Hashable, Sendable {
    public var id: ArticleID
    public var path: String?
    public var url: String?
    public var title: String?
    public var outlet: String?
    public var author: String?
    /// RFC 3339 date-time or `YYYY-MM-DD`; nil when unknown.
    public var published: String?
    public var publishedSource: PublishedSource
    public var language: String?
    public var wordCount: Int
    public var warnings: [String]

    public init(
        id: ArticleID, path: String? = nil, url: String? = nil, title: String? = nil,
        outlet: String? = nil, author: String? = nil, published: String? = nil,
        publishedSource: PublishedSource = .unknown, language: String? = nil,
        wordCount: Int = 0, warnings: [String] = []
    ) {
        self.id = id
        self.path = path
        self.url = url
        self.title = title
        self.outlet = outlet
        self.author = author
        self.published = published
        self.publishedSource = publishedSource
        self.language = language
        self.wordCount = wordCount
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case id, path, url, title, outlet, author, published
        case publishedSource = "published_source"
        case language
        case wordCount = "word_count"
        case warnings
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(path, forKey: .path)
        try container.encode(url, forKey: .url)
        try container.encode(title, forKey: .title)
        try container.encode(outlet, forKey: .outlet)
        try container.encode(author, forKey: .author)
        try container.encode(published, forKey: .published)
        try container.encode(publishedSource, forKey: .publishedSource)
        try container.encode(language, forKey: .language)
        try container.encode(wordCount, forKey: .wordCount)
        try container.encode(warnings, forKey: .warnings)
    }
}

/// An article as Ingest read it: its metadata and its clean body text, paragraphs separated
/// by a blank line.
@dynamicMemberLookup
public struct Article: Codable, Hashable, Sendable {
    public var metadata: ArticleMetadata
    public var text: String

    public init(metadata: ArticleMetadata, text: String) {
        self.metadata = metadata
        self.text = text
    }

    public subscript<T>(dynamicMember keyPath: WritableKeyPath<ArticleMetadata, T>) -> T {
        get { metadata[keyPath: keyPath] }
        set { metadata[keyPath: keyPath] = newValue }
    }

    /// The body's paragraphs, in order.
    public var paragraphs: [Substring] {
        text.split(separator: "\n\n", omittingEmptySubsequences: true)
    }

    enum TextKey: String, CodingKey { case text }

    public init(from decoder: any Decoder) throws {
        metadata = try ArticleMetadata(from: decoder)
        text = try decoder.container(keyedBy: TextKey.self).decode(String.self, forKey: .text)
    }

    /// Encodes the metadata's fields and `text` side by side in one object.
    public func encode(to encoder: any Encoder) throws {
        try metadata.encode(to: encoder)
        var container = encoder.container(keyedBy: TextKey.self)
        try container.encode(text, forKey: .text)
    }
}
