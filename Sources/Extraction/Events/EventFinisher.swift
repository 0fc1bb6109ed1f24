import EventModel

/// Finishes a mention into an `Event`: claim status from attribution and denials, confidence with
/// its factors, a headline, the ACLED coding, a stable id and the source with its quote.
struct EventFinisher {
    let lexicon: EventLexicon
    let article: Article
    let text: String
    let sentences: [Sentence]
    let tokens: [Token]
    let places: [PlaceMention]
    /// Finds the actors of attribution and denial sentences.
    let actors: ActorFinder

    func finish(_ mention: Mention) -> Event {
        let sentence = sentences[mention.sentence]
        let range = sentence.tokens
        let claim = claimOf(mention, in: range)
        let factors = confidenceFactors(
            mention, claim: claim, hedged: lexicon.hedges.contains(tokens, in: range))
        let confidence = min(0.95, max(0.05, 0.5 + factors.reduce(0) { $0 + $1.weight }))

        var casualties: Casualties?
        if mention.killed != nil || mention.injured != nil || mention.captured != nil {
            casualties = Casualties(
                killed: mention.killed, injured: mention.injured, captured: mention.captured)
        }
        let quoteStart = sentence.start
        let quoteEnd = sentences[mention.lastSentence].end
        let quote = scalarSlice(
            quoteStart, mention.lastSentence - mention.sentence > 1 ? sentence.end : quoteEnd)
        let byteStart = utf8Offset(quoteStart)
        let source = Source(
            articleID: article.id, url: article.url, outlet: article.outlet, title: article.title,
            published: article.published, quote: quote, span: [byteStart, byteStart + quote.utf8.count])
        var actors: [Actor] = []
        if let initiator = mention.initiator { actors.append(initiator) }
        if let target = mention.target { actors.append(target) }
        var tags = [mention.kind.rawValue]
        if let country = mention.place?.place.country { tags.append(country) }
        if mention.background { tags.append("background") }
        let place = mention.place?.place
        return Event(
            id: EventID(
                Self.id(
                    article.id.rawValue, mention.kind.rawValue, mention.date.start ?? "", place?.name ?? "",
                    String(quoteStart))),
            kind: mention.kind, headline: headline(mention), acled: acled(mention), date: mention.date,
            location: place,
            actors: actors, weapons: mention.weapons, casualties: casualties,
            quantities: mention.quantities.isEmpty ? nil : mention.quantities, targets: mention.targets,
            outcome: mention.outcome, claim: claim, confidence: (confidence * 100).rounded() / 100,
            confidenceFactors: factors, firstReported: article.published, sources: [source], tags: tags)
    }

    /// The factors of an event's confidence: its words, who tells it, its date, its place, its figures.
    func confidenceFactors(_ mention: Mention, claim: Claim, hedged: Bool) -> [ConfidenceFactor] {
        var factors: [ConfidenceFactor] = []
        factors.append(
            ConfidenceFactor(
                factor: mention.strongTrigger ? "explicit event words" : "indirect event words",
                weight: mention.strongTrigger ? 0.1 : -0.05))
        switch claim.status {
        case .reported:
            factors.append(
                ConfidenceFactor(factor: "reported by the outlet or local authorities", weight: 0.1))
        case .claimed:
            factors.append(
                ConfidenceFactor(
                    factor: "claimed by one party (\(claim.claimedBy.joined(separator: ", ")))", weight: -0.05
                ))
        case .disputed:
            factors.append(
                ConfidenceFactor(
                    factor: "disputed by \(claim.deniedBy.joined(separator: ", "))", weight: -0.15))
        case .denied:
            factors.append(ConfidenceFactor(factor: "denied", weight: -0.25))
        case .confirmed:
            factors.append(ConfidenceFactor(factor: "confirmed by both sides", weight: 0.15))
        }
        if hedged {
            factors.append(
                ConfidenceFactor(factor: "hedged (appears, reportedly, could not be verified)", weight: -0.15)
            )
        }
        switch mention.date.precision {
        case .day where !mention.dateIsReportDate:
            factors.append(ConfidenceFactor(factor: "dated to the day", weight: 0.1))
        case .day where mention.date.start != article.published.map({ String($0.prefix(10)) }):
            factors.append(ConfidenceFactor(factor: "dated by the story's lead", weight: -0.05))
        case .day: factors.append(ConfidenceFactor(factor: "dated by the report only", weight: -0.05))
        case .range, .week: factors.append(ConfidenceFactor(factor: "dated within days", weight: 0.05))
        case .unknown: factors.append(ConfidenceFactor(factor: "no date", weight: -0.15))
        default: factors.append(ConfidenceFactor(factor: "dated loosely", weight: -0.05))
        }
        switch mention.place?.place.precision {
        case .exact?, .near?: factors.append(ConfidenceFactor(factor: "a named town or village", weight: 0.1))
        case .region?, .water?: factors.append(ConfidenceFactor(factor: "a region", weight: 0.05))
        case .country?: factors.append(ConfidenceFactor(factor: "a country only", weight: -0.05))
        default: factors.append(ConfidenceFactor(factor: "no place", weight: -0.15))
        }
        if mention.killed != nil || mention.injured != nil {
            factors.append(ConfidenceFactor(factor: "casualty figures", weight: 0.05))
        }
        return factors
    }

