/// Results worked out for a range of one article's tokens, kept for the next call that asks about
/// the same range: a reading asks many times about the same clauses and sentences (their actors,
/// figures and facts). One memo belongs to one article's reading, on one thread.
final class RangeMemo<Value>: @unchecked Sendable {
    private var values: [Range<Int>: Value] = [:]

    func value(for range: Range<Int>, _ make: () -> Value) -> Value {
        if let value = values[range] { return value }
        let value = make()
        values[range] = value
        return value
    }
}
