/// An article's text as the extractor reads it: tokens, sentences and the scalars they point
/// into, with the lookups every stage shares.
struct ArticleText: Sendable {
    let text: String
    let tokens: [Token]
    let scalars: [Unicode.Scalar]
    let sentences: [Sentence]
    /// The sentence of each token.
    let sentenceOf: [Int]
    /// Token ranges between quotation marks across the text (a quote may run over sentences).
    let quotes: [Range<Int>]

    init(text: String, tokens: [Token], sentences: [Sentence]) {
        self.text = text
        self.tokens = tokens
        self.sentences = sentences
        scalars = Array(text.unicodeScalars)
        var owner = [Int](repeating: 0, count: tokens.count)
        for (index, sentence) in sentences.enumerated() {
            for token in sentence.tokens { owner[token] = index }
        }
        sentenceOf = owner
        quotes = Self.quotes(tokens)
    }

    private static func quotes(_ tokens: [Token]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var open: Int?
        for (i, token) in tokens.enumerated() {
            switch token.text {
            case "“": open = i
            case "”":
                if let start = open { result.append(start..<(i + 1)) }
                open = nil
            case "\"":
                if let start = open {
                    result.append(start..<(i + 1))
                    open = nil
                } else {
                    open = i
                }
            default: break
            }
        }
        return result
    }

    /// The words of a token range as written.
    func phrase(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end])
        return String(view)
    }

    func lower(_ index: Int) -> String { index >= 0 && index < tokens.count ? tokens[index].lower : "" }

    /// Quotes that touch a range, cut to it.
    func quotedRanges(in range: Range<Int>) -> [Range<Int>] {
        quotes.compactMap { quote in
            let start = max(quote.lowerBound, range.lowerBound)
            let end = min(quote.upperBound, range.upperBound)
            return start < end ? start..<end : nil
        }
    }
}
