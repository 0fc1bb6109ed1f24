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
    private let numbers = NumberReader()
    private let scalars: [Unicode.Scalar]
    private let sentenceStarts: Set<Int>

    /// The last non-country place named, and the last region, for "the region", "the city".
    private var lastPlace: PlaceMention?
    private var lastPlaceParagraph = -1
    /// The town of the last act of violence read with its own place: the scene the story is telling.
    private var scenePlace: PlaceMention?
    private var lastRegion: PlaceMention?
    /// The place of a dateline ("MOGADISHU —", "BAMAKO, Oct 23 (Sahel Wire) -"): where the story is set.
    private let datelinePlace: PlaceMention?
    /// The first town of the lead after the dateline: where the story is about.
    private let storyPlace: PlaceMention?
    private var narrativeDate: EventDate?
    /// The day of the first dated event: where a new paragraph's undated events are set.
    private var storyDate: EventDate?
    /// Events told so far with days of their own, for "a day after the shelling".
    private var told: [(kind: EventKind, date: EventDate)] = []
    /// The last sentence read reported an event, kept or not (a background or a planned one).
    private(set) var reportedEvent = false
    private var lastParagraph = -1

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

    private static let families: [EventKind: Int] = {
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

    private static let remoteClasses: [WeaponClass: EventKind] = [
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
            if let current = chosen[family] {
                // "Airstrikes killed 12 …, hours after Hezbollah fired rockets": the main clause's deed.
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

    // MARK: One mention

    private func mention(
        kind: EventKind, strong: Bool, trigger: Int, sentence index: Int,
        places sentencePlaces: [PlaceMention],
        dates sentenceDates: [TemporalExpression], weapons: [Weapon], killed: CasualtyCount?,
        injured: CasualtyCount?,
        countryPlaceOnly: Bool
    ) -> Mention {
        let range = sentences[index].tokens
        let (place, demonymCountry) = choosePlace(
            sentencePlaces, trigger: trigger, range: range, violent: (Self.families[kind] ?? 99) <= 3)
        var (date, isReport) = chooseDate(sentenceDates, trigger: trigger)
        var background = false
        if let start = date.start.flatMap(CalendarDay.init), let reference,
            reference.dayNumber - start.dayNumber > 30,
            date.precision != .day
        {
            background = true
        }
        if let end = date.end.flatMap(CalendarDay.init), let reference,
            reference.dayNumber - end.dayNumber > 30
        {
            background = true
        }
        let (initiator, target) = readActors(in: range, trigger: trigger, kind: kind)
        var outcome: Outcome?
        if lexicon.interceptions.contains(tokens, in: range) && kind != .weaponsDisrupted {
            outcome = .intercepted
        }
        if lexicon.failures.contains(tokens, in: range) {
            outcome =
                kind == .armedClash || kind == .incursion || kind == .territoryCaptured
                ? .repelled : .attempted
        }
        var quantities: [String: Int] = [:]
        var i = range.lowerBound
        while i < range.upperBound {
            if let reading = numbers.read(tokens, at: i), i + reading.length < range.upperBound {
                let noun = tokens[i + reading.length].lower
                if lexicon.quantityNouns.contains(noun), !["drones", "missiles", "rockets"].contains(noun) {
                    let key = noun.hasSuffix("s") ? noun : noun + "s"
                    quantities[key] = reading.value
                }
                i += reading.length
            } else {
                i += 1
            }
        }
        let targets = Array(Set(lexicon.targets.all(tokens, in: range).map(\.value))).sorted()
        var chosenPlace = place
        if countryPlaceOnly { chosenPlace = nil }
        // A truce, a deployment or a speech kills no one: figures beside it belong to something else.
        let harms =
            ![.agreement, .baseEstablished, .groupChange, .strategicOther, .arrest].contains(kind)
            && !kind.isCommunication
        var mention = Mention(
            kind: kind, strongTrigger: strong, sentence: index, lastSentence: index, trigger: trigger,
            place: chosenPlace, date: date, dateIsReportDate: isReport, initiator: initiator, target: target,
            weapons: weapons, killed: harms ? killed : nil, injured: harms ? injured : nil,
            quantities: quantities,
            targets: targets,
            outcome: outcome, claimStatus: .reported, claimedBy: [], deniedBy: [], hedged: false,
            attributedTo: nil,
            background: background)
        mention.placeFromContext =
            chosenPlace.map { chosen in !sentencePlaces.contains { $0 == chosen } } ?? false
        mention.refersBack = refersBack(trigger: trigger, in: range)
        // "One tore through a block; the other exploded near a depot": the weapons just told.
        let first = tokens[range.lowerBound].lower
        let second = range.count > 1 ? tokens[range.lowerBound + 1].lower : ""
        if mention.refersBack == .none, weapons.isEmpty, Self.families[kind] == 0,
            ["one", "both", "it", "they"].contains(first) && !["of"].contains(second)
                || first == "the" && ["other", "first", "second"].contains(second)
        {
            mention.refersBack = .demonstrative
        }
        // "The Moroccan counterterror agency broke up a cell": a state arrests on its own soil.
        let arrestingState =
            kind == .arrest
            ? range.first(where: {
                tokens[$0].isCapitalized && PlaceLexicon.bundled.demonyms[tokens[$0].lower] != nil
            })
            .flatMap { PlaceLexicon.bundled.demonyms[tokens[$0].lower] } : nil
        if chosenPlace == nil,
            let country = demonymCountry ?? (countryPlaceOnly ? countryOf(place) : nil) ?? arrestingState
        {
            mention.place = countryMention(country, near: trigger)
        }
        return mention
    }

    private func countryOf(_ place: PlaceMention?) -> String? { place?.place.country }

    /// "that attack", "the blast", "the Aleppo bombing", "Monday's missile strike": a
    /// demonstrative, the definite article or a day's possessive before the event word (a word or
    /// two of description, or a place's name, between) may point back to an event told before;
    /// `MentionJoiner` joins it when there is one.
    private func refersBack(trigger: Int, in range: Range<Int>) -> Mention.Reference {
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
            // Only words that describe the event may stand between: not "the army said it had retaken".
            guard token.kind == .word, !Self.notModifiers.contains(token.lower) else { return .none }
            skipped += 1
            i -= 1
        }
        return .none
    }

    /// Words before "the <event>" that make it the object of another deed or word.
    private static let objectCues: Set<String> = [
        "claimed", "condemned", "denied", "of", "for", "in", "behind", "after", "since", "over",
    ]

    private static let notModifiers: Set<String> = [
        "a", "an", "it", "he", "she", "they", "we", "i", "you", "its", "their", "his", "her", "our", "had",
        "has",
        "have", "was", "were", "is", "are", "be", "been", "being", "will", "would", "could", "can", "may",
        "might",
        "said", "says", "say", "told", "and", "or", "but", "in", "on", "at", "of", "to", "by", "for", "with",
        "from",
        "after", "before", "since", "as", "when", "while", "which", "who", "not", "also",
    ]

    private static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
    ]

    /// A place for the mention: a named place in the sentence (a town before a region before a
    /// country, the one nearest after the trigger first), "the region"/"the city" for the last one
    /// named, or the country of a demonym after the trigger ("at Ukrainian cities").
    private func choosePlace(_ candidates: [PlaceMention], trigger: Int, range: Range<Int>, violent: Bool)
        -> (
            PlaceMention?, String?
        )
    {
        // Words quoted beside an event told outside the quote speak of something else.
        let quotes = quotedRanges(in: range)
        let triggerQuote = quotes.first { $0.contains(trigger) }
        // "groups from Russia entered …": an origin, not where it happened.
        var origins: [Range<Int>] = []
        var usable = candidates.filter { mention in
            if let quote = quotes.first(where: { $0.contains(mention.tokenRange.lowerBound) }),
                quote != triggerQuote
            {
                return false
            }
            // The dateline says where the story was filed; it is only the last resort.
            if mention == datelinePlace { return false }
            // "from X", "from the X region", "from the Belgorod region of Russia".
            var before = mention.tokenRange.lowerBound - 1
            if before > range.lowerBound && tokens[before].lower == "the" { before -= 1 }
            var origin = before >= range.lowerBound && tokens[before].lower == "from"
            if before >= range.lowerBound && tokens[before].lower == "of",
                let previous = origins.last, previous.upperBound == before
            {
                origin = true
            }
            if origin { origins.append(mention.tokenRange) }
            return (!mention.isPossessive || mention.kind == .region) && !origin
        }
        // "the city's Kyivskyi district": a part of the town just told, whatever else bears its name.
        usable = usable.map { mention in
            var noun = mention.tokenRange.lowerBound - 1
            if noun >= range.lowerBound && ["'s", "’s"].contains(tokens[noun].text) {
                noun -= 1
            } else if noun - 1 >= range.lowerBound && tokens[noun].lower == "s"
                && ["'", "’"].contains(tokens[noun - 1].text)
            {
                noun -= 2
            } else {
                return mention
            }
            guard noun - 1 >= range.lowerBound, let lastPlace, tokens[noun - 1].lower == "the",
                ["city", "town", "capital", "village"].contains(tokens[noun].lower)
            else { return mention }
            return lastPlace
        }
        // "the Aleppo bombing": a place naming another event; kept only if alone.
        let namesEvent = usable.filter { mention in
            mention.tokenRange.upperBound < range.upperBound
                && lexicon.triggers.match(tokens, at: mention.tokenRange.upperBound) != nil
                && mention.tokenRange.lowerBound > range.lowerBound
                && tokens[mention.tokenRange.lowerBound - 1].lower == "the"
        }
        if namesEvent.count < usable.count { usable.removeAll { namesEvent.contains($0) } }
        let hasExactTown = usable.contains { $0.kind == .place && $0.place.precision == .exact }
        // "In Lagos, thousands marched … to free hostages held in Kano": a place set before the
        // sentence's first comma frames all of it.
        let framing = usable.first { mention in
            let start = mention.tokenRange.lowerBound
            let end = mention.tokenRange.upperBound
            return end < range.upperBound && tokens[end].text == ","
                && (start == range.lowerBound + 1 || start == range.lowerBound + 2)
                && tokens[range.lowerBound].lower == "in"
        }
        func rank(_ mention: PlaceMention) -> Int {
            switch mention.kind {
            case .place: mention.place.precision == .near && hasExactTown ? 1 : 0
            case .water: 1
            // A district ("Idlib's Jisr al-Shughur district") before its province.
            case .region: mention.place.admin1 != nil && mention.place.admin1 != mention.place.name ? 2 : 3
            case .country: 4
            }
        }
        if let best = usable.min(by: { a, b in
            let ra = rank(a)
            let rb = rank(b)
            if ra != rb { return ra < rb }
            if a == framing || b == framing { return a == framing }
            let da =
                a.tokenRange.lowerBound >= trigger
                ? a.tokenRange.lowerBound - trigger : 1000 + trigger - a.tokenRange.lowerBound
            let db =
                b.tokenRange.lowerBound >= trigger
                ? b.tokenRange.lowerBound - trigger : 1000 + trigger - b.tokenRange.lowerBound
            return da < db
        }) {
            if best.kind == .country, let demonym = demonymAfter(trigger, range: range),
                demonym != best.place.country
            {
                return (nil, demonym)
            }
            if best.kind == .country, let region = regionAnaphor(in: range),
                region.place.country == best.place.country
            {
                return (region, nil)
            }
            return (best, nil)
        }
        // "the region", "the city", "the town".
        if let region = regionAnaphor(in: range) { return (region, nil) }
        for i in range.dropLast() where tokens[i].lower == "the" {
            if ["city", "town", "village"].contains(tokens[i + 1].lower), let lastPlace {
                return (lastPlace, nil)
            }
        }
        if let demonym = demonymAfter(trigger, range: range) { return (nil, demonym) }
        // Violence with no place of its own happens at the scene being told, not at the town a
        // visit or a speaker was last placed in.
        if violent, let scenePlace { return (scenePlace, nil) }
        // The paragraph's last town: "Several were intercepted" after "rockets at Kiryat Shmona".
        if let lastPlace, lastPlaceParagraph == sentences.first(where: { $0.tokens == range })?.paragraph {
            return (lastPlace, nil)
        }
        if let lastPlace, let current = sentences.firstIndex(where: { $0.tokens == range }),
            let placeSentence = sentences.firstIndex(where: {
                $0.tokens.contains(lastPlace.tokenRange.lowerBound)
            }),
            current - placeSentence <= 3
        {
            return (lastPlace, nil)
        }
        if let storyPlace { return (storyPlace, nil) }
        if let datelinePlace { return (datelinePlace, nil) }
        return (nil, nil)
    }

    /// "the region", "the border region", "the area" refer to the last region named.
    private func regionAnaphor(in range: Range<Int>) -> PlaceMention? {
        guard let lastRegion else { return nil }
        for i in range.dropLast() where tokens[i].lower == "the" {
            var j = i + 1
            while j < range.upperBound && j - i <= 3 && tokens[j].kind == .word && !tokens[j].isCapitalized {
                if ["region", "oblast", "province", "area"].contains(tokens[j].lower) { return lastRegion }
                j += 1
            }
        }
        return nil
    }

    private func demonymAfter(_ trigger: Int, range: Range<Int>) -> String? {
        for i in trigger..<range.upperBound where tokens[i].isCapitalized {
            if let code = PlaceLexicon.bundled.demonyms[tokens[i].lower] {
                // Only a place hit: "at Ukrainian cities", not "Ukrainian officials" or "by Russian forces".
                if i + 1 < range.upperBound, let noun = lexicon.actorNouns.match(tokens, at: i + 1)?.value,
                    noun != .civilians
                {
                    return nil
                }
                return code
            }
        }
        return nil
    }

    private func countryMention(_ country: String, near trigger: Int) -> PlaceMention? {
        let gazetteer = Gazetteer.bundled
        guard
            let place = gazetteer.places(named: NameKey.normalize(country)).first(where: {
                $0.kind == .country
            })
                ?? countryPlace(code: country)
        else { return nil }
        let value = Place(
            name: place.name, admin1: nil, country: place.country,
            lat: (place.latitude * 10_000).rounded() / 10_000,
            lon: (place.longitude * 10_000).rounded() / 10_000, precision: .country,
            geonamesID: place.geonamesID,
            text: nil)
        return PlaceMention(
            text: place.name, start: tokens[trigger].start, end: tokens[trigger].end,
            tokenRange: trigger..<(trigger + 1),
            place: value, kind: .country, isPossessive: false, alternatives: 0)
    }

    private func countryPlace(code: String) -> GazetteerPlace? {
        // Countries sort after places and regions; find the one with this code.
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

    /// The date nearest the trigger in the sentence; else the narrative date; else the report date.
    private func chooseDate(_ candidates: [TemporalExpression], trigger: Int) -> (EventDate, Bool) {
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

    // MARK: Filters

    /// A quotation that opens the sentence, is attributed after it and speaks in the third person.
    private func isReportedStatement(_ quote: Range<Int>, in range: Range<Int>) -> Bool {
        guard quote.lowerBound == range.lowerBound, quote.upperBound + 1 < range.upperBound,
            range.upperBound - quote.upperBound <= 12
        else { return false }
        let firstPerson: Set<String> = ["i", "we", "our", "us", "my", "me", "you", "your"]
        return !tokens[quote].contains { firstPerson.contains($0.lower) }
    }

    /// Token ranges inside quotation marks.
    private func quotedRanges(in range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var open: Int?
        for i in range {
            switch tokens[i].text {
            case "“": open = i
            case "”":
                if let start = open { result.append(start..<i) }
                open = nil
            case "\"":
                if let start = open {
                    result.append(start..<i)
                    open = nil
                } else {
                    open = i
                }
            default: break
            }
        }
        if let start = open, start == range.lowerBound { result.append(start..<range.upperBound) }
        return result
    }

    /// "KYIV, Feb 11 (Reuters) -": the date the report was filed, not when things happened.
    private func isDateline(_ date: TemporalExpression, in sentence: Sentence) -> Bool {
        guard let index = tokens[sentence.tokens].firstIndex(where: { $0.start >= date.end }) else {
            return false
        }
        guard index - sentence.tokens.lowerBound <= 8, index < sentence.tokens.upperBound else {
            return false
        }
        return ["(", "-", "–", "—"].contains(tokens[index].text)
    }

    /// "regular attacks", "accuses them of killing", "fighting has forced a million to flee",
    /// "are also detained there": behaviour, tallies and states, not one event.
    private func isHabitualOrGeneric(_ trigger: Range<Int>, in range: Range<Int>, dated: Bool) -> Bool {
        // A list of deeds counts from its first item: "accuses them of killing, maiming, looting".
        var first = trigger.lowerBound
        while first > trigger.lowerBound - 16 {
            var cursor = first
            while cursor - 1 >= range.lowerBound, [",", "and", "or"].contains(tokens[cursor - 1].lower) {
                cursor -= 1
            }
            guard cursor < first, cursor - 1 >= range.lowerBound, tokens[cursor - 1].kind == .word,
                tokens[cursor - 1].lower.hasSuffix("ing")
            else { break }
            first = cursor - 1
        }
        let window = max(range.lowerBound, first - 6)..<trigger.lowerBound
        if lexicon.habitual.contains(tokens, in: window) { return true }
        // A state, dated or not (the date is the arrest's): "are detained", "are also held there".
        if trigger.lowerBound > range.lowerBound {
            let before = tokens[trigger.lowerBound - 1].lower
            let twoBefore =
                trigger.lowerBound - 2 >= range.lowerBound ? tokens[trigger.lowerBound - 2].lower : ""
            if ["are", "is"].contains(before)
                || (["are", "is"].contains(twoBefore) && ["also", "still", "now"].contains(before))
            {
                return true
            }
        }
        guard !dated else { return false }
        // The event word as the subject of a perfect: "fighting has forced …".
        let after = trigger.upperBound
        if after < range.upperBound, ["has", "have"].contains(tokens[after].lower) { return true }
        return false
    }

    /// "has been fiercest", "have been ramping up attacks" by the sentence's first event word (not
    /// "shot down 71, … drones believed to have been downed" far after it); "… continued".
    private func isStandingSituation(_ range: Range<Int>, near trigger: Int) -> Bool {
        // "Fighting on the border continued.": no new event without a day of its own.
        if range.contains(where: {
            ["continued", "continues", "persisted", "persists"].contains(tokens[$0].lower)
        }),
            readCasualties(in: range) == (nil, nil)
        {
            return true
        }
        for i in range.dropLast() where tokens[i].lower == "been" && abs(i - trigger) <= 5 {
            let before = i > range.lowerBound ? tokens[i - 1].lower : ""
            if ["has", "have", "had"].contains(before)
                || (i > range.lowerBound + 1 && ["has", "have"].contains(tokens[i - 2].lower))
            {
                return true
            }
        }
        return false
    }

    /// "did not strike", "will launch", "threatened to", "efforts to retake": no event.
    /// The people killed or wounded are all fighters: "killed three militants", "two soldiers
    /// were wounded" — and no civilians, residents or people are named in the sentence.
    private func victimsAreCombatants(in range: Range<Int>) -> Bool { victims(in: range) == .combatants }

    /// "killed at least 11 civilians", "villagers were killed", and no fighter named as harmed.
    private func victimsAreCivilians(in range: Range<Int>) -> Bool { victims(in: range) == .civilians }

    private enum Victims { case none, combatants, civilians, both }

    private func victims(in range: Range<Int>) -> Victims {
        let harmed: Set<String> = ["killed", "killing", "kill", "wounded", "wounding", "injured", "injuring"]
        let stops: Set<String> = [
            "by", "in", "on", "at", "when", "as", "after", "during", "with", "and", "while", "near", "from",
        ]
        let auxiliaries: Set<String> = ["was", "were", "been", "being", "are", "is"]
        func victim(at start: Int, step: Int) -> ActorType? {
            var j = start
            var seen = 0
            while range.contains(j) && seen < 5 {
                // "at least 50", "more than a dozen": the figure, then its noun.
                if step > 0, let reading = numbers.read(tokens, at: j) {
                    j += reading.length
                    seen += 1
                    continue
                }
                if tokens[j].kind == .punctuation || stops.contains(tokens[j].lower) { return nil }
                // "people" may be anyone; "civilians", "villagers", "passengers" are not fighters.
                if ["people", "cities"].contains(tokens[j].lower) { return .other }
                if let noun = lexicon.actorNouns.match(tokens, at: j), tokens[j].lower != "drones" {
                    return noun.value
                }
                j += step
                seen += 1
            }
            return nil
        }
        var combatants = false
        var civilians = false
        for i in range where harmed.contains(tokens[i].lower) {
            var found = victim(at: i + 1, step: 1)
            if found == nil, i - 1 >= range.lowerBound, auxiliaries.contains(tokens[i - 1].lower) {
                found = victim(at: i - 2, step: -1)
            }
            guard let found else { continue }
            switch found {
            case .civilians: civilians = true
            case .protesters, .rioters, .government, .internationalOrganization, .other: return .both
            default: combatants = true
            }
        }
        switch (combatants, civilians) {
        case (true, true): return .both
        case (true, false):
            return lexicon.actorNouns.all(tokens, in: range).contains { $0.value == .civilians }
                ? .both : .combatants
        case (false, true): return .civilians
        case (false, false): return .none
        }
    }

    /// The trigger stands in a clause of time ("hours after Hezbollah fired", "before troops
    /// shelled"), a few words after its conjunction and no comma between.
    private func isInTimeClause(_ trigger: Int, in range: Range<Int>) -> Bool {
        var i = trigger - 1
        while i >= range.lowerBound && trigger - i <= 5 {
            if tokens[i].kind == .punctuation { return false }
            if ["after", "before", "following", "since"].contains(tokens[i].lower) { return true }
            i -= 1
        }
        return false
    }

    /// Two triggers stand in different clauses: a semicolon, or a comma and "and", "while" or
    /// "but" between them, five words apart at least.
    private func clauseBreak(between a: Range<Int>, and b: Range<Int>) -> Bool {
        let gap = min(a.upperBound, b.upperBound)..<max(a.lowerBound, b.lowerBound)
        guard gap.count >= 5 else { return false }
        for i in gap {
            if tokens[i].text == ";" { return true }
            if tokens[i].text == ",", i + 1 < gap.upperBound,
                ["and", "while", "but", "whereas"].contains(tokens[i + 1].lower)
            {
                return true
            }
        }
        return false
    }

    private func isNegatedOrUnreal(_ trigger: Range<Int>, in range: Range<Int>) -> Bool {
        // An infinitive names an aim, not a deed — unless it was tried ("tried to break into").
        if trigger.lowerBound > range.lowerBound && tokens[trigger.lowerBound - 1].lower == "to"
            && tokens[trigger.lowerBound].kind == .word
        {
            let attempt =
                trigger.lowerBound >= 2 && Self.attemptWords.contains(tokens[trigger.lowerBound - 2].lower)
            if !attempt { return true }
            return false
        }
        // "to ease the fighting", "to end the war": the aim of another action.
        if trigger.lowerBound - 3 >= range.lowerBound, tokens[trigger.lowerBound - 3].lower == "to",
            ["the", "a", "an"].contains(tokens[trigger.lowerBound - 1].lower)
        {
            return true
        }
        let from = max(range.lowerBound, trigger.lowerBound - 6)
        let window = from..<trigger.lowerBound
        for match in lexicon.negations.all(tokens, in: window) {
            // "no" before a noun trigger ("no casualties") or a verb negation right before it.
            if match.range.upperBound >= trigger.lowerBound - 2 { return true }
        }
        if lexicon.irrealis.contains(tokens, in: window) { return true }
        return false
    }

    // MARK: Arguments

    private func readWeapons(in range: Range<Int>) -> [Weapon] {
        var result: [Weapon] = []
        let matches = lexicon.weapons.all(tokens, in: range)
        var used = Set<Int>()
        for (index, match) in matches.enumerated() where !used.contains(index) {
            if match.range.upperBound < range.upperBound,
                lexicon.notWeaponUse.contains(tokens[match.range.upperBound].lower)
            {
                continue
            }
            var weaponClass = match.value
            var name: String? = isNamed(match.range) ? tokens[match.range].map { $0.text }.joined() : nil
            // "Kh-101 cruise missiles": a name and a class word side by side are one weapon.
            if index + 1 < matches.count, matches[index + 1].range.lowerBound == match.range.upperBound {
                let next = matches[index + 1]
                if name != nil || isNamed(next.range) {
                    if name == nil { name = tokens[next.range].map { $0.text }.joined() }
                    if weaponClass == .missile || weaponClass == .drone { weaponClass = next.value }
                    if next.value != .missile && next.value != .drone { weaponClass = next.value }
                    used.insert(index + 1)
                }
            }
            var count: Int?
            var i = match.range.lowerBound - 1
            var skipped = 0
            while i >= range.lowerBound && skipped < 3 {
                if let reading = numbers.read(tokens, at: i), i + reading.length <= match.range.lowerBound {
                    count = reading.value
                    break
                }
                if tokens[i].kind != .word { break }
                i -= 1
                skipped += 1
            }
            if let existing = result.firstIndex(where: {
                $0.weaponClass == weaponClass && ($0.name == name || name == nil)
            }) {
                if result[existing].count == nil { result[existing].count = count }
                continue
            }
            result.append(Weapon(name: name, weaponClass: weaponClass, count: count))
        }
        return result
    }

    private func isNamed(_ range: Range<Int>) -> Bool {
        tokens[range.lowerBound].isCapitalized && range.lowerBound > 0 && !startsSentence(range.lowerBound)
    }

    private func startsSentence(_ index: Int) -> Bool { sentenceStarts.contains(index) }

    /// "No one was hurt", "there were no casualties": zero, not unknown.
    private static let nobody = PhraseMatcher(
        [
            "no casualties", "no one was", "nobody was", "no injuries", "no deaths", "without casualties",
            "no one is",
            "caused no casualties", "were unhurt", "escaped unhurt", "no one had been",
        ].map { ($0, true) })

    private static let attemptWords: Set<String> = [
        "tried", "attempted", "attempt", "attempts", "trying", "sought", "failed",
    ]

    private static let singularPeople: Set<String> = [
        "driver", "rider", "man", "woman", "child", "boy", "girl", "soldier", "civilian", "resident",
        "passenger",
        "farmer", "policeman", "officer", "journalist", "worker", "teenager", "pedestrian", "guard",
        "fighter", "person",
    ]
    private static let killWords: Set<String> = [
        "killed", "killing", "dead", "died", "deaths", "death", "kill", "kills", "fatalities", "lives",
        "bodies",
    ]
    private static let injureWords: Set<String> = [
        "injured", "injuring", "wounded", "wounding", "hurt", "injuries", "wounds", "treated", "hospitalized",
        "hospitalised",
    ]
    private static let peopleWords: Set<String> = [
        "people", "persons", "civilians", "soldiers", "troops", "residents", "others", "passengers",
        "children",
        "policemen", "officers", "fighters", "militants", "servicemen", "men", "women", "villagers",
        "workers",
        "miners", "protesters", "demonstrators", "attackers", "members", "personnel", "of", "them", "more",
    ]

    private static let riseWords: Set<String> = [
        "rose", "risen", "climbed", "increased", "reached", "jumped",
    ]

    /// Killed and injured figures: "killing 3", "14 people were injured", "the death toll rose to 31",
    /// "including two children"; "no one was hurt" is 0. Of two figures the lowest stands, unless
    /// the toll rose to the later one.

    private func readCasualties(in range: Range<Int>) -> (CasualtyCount?, CasualtyCount?) {
        var killed: CasualtyCount?
        var injured: CasualtyCount?
        // Two figures of one sentence are two sources' counts: the lowest stands, as ACLED codes.
        func assign(_ word: String, _ value: Int, _ text: String) {
            if Self.killWords.contains(word), value < killed?.value ?? .max {
                killed = CasualtyCount(value: value, text: text)
            }
            if Self.injureWords.contains(word), value < injured?.value ?? .max {
                injured = CasualtyCount(value: value, text: text)
            }
        }
        var i = range.lowerBound
        while i < range.upperBound {
            let word = tokens[i].lower
            // "No one was hurt": not the number one (the zero is set below).
            if let nobody = Self.nobody.match(tokens, at: i, limit: range.upperBound) {
                i += nobody.length
                continue
            }
            // "killing 3 people", "injuring 14".
            if Self.killWords.contains(word) || Self.injureWords.contains(word),
                let reading = numbers.read(tokens, at: i + 1),
                i + 1 + reading.length <= range.upperBound
            {
                assign(word, reading.value, phrase(i..<(i + 1 + reading.length)))
                i += 1 + reading.length
                continue
            }
            // "14 people were injured", "two civilians killed", "at least 25 dead".
            if let reading = numbers.read(tokens, at: i), i + reading.length < range.upperBound {
                var j = i + reading.length
                var steps = 0
                while j < range.upperBound && steps < 6 {
                    let next = tokens[j].lower
                    if Self.killWords.contains(next) || Self.injureWords.contains(next) {
                        assign(next, reading.value, phrase(i..<(j + 1)))
                        break
                    }
                    if !(Self.peopleWords.contains(next)
                        || [
                            "were", "was", "have", "had", "been", "are", "is", "being", "reportedly",
                            "people", "them", "other", "now", "listed", "as", "still", "also", "sustained",
                            "suffered", "-",
                        ].contains(next)
                        || tokens[j].kind == .word && !tokens[j].isCapitalized && steps == 0
                            && next.hasSuffix("s")
                        // "eight anti-coup demonstrators": a hyphenated word before the noun.
                        || tokens[j].kind == .word && j + 1 < range.upperBound && tokens[j + 1].text == "-"
                        || j > range.lowerBound && tokens[j - 1].text == "-" && tokens[j].kind == .word)
                    {
                        break
                    }
                    j += 1
                    steps += 1
                }
                i += reading.length
                continue
            }
            // "the bodies of five soldiers", "12 bodies were found".
            if word == "bodies", i + 2 < range.upperBound, tokens[i + 1].lower == "of",
                let reading = numbers.read(tokens, at: i + 2)
            {
                assign("dead", reading.value, phrase(i..<(i + 2 + reading.length)))
                i += 2 + reading.length
                continue
            }
            // "death toll rose to 31".
            if word == "toll",
                let to = (i + 1..<min(range.upperBound, i + 5)).first(where: {
                    tokens[$0].lower == "to" || tokens[$0].lower == "at"
                }),
                let reading = numbers.read(tokens, at: to + 1)
            {
                let injuredToll = i > range.lowerBound && ["injury", "injured"].contains(tokens[i - 1].lower)
                // "rose to 31" updates the count; "put the toll at 11" is one more source's.
                let risen = (i + 1..<to).contains { Self.riseWords.contains(tokens[$0].lower) }
                let value = reading.value
                if injuredToll {
                    if risen || value < injured?.value ?? .max { injured = CasualtyCount(value: value) }
                } else {
                    if risen || value < killed?.value ?? .max { killed = CasualtyCount(value: value) }
                }
            }
            i += 1
        }
        // "including two children" after a figure.
        for i in range.dropLast(2) where tokens[i].lower == "including" {
            if let reading = numbers.read(tokens, at: i + 1), i + 1 + reading.length < range.upperBound,
                ["children", "child", "minors", "kids"].contains(tokens[i + 1 + reading.length].lower)
            {
                if injured != nil
                    && (killed == nil
                        || tokens[..<i].last(where: { Self.injureWords.contains($0.lower) }) != nil)
                {
                    injured?.children = reading.value
                } else {
                    killed?.children = reading.value
                }
            }
        }
        // "no one was hurt", "there were no casualties".
        if killed == nil && injured == nil && Self.nobody.contains(tokens, in: range) {
            killed = CasualtyCount(value: 0)
            injured = CasualtyCount(value: 0)
        }
        // "killing the driver", "killing its rider": one person.
        for i in range.dropLast(2) where killed == nil || injured == nil {
            let word = tokens[i].lower
            guard Self.killWords.contains(word) || Self.injureWords.contains(word),
                ["the", "a", "an", "its", "his", "her", "their"].contains(tokens[i + 1].lower)
            else { continue }
            let noun = tokens[i + 2]
            guard noun.kind == .word, !noun.isCapitalized, Self.singularPeople.contains(noun.lower) else {
                continue
            }
            if Self.killWords.contains(word) && killed == nil {
                killed = CasualtyCount(value: 1, text: phrase(i..<(i + 3)))
            }
            if Self.injureWords.contains(word) && injured == nil {
                injured = CasualtyCount(value: 1, text: phrase(i..<(i + 3)))
            }
        }
        return (killed, injured)
    }

    /// Initiator: the actor before the trigger; target: the actor after it.
    private func readActors(in range: Range<Int>, trigger: Int, kind: EventKind) -> (Actor?, Actor?) {
        // Not the dateline's country ("KYIV, Ukraine (AP) —") nor whoever is telling it ("…,
        // Russia's Defense Ministry said").
        let actors = findActors(in: range).filter { actor in
            if let datelinePlace, actor.range.lowerBound <= datelinePlace.tokenRange.upperBound + 2 {
                return false
            }
            let next = actor.range.upperBound
            return
                !(actor.range.lowerBound > trigger && next < range.upperBound
                && lexicon.attribution.match(tokens, at: next) != nil)
        }
        var before = actors.last { $0.range.upperBound <= trigger }
        let after = actors.first { $0.range.lowerBound > trigger }
        // "A Russian glide bomb", "Israeli airstrikes": the demonym before the weapon is its side.
        for i in stride(from: trigger - 1, through: max(range.lowerBound, trigger - 3), by: -1) {
            guard tokens[i].isCapitalized, let code = PlaceLexicon.bundled.demonyms[tokens[i].lower] else {
                continue
            }
            if before?.range.contains(i) == true { break }
            let name = countryPlace(code: code)?.name ?? String(tokens[i].text)
            before = FoundActor(range: i..<(i + 1), name: name, country: code, type: .stateForces)
            break
        }
        var initiator = before.map {
            Actor(name: $0.name, country: $0.country, type: $0.type, role: .initiator)
        }
        var target = after.map { Actor(name: $0.name, country: $0.country, type: $0.type, role: .target) }
        // Passive voice: "was struck by X"; "…, the army said, blaming X".
        if let by = (trigger..<range.upperBound).first(where: {
            ["by", "blaming", "blamed"].contains(tokens[$0].lower)
        }),
            let agent = actors.first(where: {
                $0.range.lowerBound == by + 1
                    || $0.range.lowerBound == by + 2 && ["the", "a"].contains(tokens[by + 1].lower)
                    || $0.range.lowerBound > by && $0.range.lowerBound <= by + 4 && tokens[by].lower != "by"
            })
        {
            target = initiator.map { Actor(name: $0.name, country: $0.country, type: $0.type, role: .target) }
            initiator = Actor(name: agent.name, country: agent.country, type: agent.type, role: .initiator)
        }
        if initiator?.name == target?.name { target = nil }
        // A state is not its own target ("a Russian bomb …, as Moscow pressed its offensive").
        let state: Set<ActorType?> = [.stateForces, .government]
        if let a = initiator, let b = target, a.country != nil, a.country == b.country,
            state.contains(a.type),
            state.contains(b.type)
        {
            target = nil
        }
        return (initiator, target)
    }

    struct FoundActor {
        var range: Range<Int>
        var name: String
        var country: String?
        var type: ActorType?
    }

    /// Actors in a token range: named groups, "Russian forces", "Ukraine's military", a country
    /// as a subject ("Russia launched").
    func findActors(in range: Range<Int>) -> [FoundActor] {
        var found: [FoundActor] = []
        var i = range.lowerBound
        let demonyms = PlaceLexicon.bundled.demonyms
        while i < range.upperBound {
            if let (entry, length) = lexicon.namedActors.match(tokens, at: i, limit: range.upperBound),
                tokens[i].isCapitalized || tokens[i].kind == .number
            {
                found.append(
                    FoundActor(
                        range: i..<(i + length), name: phrase(i..<(i + length)), country: entry.country,
                        type: entry.type))
                i += length
                continue
            }
            let token = tokens[i]
            if token.isCapitalized, let code = demonyms[token.lower] {
                var j = i + 1
                while j < range.upperBound && tokens[j].isCapitalized && demonyms[tokens[j].lower] == nil
                    && j - i < 4
                { j += 1 }
                if j < range.upperBound,
                    let (type, length) = lexicon.actorNouns.match(tokens, at: j, limit: range.upperBound)
                {
                    found.append(
                        FoundActor(
                            range: i..<(j + length), name: phrase(i..<(j + length)), country: code, type: type
                        ))
                    i = j + length
                    continue
                }
                i += 1
                continue
            }
            // "Moscow said": a capital speaking for its government.
            if let town = places.first(where: { $0.tokenRange.lowerBound == i && $0.kind == .place }),
                town.isPossessive, town.tokenRange.upperBound < range.upperBound,
                tokens[town.tokenRange.upperBound].text != "'s",
                tokens[town.tokenRange.upperBound].text != "’s"
            {
                found.append(
                    FoundActor(
                        range: town.tokenRange, name: phrase(town.tokenRange), country: town.place.country,
                        type: .government))
                i = town.tokenRange.upperBound
                continue
            }
            if let place = places.first(where: { $0.tokenRange.lowerBound == i && $0.kind == .country }) {
                var end = place.tokenRange.upperBound
                var type: ActorType? = .stateForces
                // "Russia's army" (not "Russia struck", an actor by its verb alone).
                let apostrophe = end < range.upperBound && ["'s", "’s", "'", "’"].contains(tokens[end].text)
                // "Russia's Bryansk region" is a place, not an actor.
                let placeAfter = places.contains {
                    $0.tokenRange.lowerBound > end && $0.tokenRange.lowerBound <= end + 2
                        && $0.kind != .country
                }
                if apostrophe && placeAfter {
                    i = end
                    continue
                }
                if place.isPossessive && apostrophe {
                    end += 2
                    var j = end
                    while j < range.upperBound && tokens[j].isCapitalized && j - end < 3 { j += 1 }
                    if j < range.upperBound,
                        let (nounType, length) = lexicon.actorNouns.match(
                            tokens, at: j, limit: range.upperBound)
                    {
                        end = j + length
                        type = nounType
                    } else if j > end {
                        end = j
                        type = .government
                    }
                }
                found.append(
                    FoundActor(
                        range: i..<end, name: phrase(i..<end), country: place.place.country, type: type))
                i = end
                continue
            }
            i += 1
        }
        return found
    }

    func phrase(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end])
        return String(view)
    }

}
