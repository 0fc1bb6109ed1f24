/// Chooses between the body found in the page's markup and the JSON-LD `articleBody`: the markup
/// keeps paragraph breaks, so it wins while it holds most of what JSON-LD says; JSON-LD wins when
/// the markup missed most of the article.
enum ArticleBodyChoice {
    static func choose(dom: [String], jsonLD: String?) -> [String] {
        guard let jsonLD else { return dom }
        let ldWords = words(jsonLD)
        guard ldWords.count >= 50 else { return dom }
        let domWords = words(dom.joined(separator: " "))
        let ldShingles = shingles(ldWords)
        let domShingles = shingles(domWords)
        guard !ldShingles.isEmpty else { return dom }
        let covered = Double(ldShingles.intersection(domShingles).count) / Double(ldShingles.count)
        if covered >= 0.5 { return dom }
        let paragraphs = jsonLD.split(whereSeparator: \.isNewline)
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            .filter { !$0.isEmpty }
        return paragraphs
    }

    private static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    }

    private static func shingles(_ words: [Substring]) -> Set<Int> {
        guard words.count >= 3 else { return [] }
        var result = Set<Int>()
        for index in 0...(words.count - 3) {
            var hasher = Hasher()
            hasher.combine(words[index])
            hasher.combine(words[index + 1])
            hasher.combine(words[index + 2])
            result.insert(hasher.finalize())
        }
        return result
    }
}
