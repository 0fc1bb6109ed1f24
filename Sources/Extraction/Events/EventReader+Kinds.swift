import EventModel
import Foundation

/// Kinds from a clause's cues: named outright, or decided by the weapon used, by the object of
/// a capture, and by who fought whom.
extension EventReader {
    static let remoteClasses: [WeaponClass: EventKind] = [
        .ballisticMissile: .missileStrike, .cruiseMissile: .missileStrike, .missile: .missileStrike,
        .rocket: .missileStrike, .drone: .droneStrike, .aircraft: .airStrike, .glideBomb: .airStrike,
        .artillery: .shelling, .mortar: .shelling, .explosive: .explosiveDevice, .chemical: .chemicalAttack,
    ]

    /// The cues of a range, without those that name no conflict: "trade truce", "hunger
    /// strike" (a word before), "arrest warrant", "missile test" (a word after), hyphenated
    /// compounds ("closed-door", "anti-war"), and past forms used as adjectives ("the captured
    /// soldier", "two wounded men").
    func cueHits(in range: Range<Int>) -> [CueHit] {
        let dated = dates.filter {
            $0.end > tokens[range.lowerBound].start && $0.start < tokens[range.upperBound - 1].end
        }
        return lexicon.cues.all(tokens, in: range).compactMap { match in
            let start = match.range.lowerBound
            let end = match.range.upperBound
            // "March 3", "the Strike Day": a word of a date expression is part of the date.
            if dated.contains(where: { $0.start < tokens[end - 1].end && tokens[start].start < $0.end }) {
                return nil
            }
            if start > range.lowerBound {
                let before = tokens[start - 1]
                if lexicon.notConflictBefore.contains(before.lower) { return nil }
                if before.text == "-" && !before.spaceBefore && !tokens[start].spaceBefore { return nil }
            }
            if end < range.upperBound, tokens[end].text == "-", !tokens[end].spaceBefore,
                end + 1 < range.upperBound, !tokens[end + 1].spaceBefore
            {
                return nil
            }
            if lexicon.notEventAfter.contains(tokens, in: end..<min(range.upperBound, end + 3)) { return nil }
            if end < range.upperBound, lexicon.notEventNext.contains(tokens[end].lower) { return nil }
            // "the explosive ending of the kingdom": an adjective before a word not its own.
            if end == start + 1, let allowed = lexicon.adjectiveCues[tokens[start].lower],
                end < range.upperBound,
                tokens[end].kind == .word, !allowed.contains(tokens[end].lower)
            {
                return nil
            }
            // "A day after the shelling, fighters stormed …": an event told elsewhere, named as
            // the time of the deed that follows.
            if start >= range.lowerBound + 2, ["the", "that", "this"].contains(tokens[start - 1].lower),
                ["after", "following", "since", "before", "until"].contains(tokens[start - 2].lower),
                lexicon.cues.contains(tokens, in: end..<range.upperBound)
            {
                return nil
            }
            var cues = match.value
            if start > range.lowerBound {
                let before = tokens[start - 1].lower
                // "the storm killed 12": after an article, a verb's word that names a disaster is
                // that disaster ("storm", "crash"), not the deed the verb would tell.
                if Self.determiners.contains(before), lexicon.disaster.contains(tokens, in: start..<end) {
                    cues.removeAll { $0.form == .base || $0.form == .present }
                }
                // "are fighting to protect funding": a noun's word after a form of "be" is the
                // verb, which names a deed only with facts beside it, as verbs do.
                if Self.beForms.contains(before), tokens[start].lower.hasSuffix("ing") {
                    cues = cues.map { cue in
                        var cue = cue
                        if cue.form == .noun { cue.weak = true }
                        return cue
                    }
                }
            }
            // "the wounded", "the gravely wounded", "two captured soldiers": adjectives.
            var before = start - 1
            if before > range.lowerBound, tokens[before].lower.hasSuffix("ly") { before -= 1 }
            if before >= range.lowerBound, Self.adjectiveMarkers.contains(tokens[before].lower) {
                cues.removeAll { $0.form == .past || $0.form == .participle }
            }
            return cues.isEmpty ? nil : CueHit(range: match.range, cues: cues)
        }
    }

    static let beForms: Set<String> = ["is", "are", "was", "were", "be", "been", "being", "'re", "'s"]
    static let determiners: Set<String> = ["the", "a", "an", "this", "that", "its"]

