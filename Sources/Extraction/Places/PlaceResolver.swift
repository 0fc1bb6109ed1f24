import EventModel
import Foundation

/// Finds place names in a text and resolves each to one gazetteer place: "X region/oblast" is
/// the region, "near/outside/N km from X" is X with precision `near`, a country alone has
/// precision `country`. Demonyms, people's first names and names inside organisation names are
/// not places. Ambiguous names prefer the countries and regions the article names, then the most
/// populous place.
public struct PlaceResolver: Sendable {
    let gazetteer: Gazetteer
    let lexicon: PlaceLexicon

    public init(gazetteer: Gazetteer = .bundled) {
        self.gazetteer = gazetteer
        lexicon = .bundled
    }

    /// The countries an article is about: those named, and those of its demonyms.
    public func countries(in tokens: [Token]) -> Set<String> {
        var countries = Set<String>()
        for token in tokens where token.kind == .word && token.isCapitalized {
            if let code = lexicon.demonyms[token.lower] { countries.insert(code) }
        }
        for candidate in candidates(tokens)
        where candidate.places.first?.kind == .country && !candidate.namesRegion {
            countries.insert(candidate.places[0].country)
        }
        return countries
    }

    public func mentions(in text: String) -> [PlaceMention] {
        mentions(tokens: Tokenizer.tokens(text), in: text)
    }

    public func mentions(tokens: [Token], in text: String) -> [PlaceMention] {
        let found = candidates(tokens)
        // Context: the article's countries and regions, from names that are not in doubt.
        var countries = Set<String>()
        var regions = Set<Int>()
        for token in tokens where token.kind == .word && token.isCapitalized {
            if let code = lexicon.demonyms[token.lower] { countries.insert(code) }
        }
        // Names that are not in doubt: one place, or places all in one country.
        for candidate in found where Set(candidate.places.map(\.country)).count == 1 {
            let place = candidate.places[0]
            countries.insert(place.country)
            if place.kind == .region, let region = place.regionIndex { regions.insert(region) }
            // A town named without doubt puts its region in context ("Kharkiv" → Kharkiv Oblast).
            if candidate.places.count == 1, place.kind == .place, let region = place.regionIndex {
                regions.insert(region)
            }
        }
        let scalars = Array(text.unicodeScalars)
        // The regions of the places chosen at first also break ties: Kostyantynivka near Pokrovsk.
        // So do the countries of the towns chosen at first: "Congo" beside Brazzaville.
        var chosenRegions = regions
        var chosenCountries = countries
        for candidate in found {
            let first = choose(candidate, countries: countries, regions: regions)
            if let region = first.regionIndex { chosenRegions.insert(region) }
            if first.kind == .place { chosenCountries.insert(first.country) }
        }
        let resolved: [PlaceMention] = found.compactMap { candidate in
            let chosen = choose(candidate, countries: chosenCountries, regions: chosenRegions)
            let near = nearCue(before: candidate.range.lowerBound, tokens: tokens)
            let precision: PlacePrecision
            switch chosen.kind {
            case .country: precision = .country
            case .region: precision = .region
            case .water: precision = .water
            case .place: precision = near != nil ? .near : .exact
            }
            let startToken = near?.lowerBound ?? candidate.range.lowerBound
            let start = tokens[startToken].start
            let end = tokens[candidate.range.upperBound - 1].end
            let region = chosen.regionIndex.flatMap { $0 == chosen.index ? nil : gazetteer.place($0) }
            let place = Place(
                name: chosen.name,
                admin1: chosen.kind == .region && !chosen.isDistrict ? chosen.name : region?.name,
                country: chosen.country == "??" ? nil : chosen.country,
                lat: (chosen.latitude * 10_000).rounded() / 10_000,
                lon: (chosen.longitude * 10_000).rounded() / 10_000,
                precision: precision, geonamesID: chosen.geonamesID,
                text: String(String.UnicodeScalarView(scalars[start..<end])))
            let after = candidate.range.upperBound
            // "Russia's army" and "Moscow said": the place names an actor.
            let possessive =
                after + 1 < tokens.count && (tokens[after].text == "'" || tokens[after].text == "’")
                && tokens[after + 1].lower == "s" && !tokens[after].spaceBefore
                || (after < tokens.count && chosen.kind != .region
                    && lexicon.subjectVerbs.contains(tokens[after].lower)
                    // "the strike on Mosul has risen": after a preposition, before an auxiliary,
                    // it is no subject ("a doctor in Herat told" still names a speaker's place).
                    && !(startToken > 0 && Self.prepositions.contains(tokens[startToken - 1].lower)
                        && Self.auxiliaries.contains(tokens[after].lower)))
                || (after + 1 < tokens.count && tokens[after].text == ","
                    && ["which", "who"].contains(tokens[after + 1].lower))
            return PlaceMention(
                text: place.text ?? chosen.name, start: start, end: end, tokenRange: candidate.range,
                place: place,
                kind: chosen.kind, isPossessive: possessive, alternatives: candidate.places.count - 1)
        }
        return spans(resolved, tokens: tokens, scalars: scalars)
    }

