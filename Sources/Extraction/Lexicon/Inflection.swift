import Foundation

/// English word forms made from lemmas, so that lexicon files list "explode" and "car bomb" and
/// the reader still finds "exploded", "exploding" and "car bombs". Regular rules, with the
/// exceptions of `Resources/english.json` (irregular verbs, consonant doubling, plurals).
struct Inflection: Sendable {
    /// The grammatical form of a matched word, for the filters that read tense and mood.
    enum Form: Hashable, Sendable {
        /// "explode": after "to", a modal or "did", or present tense with a plural subject.
        case base
        /// "explodes": present tense.
        case present
        /// "exploded" (past tense or participle; irregular verbs may tell them apart).
        case past
        case participle
        /// "exploding".
        case gerund
        /// "explosion", "explosions": a noun, or a fixed phrase.
        case noun
    }

    let irregular: [String: (past: String, participle: String)]
    let doubling: Set<String>
    let plurals: [String: String]
    let uncountable: Set<String>

    static let bundled: Inflection = {
        struct File: Decodable {
            var irregular: [String: [String]]
            var doubling: [String]
            var plurals: [String: String]
            var uncountable: [String]
        }
        guard let url = Bundle.module.url(forResource: "english", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let file = try? JSONDecoder().decode(File.self, from: data)
        else { preconditionFailure("Extraction's bundled english.json is missing or malformed") }
        var irregular: [String: (String, String)] = [:]
        for (lemma, forms) in file.irregular where forms.count == 2 {
            irregular[lemma] = (forms[0], forms[1])
        }
        return Inflection(
            irregular: irregular, doubling: Set(file.doubling), plurals: file.plurals,
            uncountable: Set(file.uncountable))
    }()

    /// Every form of a verb phrase, inflecting its first word: "blow up" → "blew up", "blowing up", ….
    func verbForms(_ phrase: String) -> [(text: String, form: Form)] {
        let words = phrase.split(separator: " ").map(String.init)
        guard let head = words.first else { return [] }
        let rest = words.dropFirst().joined(separator: " ")
        func join(_ word: String) -> String { rest.isEmpty ? word : word + " " + rest }
        var forms: [(String, Form)] = [
            (join(head), .base), (join(thirdPerson(head)), .present), (join(gerund(head)), .gerund),
        ]
        if let (past, participle) = irregular[head] {
            forms.append((join(past), .past))
            if participle != past { forms.append((join(participle), .participle)) }
        } else {
            forms.append((join(regularPast(head)), .past))
        }
        var seen = Set<String>()
        return forms.filter { seen.insert($0.0).inserted }
    }

    /// A noun phrase and its plural, inflecting its last word: "car bomb" → "car bombs".
    func nounForms(_ phrase: String) -> [String] {
        var words = phrase.split(separator: " ").map(String.init)
        guard let last = words.last else { return [] }
        if uncountable.contains(last) { return [phrase] }
        words[words.count - 1] = plural(last)
        let plural = words.joined(separator: " ")
        return plural == phrase ? [phrase] : [phrase, plural]
    }

    func plural(_ noun: String) -> String {
        if let irregular = plurals[noun] { return irregular }
        if noun.hasSuffix("man") && noun.count > 4 { return String(noun.dropLast(3)) + "men" }
        if ["s", "sh", "ch", "x", "z"].contains(where: { noun.hasSuffix($0) }) { return noun + "es" }
        if noun.hasSuffix("y"), let before = noun.dropLast().last, !Self.vowels.contains(before) {
            return String(noun.dropLast()) + "ies"
        }
        return noun + "s"
    }

    func thirdPerson(_ verb: String) -> String {
        if ["s", "sh", "ch", "x", "z", "o"].contains(where: { verb.hasSuffix($0) }) { return verb + "es" }
        if verb.hasSuffix("y"), let before = verb.dropLast().last, !Self.vowels.contains(before) {
            return String(verb.dropLast()) + "ies"
        }
        return verb + "s"
    }

    func regularPast(_ verb: String) -> String {
        if verb.hasSuffix("e") { return verb + "d" }
        if verb.hasSuffix("y"), let before = verb.dropLast().last, !Self.vowels.contains(before) {
            return String(verb.dropLast()) + "ied"
        }
        if doubles(verb), let last = verb.last { return verb + String(last) + "ed" }
        return verb + "ed"
    }

    func gerund(_ verb: String) -> String {
        if verb.hasSuffix("ie") { return String(verb.dropLast(2)) + "ying" }
        if verb.hasSuffix("e") && !verb.hasSuffix("ee") && !verb.hasSuffix("ye") && !verb.hasSuffix("oe")
            && verb.count > 2
        {
            return String(verb.dropLast()) + "ing"
        }
        if doubles(verb), let last = verb.last { return verb + String(last) + "ing" }
        return verb + "ing"
    }

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// One syllable ending consonant-vowel-consonant ("stop", "shell" no: two consonants), or a
    /// listed longer verb ("kidnap").
    func doubles(_ verb: String) -> Bool {
        if doubling.contains(verb) { return true }
        let letters = Array(verb)
        guard letters.count >= 3 else { return false }
        let syllables = letters.indices.filter {
            Self.vowels.contains(letters[$0]) && ($0 == 0 || !Self.vowels.contains(letters[$0 - 1]))
        }
        guard syllables.count == 1 else { return false }
        let last = letters[letters.count - 1]
        let middle = letters[letters.count - 2]
        let first = letters[letters.count - 3]
        return !Self.vowels.contains(last) && !["w", "x", "y"].contains(last) && Self.vowels.contains(middle)
            && !Self.vowels.contains(first)
    }
}
