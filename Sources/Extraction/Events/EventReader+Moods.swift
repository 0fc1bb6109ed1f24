import EventModel

/// What makes a deed not told as having happened: quoted judgement, negation, plans, threats,
/// conditions, purposes, a person's record, habits and kinds of deeds, running tallies, and
/// denials.
extension EventReader {
    enum Mood { case told, record, notTold }

    /// Whether a choice is told as having happened; a person's record is kept apart, as
    /// background that later references may join.
    func mood(of choice: KindChoice, in segment: Segment, sentence: Range<Int>) -> Mood {
        let trigger = choice.trigger
        let range = segment.range
        if isQuotedJudgement(trigger, sentence: sentence) { return .notTold }
        if isUnreal(trigger, cue: choice.cue, in: range) { return .notTold }
        if isRecord(trigger, segment: range, sentence: sentence) { return .record }
        if isPurpose(trigger, segment: range) { return .notTold }
        if isGeneric(trigger, cue: choice.cue, kind: choice.kind, segment: range, sentence: sentence) {
            return .notTold
        }
        if isStanding(trigger, cue: choice.cue, in: range)
            || isRelativeBackground(trigger, cue: choice.cue, in: range)
        {
            return .notTold
        }
        if isDenied(trigger, sentence: sentence) { return .notTold }
        if choice.kind == .agreement,
            lexicon.agreementEnds.contains(
                tokens, in: max(range.lowerBound, trigger.lowerBound - 6)..<trigger.lowerBound)
        {
            return .notTold
        }
        if choice.kind.isCommunication || choice.kind.family == .protestsAndRiots,
            isStatementFrame(trigger, in: range)
        {
            return .notTold
        }
        return .told
    }

    /// Inside quotation marks, unless the quote is a statement quoted whole, in the third person,
    /// with figures, as news ("“Airstrikes … have killed 50 militants,” the ministry said").
    func isQuotedJudgement(_ trigger: Range<Int>, sentence: Range<Int>) -> Bool {
        guard let quote = text.quotedRanges(in: sentence).first(where: { $0.contains(trigger.lowerBound) })
        else {
            return false
        }
        let (killed, injured) = readCasualties(in: quote)
        return !(isReportedStatement(quote, in: sentence) && (killed != nil || injured != nil))
    }

    /// A quotation that opens the sentence, is attributed after it and speaks in the third person.
    func isReportedStatement(_ quote: Range<Int>, in range: Range<Int>) -> Bool {
        guard quote.lowerBound == range.lowerBound, quote.upperBound < range.upperBound,
            range.upperBound - quote.upperBound <= 12
        else { return false }
        let firstPerson: Set<String> = ["i", "we", "our", "us", "my", "me", "you", "your"]
        return !tokens[quote].contains { firstPerson.contains($0.lower) }
    }

    /// Negated, planned, threatened, conditional or an aim: "did not strike", "will launch",
    /// "threatened to", "to retake", "if they attack".
    func isUnreal(_ trigger: Range<Int>, cue: Cue, in range: Range<Int>) -> Bool {
        let start = trigger.lowerBound
        // An infinitive names an aim — unless it was tried ("tried to break into").
        if start > range.lowerBound, tokens[start - 1].lower == "to", cue.form == .base || cue.form == .noun {
            let attempt = start >= 2 && Self.attemptWords.contains(tokens[start - 2].lower)
            if !attempt && cue.form == .base { return true }
            if attempt { return false }
        }
        // "to ease the fighting", "to end the war": the aim of another action.
        if start - 3 >= range.lowerBound, tokens[start - 3].lower == "to",
            ["the", "a", "an"].contains(tokens[start - 1].lower)
        {
            return true
        }
        let window = max(range.lowerBound, start - 6)..<start
        for match in lexicon.negations.all(tokens, in: window) where match.range.upperBound >= start - 2 {
            return true
        }
        // "the fighting around Pokrovsk could intensify": a deed named as the subject of a modal.
        if cue.form == .noun,
            (min(trigger.upperBound, range.upperBound)..<min(range.upperBound, trigger.upperBound + 5))
                .contains(where: {
                    Self.modals.contains(tokens[$0].lower)
                })
        {
            return true
        }
        return lexicon.irrealis.contains(tokens, in: max(range.lowerBound, start - 16)..<start)
    }

    static let modals: Set<String> = ["could", "would", "might", "may", "will", "should", "can"]

    /// Before "to", a deed tried or done: "tried to break into", "managed to kill".
    static let attemptWords: Set<String> = [
        "tried", "attempted", "attempt", "attempts", "trying", "sought", "failed", "managed", "succeeded",
        "went", "began", "started", "continued",
    ]

