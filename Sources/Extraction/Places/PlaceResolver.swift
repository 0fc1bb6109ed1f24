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
        for (i, token) in tokens.enumerated() where token.kind == .word && token.isCapitalized {
            if let code = lexicon.demonym(tokens, at: i) { countries.insert(code) }
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
        let found = withEvidence(candidates(tokens), tokens: tokens)
        // The countries of demonyms, worked out once for the article's several stages.
        let demonyms = placeDemonyms(tokens)
        let sideDemonyms = Set(placeDemonyms(tokens, sidesToo: true).keys)
        let (countries, regions) = context(found, tokens: tokens, demonyms: demonyms)
        let scalars = Array(text.unicodeScalars)
        var resolved: [PlaceMention] = found.map { candidate in
            let chosen = choose(candidate, countries: countries, regions: regions)
            return mention(candidate, chosen: chosen, tokens: tokens, scalars: scalars)
        }
        resolved = statedRegions(resolved, candidates: found, tokens: tokens, scalars: scalars)
        resolved = regionLists(resolved, tokens: tokens, scalars: scalars)
        resolved = notAbroad(
            resolved, candidates: found, demonyms: demonyms, sides: sideDemonyms, tokens: tokens,
            scalars: scalars)
        resolved += unknownPlaces(tokens: tokens, scalars: scalars, known: resolved, demonyms: demonyms)
        resolved.sort { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }
        resolved = seaPositions(resolved, tokens: tokens, scalars: scalars)
        return spans(capitals(resolved, tokens: tokens, scalars: scalars), tokens: tokens, scalars: scalars)
    }

    /// The article's countries and regions, from demonyms and names that are not in doubt (one
    /// place, or places all in one country), then from the places chosen at first: the regions
    /// of towns break ties (Kostyantynivka near Pokrovsk), and so do their countries ("Congo"
    /// beside Brazzaville).
    func context(_ found: [Candidate], tokens: [Token], demonyms: [String: Int]) -> (Set<String>, Set<Int>) {
        var countries = Set(demonyms.keys)
        var regions = Set<Int>()
        for candidate in found where Set(candidate.places.map(\.country)).count == 1 {
            let place = candidate.places[0]
            countries.insert(place.country)
            if place.kind == .region, let region = place.regionIndex { regions.insert(region) }
            if candidate.places.count == 1, place.kind == .place, let region = place.regionIndex {
                regions.insert(region)
            }
        }
        var chosenRegions = regions
        var chosenCountries = countries
        for candidate in found {
            let first = choose(candidate, countries: countries, regions: regions)
            if let region = first.regionIndex { chosenRegions.insert(region) }
            if first.kind == .place { chosenCountries.insert(first.country) }
        }
        return (chosenCountries, chosenRegions)
    }

    /// A candidate resolved to one gazetteer place, with its precision ("near X") and whether it
    /// names an actor rather than a location ("Russia's army", "Tehran said").
    func mention(_ candidate: Candidate, chosen: GazetteerPlace, tokens: [Token], scalars: [Unicode.Scalar])
        -> PlaceMention
    {
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
                && ["which", "who"].contains(tokens[after + 1].lower)
                && !(startToken > 0 && Self.prepositions.contains(tokens[startToken - 1].lower)))
        return PlaceMention(
            text: place.text ?? chosen.name, start: start, end: end, tokenRange: candidate.range,
            place: place, kind: chosen.kind, isPossessive: possessive,
            alternatives: candidate.places.count - 1)
    }

    /// "Haiti's capital": the capital town of the country named, told in place of the country.
    func capitals(_ mentions: [PlaceMention], tokens: [Token], scalars: [Unicode.Scalar]) -> [PlaceMention] {
        mentions.map { mention in
            let after = mention.tokenRange.upperBound
            guard mention.kind == .country, mention.isPossessive, after + 2 < tokens.count,
                ["'", "’"].contains(tokens[after].text), tokens[after + 1].lower == "s",
                tokens[after + 2].lower == "capital",
                let code = mention.place.country, let name = lexicon.capitals[code],
                let town = gazetteer.places(named: NameKey.normalize(name)).filter({
                    $0.kind == .place && $0.country == code
                }).max(by: { $0.population < $1.population })
            else { return mention }
            let region = town.regionIndex.flatMap { $0 == town.index ? nil : gazetteer.place($0) }
            let end = tokens[after + 2].end
            let text = String(String.UnicodeScalarView(scalars[mention.start..<end]))
            let place = Place(
                name: town.name, admin1: region?.name, country: code,
                lat: (town.latitude * 10_000).rounded() / 10_000,
                lon: (town.longitude * 10_000).rounded() / 10_000,
                precision: .exact, geonamesID: town.geonamesID, text: text)
            return PlaceMention(
                text: text, start: mention.start, end: end,
                tokenRange: mention.tokenRange.lowerBound..<(after + 3),
                place: place, kind: .place, isPossessive: false, alternatives: 0)
        }
    }

    /// "between the towns of A and B": the stretch between two places. Close together (50 km),
    /// it is near A; in one region, or with B unknown, it is that region.
    func spans(_ mentions: [PlaceMention], tokens: [Token], scalars: [Unicode.Scalar])
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
            // A second name the gazetteer lacks, placed by its neighbour, is no known point.
            let known = second.flatMap { $0.place.geonamesID == nil ? nil : $0 }
            let distance = known.flatMap { first.place.distanceKm(to: $0.place) }
            if let distance, distance <= 50 {
                place.precision = .near
            } else if let admin1 = first.place.admin1, known == nil || known?.place.admin1 == admin1,
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

    static let auxiliaries: Set<String> = ["is", "was", "has", "have", "had", "will", "would"]

    static let prepositions: Set<String> = [
        "on", "in", "at", "near", "from", "to", "into", "of", "over", "across", "around", "outside",
        "towards",
        "toward", "through",
    ]

    // MARK: Resolution

    func choose(_ candidate: Candidate, countries: Set<String>, regions: Set<Int>) -> GazetteerPlace {
        let places = candidate.places
        if places.count == 1 { return places[0] }
        func score(_ place: GazetteerPlace) -> Double {
            var score = 0.0
            if candidate.namesRegion && place.kind == .region { score += 1000 }
            // "northern Gaza", "central Sudan": the area, where the name is also a town's.
            if candidate.afterCompass && place.kind != .place { score += 400 }
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

    /// "the villages of A, B and C in the Donetsk region": a town named with its region is that
    /// region's (the namesake there, or a village kept by its name in it).
    func statedRegions(
        _ mentions: [PlaceMention], candidates: [Candidate], tokens: [Token], scalars: [Unicode.Scalar]
    ) -> [PlaceMention] {
        var result = mentions
        for (index, mention) in mentions.enumerated() where mention.kind == .place {
            guard
                let region = mentions[(index + 1)...].first(where: { other in
                    guard other.kind == .region,
                        other.tokenRange.lowerBound - mention.tokenRange.upperBound <= 12
                    else { return false }
                    var before = other.tokenRange.lowerBound - 1
                    if before > 0 && tokens[before].lower == "the" { before -= 1 }
                    return before >= 0 && ["in", "of"].contains(tokens[before].lower)
                }),
                !(mention.tokenRange.upperBound..<region.tokenRange.lowerBound).contains(where: {
                    [".", ";"].contains(tokens[$0].text)
                }),
                region.place.country != nil,
                // A district names its first-level region ("the tribal district of Bajaur").
                case let stated = region.place.admin1 ?? region.place.name, mention.place.admin1 != stated
            else { continue }
            let inside = candidates[index].places.filter {
                $0.kind == .place && $0.regionIndex.map { gazetteer.place($0).name } == stated
            }
            if let town = inside.max(by: { $0.population < $1.population }) {
                result[index] = self.mention(
                    candidates[index], chosen: town, tokens: tokens, scalars: scalars)
            } else {
                result[index] = unknown(mention.tokenRange, in: region, tokens: tokens, scalars: scalars)
            }
        }
        return result
    }

    /// "the Kharkiv, Chernihiv and Poltava regions": each name of the list is its region.
    func regionLists(_ mentions: [PlaceMention], tokens: [Token], scalars: [Unicode.Scalar]) -> [PlaceMention]
    {
        var result = mentions
        for (index, mention) in mentions.enumerated() where mention.kind == .place {
            // The list's end: the plural region word after this name or the names after it.
            var last = index
            while last + 1 < mentions.count,
                mentions[last + 1].tokenRange.lowerBound > mentions[last].tokenRange.upperBound,
                (mentions[last].tokenRange.upperBound..<mentions[last + 1].tokenRange.lowerBound).allSatisfy({
                    [",", "and", "or"].contains(tokens[$0].lower)
                })
            {
                last += 1
            }
            let after = mentions[last].tokenRange.upperBound
            guard after < tokens.count, let word = Self.pluralRegionWords[tokens[after].lower] else {
                continue
            }
            let key = Self.key(tokens[mention.tokenRange]) + " " + word
            guard
                let region = gazetteer.places(named: key).first(where: {
                    $0.kind == .region && $0.country == mention.place.country
                })
            else { continue }
            let candidate = Candidate(
                range: mention.tokenRange, key: key, places: [region], namesRegion: true)
            result[index] = self.mention(candidate, chosen: region, tokens: tokens, scalars: scalars)
        }
        return result
    }

    static let pluralRegionWords: [String: String] = [
        "regions": "region", "oblasts": "oblast", "provinces": "province", "governorates": "governorate",
        "states": "state", "districts": "district", "counties": "county",
    ]

    /// The countries of demonyms that describe places or people ("Ukrainian cities", "Afghan
    /// villagers"), with their counts — not those naming a side ("Russian troops", "the Iraqi
    /// defence ministry"), which say who acted, not where.
    static let reportingVerbs: Set<String> = [
        "said", "says", "reported", "reports", "told", "announced", "confirmed", "stated", "warned",
    ]

    func placeDemonyms(_ tokens: [Token], sidesToo: Bool = false) -> [String: Int] {
        let events = EventLexicon.bundled
        let nouns = events.actorNouns
        var counts: [String: Int] = [:]
        for (i, token) in tokens.enumerated() where token.kind == .word && token.isCapitalized {
            guard let code = lexicon.demonym(tokens, at: i) else { continue }
            // "the British maritime agency said": a source, neither a place nor a side.
            if let verb = (i + 1..<min(tokens.count, i + 5)).first(where: {
                Self.reportingVerbs.contains(tokens[$0].lower)
            }), (i + 1..<verb).allSatisfy({ tokens[$0].kind == .word && !tokens[$0].isCapitalized }) {
                continue
            }
            if sidesToo {
                counts[code, default: 0] += 1
                continue
            }
            // "Russian-installed", "Ukrainian-held": of a side.
            if i + 1 < tokens.count && tokens[i + 1].text == "-" && !tokens[i + 1].spaceBefore { continue }
            var j = i + 1
            while j < tokens.count && j - i <= 3 && tokens[j].isCapitalized { j += 1 }
            // "Russian troops", "Russian artillery", "Russian attacks": a side, its arms, its deeds.
            if j < tokens.count {
                if let noun = nouns.match(tokens, at: j), noun.value != .civilians { continue }
                if events.weapons.match(tokens, at: j) != nil || events.cues.match(tokens, at: j) != nil {
                    continue
                }
            }
            counts[code, default: 0] += 1
        }
        return counts
    }
}
