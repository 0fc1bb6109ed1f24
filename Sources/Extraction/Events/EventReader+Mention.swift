import EventModel

/// A chosen kind made into mentions with the arguments of its clause: one per place of a list.
extension EventReader {
    func mentions(
        for choice: KindChoice, in segment: Segment, sentence index: Int, eventSegments: [Range<Int>]
    )
        -> [Mention]
    {
        let range = segment.range
        // A trigger outside its clause (text with control characters splits oddly) has no
        // arguments there to read.
        guard range.lowerBound <= choice.trigger.lowerBound, choice.trigger.upperBound <= range.upperBound
        else {
            return []
        }
        let sentence = text.sentences[index].tokens
        let kind = choice.kind
        let (found, fromContext) = placesOf(
            choice.trigger, segment: range, sentence: sentence, eventSegments: eventSegments,
            violent: kind.family.isViolenceOrProtest)
        let (date, isReport) = dateOf(
            choice.trigger, segment: range, sentence: sentence, eventSegments: eventSegments,
            family: kind.family)
        let (initiator, target) = readActors(in: range, trigger: choice.trigger)
        let allWeapons = readWeapons(in: range)
        var weapons = allWeapons
        if !choice.weaponClasses.isEmpty {
            weapons = weapons.filter { choice.weaponClasses.contains($0.weaponClass) }
        }
        let firstKind = allWeapons.lazy.compactMap { Self.remoteClasses[$0.weaponClass] }.first
        // A truce, a deployment or a speech kills no one: figures beside it belong to something else.
        let harms = kind.family.isViolenceOrProtest || kind == .weaponsDisrupted
        var (killed, injured) = harms ? readCasualties(in: range) : (nil, nil)
        if found.count > 1 { (killed, injured) = (nil, nil) }
        var places: [PlaceMention?] = found.isEmpty ? [nil] : found
        // Parties to an agreement or talks are no list of places: "Russia and Ukraine exchanged
        // prisoners" is one exchange, placed by its first place that is not a party.
        if kind == .agreement || kind.isCommunication, found.count > 1 {
            places = [found.first { $0.kind != .country } ?? found[0]]
        }
        // "The Moroccan counterterror agency broke up a cell": a state arrests on its own soil.
        if kind == .arrest, fromContext, let country = initiator?.country,
            initiator?.type == .stateForces || initiator?.type == .government,
            found.first?.place.country != country,
            let own = countryMention(country, near: choice.trigger.lowerBound)
        {
            places = [own]
        }
        // "two missiles and 178 drones at Ukrainian cities; …": the strikes after the first are
        // placed by their country.
        if !choice.weaponClasses.isEmpty, let first = found.first, first.kind != .country,
            choice.kind != firstKind,
            let country = first.place.country ?? facts.mainCountry?.place.country
        {
            places = [countryMention(country, near: choice.trigger.lowerBound)]
        }
        let base = Mention(
            kind: kind, strongTrigger: choice.strong, sentence: index, lastSentence: index,
            trigger: choice.trigger,
            segment: range, place: nil, placeFromContext: fromContext, date: date, dateIsReportDate: isReport,
            initiator: initiator, target: target, weapons: weapons, killed: killed, injured: injured,
            captured: kind == .arrest || kind == .abduction ? readCaptured(choice.trigger, in: range) : nil,
            quantities: quantities(in: range),
            targets: Array(Set(lexicon.targets.all(tokens, in: range).map(\.value))).sorted(),
            outcome: outcome(of: kind, in: range), background: isBackground(date),
            isAside: segment.isTimeClause, isNew: isNew(choice.trigger, in: range),
            indefinite: (max(range.lowerBound, choice.trigger.lowerBound - 3)..<choice.trigger.lowerBound)
                .contains {
                    ["a", "an"].contains(tokens[$0].lower)
                } && !hasDefiniteEvent(range) && !hasDefiniteWeapon(range),
            byNoun: choice.cue.form == .noun,
            refersBack: refersBack(trigger: choice.trigger.lowerBound, in: range))
        var discovered = base
        discovered.discovery = choice.cue.cueClass == .bodies
        return places.map { place in
            var mention = discovered
            mention.place = place
            return adjusted(mention, sentence: sentence)
        }
    }

