/// A cue found in a sentence: its tokens and what the lexicon says of it.
struct CueHit: Sendable {
    var range: Range<Int>
    var cues: [Cue]

    var isVerb: Bool { cues.contains { [.past, .present, .participle].contains($0.form) } }
}

/// A stretch of a sentence that tells one deed: a clause, or the part of a sentence between
/// two clause boundaries.
struct Segment: Sendable, Equatable {
    var range: Range<Int>
    /// Opens with a conjunction of time ("after", "when", "following"): its deed sets the time
    /// or the cause of another's.
    var isTimeClause = false
}

/// Cuts a sentence where one deed's clause ends and another's begins, so that each deed takes
/// the places, dates and figures of its own clause: at a semicolon or colon; at a comma before
/// "while", "whereas", "but", "although"; at "and"/"but" between two finite clauses ("mortars
/// were fired into the town and a group of men stormed a checkpoint", not "in Tehran and the
/// city of Ahvaz"); and before a conjunction of time whose clause tells a deed of its own ("…
/// comes after a bombing on Tuesday killed 51"). A participle after a comma (", killing five")
/// and a relative clause (", which …") stay with their clause.
struct Segmenter: Sendable {
    static let auxiliaries: Set<String> = [
        "was", "were", "is", "are", "has", "have", "had", "did", "been", "be",
    ]
    static let contrasts: Set<String> = ["while", "whereas", "but", "although", "though", "meanwhile"]
    static let timeConjunctions: Set<String> = ["after", "before", "following", "when"]

    func segments(
        of sentence: Range<Int>, text: ArticleText, hits: [CueHit], placeStarts: Set<Int>
    ) -> [Segment] {
        let tokens = text.tokens
        var cuts: [(at: Int, time: Bool)] = []
        var start = sentence.lowerBound
        func hasCue(_ range: Range<Int>) -> Bool {
            hits.contains { range.contains($0.range.lowerBound) }
        }
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            let token = tokens[i]
            var cut: (Int, Bool)?
            if token.text == ";" && i + 1 < sentence.upperBound {
                cut = (i + 1, false)
            } else if token.text == ":", i + 1 < sentence.upperBound,
                !(tokens[i + 1].kind == .number && i > sentence.lowerBound && tokens[i - 1].kind == .number),
                // "three villages: A, B and C" lists what the clause names; no new clause.
                !(placeStarts.contains(i + 1) && !hasCue((i + 1)..<sentence.upperBound))
            {
                cut = (i + 1, false)
            } else if token.text == ",", i + 1 < sentence.upperBound,
                Self.contrasts.contains(tokens[i + 1].lower), i > start
            {
                cut = (i + 1, false)
            } else if ["and", "but"].contains(token.lower), i > start,
                joinsClauses(
                    at: i, from: start, sentence: sentence, text: text, hits: hits,
                    placeStarts: placeStarts)
            {
                cut = (i, false)
            } else if token.lower == "while", i > start, hasCue(start..<i),
                hasCue((i + 1)..<sentence.upperBound)
            {
                cut = (i, false)
            } else if Self.timeConjunctions.contains(token.lower), i > start,
                hasCue(start..<i),
                hasCue((i + 1)..<sentence.upperBound),
                !(i > sentence.lowerBound && tokens[i - 1].kind == .number)
            {
                cut = (i, true)
            }
            if let (at, time) = cut {
                cuts.append((at, time))
                start = at
            }
            i += 1
        }
        var result: [Segment] = []
        var from = sentence.lowerBound
        var fromTime = false
        for (at, time) in cuts where at > from {
            result.append(Segment(range: from..<at, isTimeClause: fromTime))
            from = at
            fromTime = time
        }
        result.append(Segment(range: from..<sentence.upperBound, isTimeClause: fromTime))
        return result
    }

    /// "and" between two clauses with verbs of their own, the second with a subject that is not a
    /// place ("…, and a group of men stormed", not "in Tehran and the city of Ahvaz on Sunday").
    func joinsClauses(
        at i: Int, from start: Int, sentence: Range<Int>, text: ArticleText, hits: [CueHit],
        placeStarts: Set<Int>
    ) -> Bool {
        let tokens = text.tokens
        guard finite(start..<i, text: text, hits: hits) else { return false }
        let next = i + 1
        guard next < sentence.upperBound else { return false }
        // "and killed five": the same subject's next deed, one clause.
        if hits.contains(where: { $0.range.lowerBound == next && $0.isVerb }) { return false }
        var j = next
        while j < min(sentence.upperBound, next + 10) {
            if tokens[j].kind == .punctuation && tokens[j].text != "-" { return false }
            if placeStarts.contains(j) { return false }
            if Self.auxiliaries.contains(tokens[j].lower) { return j > next }
            if let hit = hits.first(where: { $0.range.lowerBound == j }), hit.isVerb,
                hit.cues.contains(where: { $0.form == .past || $0.form == .present })
            {
                return j > next
            }
            j += 1
        }
        return false
    }

    /// The range holds a finite verb: an auxiliary or a cue in the past or present tense.
    func finite(_ range: Range<Int>, text: ArticleText, hits: [CueHit]) -> Bool {
        if range.contains(where: { Self.auxiliaries.contains(text.tokens[$0].lower) }) { return true }
        return hits.contains {
            range.contains($0.range.lowerBound)
                && $0.cues.contains(where: { $0.form == .past || $0.form == .present })
        }
    }
}