    /// "between the towns of A and B": the stretch between two places. Close together (50 km),
    /// it is near A; in one region, or with B unknown, it is that region.
    private func spans(_ mentions: [PlaceMention], tokens: [Token], scalars: [Unicode.Scalar])
        -> [PlaceMention]
    {
        var result = mentions
        var i = 0
        while i < result.count {
            let first = result[i]
            var cue = first.tokenRange.lowerBound - 1
            while cue >= 0 && cue >= first.tokenRange.lowerBound - 4 && tokens[cue].lower != "between" {
                cue -= 1
            }
            let and = first.tokenRange.upperBound
            guard first.kind == .place, cue >= 0, tokens[cue].lower == "between",
                (cue + 1..<first.tokenRange.lowerBound).allSatisfy({ !tokens[$0].isCapitalized }),
                and + 1 < tokens.count, tokens[and].lower == "and", tokens[and + 1].isCapitalized
            else {
                i += 1
                continue
            }
            var end = and + 1
            while end < tokens.count && tokens[end].kind == .word && tokens[end].isCapitalized { end += 1 }
            let second =
                i + 1 < result.count && result[i + 1].tokenRange.lowerBound == and + 1 ? result[i + 1] : nil
            var place = first.place
            let distance = second.flatMap { first.place.distanceKm(to: $0.place) }
            if let distance, distance <= 50 {
                place.precision = .near
            } else if let admin1 = first.place.admin1, second == nil || second?.place.admin1 == admin1,
                let region = gazetteer.places(named: NameKey.normalize(admin1)).first(where: {
                    $0.kind == .region && !$0.isDistrict && $0.country == first.place.country
                })
            {
                place = Place(
                    name: region.name, admin1: region.name, country: first.place.country,
                    lat: (region.latitude * 10_000).rounded() / 10_000,
                    lon: (region.longitude * 10_000).rounded() / 10_000, precision: .region,
                    geonamesID: region.geonamesID)
            } else {
                i += 1
                continue
            }
            let start = tokens[cue].start
            let stop = tokens[end - 1].end
            place.text = String(String.UnicodeScalarView(scalars[start..<stop]))
            result[i] = PlaceMention(
                text: place.text ?? place.name, start: start, end: stop,
                tokenRange: first.tokenRange.lowerBound..<end, place: place,
                kind: place.precision == .region ? .region : .place, isPossessive: false, alternatives: 0)
            if second != nil { result.remove(at: i + 1) }
            i += 1
        }
        return result
    }

    private static let auxiliaries: Set<String> = ["is", "was", "has", "have", "had", "will", "would"]

    private static let prepositions: Set<String> = [
        "on", "in", "at", "near", "from", "to", "into", "of", "over", "across", "around", "outside",
        "towards",
        "toward", "through",
    ]

    // MARK: Candidates

    struct Candidate {
        var range: Range<Int>
        var key: String
        var places: [GazetteerPlace]
        /// The phrase ends with a region word ("Kursk region").
        var namesRegion: Bool
    }

    /// Capitalized phrases the gazetteer knows, longest match first, left to right.
    func candidates(_ tokens: [Token]) -> [Candidate] {
        var result: [Candidate] = []
        var i = 0
        while i < tokens.count {
            guard startsName(tokens, i) else {
                i += 1
                continue
            }
            if let candidate = longestMatch(tokens, from: i) {
                result.append(candidate)
                i = candidate.range.upperBound
            } else {
                i += 1
            }
        }
        return result
    }

    private func startsName(_ tokens: [Token], _ i: Int) -> Bool {
        let token = tokens[i]
        guard token.kind == .word, token.isCapitalized else { return false }
        if lexicon.demonyms[token.lower] != nil { return false }
        return true
    }

