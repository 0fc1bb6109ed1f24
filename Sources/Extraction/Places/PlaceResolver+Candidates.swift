import EventModel
import Foundation

/// Candidate names: runs of capitalized words that some gazetteer name starts with, the longest
/// that names a place, and the checks that keep people, titles and organisations out.
extension PlaceResolver {

    struct Candidate {
        var range: Range<Int>
        var key: String
        var places: [GazetteerPlace]
        /// The phrase ends with a region word ("Bryansk region").
        var namesRegion: Bool
        /// A compass word stands before it ("northern Gaza", "eastern Ukraine"): a part of an area.
        var afterCompass = false
    }

    /// Capitalized phrases the gazetteer knows, longest match first, left to right.
    func candidates(_ tokens: [Token]) -> [Candidate] {
        var result: [Candidate] = []
        let listed = regionLists(tokens)
        var i = 0
        while i < tokens.count {
            guard startsName(tokens, i) else {
                i += 1
                continue
            }
            if let candidate = listed[i] ?? longestMatch(tokens, from: i) {
                result.append(candidate)
                i = candidate.range.upperBound
            } else {
                i += 1
            }
        }
        return result
    }

    /// Names listed before one plural region word, "the Bryansk, Kursk and Oryol regions", "the
    /// Kharkiv and Sumy oblasts": each is a region of that kind (its word shared by the list),
    /// by where each name starts. A name that is no such region is left to the usual reading.
    func regionLists(_ tokens: [Token]) -> [Int: Candidate] {
        var result: [Int: Candidate] = [:]
        for (index, token) in tokens.enumerated() where index > 2 && token.lower.hasSuffix("s") {
            let word = token.lower.hasSuffix("ies") ? token.lower.dropLast(3) + "y" : token.lower.dropLast()
            guard lexicon.regionWords.contains(String(word)) else { continue }
            var members: [Range<Int>] = []
            var end = index
            var joined = false
            while true {
                var start = end
                while start > 0 && tokens[start - 1].kind == .word && tokens[start - 1].isCapitalized {
                    start -= 1
                }
                guard start < end else { break }
                members.append(start..<end)
                // Before a name: "and"/"or" once (the last name's), otherwise a comma.
                var before = start - 1
                guard before > 0 else { break }
                if !joined && (tokens[before].lower == "and" || tokens[before].lower == "or") {
                    joined = true
                    before -= tokens[before - 1].text == "," ? 1 : 0
                } else if tokens[before].text != "," || !joined {
                    break
                }
                end = before
            }
            guard joined, members.count >= 2 else { continue }
            for range in members {
                let key = Self.key(tokens[range]) + " " + word
                let regions = gazetteer.places(named: key).filter { $0.kind == .region }
                guard !regions.isEmpty else { continue }
                result[range.lowerBound] = Candidate(
                    range: range, key: key, places: regions, namesRegion: true)
            }
        }
        return result
    }

    func startsName(_ tokens: [Token], _ i: Int) -> Bool {
        let token = tokens[i]
        guard token.kind == .word, token.isCapitalized else { return false }
        if lexicon.demonym(tokens, at: i) != nil { return false }
        return true
    }

    func longestMatch(_ tokens: [Token], from i: Int) -> Candidate? {
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
                best?.afterCompass = i > 0 && lexicon.compassWords.contains(tokens[i - 1].lower)
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
    func accept(_ tokens: [Token], _ range: Range<Int>, _ places: [GazetteerPlace]) -> Bool {
        notCommonWords(tokens, range, places) && notInCompound(tokens, range, places)
            && notShortName(tokens, range, places) && notPersonName(tokens, range, places)
            && notInstitution(tokens, range, places) && knownAtSentenceStart(tokens, range, places)
    }

    /// Common words, actors' names and names followed by a region word the place lacks.
    private func notCommonWords(_ tokens: [Token], _ range: Range<Int>, _ places: [GazetteerPlace]) -> Bool {
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
        return true
    }

    /// Parts of compounds, ships, families and weapons named after places.
    private func notInCompound(_ tokens: [Token], _ range: Range<Int>, _ places: [GazetteerPlace]) -> Bool {
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
        // "the tanker Aden Star", "the cargo ship Valencia Horizon": a ship.
        if range.lowerBound > 0 {
            var j = range.lowerBound - 1
            if j > 0 && tokens[j].text == "/" { j -= 1 }
            if lexicon.shipWords.contains(tokens[j].lower) && places[0].kind != .water { return false }
        }
        // "the Haddad family", "Kinzhal missiles", "the Minsk protocol": not a place.
        if range.upperBound < tokens.count, lexicon.notPlaceAfter.contains(tokens[range.upperBound].lower),
            places[0].kind == .place
        {
            return false
        }
        return true
    }

    /// Acronyms and minor alternate names.
    private func notShortName(_ tokens: [Token], _ range: Range<Int>, _ places: [GazetteerPlace]) -> Bool {
        let first = tokens[range.lowerBound]
        let single = range.count == 1
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
        return true
    }

    /// Surnames and names after titles.
    private func notPersonName(_ tokens: [Token], _ range: Range<Int>, _ places: [GazetteerPlace]) -> Bool {
        let single = range.count == 1
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
            // "Capt. Rashid", "Gen Smith".
            var before = range.lowerBound - 1
            if tokens[before].text == ".", before > 0 { before -= 1 }
            if lexicon.titles.contains(tokens[before].lower) && places[0].kind == .place { return false }
        }
        return true
    }

    /// Names inside an institution's or organisation's name.
    private func notInstitution(_ tokens: [Token], _ range: Range<Int>, _ places: [GazetteerPlace]) -> Bool {
        let single = range.count == 1
        // "in front of Seoul City Hall", "at Kabul University": a large city before an institution
        // it holds, after a word of place.
        let locatedInstitution =
            range.lowerBound > 1
            && (PlaceResolver.locatives.contains(tokens[range.lowerBound - 1].lower)
                || tokens[range.lowerBound - 1].lower == "of"
                    && tokens[range.lowerBound - 2].lower == "front")
            && places[0].population >= 100_000
        if single, range.upperBound < tokens.count, places[0].kind == .place, !locatedInstitution {
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
        // "Kharkiv Regional Military Administration", "Chernihiv State University".
        if range.upperBound < tokens.count, !locatedInstitution {
            var j = range.upperBound
            var capitalizedRun = 0
            while j < tokens.count && tokens[j].kind == .word && tokens[j].isCapitalized && capitalizedRun < 4
            {
                if lexicon.organizationHeads.contains(tokens[j].lower) { return false }
                capitalizedRun += 1
                j += 1
            }
        }
        return true
    }

    /// A sentence-initial single word must be a well-known place.
    private func knownAtSentenceStart(_ tokens: [Token], _ range: Range<Int>, _ places: [GazetteerPlace])
        -> Bool
    {
        let single = range.count == 1
        if single && places[0].kind == .place {
            let atStart =
                range.lowerBound == 0
                || [".", "!", "?", "\"", "“", "—"].contains(tokens[range.lowerBound - 1].text)
            // (unless its fate follows: "Talodi fell to the RSF").
            let end = range.upperBound
            let fate =
                end + 1 < tokens.count
                && (Self.fateAfter.contains(tokens[end].lower)
                    || (["was", "has", "had"].contains(tokens[end].lower)
                        && Self.fateAfter.contains(tokens[end + 1].lower)))
            if atStart && places[0].population < 50_000 && !fate { return false }
        }
        return true
    }

    /// "near", "outside", "15 km from" right before a name: the token range of the cue.
    func nearCue(before i: Int, tokens: [Token]) -> Range<Int>? {
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
}
