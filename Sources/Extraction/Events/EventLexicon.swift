import EventModel
import Foundation

/// Finds the longest phrases of a list at each token, left to right.
struct PhraseMatcher<Value: Sendable>: Sendable {
    private var byFirst: [String: [(tokens: [String], value: Value)]] = [:]

    init(_ entries: [(String, Value)]) {
        for (text, value) in entries {
            let tokens = Tokenizer.tokens(text).map(\.lower)
            guard let first = tokens.first else { continue }
            byFirst[first, default: []].append((tokens, value))
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.tokens.count > $1.tokens.count } }
    }

    /// The longest entry starting at `index`, and its length in tokens.
    func match(_ tokens: [Token], at index: Int, limit: Int? = nil) -> (value: Value, length: Int)? {
        guard let entries = byFirst[tokens[index].lower] else { return nil }
        let end = limit ?? tokens.count
        for entry in entries where index + entry.tokens.count <= end {
            var matches = true
            for offset in 1..<max(1, entry.tokens.count)
            where tokens[index + offset].lower != entry.tokens[offset] {
                matches = false
                break
            }
            if matches { return (entry.value, entry.tokens.count) }
        }
        return nil
    }

    /// Every non-overlapping match in a token range, left to right.
    func all(_ tokens: [Token], in range: Range<Int>) -> [(range: Range<Int>, value: Value)] {
        var found: [(Range<Int>, Value)] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if let (value, length) = match(tokens, at: index, limit: range.upperBound) {
                found.append((index..<(index + length), value))
                index += length
            } else {
                index += 1
            }
        }
        return found
    }

    func contains(_ tokens: [Token], in range: Range<Int>) -> Bool { !all(tokens, in: range).isEmpty }
}

/// Everything the event reader knows about words, from the resource files: triggers for every
/// kind, weapons, actors, the cues of attribution, hedging, denial, failure and irrealis, and the
/// ACLED crosswalk.
struct EventLexicon: Sendable {
    struct Trigger: Sendable {
        var kind: EventKind
        var strong: Bool
    }

    struct ActorEntry: Sendable {
        var type: ActorType?
        var country: String?
    }

    var triggers: PhraseMatcher<Trigger>
    var rank: [EventKind: Int]
    var labels: [EventKind: String]
    var disruptVerbs: PhraseMatcher<Bool>
    var weapons: PhraseMatcher<WeaponClass>
    var namedActors: PhraseMatcher<ActorEntry>
    var actorNouns: PhraseMatcher<ActorType>
    var attribution: PhraseMatcher<Bool>
    var hedges: PhraseMatcher<Bool>
    var denials: PhraseMatcher<Bool>
    var silence: PhraseMatcher<Bool>
    var confirmations: PhraseMatcher<Bool>
    /// "claimed responsibility", "took credit": the perpetrator owning the attack.
    var responsibility: PhraseMatcher<Bool>
    var negations: PhraseMatcher<Bool>
    var irrealis: PhraseMatcher<Bool>
    var failures: PhraseMatcher<Bool>
    var interceptions: PhraseMatcher<Bool>
    var localAuthorities: PhraseMatcher<Bool>
    var habitual: PhraseMatcher<Bool>
    var targets: PhraseMatcher<String>
    var quantityNouns: Set<String>
    var abbreviations: [String]
    /// Words one of which must be in the sentence for a kind to count.
    var requires: [EventKind: PhraseMatcher<Bool>]
    var attackVerbs: PhraseMatcher<Bool>
    var notWeaponUse: Set<String>
    var protestContext: PhraseMatcher<Bool>
    /// "Speaking at …": the meeting after it is where a statement was made.
    var statementFrames: PhraseMatcher<Bool>
    /// "ended a ceasefire", "violations of the truce": an agreement broken, not made.
    var agreementEnds: PhraseMatcher<Bool>
    /// "trade truce", "legal battle", "soft-shelled": a trigger after one of these is no event.
    var notConflictBefore: Set<String>
    /// "detention centre", "arrest warrant", "rallied to beat": nor one with these just after it.
    var notEventAfter: PhraseMatcher<Bool>
    var acled: [String: ACLEDCoding?]

    static let bundled: EventLexicon = {
        do {
            return try EventLexicon()
        } catch {
            preconditionFailure("Extraction's bundled lexicon is missing or malformed: \(error)")
        }
    }()

    private struct TriggerFile: Decodable {
        struct Lists: Decodable {
            var strong: [String]
            var weak: [String]
        }

        var rank: [String]
        var kinds: [String: Lists]
        var labels: [String: String]
        var disruptVerbs: [String]
        var targets: [String: [String]]
        var quantityNouns: [String]
        var abbreviations: [String]
        var requires: [String: [String]]
        var attackVerbs: [String]
        var notWeaponUse: [String]
        var protestContext: [String]
        var statementFrames: [String]
        var agreementEnds: [String]
        var notConflictBefore: [String]
        var notEventAfter: [String]
    }