    /// Words after which a past participle describes a noun: "the wounded soldier".
    static let adjectiveMarkers: Set<String> = [
        "the", "a", "an", "two", "three", "four", "five", "six", "several", "many", "his", "her", "their",
        "its",
    ]

    /// What the kind rules know of a clause: its range, its sentence and the facts of both.
    struct KindScope {
        let range: Range<Int>
        let sentence: Range<Int>
        let facts: SegmentFacts
        let sentenceFacts: SegmentFacts
        let crowd: Bool
    }

    /// The kinds a clause's cues name (`best` picks among those told).
    func chooseKinds(_ segment: Segment, hits: [CueHit], sentence: Range<Int>) -> [KindChoice] {
        let range = segment.range
        let scope = KindScope(
            range: range, sentence: sentence,
            facts: memo.facts.value(for: range) { SegmentFacts(reader: self, range: range) },
            sentenceFacts: memo.facts.value(for: sentence) { SegmentFacts(reader: self, range: sentence) },
            crowd: lexicon.protestContext.contains(tokens, in: sentence))
        var candidates: [KindChoice] = []
        var attack: (CueHit, Cue)?
        var harm: (CueHit, Cue)?
        var use: (CueHit, Cue)?
        for hit in hits {
            for cue in hit.cues {
                switch cue.cueClass {
                case .attack: if attack == nil { attack = (hit, cue) }
                case .harm: if harm == nil { harm = (hit, cue) }
                case .use: if use == nil { use = (hit, cue) }
                default:
                    if let choice = directChoice(cue, hit: hit, scope: scope) { candidates.append(choice) }
                }
            }
        }
        // "debris set fire to a warehouse": destruction by a weapon is its strike.
        let destruction = hits.first { $0.cues.contains { $0.kind == .looting } }.map { hit in
            (hit, hit.cues.first { $0.kind == .looting }!)
        }
        if let verb = use ?? attack ?? harm ?? destruction {
            candidates += strikes(by: verb, in: range)
        }
        // "shot down two drones launched from …", "a second bomb was defused": the weapons
        // disrupted did not strike.
        if candidates.contains(where: {
            $0.kind == .weaponsDisrupted && ($0.cue.form != .noun || $0.cue.cueClass == .disrupt)
        }) {
            candidates.removeAll { $0.kind.family == .remoteViolence && !scope.facts.casualties }
        }
        if !candidates.contains(where: { $0.kind.family.isViolenceOrProtest && $0.strong }),
            let choice = generalViolence(attack: attack, harm: harm, scope: scope)
        {
            candidates.append(choice)
        }
        return otherDomain(
            protestKinds(thrown(candidates, in: range), segment: range, sentence: sentence),
            facts: scope.facts,
            sentence: sentence)
    }

    /// "hurled a bomb at the house", "a homemade bomb was thrown into the cafe": an explosive
    /// thrown by hand is a grenade attack (ACLED's grenade: "or other similar explosive device
    /// is thrown").
    func thrown(_ candidates: [KindChoice], in range: Range<Int>) -> [KindChoice] {
        candidates.map { choice in
            guard choice.kind == .explosiveDevice else { return choice }
            let trigger = choice.trigger
            let before = max(range.lowerBound, trigger.lowerBound - 4)..<trigger.lowerBound
            let after = trigger.upperBound..<min(range.upperBound, trigger.upperBound + 3)
            guard
                before.contains(where: { Self.throwWords.contains(tokens[$0].lower) })
                    || after.contains(where: { Self.throwWords.contains(tokens[$0].lower) })
                    || Self.throwWords.contains(tokens[trigger.lowerBound].lower)
            else { return choice }
            var choice = choice
            choice.kind = .grenadeAttack
            return choice
        }
    }

    static let throwWords: Set<String> = [
        "hurl", "hurls", "hurled", "hurling", "throw", "throws", "threw", "thrown", "throwing", "lob", "lobs",
        "lobbed", "lobbing", "toss", "tosses", "tossed", "tossing",
    ]

