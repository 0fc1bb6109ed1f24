import EventModel

/// Joins the mentions of one event within an article: a lead and its details ("A bombing in
/// Diyala killed 15 … The suicide bomb exploded in the city of Baquba"), a retelling ("the
/// attack", "Tuesday's blast"), and a protest with what was done to it. Two mentions join when
/// their kinds agree (the same, or a general word and a specific one of the same violence),
/// their days overlap, their places nest, and nothing marks the second as another event
/// ("another bomb", a different toll at a place of its own).
enum MentionJoiner {
    static func join(_ mentions: [Mention], rank: [EventKind: Int] = [:]) -> [Mention] {
        var result: [Mention] = []
        for mention in mentions {
            if let index = result.lastIndex(where: { escalates($0, mention) }) {
                var merged = merge(result[index], mention, rank: rank)
                if mention.kind == .arrest {
                    // Detentions at a protest are its intervention.
                    merged.kind =
                        result[index].kind == .peacefulProtest ? .protestWithIntervention : result[index].kind
                    merged.trigger = result[index].trigger
                }
                result[index] = merged
            } else if let index = result.lastIndex(where: { joins($0, mention) }) {
                result[index] = merge(result[index], mention, rank: rank)
            } else if mention.isAside && mention.byNoun && mention.dateIsReportDate && mention.killed == nil {
                // "Following Assange's arrest, …": a cause named in passing, without a day, that no
                // event of the article tells.
                continue
            } else if mention.refersBack == .object && mention.killed == nil && mention.injured == nil
                && (mention.placeFromContext || mention.dateIsReportDate)
            {
                // "claimed the attack", with that attack not told here: no event (unless the words
                // say where and when: "claimed the explosions in London today").
                continue
            } else {
                result.append(mention)
            }
        }
        return result
    }

    /// Kinds of violence a general word ("attack", "killed") may stand for.
    static let violent: Set<EventKind> = [
        .airStrike, .droneStrike, .missileStrike, .shelling, .explosiveDevice, .suicideBombing,
        .grenadeAttack,
        .chemicalAttack, .armedClash, .attackOnCivilians,
    ]

    /// Bombings: an explosion told in one sentence and the suicide bomber in the next are one.
    static let bombings: Set<EventKind> = [.explosiveDevice, .suicideBombing, .grenadeAttack]

    static func kindsAgree(_ a: Mention, _ b: Mention) -> Bool {
        // "The missiles struck …" points to the strike of missiles, not to the drones told beside it.
        if !a.weapons.isEmpty && !b.weapons.isEmpty {
            let aKinds = Set(a.weapons.compactMap { EventReader.remoteClasses[$0.weaponClass] })
            let bKinds = Set(b.weapons.compactMap { EventReader.remoteClasses[$0.weaponClass] })
            if !aKinds.isEmpty && !bKinds.isEmpty && aKinds.isDisjoint(with: bKinds) { return false }
        }
        if a.kind == b.kind { return true }
        guard violent.contains(a.kind), violent.contains(b.kind) else { return false }
        if bombings.contains(a.kind) && bombings.contains(b.kind) { return true }
        if a.kind.family == .remoteViolence && b.kind.family == .remoteViolence
            && (a.weapons.isEmpty || b.weapons.isEmpty)
        {
            return true
        }
        // A general lead made specific later ("A bombing … The suicide bomb exploded"), a general
        // word pointing back ("the attack" after "a car bomb"); a specific one pointing back ("the
        // blast") only to one of its family.
        if !a.strongTrigger { return true }
        if !b.strongTrigger { return b.refersBack != .none }
        return b.refersBack != .none && a.kind.family == b.kind.family
    }

