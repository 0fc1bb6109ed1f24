import Foundation

/// Runs named steps in order, printing `[i/n] name: summary` for each.
public struct StepRunner {
    public typealias Log = @Sendable (String) -> Void

    private let log: Log
    private let total: Int
    private var index = 0

    public init(total: Int, log: @escaping Log) {
        self.total = total
        self.log = log
    }

    /// Runs one step; its returned line is printed after the step's number and name.
    public mutating func run<T>(_ name: String, _ body: () throws -> (T, String)) rethrows -> T {
        index += 1
        let started = Date()
        let (value, summary) = try body()
        let seconds = Date().timeIntervalSince(started)
        log("[\(index)/\(total)] \(name): \(summary) (\(String(format: "%.2f", seconds)) s)")
        return value
    }
}