    /// The kind a cue of a definite class names in its clause, if its conditions hold.
    func directChoice(_ cue: Cue, hit: CueHit, scope: KindScope) -> KindChoice? {
        let range = scope.range
        let facts = scope.facts
        func choice(_ kind: EventKind, strong: Bool = true) -> KindChoice {
            KindChoice(kind: kind, trigger: hit.range, cue: cue, strong: strong)
        }
        switch cue.cueClass {
        case .kind(let kind):
            return kindCueHolds(kind, cue: cue, hit: hit, scope: scope)
                ? choice(kind, strong: !cue.weak) : nil
        case .capture:
            return captureKind(hit.range, in: range).map { choice($0) }
        case .disrupt:
            return object(of: hit.range, in: range) == .weapon ? choice(.weaponsDisrupted) : nil
        case .establish:
            return establishesBase(hit.range, in: range) ? choice(.baseEstablished) : nil
        case .bomb:
            return choice(facts.aircraft || self.facts.aircraftStory ? .airStrike : .explosiveDevice)
        case .gather:
            return scope.crowd ? choice(.peacefulProtest, strong: false) : nil
        case .explosion:
            return explosionCounts(hit, scope: scope)
                ? choice(explosionKind(in: range, sentence: scope.sentence)) : nil
        case .take:
            if takesPrisoner(hit.range, in: range), let kind = captureKind(hit.range, in: range) {
                return choice(kind)
            }
            return object(of: hit.range, in: range) == .territory ? choice(.territoryCaptured) : nil
        case .bodies:
            let sentence = scope.sentence
            let near =
                max(
                    sentence.lowerBound, hit.range.lowerBound - 8)..<min(
                    sentence.upperBound, hit.range.upperBound + 8)
            return lexicon.discoveryWords.contains(tokens, in: near)
                ? choice(.attackOnCivilians, strong: false) : nil
        case .attack, .harm, .use:
            return nil
        }
    }

    /// Whether a cue naming its kind outright holds in its clause.
    func kindCueHolds(_ kind: EventKind, cue: Cue, hit: CueHit, scope: KindScope) -> Bool {
        let range = scope.range
        let sentence = scope.sentence
        let facts = scope.facts
        return requirementsMet(kind, hit: hit, sentence: sentence)
            && (!cue.weak || facts.any || kind.family == .protestsAndRiots)
            // "migrants crossed into Poland": crossing a border is an incursion by armed men.
            && !(kind == .incursion && !facts.armedActor)
            // "destroyed 40 drones" disrupts weapons; it destroys no property.
            && !(kind == .looting && cue.weak && object(of: hit.range, in: range) == .weapon)
            // "fought", "repelled", "offensive": a battle needs fighters and news of it.
            && !(cue.weak && kind.family == .battles
                && !(facts.armedActor
                    && (facts.casualties || facts.placeFrame || hasOwnDay(hit.range, in: sentence))))
            // Talks and aid count when the sentence dates them.
            && !(kind.isCommunication && !hasOwnDay(hit.range, in: sentence))
            // Territory changes hands between armed men, or names the place taken.
            && !((kind == .territoryCaptured || kind == .territoryTransferred)
                && !scope.sentenceFacts.armedActor && !namesPlace(hit.range, in: range))
            // "cleared the area", "secured the town" — not "cleared out the migrants".
            && !(kind == .territoryCaptured && cue.weak && object(of: hit.range, in: range) != .territory)
    }

    /// "explosions rattled the festival": an explosion is a strike with facts beside it.
    func explosionCounts(_ hit: CueHit, scope: KindScope) -> Bool {
        let range = scope.range
        // ("161 explosions were reported in the region": counted, where the story is.)
        let counted = count(before: hit.range.lowerBound, in: range) != nil
        // ("Explosions shook Chernihiv on Monday": a town named with a day of its own.)
        let townAndDay =
            placesIn(range).contains { $0.kind == .place && !$0.isPossessive }
            && hasOwnDay(hit.range, in: scope.sentence)
        return scope.facts.any || scope.sentenceFacts.placeFrame || counted || townAndDay
            || regionAnaphor(in: range) != nil
    }

    /// The kind of an attack or harm word when no strong violent cue named one.
    func generalViolence(attack: (CueHit, Cue)?, harm: (CueHit, Cue)?, scope: KindScope) -> KindChoice? {
        let range = scope.range
        // A strong attack word takes the facts of its sentence when its clause has none ("killed at a
        // checkpoint in Khar …, when he opened fire on security officials").
        let attackFacts = scope.facts.any ? scope.facts : scope.sentenceFacts
        if let (hit, cue) = attack {
            guard
                let kind = violenceKind(
                    hit.range, cue: cue, in: range, facts: cue.weak ? scope.facts : attackFacts)
            else { return harm.flatMap { harmChoice($0.0, cue: $0.1, scope: scope) } }
            return KindChoice(kind: kind, trigger: hit.range, cue: cue, strong: !cue.weak)
        }
        return harm.flatMap { harmChoice($0.0, cue: $0.1, scope: scope) }
    }

