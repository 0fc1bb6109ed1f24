import EventModel

/// Joins the mentions of one event within an article: the same kind, at the same or a nested
/// place (or one of them unplaced), on overlapping dates. "Russia launched two missiles … The
/// missiles struck Kharkiv" becomes one missile strike on Kharkiv.
enum MentionJoiner {
    /// `rank` orders kinds as ACLED ranks them (lower first): a protest told in one sentence and
    /// dispersed in the next is one event of the higher kind.
    static func join(_ mentions: [Mention], rank: [EventKind: Int] = [:]) -> [Mention] {
        var result: [Mention] = []
        for mention in mentions {
            if let index = result.lastIndex(where: { escalates($0, mention) }) {
                var merged = merge(result[index], mention)
                if mention.kind == .arrest {
                    // Detentions at a protest are its intervention.
                    merged.kind =
                        result[index].kind == .peacefulProtest ? .protestWithIntervention : result[index].kind
                    merged.trigger = result[index].trigger
                } else {
                    let higher = (rank[mention.kind] ?? 99) < (rank[result[index].kind] ?? 99)
                    merged.kind = higher ? mention.kind : result[index].kind
                    merged.trigger = higher ? mention.trigger : result[index].trigger
                }
                result[index] = merged
            } else if let index = result.lastIndex(where: { compatible($0, mention) }) {
                result[index] = merge(result[index], mention)
            } else if mention.refersBack != .none,
                let index = result.lastIndex(where: { refers(mention, to: $0) })
            {
                // "No one was hurt in that attack": news of the event told just before.
                var merged = merge(result[index], mention)
                merged.kind = result[index].kind
                merged.trigger = result[index].trigger
                merged.place = result[index].place ?? mention.place
                // A look back does not carry the narration on: later sentences still join by the
                // distance from the event's own sentences.
                merged.lastSentence = result[index].lastSentence
                result[index] = merged
            } else if mention.refersBack == .object && mention.killed == nil && mention.injured == nil {
                // "facilitators of the <town> bombing", with that bombing not told here: no event.
                continue
            } else {
                result.append(mention)
            }
        }
        return result
    }

    /// Kinds of violence: a vague "attack" joins the specific strike reported beside it.
    static let violent: Set<EventKind> = [
        .airStrike, .droneStrike, .missileStrike, .shelling, .explosiveDevice, .suicideBombing,
        .grenadeAttack,
        .chemicalAttack, .armedClash, .attackOnCivilians,
    ]

    static func compatible(_ a: Mention, _ b: Mention) -> Bool {
        let absorbs =
            a.kind != b.kind && (!a.strongTrigger || !b.strongTrigger) && violent.contains(a.kind)
            && violent.contains(b.kind)
        guard a.kind == b.kind || absorbs, a.background == b.background else { return false }
        guard datesOverlap(a, b) else { return false }
        // A place borrowed from context does not keep a mention from joining its event.
        let aPlace = a.placeFromContext ? nil : a.place
        let bPlace = b.placeFromContext ? nil : b.place
        guard placesCompatible(aPlace, bPlace) else { return false }
        // A country-wide mention is narrowed to a town only by the very next sentence ("The
        // missiles struck Kharkiv"); further on, "also" and new facts mean another event.
        let broad = specificity(a.place) <= 1 || specificity(b.place) <= 1
        // Two unplaced mentions far apart are two events.
        if (a.place == nil && b.place == nil) && b.sentence > a.lastSentence + 2 { return false }
        let specific = specificity(a.place) >= 2 || specificity(b.place) >= 2
        // ("Thirty-one people were injured in the attack" still refers back to the strike.)
        let weakReference = absorbs && !b.strongTrigger
        if broad && specific && b.sentence > a.lastSentence + 1 && !weakReference { return false }
        return true
    }