    /// A person's record or charges: "was responsible for the bombings", "accused of planning
    /// attacks", "the bombing he is alleged to have taken part in".
    func isRecord(_ trigger: Range<Int>, segment: Range<Int>, sentence: Range<Int>) -> Bool {
        if isArresteeRecord(trigger, sentence: sentence) { return true }
        let start = trigger.lowerBound
        let before = max(sentence.lowerBound, start - 12)..<start
        let after = trigger.upperBound..<min(segment.upperBound, trigger.upperBound + 8)
        guard lexicon.record.contains(tokens, in: before) || lexicon.recordAfter.contains(tokens, in: after)
        else {
            return false
        }
        // "accused of trying to kidnap": right before the deed, the record governs it.
        if lexicon.record.contains(tokens, in: max(sentence.lowerBound, start - 5)..<start) { return true }
        // "was killed after he planned …": further off, it must govern the deed, not stand beside it
        // (a day told before the record word is another deed's: "Ali, arrested on Sunday, had
        // organised attacks …").
        let recordEnd = lexicon.record.all(tokens, in: before).last?.range.upperBound ?? before.lowerBound
        return !hasOwnDay(trigger, in: recordEnd..<max(recordEnd + 1, segment.upperBound))
    }

    /// "Police arrested Ali Dheere on Monday. Dheere planted roadside bombs in Lower Juba.": what
    /// the person just arrested or captured had done, told without a day of its own, is his record.
    func isArresteeRecord(_ trigger: Range<Int>, sentence: Range<Int>) -> Bool {
        let index = text.sentenceOf[sentence.lowerBound]
        guard index > 0, !hasOwnDay(trigger, in: sentence) else { return false }
        let previous = text.sentences[index - 1].tokens
        let detained = lexicon.cues.all(tokens, in: previous).contains { match in
            match.value.contains { cue in
                cue.kind == .arrest || cue.cueClass == .capture || cue.kind == .abduction
            }
        }
        guard detained else { return false }
        // The subject: a pronoun, "the suspect", or a name the sentence before gave.
        var first = sentence.lowerBound
        // "According to police, Dheere …", "On Monday, he …": the subject after an opening phrase.
        if let comma = (first..<min(trigger.lowerBound, first + 8)).first(where: { tokens[$0].text == "," }),
            ["according", "officials", "police"].contains(tokens[first].lower) || tokens[first].lower == "on"
        {
            first = comma + 1
        }
        if first < sentence.upperBound - 1 && tokens[first].lower == "the" { first += 1 }
        // "The arrested man", "the detained commander".
        if first < sentence.upperBound - 1,
            ["arrested", "detained", "captured", "suspected"].contains(tokens[first].lower)
        {
            first += 1
        }
        let word = tokens[first]
        if Self.arresteeWords.contains(word.lower) { return first < trigger.lowerBound }
        guard word.isCapitalized, word.kind == .word, first < trigger.lowerBound,
            !lexicon.actorNouns.contains(tokens, in: first..<(first + 1))
        else { return false }
        return previous.dropFirst().contains { tokens[$0].text == word.text }
    }

    static let arresteeWords: Set<String> = [
        "he", "she", "suspect", "man", "woman", "detainee", "militant", "commander", "leader", "accused",
        "prisoner", "captive", "fighter", "insurgent", "official",
    ]

    /// Risks, fears, permissions and purposes: "the threat of attacks", "to prevent a raid",
    /// "authorized raids", "instructions on making bombs".
    func isPurpose(_ trigger: Range<Int>, segment: Range<Int>) -> Bool {
        let window = max(segment.lowerBound, trigger.lowerBound - 8)..<trigger.lowerBound
        return lexicon.hypothetical.contains(tokens, in: window)
    }