    // MARK: Claims

    /// What the claim rules know of a mention: its sentences, its speaker and its place's names.
    struct ClaimScope {
        let mention: Mention
        let range: Range<Int>
        let speaker: FoundActor?
        /// The end of the sentences read for denials and confirmations.
        let end: Int
        let names: [String]
    }

    /// Who asserts the event (ANNOTATION.md): the outlet or the local authorities of the place hit
    /// (reported); one party to the conflict — a state's forces or ministry, an armed group
    /// (claimed); the other side or an independent source saying it too (confirmed); a denial or
    /// contradiction of the event by someone else in the next few sentences (disputed).
    func claimOf(_ mention: Mention, in range: Range<Int>) -> Claim {
        let scope = ClaimScope(
            mention: mention, range: range, speaker: speaker(in: range),
            end: min(sentences.count, mention.lastSentence + 4),
            names: [mention.place?.place.name, mention.place?.place.admin1].compactMap { $0 }.map(
                NameKey.normalize))
        let claim = firstClaim(scope)
        if let disputed = dispute(of: claim, scope: scope) { return disputed }
        if mention.kind.family.isViolenceOrProtest, let owned = ownership(of: claim, scope: scope) {
            return owned
        }
        if claim.status == .reported, let confirmed = strikerConfirms(scope) { return confirmed }
        guard claim.status == .claimed else { return claim }
        return otherSideConfirms(claim, scope: scope) ?? claim
    }

    /// A side's word on a battle, or on what its own forces did ("its jets struck"); what a side
    /// says was done to it is reported, as from the authorities of the place hit.
    func firstClaim(_ scope: ClaimScope) -> Claim {
        let range = scope.range
        let mention = scope.mention
        guard let speaker = scope.speaker, !lexicon.localAuthorities.contains(tokens, in: range),
            Self.isParty(speaker)
        else { return Claim(status: .reported) }
        let battle = mention.kind.family == .battles || mention.kind == .weaponsDisrupted
        let ownSide =
            speaker.country != nil
            ? mention.initiator?.country == speaker.country
            : (range.lowerBound..<max(range.lowerBound, min(mention.trigger.lowerBound, range.upperBound)))
                .contains { ["its", "our"].contains(tokens[$0].lower) }
                || mention.initiator == nil
        if battle || ownSide && mention.kind.family.isViolenceOrProtest {
            return Claim(status: .claimed, claimedBy: [speaker.name])
        }
        return Claim(status: .reported)
    }

    /// Whether a sentence tells of this event: its own, one naming its place, or one of its kind.
    func isAbout(_ index: Int, _ scope: ClaimScope) -> Bool {
        if index == scope.mention.sentence { return true }
        let other = sentences[index].tokens
        let sentenceKey = NameKey.normalize(tokens[other].map { $0.text }.joined(separator: " "))
        if scope.names.contains(where: { !$0.isEmpty && sentenceKey.contains($0) }) { return true }
        return kinds(in: other).contains(scope.mention.kind)
    }

    /// Whether an actor is someone other than the speaker.
    func differs(_ other: FoundActor, from speaker: FoundActor?) -> Bool {
        guard let speaker else { return true }
        if let a = speaker.country, let b = other.country { return a != b }
        return NameKey.normalize(speaker.name) != NameKey.normalize(other.name)
    }

    /// A denial or a contradicting account by someone else: one side says it repelled what the
    /// other says it did.
    func dispute(of claim: Claim, scope: ClaimScope) -> Claim? {
        let mention = scope.mention
        let repelled = lexicon.failures.contains(tokens, in: scope.range)
        for index in mention.sentence..<scope.end {
            let other = sentences[index].tokens
            let denies = lexicon.denials.contains(tokens, in: other)
            let contradicts =
                !denies && index > mention.lastSentence
                && lexicon.failures.contains(tokens, in: other) != repelled
                && lexicon.attribution.contains(tokens, in: other)
                && kinds(in: other).contains(mention.kind)
            guard denies || contradicts, isAbout(index, scope) else { continue }
            if let denier = partiesAndSources(in: other).first(where: {
                differs($0, from: scope.speaker) && Self.isParty($0)
                    && ($0.country != nil || $0.type != scope.speaker?.type)
            }) {
                return Claim(status: .disputed, claimedBy: claim.claimedBy, deniedBy: [denier.name])
            }
        }
        return nil
    }

