/// What makes a capitalized name a place in the text: a locative frame ("in X", "near the town
/// of X", "15 km from X"), a type word ("X province", "the village of X"), an apposition ("X,
/// Iraq"), a list of places, being a country, a region or a large city, or evidence elsewhere in
/// the article. A name without any is a person's, a ship's or a word's, not a place.
enum PlaceEvidence: Int, Comparable, Sendable {
    case none = 0, known, repeated, list, apposition, typeWord, frame

    static func < (a: PlaceEvidence, b: PlaceEvidence) -> Bool { a.rawValue < b.rawValue }
}

extension PlaceResolver {
    static let locatives: Set<String> = [
        "in", "at", "near", "outside", "around", "across", "into", "towards", "toward", "through", "from",
        "to",
        "over", "on", "inside", "within", "throughout", "between", "via", "off", "along", "beyond", "past",
        "entered", "reached", "hit", "shelled", "struck", "bombed", "retook", "recaptured", "captured",
        "seized",
        "liberated", "attacked", "besieged", "stormed", "overran", "targeted", "left", "fled", "evacuated",
        "took", "retaken", "recapture", "retake", "capture", "seize", "overrun", "pounded", "pounding",
        "bombarded", "bombarding", "raided", "shelling", "attacking", "targeting", "hitting", "striking",
        "occupied", "surrounded", "encircled", "besieging", "reaching", "entering", "leaving", "struck",
        "taken", "take", "takes", "seizes", "captures", "recaptures", "retakes", "liberate", "liberates",
    ]
    static let regionTypes: Set<String> = [
        "province", "county", "region", "oblast", "governorate", "state", "prefecture", "raion", "district",
    ]

    /// "fell to", "was captured", "has fallen": what befalls a place.
    static let fateAfter: Set<String> = [
        "fell", "fallen", "falls", "captured", "recaptured", "retaken", "liberated", "seized", "shelled",
        "bombed", "besieged", "encircled", "surrounded", "overrun", "evacuated", "struck", "hit", "attacked",
        "came", "come",
    ]
    /// "according to X", "said to X": not where.
    static let notLocativeBefore: Set<String> = [
        "according", "said", "told", "close", "due", "next", "up", "compared",
    ]
    /// "the city of X", "15 km south of X", "the mayor of X".
    static let ofTypes: Set<String> = [
        "city", "town", "village", "province", "region", "district", "area", "outskirts", "suburbs",
        "capital",
        "governorate", "state", "county", "municipality", "neighbourhood", "neighborhood", "suburb", "part",
        "parts",
        "centre", "center", "heart", "north", "south", "east", "west", "northeast", "northwest", "southeast",
        "southwest", "port", "island", "coast", "shores", "edge", "vicinity", "front", "km", "kilometres",
        "kilometers",
        "miles", "mayor", "governor", "residents", "people", "streets", "villages", "towns", "cities",
        "settlement",
        "hamlet", "community", "oblast", "raion", "enclave", "areas", "districts", "provinces", "regions",
        "locality", "commune", "department", "prefecture", "territory", "republic", "control",
    ]
    /// "X province", "X refugee camp".
    static let typesAfter: Set<String> = [
        "province", "region", "oblast", "governorate", "district", "city", "town", "village", "county",
        "state",
        "area", "camp", "neighbourhood", "neighborhood", "airport", "municipality", "raion", "hromada",
        "community",
        "settlement", "suburb", "valley", "prefecture", "department", "enclave", "border", "crossing",
        "front",
        "outskirts", "residents", "countryside", "communities", "villages", "towns", "districts", "areas",
        "regions",
        "provinces", "cities", "settlements", "neighbourhoods", "neighborhoods", "municipalities",
    ]
    /// Words that start a place's name: "New Baghdad", "Port Sudan" — not a first name.
    static let namePrefixes: Set<String> = [
        "new", "old", "upper", "lower", "greater", "saint", "st", "san", "santa", "port", "fort", "mount",
        "north",
        "south", "east", "west", "central", "al", "el", "ad", "as", "ar", "at", "an", "ash", "az", "bab",
        "beit",
        "bir", "deir", "kafr", "kfar", "ras", "tel", "tell", "umm", "wadi", "jebel", "jabal", "khan", "nova",
        "novo", "novaya", "novyi", "novy", "stara", "staraya", "staryi", "velyka", "velykyi", "mala", "malyi",
        "nizhny", "verkhnii", "krasnyi", "krasnaya", "ban", "bandar", "kampong", "puerto", "villa", "ciudad",
        "sidi", "ain", "bou", "dar", "gaza", "little", "big", "high", "la", "le", "los", "las", "el",
    ]