    /// The kind of a harm word ("killed", "wounded") by who did it and what was counted.
    func harmChoice(_ hit: CueHit, cue: Cue, scope: KindScope) -> KindChoice? {
        let range = scope.range
        if activeAgent(of: hit.range, cue: cue, in: range), let kind = participantsKind(hit.range, in: range)
        {
            return KindChoice(kind: kind, trigger: hit.range, cue: cue, strong: false)
        }
        if let kind = countedHarm(hit.range, in: range, facts: scope.facts) {
            return KindChoice(kind: kind, trigger: hit.range, cue: cue, strong: false)
        }
        return KindChoice(
            kind: .attackOnCivilians, trigger: hit.range, cue: cue, strong: false, harmOnly: true)
    }

    /// In a sentence of sport, business or culture, only a deed named outright counts; in such a
    /// story, only one with an armed actor or a weapon beside it. Arrests for ordinary crime are
    /// no political violence.
    func otherDomain(_ candidates: [KindChoice], facts: SegmentFacts, sentence: Range<Int>) -> [KindChoice] {
        var result = candidates
        if lexicon.crimeWords.contains(tokens, in: sentence) { result.removeAll { $0.kind == .arrest } }
        let sentenceDomain =
            lexicon.discardSentence.contains(tokens, in: sentence)
            || lexicon.discardStory.contains(tokens, in: sentence)
        guard sentenceDomain || self.facts.otherDomain else { return result }
        // A weapon used or an armed actor keeps a deed of violence in any company.
        if facts.weapon || facts.armedActor { return result }
        result.removeAll { choice in
            guard case .kind = choice.cue.cueClass, choice.strong else { return true }
            return self.facts.otherDomain
        }
        return result
    }

    /// One violent kind per clause (strong before weak, then ACLED's rank; every strike when the
    /// clause counts several weapons), and the strategic deeds told by a verb of their own.
    func best(_ candidates: [KindChoice]) -> [KindChoice] {
        let real = candidates.filter { !$0.harmOnly }
        guard !real.isEmpty else { return Array(candidates.prefix(1)) }
        func better(_ a: KindChoice, _ b: KindChoice) -> Bool {
            if a.strong != b.strong { return a.strong }
            return (lexicon.rank[a.kind] ?? 99) < (lexicon.rank[b.kind] ?? 99)
        }
        var violent = real.filter { $0.kind.family.isViolenceOrProtest }
        // Missiles, rockets or bombs from aircraft told in the clause: an air strike.
        if violent.contains(where: {
            $0.kind == .airStrike && !$0.weaponClasses.isEmpty || $0.kind == .airStrike
        }),
            violent.contains(where: { [.missileStrike, .explosiveDevice].contains($0.kind) })
        {
            violent.removeAll { [.missileStrike, .explosiveDevice].contains($0.kind) }
        }
        var result: [KindChoice] = []
        if let top = violent.sorted(by: better).first {
            result.append(top)
            // "two missiles and 178 drones": one strike per weapon counted.
            result += violent.filter {
                !$0.weaponClasses.isEmpty && $0.kind != top.kind && $0.kind.family == .remoteViolence
                    && top.kind.family == .remoteViolence && $0.strong
            }
        }
        // Weapons seized in an arrest are part of it: "arrested three men and seized rifles".
        let arrested = real.contains { $0.kind == .arrest }
        var strategicFamilies = Set<EventKind>()
        for choice in real.filter({ !$0.kind.family.isViolenceOrProtest }).sorted(by: better) {
            // Beside violence, only a deed of its own verb: "killed 40 militants and arrested 30"
            // (burning the homes of the people killed is part of the attack).
            if !violent.isEmpty && !(choice.cue.form == .past || choice.cue.form == .present) { continue }
            if !violent.isEmpty && choice.kind == .looting { continue }
            if arrested && choice.kind == .weaponsDisrupted { continue }
            if choice.kind.isCommunication && !violent.isEmpty { continue }
            if strategicFamilies.insert(choice.kind).inserted && result.count < 3 { result.append(choice) }
        }
        var seen = Set<EventKind>()
        return result.filter { seen.insert($0.kind).inserted }
    }

