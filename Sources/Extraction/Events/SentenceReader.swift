import EventModel

/// Reads the event mentions of one sentence at a time, carrying context from sentence to
/// sentence: the last place of each kind, the narrative date, the last weapons.
struct SentenceReader {
    let lexicon: EventLexicon
    let tokens: [Token]
    let text: String
    let sentences: [Sentence]
    let dates: [TemporalExpression]
    let places: [PlaceMention]
    let reference: CalendarDay?
    let numbers = NumberReader()
    let scalars: [Unicode.Scalar]
    let sentenceStarts: Set<Int>

    /// The last non-country place named, and the last region, for "the region", "the city".
    var lastPlace: PlaceMention?
    var lastPlaceParagraph = -1
    /// The town of the last act of violence read with its own place: the scene the story is telling.
    var scenePlace: PlaceMention?
    var lastRegion: PlaceMention?
    /// The place of a dateline ("MOGADISHU —", "BAMAKO, Oct 23 (Sahel Wire) -"): where the story is set.
    let datelinePlace: PlaceMention?
    /// The first town of the lead after the dateline: where the story is about.
    let storyPlace: PlaceMention?
    var narrativeDate: EventDate?
    /// The day of the first dated event: where a new paragraph's undated events are set.
    var storyDate: EventDate?
    /// The last strike told (remote violence), for "downed 40 of them".
    var lastStrike: Mention?
    /// Events told so far with days of their own, for "a day after the shelling".
    var told: [(kind: EventKind, date: EventDate)] = []
    /// The last sentence read reported an event, kept or not (a background or a planned one).
    private(set) var reportedEvent = false
    var lastParagraph = -1

    init(
        lexicon: EventLexicon, tokens: [Token], text: String, sentences: [Sentence],
        dates: [TemporalExpression],
        places: [PlaceMention], reference: CalendarDay?
    ) {
        self.lexicon = lexicon
        self.tokens = tokens
        self.text = text
        self.sentences = sentences
        self.dates = dates
        self.places = places
        self.reference = reference
        scalars = Array(text.unicodeScalars)
        sentenceStarts = Set(sentences.map(\.tokens.lowerBound))
        let dateline = places.first { mention in
            guard let first = sentences.first, mention.tokenRange.lowerBound <= first.tokens.lowerBound + 1,
                mention.kind == .place, mention.tokenRange.upperBound < tokens.count
            else { return false }
            // "In Lagos, thousands marched": a place the first sentence is set in, not a dateline.
            let start = mention.tokenRange.lowerBound
            if start > 0 && ["in", "at", "near", "outside", "from"].contains(tokens[start - 1].lower) {
                return false
            }
            return [",", "—", "–", "-", "("].contains(tokens[mention.tokenRange.upperBound].text)
        }
        datelinePlace = dateline
        // The lead: its first two sentences (a wire story's text may be one long paragraph).
        let leadEnd = sentences.prefix(2).last(where: { $0.paragraph == sentences[0].paragraph })?.tokens
            .upperBound
        storyPlace = places.first { mention in
            guard let leadEnd, mention.tokenRange.lowerBound < leadEnd else { return false }
            return mention.kind == .place && !mention.isPossessive && mention != dateline
        }
    }

    /// The family of a kind (remote violence, battles, violence against civilians, protests, …).
    static func family(_ kind: EventKind) -> Int { families[kind] ?? -1 }

    static let families: [EventKind: Int] = {
        var table: [EventKind: Int] = [:]
        // The four families of violence and protest are 0-3; the other kinds rank on their own.
        for kind in EventKind.allCases where kind.family.isViolenceOrProtest {
            table[kind] = EventFamily.allCases.firstIndex(of: kind.family)!
        }
        for kind in [EventKind.weaponsDisrupted] { table[kind] = 4 }
        for kind in [EventKind.arrest] { table[kind] = 5 }
        for kind in [EventKind.looting] { table[kind] = 6 }
        for kind in [EventKind.baseEstablished, .groupChange] { table[kind] = 7 }
        for kind in [EventKind.agreement] { table[kind] = 8 }
        for kind in [EventKind.strategicOther] { table[kind] = 9 }
        for kind in [EventKind.diplomacy] { table[kind] = 10 }
        for kind in [EventKind.aid] { table[kind] = 11 }
        for kind in [EventKind.statement] { table[kind] = 12 }
        return table
    }()

