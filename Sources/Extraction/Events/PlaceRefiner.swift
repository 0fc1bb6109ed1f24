import EventModel

/// Sharpens the place of an event known only by its region or country when the article retells
/// the event's day elsewhere with a town in that region, in a sentence that reports no event of
/// its own: "Gunmen stormed a bus on Monday in the northern province. … The bus was stopped near
/// Tarvo on Monday." puts the attack near Tarvo. The town must stand after a word of location
/// ("near", "in", "at", "outside") — "after it left Tarvo" is where a journey began — and be the
/// only such town; two towns leave the region as it was.
struct PlaceRefiner {
    let tokens: [Token]
    let sentences: [Sentence]
    let dates: [TemporalExpression]
    let places: [PlaceMention]
    /// Sentences that reported an event (before background and planned events were dropped).
    let eventSentences: Set<Int>

    static let locativeCues: Set<String> = ["near", "in", "at", "outside", "around"]

    func refine(_ mentions: [Mention]) -> [Mention] {
        mentions.map(refine)
    }

    private func refine(_ mention: Mention) -> Mention {
        guard let current = mention.place, current.kind == .region || current.kind == .country,
            mention.date.precision == .day, !mention.dateIsReportDate, let day = mention.date.start
        else { return mention }
        var found: [PlaceMention] = []
        for (index, sentence) in sentences.enumerated() where !eventSentences.contains(index) {
            let retellsDay = dates.contains { expression in
                expression.start >= sentence.start && expression.end <= sentence.end
                    && expression.date?.precision == .day && expression.date?.start == day
            }
            guard retellsDay else { continue }
            for place in places
            where sentence.tokens.contains(place.tokenRange.lowerBound) && isTownInside(place, current) {
                found.append(place)
            }
        }
        let distinct = Set(found.map { $0.place.geonamesID ?? 0 })
        guard distinct.count == 1, let town = found.first else { return mention }
        var refined = mention
        refined.place = town
        refined.placeFromContext = true
        return refined
    }

    private func isTownInside(_ town: PlaceMention, _ area: PlaceMention) -> Bool {
        guard town.kind == .place, !town.isPossessive, town.place.country == area.place.country else {
            return false
        }
        if area.kind == .region && town.place.admin1 != area.place.admin1 { return false }
        if town.place.precision == .near { return true }
        let before = town.tokenRange.lowerBound - 1
        return before >= 0 && Self.locativeCues.contains(tokens[before].lower)
    }
}