    /// A kind that needs words beside it has them in the sentence or the one before (a capture
    /// of territory may instead name the town right after its verb).
    func requirementsMet(_ kind: EventKind, hit: CueHit, sentence: Range<Int>) -> Bool {
        let index = text.sentenceOf[sentence.lowerBound]
        let from =
            index > 0 && text.sentences[index - 1].paragraph == text.sentences[index].paragraph
            ? text.sentences[index - 1].tokens.lowerBound : sentence.lowerBound
        if let also = lexicon.requiresAlso[kind], !also.contains(tokens, in: from..<sentence.upperBound) {
            return false
        }
        guard let required = lexicon.requires[kind] else { return true }
        if required.contains(tokens, in: from..<sentence.upperBound) { return true }
        if kind == .territoryCaptured || kind == .territoryTransferred {
            // "retook Bardera": what these verbs take is a place, named or not.
            let taken = object(of: hit.range, in: sentence)
            return taken == .territory
                || taken == .person && hit.range.upperBound < sentence.upperBound
                    && tokens[hit.range.upperBound].isCapitalized
        }
        return false
    }

    // MARK: Strikes

    /// Weapons used in a clause with a verb of use ("fired", "struck", "killed", "exploded"):
    /// the strikes of their kinds. A weapon that is the target ("helicopters were fired on") or
    /// not in use ("a drone factory") counts for nothing.
    func strikes(by verb: (CueHit, Cue), in range: Range<Int>) -> [KindChoice] {
        var classes: [(WeaponClass, Int?)] = []
        for match in lexicon.weapons.all(tokens, in: range) {
            let after = match.range.upperBound
            if after < range.upperBound, lexicon.notWeaponUse.contains(tokens[after].lower) { continue }
            if after + 1 < range.upperBound, ["was", "were"].contains(tokens[after].lower),
                lexicon.cues.match(tokens, at: after + 1)?.value.contains(where: { $0.cueClass == .attack })
                    == true
            {
                continue
            }
            guard Self.remoteClasses[match.value] != nil else { continue }
            // "helicopters … were fired on": the weapon is the target of the verb.
            let verbStart = verb.0.range.lowerBound
            if match.range.upperBound <= verbStart, verb.1.cueClass == .attack, verbStart > range.lowerBound,
                ["was", "were", "been", "being"].contains(tokens[verbStart - 1].lower)
            {
                continue
            }
            // "forces backed by helicopters attacked": arms in support of the deed told.
            let before = (max(range.lowerBound, match.range.lowerBound - 3)..<match.range.lowerBound).map {
                tokens[$0].lower
            }
            if before.contains("backed") || before.contains("supported") || before.contains("support") {
                continue
            }
            classes.append((match.value, count(before: match.range.lowerBound, in: range)))
        }
        // An aircraft that landed or crashed made no strike.
        let verbWord = tokens[verb.0.range.lowerBound].lower
        if verbWord.hasPrefix("land") || lexicon.disaster.contains(tokens, in: range) {
            classes.removeAll { $0.0 == .aircraft }
        }
        // Missiles or bombs launched from aircraft are an air strike.
        if classes.contains(where: { $0.0 == .aircraft || $0.0 == .glideBomb }),
            !classes.contains(where: { $0.0 == .drone })
        {
            classes = classes.filter { Self.remoteClasses[$0.0] == .airStrike }
        }
        guard !classes.isEmpty else { return [] }
        var byKind: [EventKind: (Set<WeaponClass>, Bool)] = [:]
        var order: [EventKind] = []
        for (weaponClass, count) in classes {
            guard let kind = Self.remoteClasses[weaponClass] else { continue }
            if byKind[kind] == nil { order.append(kind) }
            // "two Tochka-U ballistic missiles": one weapon told in two words, counted once.
            byKind[kind, default: ([], false)].0.insert(weaponClass)
            byKind[kind]!.1 = byKind[kind]!.1 || count != nil
        }
        let counted = order.count > 1 && order.allSatisfy { byKind[$0]!.1 }
        let kinds =
            counted ? order : [order.min { (lexicon.rank[$0] ?? 99) < (lexicon.rank[$1] ?? 99) }!]
        return kinds.map { kind in
            KindChoice(
                kind: kind, trigger: verb.0.range, cue: verb.1, strong: true,
                weaponClasses: counted ? byKind[kind]!.0 : [])
        }
    }

