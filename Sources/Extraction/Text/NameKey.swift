import Foundation

/// The normalized form names are looked up by, the same the gazetteer's build script writes:
/// compatibility decomposition, combining marks dropped, lower case, apostrophes unified,
/// other punctuation and hyphens as spaces, spaces folded. "Bila-Tserkva’s" → "bila tserkva's".
public enum NameKey {
    public static func normalize(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return normalizeASCII(text) }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        var previousIsWord = false
        let scalars = Array(String(text).decomposedStringWithCompatibilityMapping.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar.properties.canonicalCombiningClass != .notReordered { continue }
            let isWord =
                scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
            var isApostrophe = scalar == "'" || scalar == "’" || scalar == "`"
            if isApostrophe {
                // Only inside a word: "Kyiv's" keeps it, "'quoted'" does not.
                let nextIsWord =
                    index + 1 < scalars.count
                    && (scalars[index + 1].properties.isAlphabetic
                        || scalars[index + 1].properties.numericType != nil)
                isApostrophe = previousIsWord && nextIsWord
            }
            if isWord || isApostrophe {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                if isApostrophe {
                    result.append("'")
                } else {
                    result.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                }
                previousIsWord = !isApostrophe
            } else {
                pendingSpace = true
                previousIsWord = false
            }
        }
        return String(result)
    }

    /// The same rules for ASCII text, without decomposition.
    private static func normalizeASCII(_ text: some StringProtocol) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pendingSpace = false
        var previousIsWord = false
        for (index, byte) in bytes.enumerated() {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            let isWord = (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
            var isApostrophe = byte == 0x27 || byte == 0x60
            if isApostrophe {
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                let nextLower = next | 0x20
                isApostrophe =
                    previousIsWord
                    && ((nextLower >= 0x61 && nextLower <= 0x7A) || (next >= 0x30 && next <= 0x39))
            }
            if isWord || isApostrophe {
                if pendingSpace && !result.isEmpty { result.append(0x20) }
                pendingSpace = false
                result.append(isApostrophe ? 0x27 : lower)
                previousIsWord = !isApostrophe
            } else {
                pendingSpace = true
                previousIsWord = false
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    static let articles: Set<Substring> = [
        "al", "el", "ad", "ar", "as", "at", "an", "ash", "az", "ul", "ur", "ut", "es", "en",
    ]
    static let digraphs: [(String, String)] = [
        ("kh", "h"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("zh", "z"), ("ts", "s"), ("tz", "s"),
        ("ph", "f"),
        ("th", "t"), ("dh", "d"), ("dj", "j"), ("ck", "k"), ("q", "k"), ("c", "k"), ("x", "ks"), ("w", "v"),
        ("y", "i"), ("j", "i"), ("z", "s"),
    ]

    /// The spelling-blind form of a normalized key, as the gazetteer's build script writes it
    /// (`build_gazetteer.py`, `skeleton`): Arabic articles dropped, digraphs and variant letters
    /// unified, vowel runs one vowel, doubled letters single, a final vowel or "ah" dropped —
    /// "Krasnopillia" and "Krasnopillya", "Mahmoudiya" and "Al Mahmudiyah" meet. Empty for
    /// non-Latin names.
    public static func skeleton(_ key: String) -> String {
        let words = key.split(separator: " ").filter { !articles.contains($0) }
        var text = words.joined(separator: " ")
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return "" }
        for (from, to) in digraphs { text = text.replacingOccurrences(of: from, with: to) }
        var result: [Character] = []
        for character in text {
            let vowel = "aeiou".contains(character)
            let mapped: Character = vowel ? "a" : character
            if let last = result.last, last == mapped { continue }
            result.append(mapped)
        }
        // "ah" and a vowel at a word's end.
        var output = String(result)
        output = output.split(separator: " ", omittingEmptySubsequences: true).map { word -> String in
            var word = String(word)
            if word.hasSuffix("ah") { word.removeLast() }
            if word.hasSuffix("a") { word.removeLast() }
            return word
        }.filter { !$0.isEmpty }.joined(separator: " ")
        return output
    }

    /// A key without its Arabic articles: "al mahmudiyah" → "mahmudiyah".
    public static func withoutArticles(_ key: String) -> String {
        key.split(separator: " ").filter { !articles.contains($0) }.joined(separator: " ")
    }

    /// 1 minus the edit distance over the longer length: how alike two spellings are.
    public static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        guard !x.isEmpty, !y.isEmpty else { return x.isEmpty && y.isEmpty ? 1 : 0 }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return 1 - Double(previous[y.count]) / Double(max(x.count, y.count))
    }
}