    /// "Air defences downed 40 of them": the weapons of the strike just told, where it was.
    /// "One … the other exploded": the strike just told goes on.
    func adjusted(_ mention: Mention, sentence: Range<Int>) -> Mention {
        var mention = mention
        let trigger = mention.trigger.lowerBound
        // The strike whose weapons the sentence names ("… a term used for drones"), else the last.
        let named = Set(lexicon.weapons.all(tokens, in: sentence).map(\.value))
        let strike =
            state.strikes.last { $0.weapons.contains { named.contains($0.weaponClass) } }
            ?? state.strikes.last
        if mention.kind == .weaponsDisrupted, mention.placeFromContext || mention.place == nil,
            let strike,
            (trigger..<min(sentence.upperBound, trigger + 6)).contains(where: {
                tokens[$0].lower == "them" || tokens[$0].lower == "it"
            })
        {
            mention.place = strike.place
            mention.placeFromContext = true
            if mention.dateIsReportDate {
                mention.date = strike.date
                mention.dateIsReportDate = strike.dateIsReportDate
            }
        }
        let first = tokens[sentence.lowerBound].lower
        let second = sentence.count > 1 ? tokens[sentence.lowerBound + 1].lower : ""
        if mention.refersBack == .none, mention.weapons.isEmpty, mention.kind.family == .remoteViolence,
            ["one", "both", "it", "they"].contains(first) && second != "of"
                || first == "the" && ["other", "first", "second"].contains(second)
        {
            mention.refersBack = .demonstrative
        }
        return mention
    }

    func outcome(of kind: EventKind, in range: Range<Int>) -> Outcome? {
        if lexicon.failures.contains(tokens, in: range) {
            return kind == .armedClash || kind == .incursion || kind == .territoryCaptured
                ? .repelled : .attempted
        }
        if lexicon.interceptions.contains(tokens, in: range) && kind != .weaponsDisrupted {
            return .intercepted
        }
        return nil
    }

    /// "two villages", "161 explosions": counts of the clause's things.
    func quantities(in range: Range<Int>) -> [String: Int] {
        var quantities: [String: Int] = [:]
        var i = range.lowerBound
        while i < range.upperBound {
            if let reading = numbers.read(tokens, at: i), i + reading.length < range.upperBound {
                let noun = tokens[i + reading.length].lower
                if lexicon.quantityNouns.contains(noun), !["drones", "missiles", "rockets"].contains(noun) {
                    quantities[noun.hasSuffix("s") ? noun : noun + "s"] = reading.value
                }
                i += reading.length
            } else {
                i += 1
            }
        }
        return quantities
    }

    /// "the IED", "those missiles": a weapon told before.
    func hasDefiniteWeapon(_ range: Range<Int>) -> Bool {
        lexicon.weapons.all(tokens, in: range).contains { match in
            (max(range.lowerBound, match.range.lowerBound - 3)..<match.range.lowerBound).contains {
                ["the", "that", "this", "those", "these"].contains(tokens[$0].lower)
            }
        }
    }

    /// "another bomb", "a second attack", "in a separate attack": not the event told before.
    func isNew(_ trigger: Range<Int>, in range: Range<Int>) -> Bool {
        let sentence = text.sentences[text.sentenceOf[range.lowerBound]].tokens
        if ["meanwhile", "elsewhere", "separately", "also"].contains(tokens[sentence.lowerBound].lower) {
            return true
        }
        let window = max(range.lowerBound, trigger.lowerBound - 4)..<trigger.lowerBound
        return window.contains {
            [
                "another", "second", "separate", "separately", "third", "other", "similar", "meanwhile",
                "elsewhere", "also",
            ]
            .contains(tokens[$0].lower)
        }
    }

