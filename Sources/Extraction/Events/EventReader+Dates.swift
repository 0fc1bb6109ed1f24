import EventModel

/// When a deed happened: the date of its clause, of its sentence, of the narrative, or the
/// report's.
extension EventReader {
    /// The date nearest the trigger in its clause, else in the sentence's clauses that tell no
    /// other event; else the narrative date; else the story's or the report's (flagged as such).
    func dateOf(
        _ trigger: Range<Int>, segment: Range<Int>, sentence: Range<Int>, eventSegments: [Range<Int>],
        family: EventFamily
    ) -> (EventDate, Bool) {
        let position = tokens[trigger.lowerBound].start
        let own = usableDates(in: segment).filter { !isDetached($0, from: trigger, in: segment) }
        let shared = usableDates(in: sentence).filter { expression in
            !eventSegments.contains { other in
                other != segment && tokens[other.lowerBound].start <= expression.start
                    && expression.end <= tokens[other.upperBound - 1].end
            } && !isDetached(expression, from: trigger, in: sentence)
        }
        // A date of the saying ("the ministry said on Saturday that …") dates the deed only when
        // nothing closer does.
        let pool =
            [own.filter { !isReportingDate($0) }, shared.filter { !isReportingDate($0) }, own, shared]
            .first { !$0.isEmpty } ?? []
        if let nearest = pool.min(by: { abs($0.start - position) < abs($1.start - position) }) {
            if nearest.isAnaphoric { return anaphoricDate(nearest) }
            if let date = nearest.date { return (anchored(nearest, date, in: sentence), false) }
        }
        // A day only the report's date would fix ("on Sunday" in a copy without one) is not the
        // narrative's day: it stays unknown.
        let (from, to) = (tokens[sentence.lowerBound].start, tokens[sentence.upperBound - 1].end)
        if reference == nil,
            dates.contains(where: { $0.start >= from && $0.end <= to && $0.date == nil && $0.kind == .date })
        {
            return (reportDate, true)
        }
        // The narrative's date holds for a sentence or two; a later sentence without a date goes
        // on with the lead's story, as wire stories do. Neither is the clause's own date, so the
        // mention may still join an event told elsewhere.
        let index = text.sentenceOf[sentence.lowerBound]
        if let narrativeDate = state.narrativeDate, index - state.narrativeSentence <= 1,
            state.narrativeFamily == family
        {
            return (narrativeDate, true)
        }
        // "The resulting clashes", "during the raid": a deed pointed back to takes the day of the
        // sentence before, when it has one.
        if index > 0, hasDefiniteEvent(segment),
            let previous = usableDates(in: text.sentences[index - 1].tokens).last(where: {
                !isReportingDate($0) && !$0.isAnaphoric
            })?.date
        {
            return (previous, true)
        }
        if let storyDate = state.storyDate { return (storyDate, true) }
        return (reportDate, true)
    }

    /// A clause names an event with "the", "that" or "resulting": "during the raid".
    func hasDefiniteEvent(_ range: Range<Int>) -> Bool {
        lexicon.cues.all(tokens, in: range).contains { match in
            match.value.contains { $0.form == .noun }
                && refersBack(trigger: match.range.lowerBound, in: range) != .none
        }
    }

    /// A date in a relative clause after the deed's words dates something else: "… outside Klintsy,
    /// the town that Ukraine occupied last summer".
    func isDetached(_ expression: TemporalExpression, from trigger: Range<Int>, in range: Range<Int>) -> Bool
    {
        guard expression.start > tokens[trigger.upperBound - 1].end,
            let first = tokens.firstIndex(where: { $0.start >= expression.start })
        else { return false }
        return (trigger.upperBound..<min(first, range.upperBound)).contains {
            ["that", "which", "who", "whom", "whose", "where", "since"].contains(tokens[$0].lower)
        }
    }

