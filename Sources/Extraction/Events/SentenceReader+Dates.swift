import EventModel

/// When a mention happened: the date nearest its trigger, the narrative's, or the report's.
extension SentenceReader {
    /// The date nearest the trigger in the sentence; else the narrative date; else the report date.
    func chooseDate(_ candidates: [TemporalExpression], trigger: Int) -> (EventDate, Bool) {
        let position = tokens[trigger].start
        let usable = candidates.filter {
            ($0.date != nil || ($0.isAnaphoric && $0.shiftDays != nil)) && $0.kind != .duration
                || $0.date != nil
        }
        if let nearest = usable.min(by: { abs($0.start - position) < abs($1.start - position) }) {
            if nearest.isAnaphoric {
                // "the next day" follows the story's last date; "a day after <something>" needs that
                // something's date, which is not known here: fall back to the story's time.
                let relational = ["after", "before"].contains(
                    nearest.text.split(separator: " ").last.map(String.init) ?? "")
                // "a day after the shelling": that event's day, when it was told.
                var anchor: EventDate? = relational ? nil : narrativeDate ?? storyDate
                if relational, let end = tokens.firstIndex(where: { $0.start >= nearest.end }) {
                    var i = end
                    if i < tokens.count && ["the", "a", "an", "that", "this"].contains(tokens[i].lower) {
                        i += 1
                    }
                    if let named = lexicon.triggers.match(tokens, at: i)?.value.kind {
                        anchor =
                            told.last(where: { $0.kind == named })?.date
                            ?? told.last(where: { Self.families[$0.kind] == Self.families[named] })?.date
                    }
                }
                if let shift = nearest.shiftDays, let base = anchor?.start.flatMap(CalendarDay.init) {
                    let day = base.adding(days: shift)
                    if let reference, day > reference {
                        return (.day(reference.description, text: nearest.text), false)
                    }
                    return (.day(day.description, text: nearest.text), false)
                }
                if let narrativeDate { return (narrativeDate, false) }
                return (
                    EventDate(
                        start: reference?.description, end: reference?.description,
                        precision: reference == nil ? .unknown : .day), true
                )
            }
            if let date = nearest.date { return (date, false) }
        }
        if let narrativeDate { return (narrativeDate, false) }
        // A later paragraph with no date of its own goes on with the lead's story, as wire stories
        // do; the date is still not the sentence's own, so the mention may join any event told.
        if let storyDate { return (storyDate, true) }
        return (
            EventDate(
                start: reference?.description, end: reference?.description,
                precision: reference == nil ? .unknown : .day), true
        )
    }

    /// "KYIV, Feb 11 (Reuters) -": the date the report was filed, not when things happened.
    func isDateline(_ date: TemporalExpression, in sentence: Sentence) -> Bool {
        guard let index = tokens[sentence.tokens].firstIndex(where: { $0.start >= date.end }) else {
            return false
        }
        guard index - sentence.tokens.lowerBound <= 8, index < sentence.tokens.upperBound else {
            return false
        }
        return ["(", "-", "–", "—"].contains(tokens[index].text)
    }
}
