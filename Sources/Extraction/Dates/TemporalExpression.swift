import EventModel

/// A time expression found in a text, with its TIMEX3 value and, for dates, the span of days it
/// names.
public struct TemporalExpression: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case date, time, duration, set }

    public var text: String
    /// Offsets in Unicode scalars of the text: `start..<end`.
    public var start: Int
    public var end: Int
    public var kind: Kind
    /// TIMEX3 value: `2025-03-15`, `2025-W10`, `2024-SU`, `P3Y`, `PRESENT_REF`, `XXXX-03-15`, …
    public var value: String
    /// The days it names, with their precision; nil for durations, sets and what cannot be resolved.
    public var date: EventDate?
    /// Relative to the story's narrative time rather than to publication ("the next day").
    public var isAnaphoric: Bool
    /// For anaphoric expressions, the days from the story's time: "the next day" +1, "two days earlier" −2.
    public var shiftDays: Int?

    public init(
        text: String, start: Int, end: Int, kind: Kind, value: String, date: EventDate?,
        isAnaphoric: Bool = false,
        shiftDays: Int? = nil
    ) {
        self.shiftDays = shiftDays
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.value = value
        self.date = date
        self.isAnaphoric = isAnaphoric
    }
}
