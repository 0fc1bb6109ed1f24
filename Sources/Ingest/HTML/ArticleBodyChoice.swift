/// Chooses between the body found in the page's markup and the JSON-LD `articleBody`: the markup
/// keeps paragraph breaks, so it wins while it holds most of what JSON-LD says; JSON-LD wins when
/// the markup missed most of the article.
enum ArticleBodyChoice {
    static func choose(dom: [String], jsonLD: String?) -> [String] {
        guard let jsonLD else { return dom }
        guard wordCount(jsonLD) >= 50 else { return dom }
        let ldShingles = shingles(jsonLD)
        let domShingles = shingles(dom.joined(separator: " "))
        guard !ldShingles.isEmpty else { return dom }
        let covered = Double(ldShingles.intersection(domShingles).count) / Double(ldShingles.count)
        if covered >= 0.5 { return dom }
        let paragraphs = jsonLD.split(whereSeparator: \.isNewline)
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
        return paragraphs
    }

    /// Hashes of word trigrams; words are runs of ASCII letters and digits or non-ASCII bytes.
    private static func shingles(_ text: String) -> Set<UInt64> {
        var result = Set<UInt64>()
        var window: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        func endWord() {
            window = (window.1, window.2, hash)
            count += 1
            if count >= 3 { result.insert(window.0 &* 31 &+ window.1 &* 17 &+ window.2) }
            hash = 0xcbf2_9ce4_8422_2325
        }
        for byte in text.utf8 {
            let isWord =
                byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            if isWord {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                inWord = true
            } else if inWord {
                endWord()
                inWord = false
            }
        }
        if inWord { endWord() }
        return result
    }

    private static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    }
}
