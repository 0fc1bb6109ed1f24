import Foundation

/// Data-driven boilerplate rules (`Resources/boilerplate.json`): class and id patterns that mark
/// page furniture, and whole-paragraph patterns that mark notices, prompts and credits.
struct BoilerplateRules: Decodable, Sendable {
    struct LineRule: Decodable, Sendable {
        enum Match: String, Decodable, Sendable { case exact, prefix, contains }
        var match: Match
        var text: String
        var maxWords: Int?
    }

    var unlikelyClassPatterns: [String]
    var likelyClassPatterns: [String]
    var negativeClassPatterns: [String]
    var positiveClassPatterns: [String]
    var skippedRoles: [String]
    /// Short headings that start the furniture after an article ("Related", "Tags", …).
    var endMarkers: [String]
    var lineRules: [LineRule] {
        didSet { compiledRules = Self.compile(lineRules) }
    }
    private var compiledRules: [CompiledRule] = []

    enum CodingKeys: String, CodingKey {
        case unlikelyClassPatterns, likelyClassPatterns, negativeClassPatterns, positiveClassPatterns
        case skippedRoles, lineRules, endMarkers
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        unlikelyClassPatterns = try container.decode([String].self, forKey: .unlikelyClassPatterns)
        likelyClassPatterns = try container.decode([String].self, forKey: .likelyClassPatterns)
        negativeClassPatterns = try container.decode([String].self, forKey: .negativeClassPatterns)
        positiveClassPatterns = try container.decode([String].self, forKey: .positiveClassPatterns)
        skippedRoles = try container.decode([String].self, forKey: .skippedRoles)
        lineRules = try container.decode([LineRule].self, forKey: .lineRules)
        endMarkers = try container.decode([String].self, forKey: .endMarkers)
        compiledRules = Self.compile(lineRules)
    }

    /// Rules without a `maxWords` are exact matches of short phrases; none looks past this.
    static let longestRuleWords = 80

    /// The rules bundled with Sitrep.
    static let bundled: BoilerplateRules = {
        guard let url = Bundle.module.url(forResource: "boilerplate", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let rules = try? JSONDecoder().decode(BoilerplateRules.self, from: data)
        else {
            preconditionFailure("Ingest's bundled boilerplate.json is missing or malformed")
        }
        return rules
    }()

    /// Whether a whole paragraph is boilerplate.
    func isBoilerplate(paragraph: String) -> Bool {
        // Every rule is bounded in words, so long paragraphs are let through without a look.
        var spaces = 0
        for byte in paragraph.utf8 where byte == 0x20 {
            spaces += 1
            if spaces > Self.longestRuleWords { return false }
        }
        var folded: [UInt8] = []
        folded.reserveCapacity(paragraph.utf8.count)
        var lastWasSpace = true
        for byte in paragraph.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                if !lastWasSpace { folded.append(0x20) }
                lastWasSpace = true
            } else {
                folded.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                lastWasSpace = false
            }
        }
        if folded.last == 0x20 { folded.removeLast() }
        let words = folded.isEmpty ? 0 : folded.reduce(1) { $1 == 0x20 ? $0 + 1 : $0 }
        let trimmed = Self.trimmingPunctuation(folded)
        return folded.withUnsafeBufferPointer { bytes in
            compiledRules.contains { rule in
                if let maxWords = rule.maxWords, words > maxWords { return false }
                switch rule.match {
                case .exact: return trimmed.elementsEqual(rule.bytes)
                case .prefix: return folded.starts(with: rule.bytes)
                case .contains: return ByteSearch.contains(bytes, rule.bytes)
                }
            }
        }
    }

    /// Whether a paragraph is a short heading that ends the article ("Related stories", "Tags:").
    func isEndMarker(paragraph: String) -> Bool {
        let words = paragraph.utf8.count { $0 == 0x20 } + 1
        guard words <= 6 else { return false }
        let lowered = paragraph.lowercased()
        return endMarkers.contains { marker in
            guard lowered.hasPrefix(marker) else { return false }
            // The marker must end at a word boundary: "Related" but not "Relatedly, …".
            let rest = lowered.dropFirst(marker.count)
            return rest.first.map { !$0.isLetter } ?? true
        }
    }

    private struct CompiledRule {
        var match: LineRule.Match
        var bytes: [UInt8]
        var maxWords: Int?
    }

    private static func compile(_ rules: [LineRule]) -> [CompiledRule] {
        rules.map {
            CompiledRule(match: $0.match, bytes: Array($0.text.lowercased().utf8), maxWords: $0.maxWords)
        }
    }

    private static let edgePunctuation = Set(" .:!|›»>-–—".utf8)

    private static func trimmingPunctuation(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var slice = bytes[...]
        while let first = slice.first, edgePunctuation.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, edgePunctuation.contains(last) { slice = slice.dropLast() }
        return slice
    }
}