    /// A figure just before a weapon word: "two missiles", "178 drones".
    func count(before start: Int, in range: Range<Int>) -> Int? {
        var i = start - 1
        var skipped = 0
        while i >= range.lowerBound && skipped < 3 {
            if let reading = numbers.read(tokens, at: i), i + reading.length <= start { return reading.value }
            if tokens[i].kind != .word { return nil }
            i -= 1
            skipped += 1
        }
        return nil
    }

    // MARK: Objects

    /// What a verb acts on: the noun phrase after it ("captured a senior commander", "seized the
    /// town of X", "destroyed 12 drones"), or, in the passive, the one before ("the town was
    /// captured", "two bombs were defused").
    func object(of trigger: Range<Int>, in range: Range<Int>) -> ObjectClass? {
        let passive =
            trigger.lowerBound > range.lowerBound
            && ["was", "were", "been", "being"].contains(tokens[trigger.lowerBound - 1].lower)
        let startsPassive = ["was", "were"].contains(tokens[trigger.lowerBound].lower)
        // "A bomb planted near a market … was made safe": the subject, past its places.
        if passive || startsPassive {
            let sentence = text.sentences[text.sentenceOf[trigger.lowerBound]].tokens
            let before = max(sentence.lowerBound, trigger.lowerBound - 15)..<trigger.lowerBound
            if let subject = lexicon.weapons.all(tokens, in: before).first,
                !(subject.range.upperBound..<trigger.lowerBound).contains(where: {
                    [",", ";"].contains(tokens[$0].text)
                })
            {
                return .weapon
            }
        }
        if passive, let found = objectClass(from: trigger.lowerBound - 2, step: -1, in: range) {
            return found
        }
        // "an explosive device discovered outside a mosque": the weapon the participle follows.
        if trigger.lowerBound > range.lowerBound,
            tokens[trigger.lowerBound].lower.hasSuffix("ed")
                || ["found", "seized", "shot", "brought", "made"].contains(tokens[trigger.lowerBound].lower),
            let weapon = lexicon.weapons.all(
                tokens, in: max(range.lowerBound, trigger.lowerBound - 4)..<trigger.lowerBound
            )
            .last, weapon.range.upperBound == trigger.lowerBound
        {
            return .weapon
        }
        return objectClass(from: trigger.upperBound, step: 1, in: range)
    }

    static let objectSkips: Set<String> = [
        "a", "an", "the", "his", "her", "its", "their", "our", "some", "several", "senior", "top", "key",
        "suspected", "alleged", "wanted", "notorious", "local", "large", "small", "major", "strategic",
        "of", "at", "least", "more", "than", "about", "nearly", "another", "other", "two", "three", "new",
        "all", "control", "over", "back", "up", "dozens", "hundreds", "scores", "tens", "around", "roughly",
        "high-ranking", "high", "ranking", "military", "rebel", "insurgent", "militant", "enemy", "police",
        "government", "army", "armed", "remaining", "last", "also", "had", "have", "has", "reportedly",
    ]

    /// Words that end a noun phrase: prepositions, conjunctions, auxiliaries.
    static let phraseEnds: Set<String> = [
        "in", "on", "at", "to", "from", "with", "by", "for", "into", "near", "after", "before", "during",
        "and", "or", "but", "as", "when", "while", "which", "who", "that", "where", "was", "were", "is",
        "are", "be", "been", "said", "says", "amid", "across", "through", "outside", "inside", "since",
    ]

