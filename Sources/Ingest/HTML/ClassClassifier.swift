import Foundation

/// Judges an element by its class and id: Readability's weight (±25) and whether it is page
/// furniture to pass over. Results are cached per distinct class-and-id string.
final class ClassClassifier {
    private struct Verdict {
        var weight: Double
        var unlikely: Bool
    }

    private let negative: [[UInt8]]
    private let positive: [[UInt8]]
    private let unlikely: [[UInt8]]
    private let likely: [[UInt8]]
    private var cache: [UInt64: Verdict] = [:]

    init(rules: BoilerplateRules) {
        negative = rules.negativeClassPatterns.map { Array($0.utf8) }
        positive = rules.positiveClassPatterns.map { Array($0.utf8) }
        unlikely = rules.unlikelyClassPatterns.map { Array($0.utf8) }
        likely = rules.likelyClassPatterns.map { Array($0.utf8) }
    }

    /// The verdict on an element's class and id: Readability's weight, whether it marks page
    /// furniture, and a hash of the class-and-id text to compare elements by (0 without either).
    func classify(_ attributes: ElementAttributes) -> (weight: Double, unlikely: Bool, key: UInt64) {
        let classes = attributes.classes
        let id = attributes.id
        if classes == nil && id == nil { return (0, false, 0) }
        // FNV-1a over the lower-cased bytes; the cache is keyed by it so no key is allocated.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [classes, id] {
            for byte in part ?? UnsafeBufferPointer(start: nil, count: 0) {
                hash = (hash ^ UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)) &* 0x100_0000_01b3
            }
            hash = (hash ^ 0x20) &* 0x100_0000_01b3
        }
        if let known = cache[hash] { return (known.weight, known.unlikely, hash) }
        var key = ByteSearch.asciiLowercased(classes ?? UnsafeBufferPointer(start: nil, count: 0))
        key.append(0x20)
        key += ByteSearch.asciiLowercased(id ?? UnsafeBufferPointer(start: nil, count: 0))
        let verdict = key.withUnsafeBufferPointer { bytes in
            let matches = { (patterns: [[UInt8]]) in patterns.contains { ByteSearch.contains(bytes, $0) } }
            var weight = 0.0
            if matches(negative) { weight -= 25 }
            if matches(positive) { weight += 25 }
            return Verdict(weight: weight, unlikely: matches(unlikely) && !matches(likely))
        }
        cache[hash] = verdict
        return (verdict.weight, verdict.unlikely, hash)
    }
}
