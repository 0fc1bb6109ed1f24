import Foundation

/// Work spread over every core, results kept in order.
public enum Parallel {
    /// `body` applied to every item on all cores; the results in the items' order, or the first
    /// error in that order.
    public static func map<Item: Sendable, Value>(
        _ items: [Item], _ body: @Sendable (Item) throws -> Value
    ) throws -> [Value] {
        let slots = Slots<Value>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.set(index, Result { try body(items[index]) })
        }
        return try slots.all().map { try $0!.get() }
    }

    /// Results written by parallel workers, each into its own slot.
    private final class Slots<Value>: @unchecked Sendable {
        private var slots: [Result<Value, any Error>?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: Result<Value, any Error>) { lock.withLock { slots[index] = value } }
        func all() -> [Result<Value, any Error>?] { lock.withLock { slots } }
    }
}
