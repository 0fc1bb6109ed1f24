/// The document `sitrep extract` prints and `Output/events.json` holds (schema version 1).
public struct EventsDocument: Codable, Hashable, Sendable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var articles: [ArticleMetadata]
    public var events: [Event]

    public init(articles: [ArticleMetadata], events: [Event]) {
        self.schemaVersion = Self.currentSchemaVersion
        self.articles = articles
        self.events = events
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case articles, events
    }
}