    private func objectClass(from start: Int, step: Int, in range: Range<Int>) -> ObjectClass? {
        var j = start
        var seen = 0
        var modifiers = 0
        while range.contains(j) && seen < 7 {
            if places.contains(where: { $0.tokenRange.contains(j) && $0.kind != .country && !$0.isPossessive }
            ) {
                return .territory
            }
            let match = lexicon.objects.match(tokens, at: j, limit: range.upperBound)
            // A hyphened compound is what its last part is ("a bomb-maker" is a person, "a
            // car-bomb" a weapon, "an arms-smuggler" a person), unless it is listed whole.
            if step > 0, (match?.length ?? 1) == 1, j + 2 < range.upperBound, tokens[j].kind == .word,
                tokens[j + 1].text == "-", !tokens[j + 1].spaceBefore, !tokens[j + 2].spaceBefore,
                tokens[j + 2].kind == .word
            {
                j += 2
                continue
            }
            if let match { return match.value }
            if lexicon.weapons.match(tokens, at: j, limit: range.upperBound) != nil { return .weapon }
            if let noun = lexicon.actorNouns.match(tokens, at: j, limit: range.upperBound),
                noun.value != .government
            {
                // "a police outpost", "two army camps": a force's place, not the force.
                if let place = lexicon.objects.match(tokens, at: j + noun.length, limit: range.upperBound) {
                    return place.value
                }
                return .person
            }
            let token = tokens[j]
            // "a senior al-Shabab commander": the group names the person's side.
            if step > 0, let named = lexicon.namedActors.match(tokens, at: j, limit: range.upperBound) {
                j += named.length
                seen += 1
                continue
            }
            if token.kind == .number || Self.objectSkips.contains(token.lower) || token.text == "-" {
                j += step
                seen += 1
                continue
            }
            if let reading = numbers.read(tokens, at: j) {
                j += step * max(1, reading.length)
                seen += 1
                continue
            }
            // Adjectives of nationality ("an Iraqi commander", "12 Ukrainian drones").
            if token.isCapitalized, PlaceLexicon.bundled.demonym(tokens, at: j) != nil {
                j += step
                seen += 1
                continue
            }
            // A capitalized name that is no place: a person or a group.
            if token.isCapitalized && token.kind == .word && step > 0 { return .person }
            // Other words of the noun phrase ("two foreign aid workers", "large quantities of").
            if token.kind == .word && !token.isCapitalized && !Self.phraseEnds.contains(token.lower)
                && modifiers < 2
            {
                modifiers += 1
                j += step
                seen += 1
                continue
            }
            return nil
        }
        return nil
    }

    /// Capturing a town or position is territory; a person or group, an arrest (by a state) or an
    /// abduction (by anyone else); weapons, disrupted weapons.
    func captureKind(_ trigger: Range<Int>, in range: Range<Int>) -> EventKind? {
        switch object(of: trigger, in: range) {
        case .territory?: return .territoryCaptured
        case .weapon?: return .weaponsDisrupted
        case .person?:
            let agent = agentType(of: trigger, in: range)
            switch agent {
            case .rebelGroup?, .politicalMilitia?, .identityMilitia?: return .abduction
            default: return .arrest
            }
        case nil: return nil
        }
    }

    func establishesBase(_ trigger: Range<Int>, in range: Range<Int>) -> Bool {
        // "A new military base was set up near …".
        if trigger.lowerBound > range.lowerBound,
            ["was", "were", "been"].contains(tokens[trigger.lowerBound - 1].lower)
        {
            for j in max(range.lowerBound, trigger.lowerBound - 6)..<(trigger.lowerBound - 1)
            where lexicon.establishObjects.match(tokens, at: j, limit: trigger.lowerBound) != nil {
                return true
            }
        }
        var j = trigger.upperBound
        while j < min(range.upperBound, trigger.upperBound + 5) {
            if lexicon.establishObjects.match(tokens, at: j, limit: range.upperBound) != nil { return true }
            j += 1
        }
        return false
    }
}

extension EventReader {
    /// The words after a verb name a place of the gazetteer or the text ("retook the village of X").
    func namesPlace(_ trigger: Range<Int>, in range: Range<Int>) -> Bool {
        places.contains {
            $0.tokenRange.lowerBound >= trigger.upperBound
                && $0.tokenRange.lowerBound <= trigger.upperBound + 5
                && $0.kind != .country && !$0.isPossessive
        } || (trigger.lowerBound > range.lowerBound && object(of: trigger, in: range) == .territory)
    }
}

/// The facts a clause gives beside its cues: a weak cue ("fought", "offensive") names an event
/// only with one of them.
struct SegmentFacts {
    var armedActor = false
    var weapon = false
    var aircraft = false
    var casualties = false
    var placeFrame = false
    var militaryTarget = false

    var any: Bool { armedActor || weapon || casualties || placeFrame || militaryTarget }

