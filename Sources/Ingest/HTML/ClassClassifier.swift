import CLibXML2
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
    private var cache: [[UInt8]: Verdict] = [:]

    init(rules: BoilerplateRules) {
        negative = rules.negativeClassPatterns.map { Array($0.utf8) }
        positive = rules.positiveClassPatterns.map { Array($0.utf8) }
        unlikely = rules.unlikelyClassPatterns.map { Array($0.utf8) }
        likely = rules.likelyClassPatterns.map { Array($0.utf8) }
    }

    /// The class weight and the lower-cased class-and-id key of an element (nil without either).
    func weight(of node: xmlNodePtr) -> (Double, [UInt8]?) {
        guard let key = Self.key(of: node) else { return (0, nil) }
        return (verdict(for: key).weight, key)
    }

    /// Whether the element's class or id marks it as boilerplate (and nothing marks it as content).
    func isUnlikely(_ node: xmlNodePtr) -> Bool {
        guard let key = Self.key(of: node) else { return false }
        return verdict(for: key).unlikely
    }

    private static func key(of node: xmlNodePtr) -> [UInt8]? {
        if node.pointee.properties == nil { return nil }
        let classes = HTMLDocument.attributeBytes("class", of: node)
        let id = HTMLDocument.attributeBytes("id", of: node)
        if classes == nil && id == nil { return nil }
        var key = ByteSearch.asciiLowercased(classes ?? UnsafeBufferPointer(start: nil, count: 0))
        key.append(0x20)
        key += ByteSearch.asciiLowercased(id ?? UnsafeBufferPointer(start: nil, count: 0))
        return key
    }

    private func verdict(for key: [UInt8]) -> Verdict {
        if let known = cache[key] { return known }
        let verdict = key.withUnsafeBufferPointer { bytes in
            let matches = { (patterns: [[UInt8]]) in patterns.contains { ByteSearch.contains(bytes, $0) } }
            var weight = 0.0
            if matches(negative) { weight -= 25 }
            if matches(positive) { weight += 25 }
            return Verdict(weight: weight, unlikely: matches(unlikely) && !matches(likely))
        }
        cache[key] = verdict
        return verdict
    }
}
