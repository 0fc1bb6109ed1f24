import EventModel
import Foundation

/// A word or phrase that tells of an event, as the lexicon lists it.
struct Cue: Hashable, Sendable {
    /// What the word says: a kind outright, or a class whose kind its arguments decide
    /// (`triggers.json`, "cues").
    enum Class: Hashable, Sendable {
        case kind(EventKind)
        /// "attacked", "opened fire": the weapon and who fought whom decide the kind.
        case attack
        /// "killed", "wounded": casualties; an event only with an armed agent or a weapon.
        case harm
        /// "captured", "seized": its object decides (a town, a person, weapons).
        case capture
        /// "destroyed", "found": disrupted weapons when the object is a weapon.
        case disrupt
        /// "set up", "established": a base when the object is one.
        case establish
        /// "fired", "launched", "dropped": a strike of the weapon named beside it.
        case use
        /// "bombed": an air strike in a story of aircraft, a bombing otherwise.
        case bomb
        /// "gathered", "assembled": a protest only among protesters.
        case gather
        /// "an explosion", "blasts": the strike of the weapons named around it.
        case explosion
        /// "took", "grabbed": a capture of a place only.
        case take
        /// "bodies", "remains": an attack on civilians when they were found.
        case bodies
    }

    var cueClass: Class
    /// Names the event only with facts beside it.
    var weak: Bool
    var form: Inflection.Form

    var kind: EventKind? {
        if case .kind(let kind) = cueClass { return kind }
        return nil
    }
}

/// What the object of a verb is: a place or position, a person or group, or weapons.
enum ObjectClass: String, Hashable, Sendable { case territory, person, weapon }

/// Everything the event reader knows about words, from the resource files: cues for every
/// kind, objects, weapons, actors, the cues of attribution, hedging, denial, failure, irrealis
/// and the moods that make a deed no event told, and the ACLED crosswalk.
struct EventLexicon: Sendable {
    struct ActorEntry: Sendable {
        var type: ActorType?
        var country: String?
    }

    var cues: PhraseMatcher<[Cue]>
    var rank: [EventKind: Int]
    var labels: [EventKind: String]
    var objects: PhraseMatcher<ObjectClass>
    var establishObjects: PhraseMatcher<Bool>
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
    var record: PhraseMatcher<Bool>
    /// "the bombing he is alleged to have taken part in": a record told after the deed.
    var recordAfter: PhraseMatcher<Bool>
    var hypothetical: PhraseMatcher<Bool>
    var tally: PhraseMatcher<Bool>
    var generic: PhraseMatcher<Bool>
    /// "have included attempts to enter": a clause that lists kinds of deeds.
    var clauseGeneric: PhraseMatcher<Bool>
    /// "crash", "flood": deaths among these words are no violence.
    var disaster: PhraseMatcher<Bool>
    var targets: PhraseMatcher<String>
    var quantityNouns: Set<String>
    var abbreviations: [String]
    /// Words one of which must be in the sentence (or the one before) for a kind to count.
    var requires: [EventKind: PhraseMatcher<Bool>]
    /// A second list of words one of which must also stand there.
    var requiresAlso: [EventKind: PhraseMatcher<Bool>]
    var notWeaponUse: Set<String>
    var protestContext: PhraseMatcher<Bool>
    /// "a mob", "vigilantes": a crowd acting outside any protest.
    var mobWords: PhraseMatcher<Bool>
    /// "Speaking at …": the meeting after it is where a statement was made.
    var statementFrames: PhraseMatcher<Bool>
    /// "ended a ceasefire", "violations of the truce": an agreement broken, not made.
    var agreementEnds: PhraseMatcher<Bool>
    /// "trade truce", "legal battle", "hunger strike": a cue after one of these is no event.
    var notConflictBefore: Set<String>
    /// "detention centre", "arrest warrant", "missile test": nor one with these just after it.
    var notEventAfter: PhraseMatcher<Bool>
    /// "riot police", "missile test": nor one right before these.
    var notEventNext: Set<String>
    /// "the explosive ending": cue words that are adjectives unless one of their words follows.
    var adjectiveCues: [String: Set<String>]
    var acled: [String: ACLEDCoding?]
    /// "found", "dumped": bodies found tell of killings.
    var discoveryWords: PhraseMatcher<Bool>
    /// "narcotics", "robbery": an arrest for ordinary crime.
    var crimeWords: PhraseMatcher<Bool>
    /// Sport, business, culture, accidents (`discards.json`): a sentence, or a story, about
    /// something other than armed conflict.
    var discardSentence: PhraseMatcher<Bool>
    var discardStory: PhraseMatcher<Bool>

