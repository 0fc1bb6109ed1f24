import EventModel

/// What a sentence's words do to a trigger: references back, quotes, habits, standing
/// situations, negation, conditions and clauses of time.
extension SentenceReader {
    /// "that attack", "the blast", "the Aleppo bombing", "Monday's missile strike": a
    /// demonstrative, the definite article or a day's possessive before the event word (a word or
    /// two of description, or a place's name, between) may point back to an event told before;
    /// `MentionJoiner` joins it when there is one.
    func refersBack(trigger: Int, in range: Range<Int>) -> Mention.Reference {
        var i = trigger - 1
        var skipped = 0
        while i >= range.lowerBound && skipped <= 4 {
            let token = tokens[i]
            if ["that", "this", "these", "those"].contains(token.lower) { return .demonstrative }
            if token.lower == "the" {
                let before = i > range.lowerBound ? tokens[i - 1].lower : ""
                return Self.objectCues.contains(before) ? .object : .definite
            }
            let owner = i - (token.text == "'s" ? 1 : 2)
            if token.text == "'s" || token.lower == "s", owner >= range.lowerBound,
                Self.weekdays.contains(tokens[owner].lower)
            {
                return .demonstrative
            }
            // Only words that describe the event may stand between: not "the army said it had retaken".
            guard token.kind == .word, !Self.notModifiers.contains(token.lower) else { return .none }
            skipped += 1
            i -= 1
        }
        return .none
    }

    /// Words before "the <event>" that make it the object of another deed or word.
    static let objectCues: Set<String> = [
        "claimed", "condemned", "denied", "of", "for", "in", "behind", "after", "since", "over",
    ]

