import EventModel

/// The dateline a wire story or a press release opens with: "KABUL, Afghanistan (Jan. 25, 2013)
/// —", "NAIROBI, March 3 (Wire) -", "MOGADISHU —", "CITY — 3 March 2025:". It tells where the
/// report was filed and, when dated with a year, when: the publication date of a page that
/// gives none. Its words are no event's.
struct Dateline: Sendable {
    var range: Range<Int>
    var place: PlaceMention?
    var day: CalendarDay?

    static let terminators: Set<String> = ["—", "–", "-", ":"]

    static func read(_ text: ArticleText, places: [PlaceMention], dates: [TemporalExpression]) -> Dateline? {
        let tokens = text.tokens
        guard let first = text.sentences.first, first.tokens.count > 3 else { return nil }
        let start = first.tokens.lowerBound
        guard tokens[start].kind == .word, tokens[start].isCapitalized else { return nil }
        let place = places.first { $0.tokenRange.lowerBound == start && $0.kind != .country }
        let shouted = tokens[start].text.count > 1 && tokens[start].text.allSatisfy { $0.isUppercase }
        guard place != nil || shouted else { return nil }
        // The name (and its country or region), then a date or an agency in brackets, then a dash.
        let limit = min(first.tokens.upperBound, start + 20)
        var end: Int?
        var depth = 0
        // An unknown name in capitals may run to several words: "BAGRAM AIRFIELD, Afghanistan".
        var nameEnd = start + 1
        if place == nil {
            while nameEnd < first.tokens.upperBound, tokens[nameEnd].kind == .word,
                tokens[nameEnd].text.count > 1, tokens[nameEnd].text.allSatisfy({ $0.isUppercase })
            {
                nameEnd += 1
            }
        }
        var i = (place?.tokenRange.upperBound ?? nameEnd)
        guard i < limit, [",", "(", "—", "–", "-", ":"].contains(tokens[i].text) else { return nil }
        while i < limit {
            let token = tokens[i]
            if token.text == "(" { depth += 1 }
            if token.text == ")" {
                depth -= 1
                // "(Jan. 25, 2013)" closing the dateline at a line's end or before a dash.
                if depth == 0, i + 1 < tokens.count,
                    terminators.contains(String(tokens[i + 1].text))
                        || text.scalars[token.end..<tokens[i + 1].start].contains("\n")
                        || tokens[i + 1].isCapitalized
                {
                    end = terminators.contains(String(tokens[i + 1].text)) ? i + 2 : i + 1
                    break
                }
            }
            if depth == 0, terminators.contains(String(token.text)), token.spaceBefore || token.text != "-" {
                end = i + 1
                // "MOGADISHU — 9 March 2025:": a date after the dash, closed by a colon.
                if let colon = (i + 1..<min(limit, i + 7)).first(where: { tokens[$0].text == ":" }),
                    dates.contains(where: { $0.start >= tokens[i + 1].start && $0.end <= tokens[colon].start }
                    )
                {
                    end = colon + 1
                }
                break
            }
            if depth == 0, token.kind == .word, !token.isCapitalized, !Self.dateWords.contains(token.lower) {
                return nil
            }
            i += 1
        }
        guard let end else { return nil }
        let range = start..<end
        let startOffset = tokens[start].start
        let endOffset = tokens[end - 1].end
        let day = dates.first { expression in
            expression.start >= startOffset && expression.end <= endOffset
                && expression.date?.precision == .day
                && !expression.value.hasPrefix("XXXX")
        }?.date?.start.flatMap(CalendarDay.init)
        return Dateline(range: range, place: place, day: day)
    }

    /// Lower-case words a dateline may hold: "(Jan. 25, 2013)", "on Monday".
    static let dateWords: Set<String> = ["on", "de", "of", "and", "the"]
}
