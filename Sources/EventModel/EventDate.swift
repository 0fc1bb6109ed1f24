/// How precisely an event's date is known.
public enum DatePrecision: String, Codable, Hashable, Sendable, CaseIterable {
    case day, range, week, month, season, year, unknown
}

/// When an event happened: a day or a span of days (`YYYY-MM-DD`), with its precision and the
/// words it came from.
public struct EventDate: Codable, Hashable, Sendable {
    public var start: String?
    public var end: String?
    public var precision: DatePrecision
    public var text: String?

    public init(start: String?, end: String?, precision: DatePrecision, text: String? = nil) {
        self.start = start
        self.end = end
        self.precision = precision
        self.text = text
    }

    public static func day(_ day: String, text: String? = nil) -> EventDate {
        EventDate(start: day, end: day, precision: .day, text: text)
    }

    public static func range(_ start: String, _ end: String, text: String? = nil) -> EventDate {
        EventDate(start: start, end: end, precision: .range, text: text)
    }

    public static let unknown = EventDate(start: nil, end: nil, precision: .unknown)

    enum CodingKeys: String, CodingKey { case start, end, precision, text }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(precision, forKey: .precision)
        try container.encodeIfPresent(text, forKey: .text)
    }
}
