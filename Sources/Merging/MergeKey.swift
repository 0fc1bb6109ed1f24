import EventModel

/// What merging needs to know of an event: enough to decide which reports are one incident,
/// without the quotes and the rest. The Store keeps these in columns so a build can re-cluster
/// every event without decoding them.
public struct MergeKey: Hashable, Sendable {
    public var id: String
    public var article: String
    public var kind: EventKind
    public var start: String?
    public var end: String?
    public var place: Place?
    public var initiatorCountry: String?
    public var firstReported: String?
    /// Place and date precision (see `EventMerger.specificity`).
    public var specificity: Int
    public var confidence: Double

    public init(
        id: String, article: String, kind: EventKind, start: String?, end: String?, place: Place?,
        initiatorCountry: String?, firstReported: String?, specificity: Int, confidence: Double
    ) {
        self.id = id
        self.article = article
        self.kind = kind
        self.start = start
        self.end = end
        self.place = place
        self.initiatorCountry = initiatorCountry
        self.firstReported = firstReported
        self.specificity = specificity
        self.confidence = confidence
        days = Self.days(start, end)
        bucket = place == nil ? Self.unplaced : place?.country ?? Self.unknownCountry
        group = EventMerger.group(of: kind)
    }

    public init(_ event: Event) {
        var place = event.location
        place?.text = nil
        self.init(
            id: event.id.rawValue, article: event.sources.first?.articleID.rawValue ?? "", kind: event.kind,
            start: event.date.start, end: event.date.end, place: place,
            initiatorCountry: event.actors.first { $0.role == .initiator }?.country,
            firstReported: event.firstReported, specificity: EventMerger.specificity(event),
            confidence: event.confidence)
    }

    /// The day numbers the dates cover.
    public let days: ClosedRange<Int>?
    /// The place's country; only events in one bucket (or of an unknown country) can merge.
    let bucket: String
    /// Kinds one report may name differently share a group (see `EventMerger.kindGroups`).
    let group: Int
    static let unplaced = "-"
    static let unknownCountry = "?"

    /// Better specified (then more confident, then the smaller id): the member that describes a
    /// cluster.
    public func outranks(_ other: MergeKey) -> Bool {
        (specificity, other.confidence, other.id) > (other.specificity, confidence, id)
    }

    private static func days(_ start: String?, _ end: String?) -> ClosedRange<Int>? {
        guard let start, let end, let first = CalendarDay(String(start.prefix(10))),
            let last = CalendarDay(String(end.prefix(10))), first <= last
        else { return nil }
        return first.dayNumber...last.dayNumber
    }
}