    /// The perpetrator owning an attack that the outlet or another side reports.
    func ownership(of claim: Claim, scope: ClaimScope) -> Claim? {
        for index in scope.mention.sentence..<scope.end {
            let other = sentences[index].tokens
            guard let cue = lexicon.responsibility.all(tokens, in: other).first else { continue }
            let named = kinds(in: cue.range.upperBound..<other.upperBound).contains {
                $0.family.isViolenceOrProtest
            }
            guard index == scope.mention.sentence || isAbout(index, scope) || named else { continue }
            let owners = partiesAndSources(in: other.lowerBound..<cue.range.lowerBound).filter {
                Self.isParty($0) && $0.type != .stateForces
            }
            guard let owner = owners.last, claim.status == .reported || differs(owner, from: scope.speaker)
            else { continue }
            return Claim(status: .confirmed, claimedBy: claim.claimedBy + [owner.name])
        }
        return nil
    }

    /// Reported by the side hit, and the side that struck saying so too ("…, health officials
    /// said, while the Israeli military said it had targeted militants there").
    func strikerConfirms(_ scope: ClaimScope) -> Claim? {
        let mention = scope.mention
        guard let side = mention.initiator?.country else { return nil }
        for index in mention.sentence..<min(scope.end, mention.sentence + 2) {
            let other = sentences[index].tokens
            guard index == mention.sentence || isAbout(index, scope) else { continue }
            if let voice = speakers(in: other).first(where: { Self.isParty($0) && $0.country == side }),
                !lexicon.hedges.contains(tokens, in: other), !lexicon.silence.contains(tokens, in: other)
            {
                return Claim(status: .confirmed, claimedBy: [voice.name])
            }
        }
        return nil
    }

    /// The other side, or an independent source, telling a claimed event too.
    func otherSideConfirms(_ claim: Claim, scope: ClaimScope) -> Claim? {
        let mention = scope.mention
        for index in max(0, mention.sentence - 1)..<scope.end where index != mention.sentence {
            let other = sentences[index].tokens
            guard
                lexicon.attribution.contains(tokens, in: other)
                    || lexicon.confirmations.contains(tokens, in: other),
                !lexicon.silence.contains(tokens, in: other), !lexicon.hedges.contains(tokens, in: other),
                isAbout(index, scope)
            else { continue }
            guard let second = self.speaker(in: other, strict: true) else { continue }
            // An independent source (a UN mission, a maritime agency, a rights group) agreeing.
            if second.type == .internationalOrganization {
                return Claim(status: .confirmed, claimedBy: claim.claimedBy + [second.name])
            }
            if Self.isParty(second),
                let first = scope.speaker?.country, let country = second.country,
                first != country
                    || lexicon.confirmations.contains(tokens, in: other)
                        && differs(second, from: scope.speaker)
            {
                return Claim(status: .confirmed, claimedBy: claim.claimedBy + [second.name])
            }
        }
        // An independent source telling of the same kind of violence in the next sentence
        // ("a maritime agency said a ship reported a blast nearby").
        if mention.lastSentence + 1 < sentences.count {
            let next = sentences[mention.lastSentence + 1].tokens
            if let second = self.speaker(in: next, strict: true), second.type == .internationalOrganization,
                kinds(in: next).contains(where: { $0.family == mention.kind.family })
            {
                return Claim(status: .confirmed, claimedBy: claim.claimedBy + [second.name])
            }
        }
        return nil
    }

    /// Each attribution verb's own voice: the actor right before it ("the army said") or right
    /// after it ("according to Hamas").
    func speakers(in range: Range<Int>) -> [FoundActor] {
        let actors = partiesAndSources(in: range)
        return lexicon.attribution.all(tokens, in: range).compactMap { verb in
            actors.first {
                $0.range.upperBound == verb.range.lowerBound || $0.range.lowerBound == verb.range.upperBound
            }
        }
    }

    /// Parties to a conflict speak for a side: forces, armed groups, governments of a country.
    static func isParty(_ actor: FoundActor) -> Bool {
        switch actor.type {
        case .stateForces?, .rebelGroup?, .politicalMilitia?, .identityMilitia?, .externalForces?: true
        case .government?: actor.country != nil
        default: false
        }
    }

    /// The actor nearest an attribution verb ("the army said", "according to Hamas"); for a second
    /// voice (`strict`), only the one right before the verb or right after it.
    func speaker(in range: Range<Int>, strict: Bool = false) -> FoundActor? {
        let verbs = lexicon.attribution.all(tokens, in: range)
        guard !verbs.isEmpty else { return nil }
        var best: (FoundActor, Int)?
        let actors = partiesAndSources(in: range)
        for verb in verbs {
            for actor in actors {
                let distance =
                    actor.range.upperBound <= verb.range.lowerBound
                    ? verb.range.lowerBound - actor.range.upperBound
                    : actor.range.lowerBound - verb.range.upperBound
                let before = actor.range.upperBound <= verb.range.lowerBound
                let limit = strict ? (before ? 1 : 0) : 6
                if distance >= 0 && distance <= limit && distance < (best?.1 ?? .max) {
                    best = (actor, distance)
                }
            }
        }
        return best?.0
    }