    private func longestMatch(_ tokens: [Token], from i: Int) -> Candidate? {
        // Gather up to six tokens that can belong to one name.
        var end = i + 1
        var words = 1
        while end < tokens.count && words < 6 {
            let token = tokens[end]
            let joined = !token.spaceBefore
            if token.kind == .word && (token.isCapitalized || lexicon.regionWords.contains(token.lower)) {
                words += 1
                end += 1
            } else if token.kind == .word && lexicon.particles.contains(token.lower) && end + 1 < tokens.count
                && tokens[end + 1].isCapitalized
            {
                end += 1
            } else if joined && (token.text == "-" || token.text == "'" || token.text == "’")
                && end + 1 < tokens.count
                && !tokens[end + 1].spaceBefore && tokens[end + 1].kind == .word
                && tokens[end + 1].lower != "s"
            {
                // "Saint-Louis", "Chasiv-Yar": the hyphen and the word after it.
                end += tokens[end + 1].isCapitalized ? 1 : 2
            } else {
                break
            }
        }
        // "the state of Michoacan", "the province of Kandahar": a region named after its word.
        let regionBefore =
            i >= 2 && tokens[i - 1].lower == "of" && lexicon.regionWords.contains(tokens[i - 2].lower)
        // Grow the phrase while some name starts with it; keep the longest that names a place.
        var best: Candidate?
        for length in 1...(end - i) {
            let range = i..<(i + length)
            let last = tokens[range.upperBound - 1]
            if last.kind != .word || lexicon.particles.contains(last.lower) { continue }
            let key = Self.key(tokens[range])
            if !gazetteer.hasPrefix(key) { break }
            var places = gazetteer.places(named: key)
            // "the state of X" is the region "X state", even where a town is called X.
            if regionBefore {
                let regions = gazetteer.places(named: key + " " + tokens[i - 2].lower).filter {
                    $0.kind == .region
                }
                if !regions.isEmpty { places = regions }
            }
            if !places.isEmpty, accept(tokens, range, places) {
                let namesRegion = lexicon.regionWords.contains(last.lower) || regionBefore
                best = Candidate(range: range, key: key, places: places, namesRegion: namesRegion)
            }
        }
        return best
    }

    /// The lookup key of a phrase: ASCII is lower-cased directly, anything else normalized.
    static func key(_ tokens: ArraySlice<Token>) -> String {
        var ascii = true
        for token in tokens where !token.text.utf8.allSatisfy({ $0 < 0x80 }) {
            ascii = false
            break
        }
        guard ascii else {
            return NameKey.normalize(tokens.map { ($0.spaceBefore ? " " : "") + $0.text }.joined())
        }
        var key = ""
        var pendingSpace = false
        for token in tokens {
            if token.kind == .punctuation {
                // Hyphens and other marks separate words; an apostrophe inside a word stays.
                if token.text == "'" { key += "'" } else { pendingSpace = true }
                continue
            }
            if (token.spaceBefore || pendingSpace) && !key.isEmpty && !key.hasSuffix("'") { key += " " }
            key += token.lower
            pendingSpace = false
        }
        return key
    }

