import EventModel
import Foundation

/// Who did a deed and to whom, and the kind of violence that makes it (ACLED): fighters
/// against fighters is a battle, armed men against civilians an attack on civilians, police
/// against protesters force against protesters.
extension EventReader {
    enum Victims { case none, combatants, civilians, both, protesters }

    static let armedTypes: Set<ActorType> = [
        .stateForces, .rebelGroup, .politicalMilitia, .identityMilitia, .externalForces,
    ]

    /// An attack word with the facts it needs (a weak one, "struck", needs an armed actor), and
    /// the kind its participants make.
    func violenceKind(_ trigger: Range<Int>, cue: Cue, in range: Range<Int>, facts: SegmentFacts)
        -> EventKind?
    {
        if cue.weak ? !facts.armedActor : !facts.any { return nil }
        // A raid with nobody harmed is a search or an arrest, not a battle.
        if tokens[trigger.lowerBound].lower.hasPrefix("raid"), !facts.casualties { return nil }
        return participantsKind(trigger, in: range, casualties: facts.casualties)
    }

    /// Harm done by someone named as doing it: "gunmen killed", "killed by militants", "groups of
    /// young men killed at least two people" (not "13 soldiers killed", where they are the dead).
    func activeAgent(of trigger: Range<Int>, cue: Cue, in range: Range<Int>) -> Bool {
        if armedAgent(of: trigger, in: range) { return true }
        guard cue.form == .past || cue.form == .gerund || cue.form == .present,
            agentType(of: trigger, in: range) != nil
        else { return false }
        return victims(in: range) != .none
    }

    /// Violence by its victims and agent: fighters killed is a battle; civilians, an attack on
    /// them; no victims named, a battle when soldiers or a military post were attacked or the
    /// state attacked, an attack on civilians when armed men struck anything else.
    func participantsKind(_ trigger: Range<Int>, in range: Range<Int>, casualties: Bool = true) -> EventKind?
    {
        let agent = agentType(of: trigger, in: range)
        switch victims(in: range) {
        case .combatants: return .armedClash
        case .civilians, .protesters: return .attackOnCivilians
        case .both:
            return agent == .stateForces || agent == .externalForces ? .armedClash : .attackOnCivilians
        case .none:
            if lexicon.targets.all(tokens, in: range).contains(where: { $0.value == "military" }) {
                return .armedClash
            }
            switch agent {
            case .stateForces?, .externalForces?: return .armedClash
            case .rebelGroup?, .politicalMilitia?, .identityMilitia?: return .attackOnCivilians
            default: return casualties ? .attackOnCivilians : nil
            }
        }
    }

    /// The harm has an armed agent: "gunmen killed", "killed by militants" (not "13 soldiers
    /// killed", where the soldiers are the dead).
    func armedAgent(of trigger: Range<Int>, in range: Range<Int>) -> Bool {
        agentType(of: trigger, in: range).map(Self.armedTypes.contains) ?? false
    }

    /// The type of whoever did the deed: the agent after "by" in the passive; else the nearest
    /// actor before the word in its clause that is not a count of people ("13 soldiers").
    func agentType(of trigger: Range<Int>, in range: Range<Int>) -> ActorType? {
        let found = actors.all(in: range)
        let passive =
            trigger.lowerBound > range.lowerBound
            && ["was", "were", "been", "being"].contains(tokens[trigger.lowerBound - 1].lower)
        if let by = (trigger.upperBound..<min(range.upperBound, trigger.upperBound + 8)).first(where: {
            tokens[$0].lower == "by"
        }), let agent = found.first(where: { $0.range.lowerBound > by && $0.range.lowerBound <= by + 4 }) {
            return agent.type
        }
        if passive { return nil }
        guard let before = found.last(where: { $0.range.upperBound <= trigger.lowerBound }) else {
            return nil
        }
        if before.range.lowerBound > range.lowerBound,
            numbers.read(tokens, at: before.range.lowerBound - 1) != nil
                || tokens[before.range.lowerBound - 1].kind == .number
        {
            return nil
        }
        return before.type
    }

    /// The people harmed: the nouns by "killed", "wounded" ("killing three soldiers", "seven
    /// people were killed"), and the nouns of a clause's victims.
    func victims(in range: Range<Int>) -> Victims {
        var combatants = false
        var civilians = false
        var protesters = false
        for i in range where Self.harmWords.contains(tokens[i].lower) {
            var found = victim(at: i + 1, step: 1, in: range)
            if found == nil, i - 1 >= range.lowerBound,
                ["was", "were", "been", "being", "are", "is"].contains(tokens[i - 1].lower)
                    || tokens[i - 1].kind == .word && i - 2 >= range.lowerBound
                        && numbers.read(tokens, at: i - 2) != nil
            {
                found = victim(at: i - 1, step: -1, in: range)
            }
            // "two soldiers died", "five civilians dead".
            if found == nil, i - 1 >= range.lowerBound,
                ["died", "dead", "deaths", "hurt"].contains(tokens[i].lower)
            {
                found = victim(at: i - 1, step: -1, in: range, bare: true)
            }
            switch found {
            case .combatants?: combatants = true
            case .civilians?: civilians = true
            case .protesters?: protesters = true
            default: break
            }
        }
        if protesters { return .protesters }
        switch (combatants, civilians) {
        case (true, true): return .both
        case (true, false): return .combatants
        case (false, true): return .civilians
        case (false, false): return .none
        }
    }

