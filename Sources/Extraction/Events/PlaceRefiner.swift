import EventModel

/// Sharpens the place of an event known only by its region or country when the article retells
/// the event's day elsewhere with a town in that region, in a sentence that reports no event of
/// its own: "Gunmen stormed a bus on Monday in the northern province. … The bus was stopped near
/// Tarvo on Monday." puts the attack near Tarvo. The town must stand after a word of location
/// ("near", "in", "at", "outside") — "after it left Tarvo" is where a journey began — and be the
/// only such town; two towns leave the region as it was.
///
/// Violence placed by region or country alone is also set near the town whose hospital or morgue
/// the article says received its injured or dead ("the wounded were taken to a hospital in
/// Tarvo"), when that town lies in the region: reporters name it when the scene is remote.
struct PlaceRefiner {
    let tokens: [Token]
    let sentences: [Sentence]
    let dates: [TemporalExpression]
    let places: [PlaceMention]
    /// Sentences that reported an event (before background and planned events were dropped).
    let eventSentences: Set<Int>

    static let locativeCues: Set<String> = ["near", "in", "at", "outside", "around"]
    static let careWords: Set<String> = ["hospital", "hospitals", "clinic", "morgue"]
    static let harmWords: Set<String> = ["injured", "wounded", "bodies", "dead", "casualties", "victims"]

    func refine(_ mentions: [Mention]) -> [Mention] {
        guard
            mentions.contains(where: {
                $0.place?.kind == .region || $0.place?.kind == .country
            })
        else { return mentions }
        // Per sentence, once: its days and whether it tells where the wounded were taken.
        let facts = sentences.enumerated().map { index, sentence -> (days: [String?], care: Bool) in
            guard !eventSentences.contains(index) else { return ([], false) }
            let days = dates.filter { expression in
                expression.start >= sentence.start && expression.end <= sentence.end
                    && expression.date?.precision == .day
            }.map { $0.date?.start }
            let words = Set(tokens[sentence.tokens].map(\.lower))
            let care = !words.isDisjoint(with: Self.careWords) && !words.isDisjoint(with: Self.harmWords)
            return (days, care)
        }
        return mentions.map { refine($0, facts: facts) }
    }

    private func refine(_ mention: Mention, facts: [(days: [String?], care: Bool)]) -> Mention {
        guard let current = mention.place, current.kind == .region || current.kind == .country,
            mention.date.precision == .day, !mention.dateIsReportDate, let day = mention.date.start
        else { return mention }
        var found: [PlaceMention] = []
        let violent = mention.kind.family.isViolenceOrProtest && mention.kind.family != .protestsAndRiots
        for (index, sentence) in sentences.enumerated() where !eventSentences.contains(index) {
            let days = facts[index].days
            let retellsDay = days.contains { $0 == day }
            let care = violent && (days.isEmpty || retellsDay) && facts[index].care
            guard retellsDay || care else { continue }
            for place in places
            where sentence.tokens.contains(place.tokenRange.lowerBound) && isTownInside(place, current) {
                var town = place
                // Where the wounded were taken is near the scene, not the scene.
                if !retellsDay { town.place.precision = .near }
                found.append(town)
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