    /// Rejects names that are not places here: common words, first names, names inside an
    /// organisation's name.
    private func accept(_ tokens: [Token], _ range: Range<Int>, _ places: [GazetteerPlace]) -> Bool {
        let first = tokens[range.lowerBound]
        let single = range.count == 1
        if single && lexicon.notPlaces.contains(first.lower) { return false }
        if lexicon.actorNames.contains(Self.key(tokens[range])) && places[0].kind == .place { return false }
        if single && first.lower.count < 3 { return false }
        // Every word common ("White House"): a translated alternate name, not this place.
        if places[0].kind == .place
            && tokens[range].allSatisfy({ $0.kind != .word || lexicon.notPlaces.contains($0.lower) })
        {
            return false
        }
        // "Ghor province" that the gazetteer does not know as a region: not the town called so.
        if range.upperBound < tokens.count, lexicon.regionWords.contains(tokens[range.upperBound].lower),
            places.allSatisfy({ $0.kind == .place })
        {
            return false
        }
        // "the Dniprovskyi district of Kherson": the place is the one after "of".
        if range.upperBound + 1 < tokens.count,
            ["district", "neighbourhood", "neighborhood", "quarter", "suburb"].contains(
                tokens[range.upperBound].lower),
            tokens[range.upperBound + 1].lower == "of"
        {
            return false
        }
        // The end of a hyphenated compound: "anti-Balaka", "pro-Kyiv".
        if range.lowerBound >= 2, tokens[range.lowerBound - 1].text == "-",
            !tokens[range.lowerBound - 1].spaceBefore,
            !tokens[range.lowerBound].spaceBefore
        {
            return false
        }
        // Part of a hyphenated compound: "Kalibr-M", "Kyiv-based".
        if range.upperBound + 1 < tokens.count, tokens[range.upperBound].text == "-",
            !tokens[range.upperBound].spaceBefore, !tokens[range.upperBound + 1].spaceBefore
        {
            return false
        }
        // An acronym ("BLA", "SAF") is an organisation, not a place.
        if single && first.text.count <= 5 && first.text.allSatisfy({ $0.isUppercase })
            && places[0].kind == .place
        {
            return false
        }
        // Known only by a minor alternate name: too likely another word or a person's name.
        if single && places[0].kind == .place && places[0].population < 5_000
            && NameKey.normalize(places[0].name) != first.lower
        {
            return false
        }
        // A surname: a capitalized word before it that is not a place word ("Arnel Joseph"), or
        // the end of a quoted name ("Los Zetas").
        if single && places[0].kind == .place && range.lowerBound > 0 {
            let previous = tokens[range.lowerBound - 1]
            let opensQuote =
                range.lowerBound >= 2
                && ["\"", "“", "'", "‘", "("].contains(tokens[range.lowerBound - 2].text)
            if previous.kind == .word && previous.isCapitalized && (previous.spaceBefore || opensQuote)
                || range.lowerBound == 1 && previous.isCapitalized
            {
                if !lexicon.notPlaces.contains(previous.lower) && lexicon.demonyms[previous.lower] == nil
                    && !lexicon.regionWords.contains(previous.lower)
                {
                    return false
                }
            }
        }
        // A person's name: a title before it, or another capitalized name (or an initial) after it.
        if range.lowerBound > 0 {
            let previous = tokens[range.lowerBound - 1].lower
            if lexicon.titles.contains(previous) && places[0].kind == .place { return false }
        }
        if single, range.upperBound < tokens.count, places[0].kind == .place {
            let next = tokens[range.upperBound]
            if next.kind == .word && next.isCapitalized && next.spaceBefore
                && !lexicon.regionWords.contains(next.lower) && !lexicon.titles.contains(next.lower)
                && lexicon.demonyms[next.lower] == nil && !lexicon.organizationHeads.contains(next.lower)
            {
                return false
            }
        }
        // "… Service of Ukraine", "Ministry of Defense": part of an organisation's name.
        if range.lowerBound >= 2, tokens[range.lowerBound - 1].lower == "of" {
            let head = tokens[range.lowerBound - 2]
            if head.isCapitalized && lexicon.organizationHeads.contains(head.lower) { return false }
        }
        // "Kharkiv Regional Military Administration", "Sumy State University".
        if range.upperBound < tokens.count {
            var j = range.upperBound
            var capitalizedRun = 0
            while j < tokens.count && tokens[j].kind == .word && tokens[j].isCapitalized && capitalizedRun < 4
            {
                if lexicon.organizationHeads.contains(tokens[j].lower) { return false }
                capitalizedRun += 1
                j += 1
            }
        }
        // A sentence-initial single word must be a well-known place.
        if single && places[0].kind == .place {
            let atStart =
                range.lowerBound == 0
                || [".", "!", "?", "\"", "“", "—"].contains(tokens[range.lowerBound - 1].text)
            if atStart && places[0].population < 50_000 { return false }
        }
        return true
    }

    /// "near", "outside", "15 km from" right before a name: the token range of the cue.
    private func nearCue(before i: Int, tokens: [Token]) -> Range<Int>? {
        var start = i
        if start > 0 && tokens[start - 1].lower == "the" { start -= 1 }
        for cue in lexicon.nearCues {
            let from = start - cue.count
            guard from >= 0 else { continue }
            if cue.indices.allSatisfy({ tokens[from + $0].lower == cue[$0] }) {
                // "N km from": take the number too.
                if from > 0, tokens[from - 1].kind == .number { return (from - 1)..<start }
                return from..<start
            }
        }
        return nil
    }

    // MARK: Resolution

    private func choose(_ candidate: Candidate, countries: Set<String>, regions: Set<Int>) -> GazetteerPlace {
        let places = candidate.places
        if places.count == 1 { return places[0] }
        func score(_ place: GazetteerPlace) -> Double {
            var score = 0.0
            if candidate.namesRegion && place.kind == .region { score += 1000 }
            if place.kind == .water { score += 500 }
            if place.kind == .country && !candidate.namesRegion { score += 300 }
            if countries.contains(place.country) { score += 200 }
            // Its own name, not an old or foreign one: Pokrovsk in Ukraine, not Engels once called so.
            if NameKey.normalize(place.name) == candidate.key { score += 150 }
            if let region = place.regionIndex, regions.contains(region) { score += 100 }
            // A far larger place wins over the article's context: New York, not a village of that name.
            score += 70 * log10(Double(place.population) + 1)
            return score
        }
        var best = places[0]
        var bestScore = score(best)
        for place in places.dropFirst() {
            let value = score(place)
            if value > bestScore {
                best = place
                bestScore = value
            }
        }
        return best
    }
}