    /// The last words of people's names the article gives in full ("Raúl Reyes", "Defense
    /// Minister Juan Manuel Santos"): alone later, they are those people, not towns.
    func surnames(_ tokens: [Token]) -> Set<String> {
        var names = Set<String>()
        var i = 0
        while i < tokens.count {
            guard tokens[i].kind == .word, tokens[i].isCapitalized else {
                i += 1
                continue
            }
            var j = i
            var words: [Int] = []
            while j < tokens.count {
                let token = tokens[j]
                if token.kind == .word && token.isCapitalized {
                    words.append(j)
                } else if token.kind == .word && lexicon.particles.contains(token.lower)
                    && j + 1 < tokens.count
                    && tokens[j + 1].isCapitalized
                {
                } else if token.text == "." && j > 0 && tokens[j - 1].text.count == 1 && !token.spaceBefore {
                } else if token.text == "-" && !token.spaceBefore && j + 1 < tokens.count
                    && !tokens[j + 1].spaceBefore
                {
                } else {
                    break
                }
                j += 1
            }
            defer { i = max(j, i + 1) }
            // "In Zinder", "The Hague": a capitalized word of the sentence's start is no first name.
            while let first = words.first, lexicon.notPlaces.contains(tokens[first].lower) {
                words.removeFirst()
            }
            guard words.count >= 2, let last = words.last else { continue }
            let before = tokens[words[words.count - 2]].lower
            let lastWord = tokens[last].lower
            if Self.namePrefixes.contains(before) || lexicon.regionWords.contains(lastWord)
                || lexicon.organizationHeads.contains(lastWord) || lexicon.demonyms[lastWord] != nil
                || lexicon.compassWords.contains(before)
            {
                continue
            }
            let key = Self.key(tokens[words[0]..<(last + 1)])
            if !gazetteer.places(named: key).isEmpty { continue }
            // The run ends in a country or a region: "Kenya Kenya", "Iraq Baghdad".
            if gazetteer.places(named: lastWord).contains(where: { $0.kind != .place }) { continue }
            names.insert(lastWord)
        }
        return names
    }

    /// The evidence in the words around a candidate.
    func evidence(_ candidate: Candidate, tokens: [Token]) -> PlaceEvidence {
        let start = candidate.range.lowerBound
        let end = candidate.range.upperBound
        var j = start - 1
        // Over "the", compass words and demonyms: "in the southern Iraqi city of X" reads as "in X".
        var sawOf = false
        var steps = 0
        while j >= 0 && steps < 7 {
            let word = tokens[j].lower
            // "out of Anka": where something left.
            if word == "of", j > 0, tokens[j - 1].lower == "out" { return .frame }
            if word == "of", j > 0, Self.ofTypes.contains(tokens[j - 1].lower) {
                sawOf = true
                j -= 2
                steps += 2
                continue
            }
            if ["the", "a", "an"].contains(word) || lexicon.compassWords.contains(word)
                || (tokens[j].isCapitalized && lexicon.demonym(tokens, at: j) != nil)
                || (sawOf && tokens[j].kind == .word && !tokens[j].isCapitalized
                    && !Self.locatives.contains(word))
                || tokens[j].kind == .number
            {
                j -= 1
                steps += 1
                continue
            }
            break
        }
        if j >= 0, Self.locatives.contains(tokens[j].lower),
            !(j > 0 && Self.notLocativeBefore.contains(tokens[j - 1].lower))
        {
            return .frame
        }
        if sawOf || candidate.namesRegion || nearCue(before: start, tokens: tokens) != nil {
            return .typeWord
        }
        if end < tokens.count, Self.typesAfter.contains(tokens[end].lower) { return .typeWord }
        // "Talodi fell to the RSF", "Kherson was liberated": a place as the subject of its fate.
        if end + 1 < tokens.count,
            Self.fateAfter.contains(tokens[end].lower)
                || (["was", "has", "had", "is"].contains(tokens[end].lower)
                    && Self.fateAfter.contains(tokens[end + 1].lower))
        {
            return .typeWord
        }
        if end + 1 < tokens.count, tokens[end].text == "," {
            let next = tokens[end + 1].lower
            if ["a", "an", "the"].contains(next), end + 2 < tokens.count,
                Self.ofTypes.contains(tokens[end + 2].lower)
                    || Self.typesAfter.contains(tokens[end + 2].lower)
                    || (end + 3 < tokens.count && Self.typesAfter.contains(tokens[end + 3].lower))
            {
                return .apposition
            }
        }
        return .none
    }