    /// Named actors and demonym-led ones, then bare nouns of fighting forces ("the army",
    /// "air defence units", "the rebels") that name no country.
    func partiesAndSources(in range: Range<Int>) -> [FoundActor] {
        var found = actors.named(in: range)
        for match in lexicon.actorNouns.all(tokens, in: range) {
            guard !found.contains(where: { $0.range.overlaps(match.range) }) else { continue }
            switch match.value {
            case .stateForces, .rebelGroup, .politicalMilitia, .identityMilitia, .civilians, .government:
                let name = match.range.map { tokens[$0].text }.joined(separator: " ")
                found.append(
                    FoundActor(range: match.range, name: name, country: nil, type: match.value)
                )
            default: continue
            }
        }
        return found
    }

    /// The kinds a range's cues name outright.
    /// The kinds a range's words can tell: cues of a kind, the violence of an attack word
    /// ("the attack"), the strikes of an explosion or a bombing ("an explosion", "the blast").
    func kinds(in range: Range<Int>) -> Set<EventKind> {
        var kinds = Set<EventKind>()
        for match in lexicon.cues.all(tokens, in: range) {
            for cue in match.value {
                switch cue.cueClass {
                case .kind(let kind): kinds.insert(kind)
                case .attack: kinds.formUnion([.armedClash, .attackOnCivilians])
                case .explosion, .bomb:
                    kinds.formUnion([.explosiveDevice, .missileStrike, .shelling, .airStrike, .droneStrike])
                default: break
                }
            }
        }
        return kinds
    }

    // MARK: Wording

    func headline(_ mention: Mention) -> String {
        let label = lexicon.labels[mention.kind] ?? mention.kind.rawValue
        var words = label
        if let place = mention.place?.place {
            let name = place.name
            switch place.precision {
            case .near: words += " near \(name)"
            case .region, .country, .water: words += " in \(name)"
            default:
                words +=
                    mention.kind == .missileStrike || mention.kind == .droneStrike
                        || mention.kind == .airStrike ? " on \(name)" : " in \(name)"
            }
        }
        if let initiator = mention.initiator,
            [.territoryCaptured, .incursion, .armedClash, .territoryTransferred].contains(mention.kind)
        {
            words = "\(initiator.name): " + words.prefix(1).lowercased() + words.dropFirst()
        }
        var tail: [String] = []
        if let killed = mention.killed, killed.value > 0 { tail.append("\(killed.value) killed") }
        if let injured = mention.injured, injured.value > 0 { tail.append("\(injured.value) injured") }
        if let villages = mention.quantities["villages"] { tail.append("\(villages) villages") }
        if !tail.isEmpty { words += ", " + tail.joined(separator: ", ") }
        return words
    }

    func acled(_ mention: Mention) -> ACLEDCoding? {
        var key = mention.kind.rawValue
        if mention.kind == .territoryCaptured, let country = mention.initiator?.country,
            country == mention.place?.place.country,
            mention.initiator?.type == .stateForces || mention.initiator?.type == .government
        {
            key = "territory_captured_own_soil"
        }
        guard var coding = lexicon.acled[key] ?? nil else { return nil }
        switch mention.date.precision {
        case .day: coding.timePrecision = 1
        case .range, .week: coding.timePrecision = 2
        case .unknown: coding.timePrecision = nil
        default: coding.timePrecision = 3
        }
        switch mention.place?.place.precision {
        case .exact?: coding.geoPrecision = 1
        case .near?: coding.geoPrecision = 2
        case .region?, .country?, .water?: coding.geoPrecision = 3
        default: coding.geoPrecision = nil
        }
        return coding
    }

    // MARK: Text

    private func scalarSlice(_ start: Int, _ end: Int) -> String {
        let scalars = text.unicodeScalars
        let from = scalars.index(scalars.startIndex, offsetBy: start)
        let to = scalars.index(scalars.startIndex, offsetBy: end)
        return String(scalars[from..<to])
    }

    private func utf8Offset(_ scalarOffset: Int) -> Int {
        let scalars = text.unicodeScalars
        let index = scalars.index(scalars.startIndex, offsetBy: scalarOffset)
        return text.utf8.distance(from: text.utf8.startIndex, to: index)
    }

    /// A 16-hex-digit FNV-1a hash of the parts: stable across runs and machines.
    static func id(_ parts: String...) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0x1F) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