    /// "that attack", "the blast", "Monday's strike": a demonstrative, the definite article or a
    /// day's possessive before the event word may point back to an event told before;
    /// `MentionJoiner` joins it when there is one. "claimed the attack" names it as an object.
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

    // MARK: Actors

    /// Initiator: the actor before the trigger; target: the actor after it; in the passive ("was
    /// struck by X", "…, blaming X") the other way round. Not the dateline's country, nor whoever
    /// is telling it ("…, Russia's Defense Ministry said").
    func readActors(in range: Range<Int>, trigger: Range<Int>) -> (Actor?, Actor?) {
        let found = actors.named(in: range).filter { actor in
            if let dateline = facts.dateline, dateline.contains(actor.range.lowerBound) { return false }
            let next = actor.range.upperBound
            return
                !(actor.range.lowerBound > trigger.lowerBound && next < range.upperBound
                && lexicon.attribution.match(tokens, at: next) != nil)
        }
        var before = found.last { $0.range.upperBound <= trigger.lowerBound }
        let after = found.first { $0.range.lowerBound >= trigger.upperBound }
        // "A Russian glide bomb", "Israeli airstrikes": the demonym before the weapon is its side.
        for i in stride(
            from: trigger.lowerBound - 1, through: max(range.lowerBound, trigger.lowerBound - 3), by: -1)
        {
            guard tokens[i].isCapitalized, let code = PlaceLexicon.bundled.demonym(tokens, at: i) else {
                continue
            }
            if before?.range.contains(i) == true { break }
            let name = actors.countryName(code) ?? String(tokens[i].text)
            before = FoundActor(range: i..<(i + 1), name: name, country: code, type: .stateForces)
            break
        }
        var initiator = before.map {
            Actor(name: $0.name, country: $0.country, type: $0.type, role: .initiator)
        }
        var target = after.map { Actor(name: $0.name, country: $0.country, type: $0.type, role: .target) }
        if let by = (trigger.upperBound..<range.upperBound).first(where: {
            ["by", "blaming", "blamed"].contains(tokens[$0].lower)
        }),
            let agent = found.first(where: {
                $0.range.lowerBound == by + 1
                    || $0.range.lowerBound == by + 2 && ["the", "a"].contains(tokens[by + 1].lower)
                    || $0.range.lowerBound > by && $0.range.lowerBound <= by + 4 && tokens[by].lower != "by"
            })
        {
            target = initiator.map { Actor(name: $0.name, country: $0.country, type: $0.type, role: .target) }
            initiator = Actor(name: agent.name, country: agent.country, type: agent.type, role: .initiator)
        }
        if initiator?.name == target?.name { target = nil }
        // A state is not its own target ("an Iranian drone …, as Tehran pressed its offensive").
        let state: Set<ActorType?> = [.stateForces, .government]
        if let a = initiator, let b = target, a.country != nil, a.country == b.country,
            state.contains(a.type),
            state.contains(b.type)
        {
            target = nil
        }
        return (initiator, target)
    }

    // MARK: Countries

    func countryMention(_ country: String, near trigger: Int) -> PlaceMention? {
        guard let place = Self.countryPlace(code: country) else { return nil }
        let value = Place(
            name: place.name, admin1: nil, country: place.country,
            lat: (place.latitude * 10_000).rounded() / 10_000,
            lon: (place.longitude * 10_000).rounded() / 10_000,
            precision: .country, geonamesID: place.geonamesID, text: nil)
        return PlaceMention(
            text: place.name, start: tokens[trigger].start, end: tokens[trigger].end,
            tokenRange: trigger..<(trigger + 1), place: value, kind: .country, isPossessive: false,
            alternatives: 0)
    }

    static func countryPlace(code: String) -> GazetteerPlace? {
        let gazetteer = Gazetteer.bundled
        for name in CountryNames.names(for: code) {
            if let place = gazetteer.places(named: NameKey.normalize(name)).first(where: {
                $0.kind == .country && $0.country == code
            }) {
                return place
            }
        }
        return nil
    }
}