    /// A kind of deed, a habit or a running count, not one event: "such attacks", "these
    /// incursions", "carries out raids" (the present tense), "3,263 have been killed", "so far".
    func isGeneric(
        _ trigger: Range<Int>, cue: Cue, kind: EventKind, segment: Range<Int>, sentence: Range<Int>
    ) -> Bool {
        let start = trigger.lowerBound
        let near = max(segment.lowerBound, start - 3)..<start
        if lexicon.generic.contains(tokens, in: near) || lexicon.habitual.contains(tokens, in: near) {
            return true
        }
        if lexicon.clauseGeneric.contains(tokens, in: segment.lowerBound..<start) { return true }
        let dated = hasOwnDay(trigger, in: sentence, recent: true)
        // "agreed on Monday after clashes near the frontier", "amid fighting": the occasion of
        // another deed, named without a day of its own.
        if cue.form == .noun || cue.form == .present, start > sentence.lowerBound,
            ["after", "following", "amid", "despite", "during"].contains(tokens[start - 1].lower),
            !hasOwnDay(trigger, in: trigger.lowerBound..<segment.upperBound),
            (sentence.lowerBound..<(start - 1)).contains(where: { lexicon.cues.match(tokens, at: $0) != nil })
        {
            return true
        }
        // "are targeting", "is burning": an ongoing state, unless dated or named outright.
        if (cue.weak || cue.cueClass == .attack || cue.cueClass == .harm) && cue.form == .gerund && !dated
            && start > segment.lowerBound && ["is", "are", "being"].contains(tokens[start - 1].lower)
        {
            return true
        }
        // "has been fighting", "have been shelling": a campaign going on, not one event.
        if cue.form == .gerund && !dated && start - 2 >= segment.lowerBound
            && tokens[start - 1].lower == "been"
            && ["has", "have", "had"].contains(tokens[start - 2].lower)
        {
            return true
        }
        // "Shelling of border villages has become routine", "suicide bombings in Kismayo have
        // declined": deeds as a trend or a habit, not one event.
        if cue.form == .noun || cue.form == .gerund, !dated, describesTrend(after: trigger, in: segment) {
            return true
        }
        // "Assassinations take life …": a bare plural opening the sentence names a kind of deed.
        if cue.form == .noun && !dated && start == sentence.lowerBound
            && tokens[trigger.upperBound - 1].lower.hasSuffix("s")
        {
            return true
        }
        // "Norway has 500 soldiers deployed there": a state, not a deployment.
        if kind == .groupChange, start >= 2, tokens[start - 1].lower.hasSuffix("s"),
            numbers.read(tokens, at: start - 2) != nil || tokens[start - 2].kind == .number
        {
            return true
        }
        // "The army carries out raids", "gangs attack villages": habits.
        if (cue.form == .present || cue.form == .base) && !dated && start > segment.lowerBound
            && !["to", "did", "didn't", "will", "would", "could", "can", "may", "might"].contains(
                tokens[start - 1].lower)
        {
            return true
        }
        // "are detained there", "are also held": a state, not an arrest.
        var auxiliary = start - 1
        while auxiliary > segment.lowerBound,
            ["also", "still", "now", "currently", "being"].contains(tokens[auxiliary].lower)
        {
            auxiliary -= 1
        }
        if auxiliary >= segment.lowerBound, ["are", "is"].contains(tokens[auxiliary].lower), kind == .arrest {
            return true
        }
        // "have arrested 2,400 people since February 1": a count to date.
        if isPerfect(before: start, in: segment), isTallySince(after: trigger, in: segment) { return true }
        if lexicon.tally.contains(tokens, in: sentence) && !dated { return true }
        // "3,263 have been killed in combat", "Nearly 1,200 have been killed as a result of …": a
        // count to date in the passive, without a day.
        if !dated, isPassivePerfectHarm(segment) { return true }
        return false
    }

    /// The noun's predicate, within a few words, tells a trend or a habit.
    func describesTrend(after trigger: Range<Int>, in segment: Range<Int>) -> Bool {
        let window = trigger.upperBound..<min(segment.upperBound, trigger.upperBound + 8)
        for i in window where Self.trendWords.contains(tokens[i].lower) {
            let before = i > trigger.upperBound ? tokens[i - 1].lower : ""
            if [
                "has", "have", "had", "is", "are", "was", "were", "become", "became", "grown", "more", "less",
            ]
            .contains(before) || tokens[i].lower.hasSuffix("ed") {
                return true
            }
        }
        return false
    }

    static let trendWords: Set<String> = [
        "declined", "decreased", "increased", "risen", "rose", "fallen", "fell", "dropped", "grown", "surged",
        "subsided", "routine", "common", "commonplace", "frequent", "rare", "widespread", "daily", "regular",
        "become", "soared", "dwindled", "escalated", "continued", "continues", "persisted", "persists",
        "dragged", "drags", "raged", "rages", "simmered",
    ]

    /// "have been killed", "has been wounded", "have died": harm counted in a perfect, its doers unnamed.
    func isPassivePerfectHarm(_ range: Range<Int>) -> Bool {
        range.contains { i in
            guard ["have", "has"].contains(tokens[i].lower), i + 1 < range.upperBound else { return false }
            let next = tokens[i + 1].lower
            if ["died", "perished"].contains(next) { return true }
            return next == "been" && i + 2 < range.upperBound
                && ["killed", "wounded", "injured", "arrested", "detained", "displaced"].contains(
                    tokens[i + 2].lower)
        }
    }

    /// "have been", "has", "had been" right before the word.
    func isPerfect(before start: Int, in range: Range<Int>) -> Bool {
        let window = (max(range.lowerBound, start - 3)..<start).map { tokens[$0].lower }
        return window.contains { ["have", "has"].contains($0) }
    }