    static let remoteClasses: [WeaponClass: EventKind] = [
        .ballisticMissile: .missileStrike, .cruiseMissile: .missileStrike, .missile: .missileStrike,
        .rocket: .missileStrike, .drone: .droneStrike, .aircraft: .airStrike, .glideBomb: .airStrike,
        .artillery: .shelling, .mortar: .shelling, .explosive: .explosiveDevice, .chemical: .chemicalAttack,
    ]

    /// Killed and injured figures of a sentence, for updating the story's last event ("The death
    /// toll has risen to three").
    func casualties(sentence index: Int) -> (CasualtyCount?, CasualtyCount?) {
        let range = sentences[index].tokens
        if tokens[range].contains(where: { $0.text == "“" || $0.text == "\"" }) { return (nil, nil) }
        return readCasualties(in: range)
    }

    mutating func read(sentence index: Int) -> [Mention] {
        let sentence = sentences[index]
        reportedEvent = false
        if sentence.paragraph != lastParagraph {
            // A new paragraph starts a new stretch of narrative: its time is not carried over.
            lastParagraph = sentence.paragraph
            narrativeDate = nil
        }
        let range = sentence.tokens
        let sentencePlaces = places.filter { range.contains($0.tokenRange.lowerBound) }
        let sentenceDates = dates.filter {
            $0.start >= sentence.start && $0.end <= sentence.end && !isDateline($0, in: sentence)
        }
        defer {
            if let place = sentencePlaces.last(where: { $0.kind == .place && !$0.isPossessive }) {
                lastPlace = place
                lastPlaceParagraph = sentence.paragraph
            }
            if let region = sentencePlaces.last(where: { $0.kind == .region }) { lastRegion = region }
        }
        if tokens[range.upperBound - 1].text == "?" { return [] }

        // Triggers, with weapon verbs ("shot down two drones") as weapons_disrupted.
        var triggers = lexicon.triggers.all(tokens, in: range).map { (range: $0.range, trigger: $0.value) }
        let weaponsHere = lexicon.weapons.all(tokens, in: range)
        for verb in lexicon.disruptVerbs.all(tokens, in: range) {
            let window = verb.range.upperBound..<min(range.upperBound, verb.range.upperBound + 6)
            if weaponsHere.contains(where: { window.contains($0.range.lowerBound) }) {
                triggers.append((verb.range, EventLexicon.Trigger(kind: .weaponsDisrupted, strong: true)))
            }
        }
        // "its jets had struck", "a missile hit the port": an attack verb with a weapon in the
        // same clause is a strike of that weapon's kind.
        for verb in lexicon.attackVerbs.all(tokens, in: range) {
            let window =
                max(
                    range.lowerBound, verb.range.lowerBound - 5)..<min(
                    range.upperBound, verb.range.upperBound + 5)
            if let weapon = weaponsHere.first(where: {
                window.contains($0.range.lowerBound)
                    && !lexicon.notWeaponUse.contains(
                        tokens[min($0.range.upperBound, range.upperBound - 1)].lower)
            }),
                let kind = Self.remoteClasses[weapon.value],
                // A helicopter that crashed is an accident (or a downing), not an air strike.
                !(kind == .airStrike && verb.range.contains { tokens[$0].lower.hasPrefix("crash") })
            {
                triggers.append((verb.range, EventLexicon.Trigger(kind: kind, strong: true)))
            }
        }
        // Words of sport, trade and law: "a trade truce", "a legal battle", "soft-shelled", "a
        // detention centre", "rallied to beat".
        triggers.removeAll { candidate in
            let start = candidate.range.lowerBound
            if start > range.lowerBound {
                let before = tokens[start - 1]
                if lexicon.notConflictBefore.contains(before.lower) { return true }
                if before.text == "-" && before.start == tokens[start].start - 1 { return true }
            }
            let end = candidate.range.upperBound
            if end < range.upperBound, tokens[end].text == "-", tokens[end].start == tokens[end - 1].end {
                return true  // "closed-door", "strike-hit"
            }
            let after = end..<min(range.upperBound, end + 3)
            return lexicon.notEventAfter.contains(tokens, in: after)
        }
        guard !triggers.isEmpty else { return [] }

        // Among protesters, destruction and attacks are a violent demonstration, tear gas an intervention.
        if lexicon.protestContext.contains(tokens, in: range) {
            triggers = triggers.map { candidate in
                var trigger = candidate.trigger
                switch trigger.kind {
                case .looting, .attackOnCivilians, .armedClash, .territoryCaptured:
                    trigger.kind = .violentDemonstration
                case .chemicalAttack: trigger.kind = .protestWithIntervention
                default: break
                }
                return (candidate.range, trigger)
            }
        }
        // "Trump said at a rally in Monroe": where a speech was given, not a protest.
        triggers.removeAll { candidate in
            candidate.trigger.kind.family == .protestsAndRiots
                && lexicon.statementFrames.contains(
                    tokens,
                    in: max(range.lowerBound, candidate.range.lowerBound - 4)..<candidate.range.lowerBound)
        }
        // "Speaking at a Security Council meeting, the envoy said …": a statement, not diplomacy.
        triggers = triggers.map { candidate in
            guard candidate.trigger.kind == .diplomacy else { return candidate }
            let window = max(range.lowerBound, candidate.range.lowerBound - 10)..<candidate.range.lowerBound
            guard lexicon.statementFrames.contains(tokens, in: window) else { return candidate }
            var trigger = candidate.trigger
            trigger.kind = .statement
            return (candidate.range, trigger)
        }
        // A tally over months or years ("a year of hostilities in which 4,000 were killed") is no
        // event — but a deed named outright on a day is ("opened fire on Saturday, as a six-month
        // war raged").
        let spans = sentenceDates.filter {
            $0.kind == .duration
                && ($0.value.hasSuffix("Y") || $0.value.hasSuffix("M") || $0.value.hasSuffix("DE"))
                && !$0.value.hasPrefix("PT")
        }
        if !spans.isEmpty {
            let onADay = sentenceDates.contains { $0.date?.precision == .day }
            triggers.removeAll { candidate in
                let start = tokens[candidate.range.lowerBound].start
                // The trigger the span qualifies ("a year of fighting", "a six-month war").
                let spanned = spans.contains { start >= $0.end && start - $0.end <= 12 }
                return (Self.families[candidate.trigger.kind].map { $0 <= 3 } ?? false)
                    && !(onADay && candidate.trigger.strong && !spanned)
            }
        }
        let weapons = readWeapons(in: range)
        let (killed, injured) = readCasualties(in: range)
        // An attack on a military target ("attacks on security posts") is a fact of a battle too.
        let hasFacts =
            !weapons.isEmpty || killed != nil || injured != nil
            || sentencePlaces.contains { $0.kind == .place && !$0.isPossessive }
            || lexicon.targets.all(tokens, in: range).contains { $0.value == "military" }
        // "has been fiercest", "have been ramping up": a standing situation, not an event, unless dated.
        let firstTrigger = triggers.map(\.range.lowerBound).min() ?? range.lowerBound
        if sentenceDates.allSatisfy({ $0.date == nil }) && isStandingSituation(range, near: firstTrigger) {
            return []
        }

        // The best trigger of each family; remote violence splits by weapon class.
        var valid: [(family: Int, choice: (range: Range<Int>, trigger: EventLexicon.Trigger))] = []
        var chosen: [Int: (range: Range<Int>, trigger: EventLexicon.Trigger)] = [:]
        let quoted = quotedRanges(in: range)
        let strongViolentFamilies = Set(
            triggers.filter { $0.trigger.strong }.compactMap { Self.families[$0.trigger.kind] }.filter {
                $0 <= 3
            })
        for candidate in triggers {
            let kind = candidate.trigger.kind
            if kind == .statement { continue }
            if !candidate.trigger.strong && !hasFacts { continue }
            // A weak word ("killed") beside a strong trigger of another kind of violence belongs to it.
            if !candidate.trigger.strong, let family = Self.families[kind],
                !strongViolentFamilies.isEmpty && !strongViolentFamilies.contains(family)
            {
                continue
            }
            // Quoted speech describes and judges; it is not where events are reported — unless it
            // is a statement quoted whole, in the third person, with figures, as news ("“Airstrikes …
            // have killed 50 militants,” the statement said").
            if let quote = quoted.first(where: { $0.contains(candidate.range.lowerBound) }),
                !(isReportedStatement(quote, in: range)
                    && (killed != nil || injured != nil || !weapons.isEmpty))
            {
                continue
            }
            // The words a kind needs may stand in this sentence or the one before ("… protesters
            // gathered. Police fired tear gas.").
            let context =
                (index > 0 && sentences[index - 1].paragraph == sentence.paragraph
                    ? sentences[index - 1].tokens.lowerBound : range.lowerBound)..<range.upperBound
            if let required = lexicon.requires[kind], !required.contains(tokens, in: context) {
                let after = candidate.range.upperBound
                let townNamed = sentencePlaces.contains {
                    $0.kind == .place && !$0.isPossessive && $0.tokenRange.lowerBound >= after
                        && $0.tokenRange.lowerBound <= after + 3
                }
                if !(kind == .territoryCaptured || kind == .territoryTransferred) || !townNamed { continue }
            }
            // Talks and aid are kept only when the sentence dates them.
            if kind == .diplomacy || kind == .aid,
                !sentenceDates.contains(where: { $0.date != nil && $0.kind != .duration })
            {
                continue
            }
            if isNegatedOrUnreal(candidate.range, in: range) { continue }
            if kind == .agreement,
                lexicon.agreementEnds.contains(
                    tokens,
                    in: max(range.lowerBound, candidate.range.lowerBound - 6)..<candidate.range.lowerBound)
            {
                continue
            }
            if isHabitualOrGeneric(
                candidate.range, in: range, dated: sentenceDates.contains { $0.date != nil })
            {
                continue
            }
            if !candidate.trigger.strong, Self.families[kind] == 0,
                !lexicon.attackVerbs.contains(tokens, in: range)
            {
                continue
            }
            // "denied that the town had fallen": the event is what is denied.
            if lexicon.denials.all(tokens, in: range.lowerBound..<candidate.range.lowerBound).contains(
                where: {
                    candidate.range.lowerBound - $0.range.upperBound <= 10
                })
            {
                continue
            }
            guard let family = Self.families[kind] else { continue }
            valid.append((family, candidate))
            if let current = chosen[family] {
                // "Airstrikes killed 12 …, hours after the rebels fired rockets": the main clause's deed.
                let candidateAside = isInTimeClause(candidate.range.lowerBound, in: range)
                let currentAside = isInTimeClause(current.range.lowerBound, in: range)
                let better =
                    candidateAside != currentAside
                    ? currentAside
                    : (lexicon.rank[kind] ?? 99) < (lexicon.rank[current.trigger.kind] ?? 99)
                        || (candidate.trigger.strong && !current.trigger.strong)
                if !better { continue }
            }
            chosen[family] = candidate
        }
        // Killing fighters is a battle, not violence against civilians ("troops killed three militants").
        if let family = Self.families[.attackOnCivilians], let choice = chosen[family],
            choice.trigger.kind == .attackOnCivilians, !choice.trigger.strong, victimsAreCombatants(in: range)
        {
            chosen[family] = nil
            if let battles = Self.families[.armedClash], chosen[battles] == nil {
                chosen[battles] = (choice.range, EventLexicon.Trigger(kind: .armedClash, strong: false))
            }
        }
        // A raid or an attack that killed only civilians is violence against civilians.
        if let battles = Self.families[.armedClash], let choice = chosen[battles],
            choice.trigger.kind == .armedClash,
            ["raid", "raids", "attack", "attacks", "assault", "stormed", "ambush", "ambushed"].contains(
                tokens[choice.range.lowerBound].lower),
            let family = Self.families[.attackOnCivilians], chosen[family] == nil,
            victimsAreCivilians(in: range)
        {
            chosen[battles] = nil
            chosen[family] = (
                choice.range, EventLexicon.Trigger(kind: .attackOnCivilians, strong: choice.trigger.strong)
            )
        }
        // One kind of violence per sentence, as ACLED ranks them; violence outranks the strategic
        // and the diplomatic in the same sentence.
        let violentFamilies = chosen.keys.filter { $0 <= 3 }
        if violentFamilies.count > 1 {
            let best = violentFamilies.min { a, b in
                let ka = chosen[a]!.trigger
                let kb = chosen[b]!.trigger
                // "A day after the shelling, fighters stormed the camp": the deed, not its time.
                let asideA = isInTimeClause(chosen[a]!.range.lowerBound, in: range)
                let asideB = isInTimeClause(chosen[b]!.range.lowerBound, in: range)
                if asideA != asideB { return asideB }
                if ka.strong != kb.strong { return ka.strong }
                return (lexicon.rank[ka.kind] ?? 99) < (lexicon.rank[kb.kind] ?? 99)
            }
            for family in violentFamilies where family != best { chosen[family] = nil }
        }
        if !violentFamilies.isEmpty {
            let strategic = [7, 8, 9, 10, 11].compactMap { chosen[$0] }.filter { $0.trigger.strong }
            // "A truce was agreed after clashes": the violence is the cause, told elsewhere.
            if !strategic.isEmpty && killed == nil && injured == nil {
                for family in violentFamilies {
                    guard let start = chosen[family]?.range.lowerBound else { continue }
                    let cause = (max(range.lowerBound, start - 2)..<start).contains {
                        ["after", "following", "amid"].contains(tokens[$0].lower)
                    }
                    if cause { chosen[family] = nil }
                }
            }
            let violentRanges = chosen.filter { $0.key <= 3 }.map(\.value.range)
            for family in [7, 8, 9, 10, 11] {
                guard let choice = chosen[family] else { continue }
                // "… repelled the attack, and that it had since set up a new base": a deed of its own clause.
                let ownClause =
                    choice.trigger.strong
                    && violentRanges.allSatisfy { clauseBreak(between: $0, and: choice.range) }
                if !ownClause { chosen[family] = nil }
            }
        }
        // Arrests at a protest are part of the protest's intervention, as ACLED codes them.
        if let protests = Self.families[.peacefulProtest], chosen[protests] != nil {
            chosen[Self.families[.arrest] ?? -1] = nil
        }
        // "have attacked more than 100 ships since November": a tally, not an event.
        for (family, choice) in chosen {
            let start = choice.range.lowerBound
            let perfect = (max(range.lowerBound, start - 2)..<start).contains {
                ["have", "has"].contains(tokens[$0].lower)
            }
            guard perfect,
                let since = (choice.range.upperBound..<range.upperBound).first(where: {
                    tokens[$0].lower == "since"
                })
            else { continue }
            // "have arrested 40 men since the weekend": days, not a tally.
            let recent = sentenceDates.contains { expression in
                guard expression.start >= tokens[since].end, expression.start - tokens[since].end <= 2,
                    let start = expression.date?.start.flatMap(CalendarDay.init), let reference
                else { return false }
                return reference.dayNumber - start.dayNumber <= 7
            }
            if !recent { chosen[family] = nil }
        }

        var result: [Mention] = []
        for (_, choice) in chosen.sorted(by: { $0.value.range.lowerBound < $1.value.range.lowerBound }) {
            var kinds = [choice.trigger.kind]
            if Self.families[choice.trigger.kind] == 0 {
                // "two missiles and 178 drones": one strike per weapon class the sentence names.
                let classes = weapons.compactMap { Self.remoteClasses[$0.weaponClass] }
                var unique: [EventKind] = []
                for kind in classes where !unique.contains(kind) { unique.append(kind) }
                let counted = weapons.allSatisfy { $0.count != nil }
                if unique.count > 1 && counted {
                    kinds = unique
                } else if unique.count > 1 || (unique.count == 1 && !choice.trigger.strong) {
                    // Several weapons without their own figures: one event, of the best-ranked kind.
                    kinds = [unique.min { (lexicon.rank[$0] ?? 99) < (lexicon.rank[$1] ?? 99) }!]
                }
            }
            for kind in kinds {
                let kindWeapons =
                    Self.families[kind] == 0 && kinds.count > 1
                    ? weapons.filter { Self.remoteClasses[$0.weaponClass] == kind } : weapons
                result.append(
                    mention(
                        kind: kind, strong: choice.trigger.strong, trigger: choice.range.lowerBound,
                        sentence: index,
                        places: sentencePlaces, dates: sentenceDates, weapons: kindWeapons, killed: killed,
                        injured: injured, countryPlaceOnly: kinds.count > 1 && kind != kinds.first))
            }
        }
        // "Police fired tear gas in Anka, while in Tarvo thousands marched peacefully":
        // a second deed of the family in a later clause with a place of its own.
        for (family, choice) in chosen where family <= 3 {
            guard
                let second = valid.first(where: {
                    $0.family == family && $0.choice.range.lowerBound > choice.range.upperBound
                        && clauseCut(between: choice.range, and: $0.choice.range) != nil
                }),
                let cut = clauseCut(between: choice.range, and: second.choice.range)
            else { continue }
            let own = sentencePlaces.filter {
                $0.tokenRange.lowerBound > cut && ($0.kind == .place || $0.kind == .region)
                    && !$0.isPossessive
            }
            guard !own.isEmpty,
                let first = result.first(where: { $0.trigger == choice.range.lowerBound }),
                !own.contains(where: { $0.place.name == first.place?.place.name })
            else { continue }
            result.append(
                mention(
                    kind: second.choice.trigger.kind, strong: second.choice.trigger.strong,
                    trigger: second.choice.range.lowerBound,
                    sentence: index, places: own, dates: sentenceDates, weapons: [], killed: nil,
                    injured: nil,
                    countryPlaceOnly: false))
        }
        if let date = result.first?.date, !(result.first?.dateIsReportDate ?? true) {
            narrativeDate = date
        }
        if let scene = result.last(where: { mention in
            (Self.families[mention.kind] ?? 99) <= 3 && !mention.placeFromContext
                && mention.place?.kind == .place
        }) {
            scenePlace = scene.place
        }
        reportedEvent = !result.isEmpty
        // Background older than a month counts only when dated to the day; plans are not events.
        result.removeAll { $0.background && $0.date.precision != .day }
        if let reference {
            result.removeAll { mention in
                guard let start = mention.date.start.flatMap(CalendarDay.init) else { return false }
                return start > reference
            }
        }
        for mention in result where !mention.dateIsReportDate && mention.date.precision == .day {
            told.append((mention.kind, mention.date))
        }
        if let strike = result.last(where: { Self.families[$0.kind] == 0 }) { lastStrike = strike }
        // The story's day: the first recent event dated by its own words.
        if storyDate == nil,
            let first = result.first(where: {
                !$0.dateIsReportDate && !$0.background && $0.date.precision == .day
            })
        {
            storyDate = first.date
        }
        return result
    }
}