    /// A protest and what was done to it or by it (detentions too), told in the next sentence at
    /// the same place.
    static func escalates(_ a: Mention, _ b: Mention) -> Bool {
        a.kind != b.kind && a.kind.family == .protestsAndRiots
            && (b.kind.family == .protestsAndRiots || b.kind == .arrest)
            && b.sentence == a.lastSentence + 1 && a.background == b.background && datesOverlap(a, b)
            && placesCompatible(a.place, b.place)
    }

    /// A mention pointing back ("that attack") is about a recent event of the article that is
    /// not speech, on the same days, at the same or a nested place (or none of its own).
    static func refers(_ mention: Mention, to event: Mention) -> Bool {
        guard !event.kind.isCommunication,
            mention.sentence - event.lastSentence <= 3 || mention.refersBack == .object,
            event.background == mention.background, datesOverlap(event, mention)
        else { return false }
        // "The blast", "the clearance operation": only an event of its own family.
        if mention.refersBack == .definite
            && SentenceReader.family(event.kind) != SentenceReader.family(mention.kind)
        {
            return false
        }
        return mention.placeFromContext || mention.place == nil
            || placesCompatible(event.place, mention.place)
    }

    static func datesOverlap(_ a: Mention, _ b: Mention) -> Bool {
        if a.dateIsReportDate || b.dateIsReportDate { return true }
        guard let aStart = a.date.start, let aEnd = a.date.end, let bStart = b.date.start,
            let bEnd = b.date.end
        else {
            return true
        }
        return aStart <= bEnd && bStart <= aEnd
    }

    static func placesCompatible(_ a: PlaceMention?, _ b: PlaceMention?) -> Bool {
        guard let a, let b else { return true }
        if a.place.name == b.place.name && a.place.country == b.place.country { return true }
        if a.place.country != b.place.country { return false }
        if a.kind == .country || b.kind == .country { return true }
        if a.kind == .region, b.place.admin1 == a.place.name { return true }
        if b.kind == .region, a.place.admin1 == b.place.name { return true }
        return false
    }

    static func specificity(_ place: PlaceMention?) -> Int {
        guard let place else { return 0 }
        switch place.place.precision {
        case .exact: return 5
        case .near: return 4
        case .water: return 3
        case .region: return 2
        case .country: return 1
        case .unknown: return 0
        }
    }

    static func merge(_ a: Mention, _ b: Mention) -> Mention {
        var merged = a
        if a.kind != b.kind
            && (!a.strongTrigger && b.strongTrigger || a.weapons.isEmpty && !b.weapons.isEmpty)
        {
            merged.kind = b.kind
            merged.trigger = b.trigger
        }
        merged.lastSentence = max(a.lastSentence, b.lastSentence)
        if a.placeFromContext && !b.placeFromContext && b.place != nil
            || specificity(b.place) > specificity(a.place) && !b.placeFromContext
        {
            merged.place = b.place
            merged.placeFromContext = b.placeFromContext
        }
        if a.dateIsReportDate && !b.dateIsReportDate {
            merged.date = b.date
            merged.dateIsReportDate = false
        }
        merged.initiator = a.initiator ?? b.initiator
        merged.target = a.target ?? b.target
        for weapon in b.weapons {
            if let index = merged.weapons.firstIndex(where: { $0.weaponClass == weapon.weaponClass }) {
                merged.weapons[index].name = merged.weapons[index].name ?? weapon.name
                merged.weapons[index].count = merged.weapons[index].count ?? weapon.count
            } else {
                merged.weapons.append(weapon)
            }
        }
        // A rising tally: the article's latest figure.
        merged.killed = b.killed ?? a.killed
        merged.injured = b.injured ?? a.injured
        merged.quantities.merge(b.quantities) { first, _ in first }
        merged.targets = Array(Set(a.targets + b.targets)).sorted()
        merged.outcome = a.outcome ?? b.outcome
        merged.strongTrigger = a.strongTrigger || b.strongTrigger
        return merged
    }
}
