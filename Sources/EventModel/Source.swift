/// One article an event was read from, with the quote.
public struct Source: Codable, Hashable, Sendable {
    public var articleID: ArticleID
    public var url: String?
    public var outlet: String?
    public var title: String?
    public var published: String?
    /// The sentence(s) the event was read from.
    public var quote: String
    /// UTF-8 byte offsets of the quote in the article's extracted text.
    public var span: [Int]?

    public init(
        articleID: ArticleID, url: String? = nil, outlet: String? = nil, title: String? = nil,
        published: String? = nil, quote: String, span: [Int]? = nil
    ) {
        self.articleID = articleID
        self.url = url
        self.outlet = outlet
        self.title = title
        self.published = published
        self.quote = quote
        self.span = span
    }

    enum CodingKeys: String, CodingKey {
        case articleID = "article_id"
        case url, outlet, title, published, quote, span
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(articleID, forKey: .articleID)
        try container.encode(url, forKey: .url)
        try container.encode(outlet, forKey: .outlet)
        try container.encode(title, forKey: .title)
        try container.encode(published, forKey: .published)
        try container.encode(quote, forKey: .quote)
        try container.encode(span, forKey: .span)
    }
}