    static let bundled: EventLexicon = {
        do {
            return try EventLexicon()
        } catch {
            preconditionFailure("Extraction's bundled lexicon is missing or malformed: \(error)")
        }
    }()

    private struct TriggerFile: Decodable {
        struct CueLists: Decodable {
            var verbs: [String]?
            var nouns: [String]?
            var fixed: [String]?
            var weakVerbs: [String]?
            var weakNouns: [String]?
            var weakFixed: [String]?
        }

        struct Moods: Decodable {
            var record: [String]
            var recordAfter: [String]
            var hypothetical: [String]
            var tally: [String]
            var generic: [String]
            var clauseGeneric: [String]
            var disaster: [String]
        }

        var rank: [String]
        var labels: [String: String]
        var cues: [String: CueLists]
        var objects: [String: [String]]
        var establishObjects: [String]
        var targets: [String: [String]]
        var quantityNouns: [String]
        var abbreviations: [String]
        var requires: [String: [String]]
        var requiresAlso: [String: [String]]
        var notWeaponUse: [String]
        var protestContext: [String]
        var mobWords: [String]
        var statementFrames: [String]
        var agreementEnds: [String]
        var notConflictBefore: [String]
        var notEventAfter: [String]
        var notEventNext: [String]
        var adjectiveCues: [String: [String]]
        var moods: Moods
        var discoveryWords: [String]
        var crimeWords: [String]
    }

    private struct DiscardFile: Decodable {
        var story: [String]
        var sentence: [String]
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

    /// A fixed phrase of an adverb and a participle ("safely detonated") is a verb in the past;
    /// any other ("the fall of", "taken hostage") counts as a noun.
    static func fixedForm(_ phrase: String) -> Inflection.Form {
        let words = phrase.lowercased().split(separator: " ")
        return words.count == 2 && words[0].hasSuffix("ly") && words[1].hasSuffix("ed") ? .past : .noun
    }

    private static func flags(_ list: [String]) -> PhraseMatcher<Bool> {
        PhraseMatcher(list.map { ($0, true) })
    }

    /// Plural forms too: "village" also finds "villages".
    private static func nounFlags<V>(_ list: [String], _ value: V) -> [(String, V)] {
        list.flatMap { noun in Inflection.bundled.nounForms(noun).map { ($0, value) } }
    }