    static func joins(_ a: Mention, _ b: Mention) -> Bool {
        // Bodies found up to three days after a killing told just before are its dead.
        if b.discovery, violent.contains(a.kind), !a.background, b.sentence - a.lastSentence <= 2,
            placesCompatible(a.placeFromContext ? nil : a.place, b.placeFromContext ? nil : b.place),
            let killed = EventExtractor.days(a.date), let found = EventExtractor.days(b.date),
            found.lowerBound >= killed.lowerBound, found.lowerBound - killed.upperBound <= 3
        {
            return true
        }
        let referring = b.refersBack == .definite || b.refersBack == .demonstrative || b.refersBack == .object
        guard kindsAgree(a, b), datesOverlap(a, b) else { return false }
        // A reference to background is background; nothing else joins it.
        if a.background != b.background && !(a.background && referring && b.dateIsReportDate) { return false }
        if b.isNew && !referring { return false }
        // The places of one list are one event each.
        if a.segment == b.segment && a.trigger == b.trigger && a.kind == b.kind { return false }
        // Two clauses of one sentence tell two deeds, unless the second points back.
        if a.sentence == b.sentence && a.segment != b.segment && !referring { return false }
        if b.indefinite && b.sentence > a.lastSentence && !referring { return false }
        // A place borrowed from context does not keep a mention from joining its event.
        let aPlace = a.placeFromContext ? nil : a.place
        let bPlace = b.placeFromContext ? nil : b.place
        // "Tuesday's attack", "that attack": the event told before, wherever this sentence's
        // places point.
        let pointed =
            b.refersBack == .demonstrative && b.kind.family == a.kind.family && !a.dateIsReportDate
            && !b.dateIsReportDate
        guard pointed || placesCompatible(aPlace, bPlace) else { return false }
        // Two tolls of one day, neither pointing back: two events ("six killed in X … 13 soldiers
        // were killed at a base").
        if !referring, let ka = a.killed?.value, let kb = b.killed?.value, ka != kb, ka > 0, kb > 0,
            b.sentence != a.sentence
        {
            return false
        }
        // The same deed on the same days, each dated by its own words: one event, however far apart;
        // a lead that summarises ("with more than 30 people killed and a player abducted") and
        // the paragraph that tells it.
        if a.kind == b.kind && !a.dateIsReportDate && !b.dateIsReportDate { return true }
        let distance = b.sentence - a.lastSentence
        if a.kind == b.kind && distance <= 8
            && (a.dateIsReportDate && aPlace == nil || b.dateIsReportDate && bPlace == nil)
        {
            return true
        }
        // A deed dated only by the report and one dated by its own words further on are two,
        // unless the second points back.
        if a.dateIsReportDate != b.dateIsReportDate && distance > 1 && !referring { return false }
        if distance > 3 && !referring && !(aPlace != nil && bPlace != nil) { return false }
        // A country-wide mention is narrowed to a town only nearby; further on, new facts mean
        // another event.
        let broad = specificity(a.place) <= 1 || specificity(b.place) <= 1
        let specific = specificity(a.place) >= 2 || specificity(b.place) >= 2
        if broad && specific && distance > 1 && !referring && b.strongTrigger && a.strongTrigger
            && !b.dateIsReportDate
        {
            return false
        }
        // Two unplaced mentions far apart are two events.
        if a.place == nil && b.place == nil && distance > 2 { return false }
        return true
    }

    /// A protest and what was done to it or by it (detentions too), told in the next sentence at
    /// the same place.
    static func escalates(_ a: Mention, _ b: Mention) -> Bool {
        a.kind != b.kind && a.kind.family == .protestsAndRiots
            && (b.kind.family == .protestsAndRiots || b.kind == .arrest)
            && b.sentence <= a.lastSentence + 1 && a.background == b.background && datesOverlap(a, b)
            && placesCompatible(a.place, b.place)
    }

    static func datesOverlap(_ a: Mention, _ b: Mention) -> Bool {
        if a.dateIsReportDate || b.dateIsReportDate { return true }
        guard let aStart = a.date.start, let aEnd = a.date.end, let bStart = b.date.start,
            let bEnd = b.date.end
        else { return true }
        return aStart <= bEnd && bStart <= aEnd
    }

    static func placesCompatible(_ a: PlaceMention?, _ b: PlaceMention?) -> Bool {
        guard let a, let b else { return true }
        if a.place.name == b.place.name && a.place.country == b.place.country { return true }
        if a.place.country != b.place.country { return false }
        if a.kind == .country || b.kind == .country { return true }
        if a.kind == .region, b.place.admin1 == a.place.name { return true }
        if b.kind == .region, a.place.admin1 == b.place.name { return true }
        if let distance = a.place.distanceKm(to: b.place), distance < 15 { return true }
        return false
    }

    static func specificity(_ place: PlaceMention?) -> Int {
        guard let place else { return 0 }
        // A village the gazetteer lacks is as specific as a town near which it lies.
        if place.kind == .place && place.place.geonamesID == nil && place.place.precision != .water {
            return 4
        }
        switch place.place.precision {
        case .exact: return 5
        case .near: return 4
        case .water: return 3
        case .region: return 2
        case .country: return 1
        case .unknown: return 0
        }
    }

    static func merge(_ a: Mention, _ b: Mention, rank: [EventKind: Int]) -> Mention {
        var merged = a
        if a.kind != b.kind {
            let bBetter =
                a.strongTrigger != b.strongTrigger
                ? b.strongTrigger
                : a.strongTrigger
                    ? (rank[b.kind] ?? 99) < (rank[a.kind] ?? 99)
                    : (a.weapons.isEmpty && !b.weapons.isEmpty) || (rank[b.kind] ?? 99) < (rank[a.kind] ?? 99)
            if bBetter {
                merged.kind = b.kind
                merged.trigger = b.trigger
            }
        }
        merged.lastSentence = max(a.lastSentence, b.lastSentence)
        // A mention pointing back ("this week's bombing") keeps the place of the deed told.
        let pointing = b.refersBack != .none && !a.placeFromContext && specificity(a.place) >= 4
        if !pointing
            && (a.placeFromContext && !b.placeFromContext && b.place != nil
                || specificity(b.place) > specificity(a.place) && !b.placeFromContext)
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
        merged.captured = a.captured ?? b.captured
        merged.quantities.merge(b.quantities) { first, _ in first }
        merged.targets = Array(Set(a.targets + b.targets)).sorted()
        merged.outcome = a.outcome ?? b.outcome
        merged.strongTrigger = a.strongTrigger || b.strongTrigger
        merged.isAside = a.isAside && b.isAside
        merged.background = a.background
        merged.indefinite = a.indefinite
        return merged
    }
}