    private struct ActorFile: Decodable {
        var named: [String: [String?]]
        var nouns: [String: String]
        var attributionVerbs: [String]
        var hedges: [String]
        var denials: [String]
        var silence: [String]
        var confirmations: [String]
        var responsibility: [String]
        var negations: [String]
        var irrealis: [String]
        var failures: [String]
        var interceptions: [String]
        var localAuthorities: [String]
        var habitual: [String]
    }

    private struct WeaponFile: Decodable { var weapons: [String: String] }

    private static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(type, from: Data(contentsOf: url))
    }

    private static func flags(_ list: [String]) -> PhraseMatcher<Bool> {
        PhraseMatcher(list.map { ($0, true) })
    }

    init() throws {
        let triggerFile = try Self.load("triggers", as: TriggerFile.self)
        var entries: [(String, Trigger)] = []
        for (name, lists) in triggerFile.kinds.sorted(by: { $0.key < $1.key }) {
            guard let kind = EventKind(rawValue: name) else { continue }
            entries += lists.strong.map { ($0, Trigger(kind: kind, strong: true)) }
            entries += lists.weak.map { ($0, Trigger(kind: kind, strong: false)) }
        }
        triggers = PhraseMatcher(entries)
        rank = Dictionary(
            uniqueKeysWithValues: triggerFile.rank.enumerated().compactMap { index, name in
                EventKind(rawValue: name).map { ($0, index) }
            })
        labels = Dictionary(
            uniqueKeysWithValues: triggerFile.labels.compactMap { key, value in
                EventKind(rawValue: key).map { ($0, value) }
            })
        disruptVerbs = Self.flags(triggerFile.disruptVerbs)
        targets = PhraseMatcher(
            triggerFile.targets.sorted(by: { $0.key < $1.key }).flatMap { key, words in
                words.map { ($0, key) }
            })
        quantityNouns = Set(triggerFile.quantityNouns)
        attackVerbs = Self.flags(triggerFile.attackVerbs)
        notWeaponUse = Set(triggerFile.notWeaponUse)
        protestContext = Self.flags(triggerFile.protestContext)
        statementFrames = Self.flags(triggerFile.statementFrames)
        agreementEnds = Self.flags(triggerFile.agreementEnds)
        notConflictBefore = Set(triggerFile.notConflictBefore)
        notEventAfter = Self.flags(triggerFile.notEventAfter)
        requires = Dictionary(
            uniqueKeysWithValues: triggerFile.requires.compactMap { key, words in
                EventKind(rawValue: key).map { ($0, Self.flags(words)) }
            })
        abbreviations = triggerFile.abbreviations

        let weaponFile = try Self.load("weapons", as: WeaponFile.self)
        weapons = PhraseMatcher(
            weaponFile.weapons.sorted(by: { $0.key < $1.key }).compactMap { name, value in
                WeaponClass(rawValue: value).map { (name, $0) }
            })

        let actorFile = try Self.load("actors", as: ActorFile.self)
        namedActors = PhraseMatcher(
            actorFile.named.sorted(by: { $0.key < $1.key }).map { name, value in
                let type = value.first.flatMap { $0 }.flatMap(ActorType.init(rawValue:))
                let country = value.count > 1 ? value[1] : nil
                return (name, ActorEntry(type: type, country: country))
            })
        actorNouns = PhraseMatcher(
            actorFile.nouns.sorted(by: { $0.key < $1.key }).compactMap { name, value in
                ActorType(rawValue: value).map { (name, $0) }
            })
        attribution = Self.flags(actorFile.attributionVerbs)
        hedges = Self.flags(actorFile.hedges)
        denials = Self.flags(actorFile.denials)
        silence = Self.flags(actorFile.silence)
        confirmations = Self.flags(actorFile.confirmations)
        responsibility = Self.flags(actorFile.responsibility)
        negations = Self.flags(actorFile.negations)
        irrealis = Self.flags(actorFile.irrealis)
        failures = Self.flags(actorFile.failures)
        interceptions = Self.flags(actorFile.interceptions)
        localAuthorities = Self.flags(actorFile.localAuthorities)
        habitual = Self.flags(actorFile.habitual)

        guard let acledURL = Bundle.module.url(forResource: "acled", withExtension: "json"),
            let table = try JSONSerialization.jsonObject(with: Data(contentsOf: acledURL)) as? [String: Any]
        else { throw CocoaError(.fileReadCorruptFile) }
        var acled: [String: ACLEDCoding?] = [:]
        for (key, value) in table where !key.hasPrefix("_") {
            if let pair = value as? [String], pair.count == 2 {
                acled[key] = ACLEDCoding(eventType: pair[0], subEventType: pair[1])
            } else {
                acled[key] = .some(nil)
            }
        }
        self.acled = acled
    }
}