    init(reader: EventReader, range: Range<Int>) {
        let armed: Set<ActorType> = [
            .stateForces, .rebelGroup, .politicalMilitia, .identityMilitia, .externalForces,
        ]
        armedActor = reader.actors.all(in: range).contains { $0.type.map(armed.contains) ?? false }
        let weapons = reader.lexicon.weapons.all(reader.tokens, in: range)
        weapon = !weapons.isEmpty
        aircraft = weapons.contains { $0.value == .aircraft || $0.value == .glideBomb }
        let (killed, injured) = reader.readCasualties(in: range)
        casualties = killed != nil || injured != nil
        placeFrame = reader.places.contains { place in
            let start = place.tokenRange.lowerBound
            return range.contains(start) && !place.isPossessive && place.kind != .country && start > 0
                && (ActorFinder.locatives.contains(reader.tokens[start - 1].lower) || place.kind == .water
                    || place.place.precision == .near)
        }
        militaryTarget = reader.lexicon.targets.all(reader.tokens, in: range).contains {
            $0.value == "military"
        }
    }
}

extension EventReader {
    /// "161 explosions were reported" after news of shelling is shelling; "an explosion" beside a
    /// bomb, or with no weapon told nearby, a bombing: the kind of the last strike words of the
    /// clause, else of the sentence and the two before it in the paragraph.
    func explosionKind(in range: Range<Int>, sentence: Range<Int>) -> EventKind {
        if let kind = strikeWordsKind(in: range) { return kind }
        let index = text.sentenceOf[sentence.lowerBound]
        var from = index
        while from > 0 && index - from < 2
            && text.sentences[from - 1].paragraph == text.sentences[index].paragraph
        {
            from -= 1
        }
        if let kind = strikeWordsKind(in: text.sentences[from].tokens.lowerBound..<sentence.upperBound) {
            return kind
        }
        // "… reported an explosion near its hull. The vessel was hit by a missile.": told just after.
        if index + 1 < text.sentences.count,
            text.sentences[index + 1].paragraph == text.sentences[index].paragraph,
            let kind = strikeWordsKind(in: text.sentences[index + 1].tokens)
        {
            return kind
        }
        return .explosiveDevice
    }

    /// The kind of the last weapon or strike word of a range.
    func strikeWordsKind(in range: Range<Int>) -> EventKind? {
        var found: (Int, EventKind)?
        for match in lexicon.weapons.all(tokens, in: range) {
            if let kind = Self.remoteClasses[match.value] { found = (match.range.lowerBound, kind) }
        }
        for match in lexicon.cues.all(tokens, in: range) {
            if let kind = match.value.compactMap(\.kind).first(where: { $0.family == .remoteViolence }),
                found.map({ $0.0 < match.range.lowerBound }) ?? true
            {
                found = (match.range.lowerBound, kind)
            }
        }
        return found?.1
    }
}

extension EventReader {
    /// "At least eight demonstrators were killed Friday in Aungban", "two soldiers died": people
    /// of a kind counted as killed or wounded in a story of violence are an event of that
    /// violence, unless an accident or a disaster took them.
    func countedHarm(_ trigger: Range<Int>, in range: Range<Int>, facts: SegmentFacts) -> EventKind? {
        // New news needs a place or a day of its own: "A fifth soldier was wounded" tells the
        // event before.
        let sentence = text.sentences[text.sentenceOf[range.lowerBound]].tokens
        // (Soldiers or police killed tell of violence even in a story that names no other.)
        guard self.facts.violentStory || victims(in: range) == .combatants, facts.casualties,
            facts.placeFrame || hasOwnDay(trigger, in: sentence),
            !lexicon.disaster.contains(tokens, in: text.sentences[text.sentenceOf[range.lowerBound]].tokens)
        else { return nil }
        switch victims(in: range) {
        case .protesters: return .excessiveForceAgainstProtesters
        case .combatants: return .armedClash
        case .civilians: return .attackOnCivilians
        case .both, .none: return nil
        }
    }
}

extension EventReader {
    /// "took three soldiers prisoner", "were taken hostage": a person taken, not a place.
    func takesPrisoner(_ trigger: Range<Int>, in range: Range<Int>) -> Bool {
        (trigger.upperBound..<min(range.upperBound, trigger.upperBound + 6)).contains {
            ["prisoner", "prisoners", "captive", "captives", "hostage", "hostages"].contains(tokens[$0].lower)
        }
    }
}