    /// The sentence dates the deed itself: a date expression that names a day, a week or a month
    /// (`recent`: within 30 days of publication — "since the 2001 invasion" is no day of a deed).
    func hasOwnDay(_ trigger: Range<Int>, in range: Range<Int>, recent: Bool = false) -> Bool {
        let start = tokens[range.lowerBound].start
        let end = tokens[range.upperBound - 1].end
        return dates.contains { expression in
            guard expression.start >= start && expression.end <= end && expression.kind != .duration,
                let date = expression.date,
                !["PRESENT_REF", "PAST_REF", "FUTURE_REF"].contains(expression.value)
            else { return false }
            guard recent, let reference, let day = date.end.flatMap(CalendarDay.init) else { return true }
            return reference.dayNumber - day.dayNumber <= 30
        }
    }

    /// "denied that the town had fallen": the deed is what is denied.
    func isDenied(_ trigger: Range<Int>, sentence: Range<Int>) -> Bool {
        lexicon.denials.all(tokens, in: sentence.lowerBound..<trigger.lowerBound).contains {
            trigger.lowerBound - $0.range.upperBound <= 10
        }
    }

    /// "Speaking at a summit": where words were said, not talks held.
    func isStatementFrame(_ trigger: Range<Int>, in range: Range<Int>) -> Bool {
        lexicon.statementFrames.contains(
            tokens, in: max(range.lowerBound, trigger.lowerBound - 4)..<trigger.lowerBound)
    }

    /// "since February 1", "since November": a start more than a week before publication.
    func isTallySince(after trigger: Range<Int>, in range: Range<Int>) -> Bool {
        guard
            let since = (trigger.upperBound..<range.upperBound).first(where: { tokens[$0].lower == "since" })
        else {
            return false
        }
        let from = tokens[since].end
        guard
            let start = dates.first(where: { $0.start >= from && $0.start - from <= 2 })?.date?.start
                .flatMap(CalendarDay.init), let reference
        else { return true }
        return reference.dayNumber - start.dayNumber > 7
    }

    /// "The fighting has been fiercest in …", "clashes are frequent": the deed as the subject of
    /// a description, not an event.
    func isStanding(_ trigger: Range<Int>, cue: Cue, in range: Range<Int>) -> Bool {
        guard cue.form == .noun, trigger.upperBound + 1 < range.upperBound else { return false }
        let next = tokens[trigger.upperBound].lower
        let after = tokens[trigger.upperBound + 1].lower
        if ["has", "have"].contains(next) && after == "been", trigger.upperBound + 2 < range.upperBound {
            let word = tokens[trigger.upperBound + 2]
            return word.kind == .word && !Self.harmParticiples.contains(word.lower)
                && !word.lower.hasSuffix("ed")
        }
        return ["is", "are"].contains(next)
            && (after.hasSuffix("est") || ["frequent", "common", "rare", "rife"].contains(after))
    }

    static let harmParticiples: Set<String> = ["killed", "wounded", "injured", "reported", "shot", "hit"]

    /// "areas that its forces had retaken", "the town Ukraine occupied since last summer": a deed
    /// told in a relative clause describing a thing, without a day of its own, is background.
    func isRelativeBackground(_ trigger: Range<Int>, cue: Cue, in range: Range<Int>) -> Bool {
        // "a militant who had fought troops and carried out bombings": a person's past, in a pluperfect.
        let sentence = text.sentences[text.sentenceOf[range.lowerBound]].tokens
        let wide = max(sentence.lowerBound, trigger.lowerBound - 14)..<trigger.lowerBound
        if let who = wide.last(where: { tokens[$0].lower == "who" }), who + 1 < trigger.lowerBound,
            tokens[who + 1].lower == "had", who + 2 < trigger.lowerBound, tokens[who + 2].lower != "just",
            !hasOwnDay(trigger, in: who..<min(sentence.upperBound, trigger.upperBound + 3))
        {
            return true
        }
        guard cue.form == .past || cue.form == .participle, cue.cueClass != .harm else { return false }
        let window = max(range.lowerBound, trigger.lowerBound - 5)..<trigger.lowerBound
        guard let pronoun = window.first(where: { ["that", "which", "whom"].contains(tokens[$0].lower) }),
            pronoun > range.lowerBound, tokens[pronoun - 1].kind == .word, !tokens[pronoun - 1].isCapitalized,
            !Self.sayingVerbs.contains(tokens[pronoun - 1].lower)
        else { return false }
        return !hasOwnDay(trigger, in: sentence, recent: true)
    }

    /// "said that", "reported that": a "that" of saying opens no relative clause.
    static let sayingVerbs: Set<String> = [
        "said", "says", "say", "reported", "reports", "announced", "stated", "told", "added", "confirmed",
        "claimed",
        "denied", "believed", "thought", "noted", "insisted", "warned", "alleged", "acknowledged",
        "explained",
        "so", "such", "now",
    ]
}