    static let harmWords: Set<String> = [
        "killed", "killing", "kill", "kills", "wounded", "wounding", "injured", "injuring", "dead", "died",
        "shot", "shooting", "massacred", "executed", "beheaded", "murdered", "slain", "gunned", "abducted",
        "kidnapped", "attacked", "targeting", "targeted", "ambushed", "hurt", "deaths", "fire", "fired",
        "stormed", "raided", "shelled", "bombed", "struck",
    ]

    /// The kind of the person noun nearest a harm word, within a few words of it.
    func victim(at start: Int, step: Int, in range: Range<Int>, bare: Bool = false) -> Victims? {
        var j = start
        var seen = 0
        let stops: Set<String> = [
            "by", "in", "on", "at", "when", "as", "after", "during", "with", "and", "while", "near", "from",
            "said", "says", "to",
        ]
        while range.contains(j) && seen < (bare ? 2 : 6) {
            if step > 0, let reading = numbers.read(tokens, at: j) {
                j += reading.length
                seen += 1
                continue
            }
            if tokens[j].kind == .punctuation && tokens[j].text != "-" || stops.contains(tokens[j].lower) {
                return nil
            }
            if let kind = personKind(at: j) { return kind }
            j += step
            seen += 1
        }
        return nil
    }

    /// "soldiers", "militants": fighters; "people", "villagers", "Palestinians": civilians.
    func personKind(at j: Int) -> Victims? {
        if let noun = lexicon.actorNouns.match(tokens, at: j) {
            switch noun.value {
            case .stateForces, .rebelGroup, .politicalMilitia, .identityMilitia, .externalForces:
                return .combatants
            case .protesters, .rioters: return .protesters
            default: return .civilians
            }
        }
        if let named = lexicon.namedActors.match(tokens, at: j), tokens[j].isCapitalized,
            let type = named.value.type, Self.armedTypes.contains(type)
        {
            return .combatants
        }
        // A demonym in the plural: "five Palestinians".
        let word = tokens[j].lower
        if tokens[j].isCapitalized, word.hasSuffix("s"), actors.demonyms[String(word.dropLast())] != nil {
            return .civilians
        }
        return nil
    }

    /// Among protesters, violence is a violent demonstration when the crowd does it, force
    /// against protesters when the police kill or shoot, and an intervention when they disperse,
    /// gas or detain them.
    func protestKinds(_ candidates: [KindChoice], segment: Range<Int>, sentence: Range<Int>) -> [KindChoice] {
        let index = text.sentenceOf[sentence.lowerBound]
        let from =
            index > 0 && text.sentences[index - 1].paragraph == text.sentences[index].paragraph
            ? text.sentences[index - 1].tokens.lowerBound : sentence.lowerBound
        guard lexicon.protestContext.contains(tokens, in: from..<sentence.upperBound) else {
            // "A mob lynched two men": a crowd's violence outside any protest.
            guard lexicon.mobWords.contains(tokens, in: segment) else { return candidates }
            return candidates.map { choice in
                var choice = choice
                if [.attackOnCivilians, .armedClash, .looting, .violentDemonstration].contains(choice.kind) {
                    choice.kind = .mobViolence
                    choice.harmOnly = false
                }
                return choice
            }
        }
        let crowdHere = lexicon.protestContext.contains(tokens, in: segment)
        return candidates.map { choice in
            var choice = choice
            let agent = agentType(of: choice.trigger, in: segment)
            let crowdActs = agent == .protesters || agent == .rioters
            switch choice.kind {
            case .armedClash, .looting, .mobViolence:
                if crowdHere || crowdActs { choice.kind = .violentDemonstration }
            case .attackOnCivilians where !choice.harmOnly:
                // Force against protesters is the state's (ACLED): gunmen or a militia firing on a
                // crowd attack civilians.
                let nonState =
                    agent.map { [.rebelGroup, .politicalMilitia, .identityMilitia].contains($0) } ?? false
                if crowdActs {
                    choice.kind = .violentDemonstration
                } else if !nonState && (crowdHere || victims(in: segment) == .protesters) {
                    let lethal = tokens[segment].contains { Self.lethalWords.contains($0.lower) }
                    choice.kind = lethal ? .excessiveForceAgainstProtesters : .protestWithIntervention
                }
            case .arrest where crowdHere:
                choice.kind = .protestWithIntervention
            default: break
            }
            return choice
        }
    }

    static let lethalWords: Set<String> = [
        "killed", "killing", "shot", "shooting", "fired", "live", "bullets", "gunfire", "dead", "died",
    ]
}