    /// Names that are places in this text: with evidence of their own, in a list with one, known
    /// widely (a country, a region, a city of 100,000), or evidenced elsewhere in the article —
    /// and not the surname of a person the article names.
    func withEvidence(_ found: [Candidate], tokens: [Token]) -> [Candidate] {
        let people = surnames(tokens)
        let quotes = quotedRanges(tokens)
        var evidence = found.map { candidate -> PlaceEvidence in
            if candidate.range.count == 1, people.contains(candidate.key),
                candidate.places.allSatisfy({ $0.kind == .place })
            {
                return .none
            }
            let found = self.evidence(candidate, tokens: tokens)
            // A name quoted in a few words ("known as the 'Guantanamo of Gaza'") is a figure of
            // speech unless its frame is inside the quote.
            if let quote = quotes.first(where: { $0.contains(candidate.range.lowerBound) }), quote.count <= 8,
                found != .frame || !quote.contains(candidate.range.lowerBound - 1)
            {
                return .none
            }
            return found
        }
        // "X, Iraq": a town followed by its country or region.
        for (index, candidate) in found.enumerated() where evidence[index] == .none && index + 1 < found.count
        {
            let next = found[index + 1]
            if next.range.lowerBound == candidate.range.upperBound + 1,
                tokens[candidate.range.upperBound].text == ",",
                next.places.first.map({ $0.kind == .country || $0.kind == .region }) ?? false
            {
                evidence[index] = .apposition
            }
        }
        // Lists: a name joined by commas or "and" to a place with evidence.
        var changed = true
        while changed {
            changed = false
            for index in found.indices where evidence[index] == .none {
                for other in [index - 1, index + 1]
                where found.indices.contains(other) && evidence[other] >= .list {
                    let (a, b) = other < index ? (found[other], found[index]) : (found[index], found[other])
                    let gap = a.range.upperBound..<b.range.lowerBound
                    if gap.count <= 3, gap.allSatisfy({ [",", "and", "or"].contains(tokens[$0].lower) }) {
                        evidence[index] = .list
                        changed = true
                    }
                }
            }
        }
        let evidenced = Set(found.indices.filter { evidence[$0] >= .list }.map { found[$0].key })
        return found.indices.compactMap { index in
            let candidate = found[index]
            // "Sfax county", "Djibo province": a region no gazetteer region is called so, not the town.
            if candidate.places.allSatisfy({ $0.kind == .place }), candidate.range.upperBound < tokens.count,
                Self.regionTypes.contains(tokens[candidate.range.upperBound].lower)
            {
                return nil
            }
            if evidence[index] >= .list { return candidate }
            if candidate.range.count == 1, people.contains(candidate.key),
                candidate.places.allSatisfy({ $0.kind == .place })
            {
                return nil
            }
            if evidenced.contains(candidate.key) { return candidate }
            if standsForGovernment(candidate, tokens: tokens) { return nil }
            if quotes.contains(where: { $0.contains(candidate.range.lowerBound) && $0.count <= 8 }) {
                return nil
            }
            return isKnown(candidate) ? candidate : nil
        }
    }

    /// Words of dealings between governments: "a deal with X", "talks with X".
    static let dealings: Set<String> = [
        "agreement", "agreements", "deal", "deals", "talks", "accord", "truce", "ceasefire", "cease-fire",
        "negotiations", "relations", "ties", "pact", "understanding", "contacts", "dialogue", "treaty",
        "arrangement", "negotiate", "negotiated", "negotiating", "agreed", "signed",
    ]
    /// A name with no place evidence of its own that stands for a government (metonymy): the
    /// party to dealings ("a deal with Damascus", "talks with Moscow"). (A capital speaking,
    /// "Moscow said", stays a place mention: the actor finder reads its country from it.)
    func standsForGovernment(_ candidate: Candidate, tokens: [Token]) -> Bool {
        let start = candidate.range.lowerBound
        if start > 0, ["with", "between"].contains(tokens[start - 1].lower) {
            let from = max(0, start - 6)
            return (from..<(start - 1)).contains { Self.dealings.contains(tokens[$0].lower) }
        }
        return false
    }

    /// A country, a region, or a city of 100,000 people.
    func isKnown(_ candidate: Candidate) -> Bool {
        candidate.places.contains { place in
            place.kind == .country || place.kind == .water
                || (place.kind == .region && !place.isDistrict)
                // A large city by its own name ("Baghdad"), or a very large one by another ("Kiev").
                || (place.kind == .place && place.population >= 100_000
                    && (NameKey.normalize(place.name) == candidate.key || place.population >= 1_000_000))
        }
    }

    /// Token ranges between quotation marks.
    func quotedRanges(_ tokens: [Token]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var open: Int?
        for (i, token) in tokens.enumerated() {
            switch token.text {
            case "“": open = i
            case "”":
                if let start = open { result.append((start + 1)..<i) }
                open = nil
            case "\"":
                if let start = open {
                    result.append((start + 1)..<i)
                    open = nil
                } else {
                    open = i
                }
            default: break
            }
        }
        return result
    }
}