    /// A date beside a verb of saying dates the saying: "the government said Saturday",
    /// "announced today that", "told reporters on Monday".
    func isReportingDate(_ expression: TemporalExpression) -> Bool {
        guard let first = tokens.firstIndex(where: { $0.start >= expression.start }) else { return false }
        var before = first - 1
        while before >= 0
            && ["on", "reporters", "journalists", "the", "media"].contains(tokens[before].lower)
        {
            before -= 1
        }
        if before >= 0,
            lexicon.attribution.match(tokens, at: before) != nil
                || (before >= 1 && lexicon.attribution.match(tokens, at: before - 1)?.length == 2)
        {
            return true
        }
        guard let after = tokens.firstIndex(where: { $0.start >= expression.end }) else { return false }
        return lexicon.attribution.match(tokens, at: after) != nil && tokens[after].lower != "according"
    }

    /// "January 8 was the second day of attacks, after schools were bombed on Tuesday": a
    /// weekday told beside an earlier explicit date is the one before that date.
    func anchored(_ expression: TemporalExpression, _ date: EventDate, in sentence: Range<Int>) -> EventDate {
        let words = Set(expression.text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        guard !words.isDisjoint(with: Self.weekdayNames), let day = date.start.flatMap(CalendarDay.init)
        else {
            return date
        }
        let start = tokens[sentence.lowerBound].start
        let end = tokens[sentence.upperBound - 1].end
        let explicit = dates.compactMap { other -> CalendarDay? in
            guard other != expression, other.start >= start, other.end <= end, other.date?.precision == .day,
                !other.isAnaphoric,
                Set(other.text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
                    .isDisjoint(with: Self.weekdayNames)
            else { return nil }
            return other.date?.start.flatMap(CalendarDay.init)
        }.first
        guard let explicit, explicit < day else { return date }
        let back = (explicit.weekday - day.weekday + 7) % 7
        var result = date
        result.start = explicit.adding(days: -back).description
        result.end = result.start
        return result
    }

    static let weekdayNames: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    var reportDate: EventDate {
        EventDate(
            start: reference?.description, end: reference?.description,
            precision: reference == nil ? .unknown : .day)
    }

    /// Date expressions of a range that can date a deed: not durations, not the dateline.
    func usableDates(in range: Range<Int>) -> [TemporalExpression] {
        let start = tokens[range.lowerBound].start
        let end = tokens[range.upperBound - 1].end
        let datelineEnd = facts.dateline.map { tokens[$0.upperBound - 1].end } ?? -1
        return dates.filter {
            $0.start >= start && $0.end <= end && $0.end > datelineEnd
                && ($0.date != nil || ($0.isAnaphoric && $0.shiftDays != nil)) && $0.kind != .duration
                && !["PRESENT_REF", "FUTURE_REF"].contains($0.value)
        }
    }

    /// "the next day" follows the story's last date; "a day after the shelling" takes that event's
    /// day, when it was told.
    func anaphoricDate(_ expression: TemporalExpression) -> (EventDate, Bool) {
        let relational = ["after", "before"].contains(
            expression.text.split(separator: " ").last.map(String.init) ?? "")
        var anchor: EventDate? = relational ? nil : state.narrativeDate ?? state.storyDate
        if relational, var i = tokens.firstIndex(where: { $0.start >= expression.end }) {
            if i < tokens.count && ["the", "a", "an", "that", "this"].contains(tokens[i].lower) { i += 1 }
            if let named = lexicon.cues.match(tokens, at: i)?.value.compactMap(\.kind).first {
                anchor =
                    state.told.last(where: { $0.kind == named })?.date
                    ?? state.told.last(where: { $0.kind.family == named.family })?.date
            }
        }
        if let shift = expression.shiftDays, let base = anchor?.start.flatMap(CalendarDay.init) {
            let day = base.adding(days: shift)
            if let reference, day > reference {
                return (.day(reference.description, text: expression.text), false)
            }
            return (.day(day.description, text: expression.text), false)
        }
        if let narrativeDate = state.narrativeDate { return (narrativeDate, true) }
        return (reportDate, true)
    }

    /// More than 30 days before publication: background, kept only when dated to the day.
    func isBackground(_ date: EventDate) -> Bool {
        guard let reference else { return false }
        if let end = date.end.flatMap(CalendarDay.init), reference.dayNumber - end.dayNumber > 30 {
            return true
        }
        if let start = date.start.flatMap(CalendarDay.init), reference.dayNumber - start.dayNumber > 30,
            date.precision != .day
        {
            return true
        }
        return false
    }
}