    static let notModifiers: Set<String> = [
        "a", "an", "it", "he", "she", "they", "we", "i", "you", "its", "their", "his", "her", "our", "had",
        "has",
        "have", "was", "were", "is", "are", "be", "been", "being", "will", "would", "could", "can", "may",
        "might",
        "said", "says", "say", "told", "and", "or", "but", "in", "on", "at", "of", "to", "by", "for", "with",
        "from",
        "after", "before", "since", "as", "when", "while", "which", "who", "not", "also",
    ]

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
    ]

    // MARK: Filters

    /// A quotation that opens the sentence, is attributed after it and speaks in the third person.
    func isReportedStatement(_ quote: Range<Int>, in range: Range<Int>) -> Bool {
        guard quote.lowerBound == range.lowerBound, quote.upperBound + 1 < range.upperBound,
            range.upperBound - quote.upperBound <= 12
        else { return false }
        let firstPerson: Set<String> = ["i", "we", "our", "us", "my", "me", "you", "your"]
        return !tokens[quote].contains { firstPerson.contains($0.lower) }
    }

    /// Token ranges inside quotation marks.
    func quotedRanges(in range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var open: Int?
        for i in range {
            switch tokens[i].text {
            case "“": open = i
            case "”":
                if let start = open { result.append(start..<i) }
                open = nil
            case "\"":
                if let start = open {
                    result.append(start..<i)
                    open = nil
                } else {
                    open = i
                }
            default: break
            }
        }
        if let start = open, start == range.lowerBound { result.append(start..<range.upperBound) }
        return result
    }

    /// "regular attacks", "accuses them of killing", "fighting has forced a million to flee",
    /// "are also detained there": behaviour, tallies and states, not one event.
    func isHabitualOrGeneric(_ trigger: Range<Int>, in range: Range<Int>, dated: Bool) -> Bool {
        // A list of deeds counts from its first item: "accuses them of killing, maiming, looting".
        var first = trigger.lowerBound
        while first > trigger.lowerBound - 16 {
            var cursor = first
            while cursor - 1 >= range.lowerBound, [",", "and", "or"].contains(tokens[cursor - 1].lower) {
                cursor -= 1
            }
            guard cursor < first, cursor - 1 >= range.lowerBound, tokens[cursor - 1].kind == .word,
                tokens[cursor - 1].lower.hasSuffix("ing")
            else { break }
            first = cursor - 1
        }
        let window = max(range.lowerBound, first - 6)..<trigger.lowerBound
        if lexicon.habitual.contains(tokens, in: window) { return true }
        // A state, dated or not (the date is the arrest's): "are detained", "are also held there".
        if trigger.lowerBound > range.lowerBound {
            let before = tokens[trigger.lowerBound - 1].lower
            let twoBefore =
                trigger.lowerBound - 2 >= range.lowerBound ? tokens[trigger.lowerBound - 2].lower : ""
            if ["are", "is"].contains(before)
                || (["are", "is"].contains(twoBefore) && ["also", "still", "now"].contains(before))
            {
                return true
            }
        }
        guard !dated else { return false }
        // The event word as the subject of a perfect: "fighting has forced …".
        let after = trigger.upperBound
        if after < range.upperBound, ["has", "have"].contains(tokens[after].lower) { return true }
        return false
    }

    /// "has been fiercest", "have been ramping up attacks" by the sentence's first event word (not
    /// "shot down 71, … drones believed to have been downed" far after it); "… continued".
    func isStandingSituation(_ range: Range<Int>, near trigger: Int) -> Bool {
        // "Fighting on the border continued.": no new event without a day of its own.
        if range.contains(where: {
            ["continued", "continues", "persisted", "persists"].contains(tokens[$0].lower)
        }),
            readCasualties(in: range) == (nil, nil)
        {
            return true
        }
        for i in range.dropLast() where tokens[i].lower == "been" && abs(i - trigger) <= 5 {
            let before = i > range.lowerBound ? tokens[i - 1].lower : ""
            if ["has", "have", "had"].contains(before)
                || (i > range.lowerBound + 1 && ["has", "have"].contains(tokens[i - 2].lower))
            {
                return true
            }
        }
        return false
    }

    /// "did not strike", "will launch", "threatened to", "efforts to retake": no event.
    /// The people killed or wounded are all fighters: "killed three militants", "two soldiers
    /// were wounded" — and no civilians, residents or people are named in the sentence.
    func victimsAreCombatants(in range: Range<Int>) -> Bool { victims(in: range) == .combatants }

    /// "killed at least 11 civilians", "villagers were killed", and no fighter named as harmed.
    func victimsAreCivilians(in range: Range<Int>) -> Bool { victims(in: range) == .civilians }

    enum Victims { case none, combatants, civilians, both }

    func victims(in range: Range<Int>) -> Victims {
        let harmed: Set<String> = ["killed", "killing", "kill", "wounded", "wounding", "injured", "injuring"]
        let stops: Set<String> = [
            "by", "in", "on", "at", "when", "as", "after", "during", "with", "and", "while", "near", "from",
        ]
        let auxiliaries: Set<String> = ["was", "were", "been", "being", "are", "is"]
        func victim(at start: Int, step: Int) -> ActorType? {
            var j = start
            var seen = 0
            while range.contains(j) && seen < 5 {
                // "at least 50", "more than a dozen": the figure, then its noun.
                if step > 0, let reading = numbers.read(tokens, at: j) {
                    j += reading.length
                    seen += 1
                    continue
                }
                if tokens[j].kind == .punctuation || stops.contains(tokens[j].lower) { return nil }
                // "people" may be anyone; "civilians", "villagers", "passengers" are not fighters.
                if ["people", "cities"].contains(tokens[j].lower) { return .other }
                if let noun = lexicon.actorNouns.match(tokens, at: j), tokens[j].lower != "drones" {
                    return noun.value
                }
                j += step
                seen += 1
            }
            return nil
        }
        var combatants = false
        var civilians = false
        for i in range where harmed.contains(tokens[i].lower) {
            var found = victim(at: i + 1, step: 1)
            if found == nil, i - 1 >= range.lowerBound, auxiliaries.contains(tokens[i - 1].lower) {
                found = victim(at: i - 2, step: -1)
            }
            guard let found else { continue }
            switch found {
            case .civilians: civilians = true
            case .protesters, .rioters, .government, .internationalOrganization, .other: return .both
            default: combatants = true
            }
        }
        switch (combatants, civilians) {
        case (true, true): return .both
        case (true, false):
            return lexicon.actorNouns.all(tokens, in: range).contains { $0.value == .civilians }
                ? .both : .combatants
        case (false, true): return .civilians
        case (false, false): return .none
        }
    }

    /// The trigger stands in a clause of time ("hours after the rebels fired", "before troops
    /// shelled"), a few words after its conjunction and no comma between.
    func isInTimeClause(_ trigger: Int, in range: Range<Int>) -> Bool {
        var i = trigger - 1
        while i >= range.lowerBound && trigger - i <= 5 {
            if tokens[i].kind == .punctuation { return false }
            if ["after", "before", "following", "since"].contains(tokens[i].lower) { return true }
            i -= 1
        }
        return false
    }

    /// Two triggers stand in different clauses: a semicolon, or a comma and "and", "while" or
    /// "but" between them, five words apart at least.
    func clauseBreak(between a: Range<Int>, and b: Range<Int>) -> Bool {
        clauseCut(between: a, and: b) != nil
    }

    /// Where the clauses of two triggers part: the semicolon, or the comma before "and", "while",
    /// "but" or "whereas".
    func clauseCut(between a: Range<Int>, and b: Range<Int>) -> Int? {
        let start = min(a.upperBound, b.upperBound)
        let end = max(a.lowerBound, b.lowerBound)
        guard end - start >= 5 else { return nil }  // overlapping or near triggers share a clause
        return (start..<end).first { isClauseCut(at: $0, before: end) }
    }

    /// A semicolon, or a comma before "while", "but", "whereas" (and "and" unless `strong`), with
    /// the next clause starting before `end`.
    func isClauseCut(at i: Int, before end: Int, strong: Bool = false) -> Bool {
        if tokens[i].text == ";" { return true }
        guard tokens[i].text == ",", i + 1 < end else { return false }
        let conjunction = tokens[i + 1].lower
        return ["while", "but", "whereas"].contains(conjunction) || !strong && conjunction == "and"
    }

    func isNegatedOrUnreal(_ trigger: Range<Int>, in range: Range<Int>) -> Bool {
        // An infinitive names an aim, not a deed — unless it was tried ("tried to break into").
        if trigger.lowerBound > range.lowerBound && tokens[trigger.lowerBound - 1].lower == "to"
            && tokens[trigger.lowerBound].kind == .word
        {
            let attempt =
                trigger.lowerBound >= 2 && Self.attemptWords.contains(tokens[trigger.lowerBound - 2].lower)
            if !attempt { return true }
            return false
        }
        // "to ease the fighting", "to end the war": the aim of another action.
        if trigger.lowerBound - 3 >= range.lowerBound, tokens[trigger.lowerBound - 3].lower == "to",
            ["the", "a", "an"].contains(tokens[trigger.lowerBound - 1].lower)
        {
            return true
        }
        let from = max(range.lowerBound, trigger.lowerBound - 6)
        let window = from..<trigger.lowerBound
        for match in lexicon.negations.all(tokens, in: window) {
            // "no" before a noun trigger ("no casualties") or a verb negation right before it.
            if match.range.upperBound >= trigger.lowerBound - 2 { return true }
        }
        if lexicon.irrealis.contains(tokens, in: window) { return true }
        return false
    }
}
