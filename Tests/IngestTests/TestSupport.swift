import Foundation
import Testing

/// A fresh temporary folder per test, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitrep-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes bytes to a file below the folder and returns its path.
    @discardableResult
    func write(_ data: Data, to name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ text: String, to name: String) throws -> String { try write(Data(text.utf8), to: name) }
}

enum Fixtures {
    static func url(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
    }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: try url(name)) }
}

/// gzip-compresses bytes with the system's gzip, for fixtures made in a test.
func gzipped(_ data: Data) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-c"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(data)
    try input.fileHandleForWriting.close()
    let result = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return result
}

/// Precision and recall of word 4-gram shingles, the article-extraction benchmark's metric.
func shingleScores(truth: String, predicted: String) -> (precision: Double, recall: Double) {
    func shingles(_ text: String) -> [String: Int] {
        let words = text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
        var counts: [String: Int] = [:]
        for start in 0..<max(1, words.count - 3) {
            let shingle = words[start..<min(words.count, start + 4)].joined(separator: " ")
            if !shingle.isEmpty { counts[shingle, default: 0] += 1 }
        }
        return counts
    }
    let expected = shingles(truth)
    let found = shingles(predicted)
    var tp = 0
    for (key, count) in found { tp += min(count, expected[key] ?? 0) }
    let precision = found.isEmpty ? 0 : Double(tp) / Double(found.values.reduce(0, +))
    let recall = expected.isEmpty ? 0 : Double(tp) / Double(expected.values.reduce(0, +))
    return (precision, recall)
}
