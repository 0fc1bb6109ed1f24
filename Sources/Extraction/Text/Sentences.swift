/// A sentence of a text: its token range and its place in Unicode scalars.
public struct Sentence: Hashable, Sendable {
    public var tokens: Range<Int>
    public var start: Int
    public var end: Int
    /// The paragraph it belongs to, counted from 0.
    public var paragraph: Int
}

/// Splits a text into sentences: at '.', '!' or '?' followed by a capitalized word, a quote or a
/// digit, except after abbreviations ("Mr.", "Gen.", "U.S.") and initials ("John F. Kennedy");
/// and always at a paragraph break. A closing quote stays with its sentence.
public struct SentenceSplitter: Sendable {
    let abbreviations: Set<String>

    public init() { abbreviations = Set(EventLexicon.bundled.abbreviations) }

    public func sentences(_ tokens: [Token], in text: String) -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        // Paragraph breaks: offsets of blank lines.
        var breaks: [Int] = []
        var previousNewline = false
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar == "\n" {
                if previousNewline { breaks.append(offset) }
                previousNewline = true
            } else if scalar != "\r" && scalar != " " {
                previousNewline = false
            }
        }
        var sentences: [Sentence] = []
        var start = 0
        var paragraph = 0
        var breakIndex = 0
        func close(_ end: Int) {
            guard end > start else { return }
            sentences.append(
                Sentence(
                    tokens: start..<end, start: tokens[start].start, end: tokens[end - 1].end,
                    paragraph: paragraph))
            start = end
        }
        for index in tokens.indices {
            while breakIndex < breaks.count && breaks[breakIndex] < tokens[index].start {
                if index > start { close(index) }
                paragraph += 1
                breakIndex += 1
                // Several blank lines count once.
                while breakIndex < breaks.count && breaks[breakIndex] < tokens[index].start {
                    breakIndex += 1
                }
            }
            let token = tokens[index]
            // "== Reaction ==", "* * *": a heading or a rule is a boundary on both sides.
            if token.text == "=" || token.text == "*", index + 1 < tokens.count,
                tokens[index + 1].text == token.text
                    || (index > 0 && tokens[index - 1].text == token.text)
            {
                if index > start && tokens[index - 1].text != token.text { close(index) }
                if index + 1 < tokens.count && tokens[index + 1].text != token.text && index + 1 > start {
                    close(index + 1)
                }
                continue
            }
            guard token.kind == .punctuation, [".", "!", "?"].contains(token.text) else { continue }
            var end = index + 1
            while end < tokens.count, ["”", "\"", "’", "'", ")"].contains(tokens[end].text),
                !tokens[end].spaceBefore
            {
                end += 1
            }
            guard end < tokens.count else { continue }
            let next = tokens[end]
            guard next.spaceBefore else { continue }
            let startsSentence =
                next.isCapitalized || next.kind == .number || ["“", "\"", "‘", "'", "("].contains(next.text)
            guard startsSentence else { continue }
            if token.text == ".", index > 0 {
                let previous = tokens[index - 1]
                if abbreviations.contains(previous.lower) { continue }
                // An initial: one capital letter ("V." in "John F. Kennedy", "S." in "U.S.").
                if previous.kind == .word && previous.text.count == 1 && previous.isCapitalized { continue }
            }
            close(end)
        }
        close(tokens.count)
        return sentences
    }
}