    /// Every inflected form of every cue, one list of cues per distinct phrase.
    private static func cueEntries(_ lists: [String: TriggerFile.CueLists]) -> [(String, [Cue])] {
        let inflection = Inflection.bundled
        var byPhrase: [String: [Cue]] = [:]
        var order: [String] = []
        func add(_ phrase: String, _ cue: Cue) {
            let key = phrase.lowercased()
            if byPhrase[key] == nil { order.append(key) }
            if !(byPhrase[key]?.contains(cue) ?? false) { byPhrase[key, default: []].append(cue) }
        }
        for (name, list) in lists.sorted(by: { $0.key < $1.key }) {
            let cueClass: Cue.Class
            switch name {
            case "@attack": cueClass = .attack
            case "@harm": cueClass = .harm
            case "@capture": cueClass = .capture
            case "@disrupt": cueClass = .disrupt
            case "@establish": cueClass = .establish
            case "@use": cueClass = .use
            case "@bomb": cueClass = .bomb
            case "@gather": cueClass = .gather
            case "@explosion": cueClass = .explosion
            case "@take": cueClass = .take
            case "@bodies": cueClass = .bodies
            default:
                guard let kind = EventKind(rawValue: name) else { continue }
                cueClass = .kind(kind)
            }
            for (verbs, weak) in [(list.verbs, false), (list.weakVerbs, true)] {
                for verb in verbs ?? [] {
                    for (text, form) in inflection.verbForms(verb) {
                        add(text, Cue(cueClass: cueClass, weak: weak, form: form))
                    }
                }
            }
            for (nouns, weak) in [(list.nouns, false), (list.weakNouns, true)] {
                for noun in nouns ?? [] {
                    for text in inflection.nounForms(noun) {
                        add(text, Cue(cueClass: cueClass, weak: weak, form: .noun))
                    }
                }
            }
            for (fixed, weak) in [(list.fixed, false), (list.weakFixed, true)] {
                for phrase in fixed ?? [] {
                    add(phrase, Cue(cueClass: cueClass, weak: weak, form: Self.fixedForm(phrase)))
                }
            }
        }
        return order.map { ($0, byPhrase[$0]!) }
    }

    init() throws {
        let file = try Self.load("triggers", as: TriggerFile.self)
        cues = PhraseMatcher(Self.cueEntries(file.cues))
        rank = Dictionary(
            uniqueKeysWithValues: file.rank.enumerated().compactMap { index, name in
                EventKind(rawValue: name).map { ($0, index) }
            })
        labels = Dictionary(
            uniqueKeysWithValues: file.labels.compactMap { key, value in
                EventKind(rawValue: key).map { ($0, value) }
            })
        objects = PhraseMatcher(
            file.objects.sorted(by: { $0.key < $1.key }).flatMap { name, words in
                ObjectClass(rawValue: name).map { Self.nounFlags(words, $0) } ?? []
            })
        establishObjects = PhraseMatcher(Self.nounFlags(file.establishObjects, true))
        targets = PhraseMatcher(
            file.targets.sorted(by: { $0.key < $1.key }).flatMap { key, words in words.map { ($0, key) } })
        quantityNouns = Set(file.quantityNouns)
        notWeaponUse = Set(file.notWeaponUse)
        protestContext = Self.flags(file.protestContext)
        mobWords = Self.flags(file.mobWords)
        statementFrames = Self.flags(file.statementFrames)
        agreementEnds = Self.flags(file.agreementEnds)
        notConflictBefore = Set(file.notConflictBefore)
        notEventAfter = Self.flags(file.notEventAfter)
        notEventNext = Set(file.notEventNext)
        adjectiveCues = file.adjectiveCues.mapValues(Set.init)
        requires = Dictionary(
            uniqueKeysWithValues: file.requires.compactMap { key, words in
                EventKind(rawValue: key).map { ($0, Self.flags(words)) }
            })
        requiresAlso = Dictionary(
            uniqueKeysWithValues: file.requiresAlso.compactMap { key, words in
                EventKind(rawValue: key).map { ($0, Self.flags(words)) }
            })
        abbreviations = file.abbreviations
        record = Self.flags(file.moods.record)
        recordAfter = Self.flags(file.moods.recordAfter)
        hypothetical = Self.flags(file.moods.hypothetical)
        tally = Self.flags(file.moods.tally)
        generic = Self.flags(file.moods.generic)
        clauseGeneric = Self.flags(file.moods.clauseGeneric)
        discoveryWords = Self.flags(file.discoveryWords)
        crimeWords = Self.flags(file.crimeWords)
        let discards = try Self.load("discards", as: DiscardFile.self)
        discardSentence = Self.flags(discards.sentence)
        discardStory = Self.flags(discards.story)
        disaster = Self.flags(file.moods.disaster)

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

        acled = try Self.loadACLED()
    }

    /// The ACLED event type and sub-event type of each kind (null: no ACLED counterpart).
    static func loadACLED() throws -> [String: ACLEDCoding?] {
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
        return acled
    }
}
