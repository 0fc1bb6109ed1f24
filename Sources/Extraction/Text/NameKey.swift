import Foundation

/// The normalized form names are looked up by, the same the gazetteer's build script writes:
/// compatibility decomposition, combining marks dropped, lower case, apostrophes unified,
/// other punctuation and hyphens as spaces, spaces folded. "Kryvyi-Rih’s" → "kryvyi rih's".
public enum NameKey {
    public static func normalize(_ text: some StringProtocol) -> String {
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
}
