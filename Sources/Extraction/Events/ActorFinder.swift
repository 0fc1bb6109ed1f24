import EventModel

/// An actor named in a text: a group, a demonym-led force, a country or a capital speaking.
struct FoundActor: Sendable {
    var range: Range<Int>
    var name: String
    var country: String?
    var type: ActorType?
}

/// Finds actors: named groups and institutions (`actors.json`), "Russian forces", "Ukraine's
/// military", a country as a subject ("Russia launched"), a capital speaking for its government
/// ("Tehran said"), and the bare nouns of fighting forces and of civilians.
struct ActorFinder: Sendable {
    let lexicon: EventLexicon
    let text: ArticleText
    let places: [PlaceMention]
    let demonyms: [String: String]
    private let namedMemo = RangeMemo<[FoundActor]>()
    private let allMemo = RangeMemo<[FoundActor]>()

    init(lexicon: EventLexicon, text: ArticleText, places: [PlaceMention]) {
        self.lexicon = lexicon
        self.text = text
        self.places = places
        demonyms = PlaceLexicon.bundled.demonyms
    }

    /// Named actors, demonym-led ones and countries in a range.
    func named(in range: Range<Int>) -> [FoundActor] {
        namedMemo.value(for: range) { findNamed(in: range) }
    }

    private func findNamed(in range: Range<Int>) -> [FoundActor] {
        let tokens = text.tokens
        var found: [FoundActor] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let (entry, length) = lexicon.namedActors.match(tokens, at: i, limit: range.upperBound),
                tokens[i].isCapitalized || tokens[i].kind == .number
            {
                found.append(
                    FoundActor(
                        range: i..<(i + length), name: text.phrase(i..<(i + length)), country: entry.country,
                        type: entry.type))
                i += length
                continue
            }
            if let actor = demonymLed(at: i, in: range) ?? capitalSpeaking(at: i, in: range) {
                found.append(actor)
                i = actor.range.upperBound
                continue
            }
            if let place = places.first(where: { $0.tokenRange.lowerBound == i && $0.kind == .country }) {
                if let actor = country(place, in: range) { found.append(actor) }
                i = max(i + 1, found.last.map { $0.range.upperBound } ?? i + 1)
                continue
            }
            i += 1
        }
        return found
    }

    /// Named actors, then the bare nouns of forces, groups and people ("the army", "gunmen",
    /// "villagers") that overlap none of them.
    func all(in range: Range<Int>) -> [FoundActor] {
        allMemo.value(for: range) { findAll(in: range) }
    }

    private func findAll(in range: Range<Int>) -> [FoundActor] {
        var found = named(in: range)
        for match in lexicon.actorNouns.all(text.tokens, in: range) {
            guard !found.contains(where: { $0.range.overlaps(match.range) }) else { continue }
            found.append(
                FoundActor(
                    range: match.range, name: text.phrase(match.range), country: nil, type: match.value))
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// "Russian forces", "Iraqi army troops": a demonym and a noun of forces within four words.
    private func demonymLed(at i: Int, in range: Range<Int>) -> FoundActor? {
        let tokens = text.tokens
        guard tokens[i].isCapitalized, let code = PlaceLexicon.bundled.demonym(tokens, at: i) else {
            return nil
        }
        var j = i + 1
        while j < range.upperBound && tokens[j].isCapitalized
            && (demonyms[tokens[j].lower] == nil || j == i + 1)
            && j - i < 4
        {
            j += 1
        }
        guard j < range.upperBound,
            let (type, length) = lexicon.actorNouns.match(tokens, at: j, limit: range.upperBound)
        else { return nil }
        return FoundActor(
            range: i..<(j + length), name: text.phrase(i..<(j + length)), country: code, type: type)
    }

    /// "Tehran said": a capital speaking for its government.
    private func capitalSpeaking(at i: Int, in range: Range<Int>) -> FoundActor? {
        let tokens = text.tokens
        guard let town = places.first(where: { $0.tokenRange.lowerBound == i && $0.kind == .place }),
            town.isPossessive, town.tokenRange.upperBound < range.upperBound,
            !["'s", "’s", "'", "’"].contains(tokens[town.tokenRange.upperBound].text)
        else { return nil }
        return FoundActor(
            range: town.tokenRange, name: text.phrase(town.tokenRange), country: town.place.country,
            type: .government)
    }

    /// "Russia launched", "Ukraine's military", "Russia's invasion"; not "Russia's Bryansk
    /// region" nor "Haiti's capital", which are places.
    private func country(_ place: PlaceMention, in range: Range<Int>) -> FoundActor? {
        let tokens = text.tokens
        let i = place.tokenRange.lowerBound
        // "in Iraq", "across Ukraine": where, not who.
        if i > 0, Self.locatives.contains(tokens[i - 1].lower) { return nil }
        var end = place.tokenRange.upperBound
        var type: ActorType? = .stateForces
        let apostrophe = end < range.upperBound && ["'s", "’s", "'", "’"].contains(tokens[end].text)
        let placeAfter = places.contains {
            $0.tokenRange.lowerBound > end && $0.tokenRange.lowerBound <= end + 2 && $0.kind != .country
        }
        if apostrophe && placeAfter { return nil }
        if place.isPossessive && apostrophe {
            end += 2
            var j = end
            while j < range.upperBound && tokens[j].isCapitalized && j - end < 3 { j += 1 }
            if j < range.upperBound,
                let (nounType, length) = lexicon.actorNouns.match(tokens, at: j, limit: range.upperBound)
            {
                end = j + length
                type = nounType
            } else if j > end {
                end = j
                type = .government
            } else if j < range.upperBound, lexicon.cues.match(tokens, at: j) != nil {
                end = place.tokenRange.upperBound
            } else {
                return nil
            }
        }
        return FoundActor(
            range: i..<end, name: text.phrase(i..<end), country: place.place.country, type: type)
    }

    static let locatives: Set<String> = [
        "in", "at", "near", "across", "into", "from", "to", "of", "inside", "throughout", "within", "around",
        "outside", "toward", "towards", "over", "through", "on",
    ]

    /// The country's name, for an actor known by its demonym.
    func countryName(_ code: String) -> String? {
        CountryNames.names(for: code).first
    }
}
