import EventModel

/// Where a deed happened: the places of its clause (a list of places gives one event each), the
/// sentence's setting, or the scene and the story told before.
extension EventReader {
    /// The places of a deed, and whether they came from context rather than its sentence.
    func placesOf(
        _ trigger: Range<Int>, segment: Range<Int>, sentence: Range<Int>, eventSegments: [Range<Int>],
        violent: Bool
    ) -> (places: [PlaceMention], fromContext: Bool) {
        let candidates = usable(in: segment, trigger: trigger, sentence: sentence)
        if var group = bestGroup(candidates, trigger: trigger) {
            // "In Lagos, thousands rallied … for hostages held in Kano": the place that opens the
            // sentence is its setting, unless the deed names its own right after it.
            // (A region opening the sentence holds the town told after it: "In the Cauca
            // department, a grenade … in Suárez".)
            if let opening = candidates.first(where: { isOpening($0, sentence: sentence) }),
                !group.contains(where: { $0.tokenRange.lowerBound == opening.tokenRange.lowerBound }),
                !(trigger.upperBound...(trigger.upperBound + 3)).contains(group[0].tokenRange.lowerBound)
            {
                group = [opening]
            }
            // "the northern border region of Ukraine": the region of that country just told.
            if group.count == 1, group[0].kind == .country, let region = regionAnaphor(in: segment),
                region.place.country == group[0].place.country
            {
                return ([region], true)
            }
            return (group, false)
        }
        // The sentence's setting: places in its clauses that tell no event of their own.
        let setting = usable(in: sentence, trigger: trigger, sentence: sentence).filter { place in
            !eventSegments.contains { $0 != segment && $0.contains(place.tokenRange.lowerBound) }
        }
        if let group = bestGroup(setting, trigger: trigger) { return (group, false) }
        // "at Ukrainian cities", "on Russian territory": the country of the places hit.
        if let country = demonymPlace(after: trigger, in: segment) { return ([country], false) }
        if let place = contextPlace(in: sentence, violent: violent) { return ([place], true) }
        return ([], true)
    }

    /// "In Lagos, …", "In the town of Anka, …": a place opening the sentence.
    func isOpening(_ mention: PlaceMention, sentence: Range<Int>) -> Bool {
        guard ["in", "at", "near"].contains(tokens[sentence.lowerBound].lower) else { return false }
        let end = mention.tokenRange.upperBound
        return mention.tokenRange.lowerBound <= sentence.lowerBound + 5 && end < sentence.upperBound
            && tokens[end].text == "," && mention.kind == .place
    }

    /// Places that can be where a deed happened: not a dateline, not an actor ("Tehran said",
    /// "Russia's army"), not an origin ("from the Bryansk region", "the border with Ecuador"), not
    /// quoted apart from the deed.
    func usable(in range: Range<Int>, trigger: Range<Int>, sentence: Range<Int>) -> [PlaceMention] {
        let quotes = text.quotedRanges(in: sentence)
        let triggerQuote = quotes.first { $0.contains(trigger.lowerBound) }
        return placesIn(range).compactMap { mention -> PlaceMention? in
            if let dateline = facts.dateline, dateline.contains(mention.tokenRange.lowerBound) { return nil }
            if let town = possessiveTown(mention, sentence: sentence) { return town }
            guard
                let mention = ownPlace(
                    mention, sentence: sentence, quotes: quotes, triggerQuote: triggerQuote)
            else { return nil }
            let before = wordBefore(mention, sentence: sentence)
            guard before >= sentence.lowerBound else { return mention }
            return placeAfter(before, mention, sentence: sentence)
        }
    }

    /// "in Kismayo's Hodan district": the town holds the district.
    func possessiveTown(_ mention: PlaceMention, sentence: Range<Int>) -> PlaceMention? {
        if mention.isPossessive && mention.kind == .place,
            (mention.tokenRange.upperBound..<min(sentence.upperBound, mention.tokenRange.upperBound + 5))
                .contains(
                    where: { PlaceLexicon.bundled.settlementWords.contains(tokens[$0].lower) })
        {
            var town = mention
            town.isPossessive = false
            return town
        }
        return nil
    }

    /// A place that is not a force ("the Kenya army"), a possessive or a quote apart from the deed.
    func ownPlace(
        _ mention: PlaceMention, sentence: Range<Int>, quotes: [Range<Int>], triggerQuote: Range<Int>?
    ) -> PlaceMention? {
        if mention.isPossessive && mention.kind != .region { return nil }
        // "United States military helicopters", "the Kenya army": a country naming a force.
        if mention.kind == .country, mention.tokenRange.upperBound < sentence.upperBound,
            lexicon.actorNouns.match(tokens, at: mention.tokenRange.upperBound) != nil
                || ["military", "embassy", "envoy", "delegation", "navy", "army"].contains(
                    tokens[mention.tokenRange.upperBound].lower)
        {
            return nil
        }
        if let quote = quotes.first(where: { $0.contains(mention.tokenRange.lowerBound) }),
            quote != triggerQuote
        {
            return nil
        }
        return mention
    }

    /// The word that frames a place, over "the", a possessive country ("from Russia's Belgorod
    /// region") and the country of an origin ("from the Bryansk region of Russia").
    func wordBefore(_ mention: PlaceMention, sentence: Range<Int>) -> Int {
        var before = mention.tokenRange.lowerBound - 1
        if before > sentence.lowerBound && tokens[before].lower == "the" { before -= 1 }
        // "from Russia's Belgorod region": over the possessive country.
        if before > sentence.lowerBound + 1,
            tokens[before].text == "'s" || tokens[before].text == "’s"
                || tokens[before].lower == "s"
        {
            var j = before - 1
            if j > sentence.lowerBound, ["'", "’"].contains(tokens[j].text) { j -= 1 }
            if places.contains(where: { $0.tokenRange.upperBound == j + 1 && $0.kind == .country }),
                let country = places.first(where: { $0.tokenRange.upperBound == j + 1 })
            {
                before = country.tokenRange.lowerBound - 1
                if before > sentence.lowerBound && tokens[before].lower == "the" { before -= 1 }
            }
        }
        // "from the Bryansk region of Russia": the country of an origin is the origin too.
        if before > sentence.lowerBound, tokens[before].lower == "of",
            let inner = places.first(where: { $0.tokenRange.upperBound == before }),
            inner.tokenRange.lowerBound > sentence.lowerBound
        {
            var j = inner.tokenRange.lowerBound - 1
            if j > sentence.lowerBound && tokens[j].lower == "the" { j -= 1 }
            if tokens[j].lower == "from" { before = j }
        }
        return before
    }

    /// A place by the word before it: a part of the town just told, near a road, where the
    /// leaving was; not an origin ("from the Bryansk region") or a border ("the border with Ecuador").
    func placeAfter(_ before: Int, _ mention: PlaceMention, sentence: Range<Int>) -> PlaceMention? {
        // "the city's Kyivskyi district": a part of the town just told, whatever else bears its name.
        if tokens[before].text == "'s" || tokens[before].text == "’s" || tokens[before].lower == "s",
            before >= 2,
            ["city", "town", "capital", "village"].contains(tokens[before - 1].lower)
                || (before >= 3
                    && ["'", "’"].contains(tokens[before - 1].text)
                    && ["city", "town", "capital", "village"].contains(tokens[before - 2].lower)),
            let lastPlace = state.lastPlace
        {
            var town = lastPlace
            town.place.precision = .near
            return town
        }
        if tokens[before].lower == "from" {
            // "on the road from El Fasher": near it, not from there.
            let road =
                before > sentence.lowerBound
                && ["road", "route", "highway", "way"].contains(tokens[before - 1].lower)
            // "withdrew from Kherson", "were driven from the town": where the leaving was.
            let leaving = (max(sentence.lowerBound, before - 2)..<before).contains {
                Self.leavingWords.contains(tokens[$0].lower)
            }
            if leaving { return mention }
            if !road { return nil }
            var near = mention
            if near.kind == .place { near.place.precision = .near }
            return near
        }
        if ["with", "of"].contains(tokens[before].lower), before > sentence.lowerBound,
            ["border", "borders", "frontier"].contains(tokens[before - 1].lower)
        {
            return nil
        }
        return mention
    }

    static let leavingWords: Set<String> = [
        "withdrew", "withdrawn", "withdraw", "withdrawing", "withdraws", "withdrawal", "retreated", "retreat",
        "retreating", "expelled", "expel", "driven", "drove", "ousted", "oust", "evicted", "evacuated",
        "pulled", "pull", "pulling", "back", "out", "fled", "flee", "fleeing", "cleared", "dislodged",
        "routed", "pullout", "departed", "departure", "exit", "exited",
    ]

    /// The group of places nearest the deed, the most specific first: a list ("A, B and the city
    /// of C") is one group, every place of it an event.
    func bestGroup(_ candidates: [PlaceMention], trigger: Range<Int>) -> [PlaceMention]? {
        let groups = listGroups(candidates)
        func rank(_ group: [PlaceMention]) -> Int {
            group.map { mention -> Int in
                switch mention.kind {
                case .place: mention.place.precision == .near ? 1 : 0
                case .water: 1
                case .region:
                    mention.place.admin1 != nil && mention.place.admin1 != mention.place.name ? 2 : 3
                case .country: 4
                }
            }.min() ?? 5
        }
        func distance(_ group: [PlaceMention]) -> Int {
            let start = group[0].tokenRange.lowerBound
            return start >= trigger.lowerBound
                ? start - trigger.lowerBound : 1000 + trigger.lowerBound - start
        }
        return groups.min { a, b in
            let ra = rank(a)
            let rb = rank(b)
            return ra != rb ? ra < rb : distance(a) < distance(b)
        }
    }

    static let listGlue: Set<String> = [
        ",", "and", "or", "as", "well", "the", "of", "city", "cities", "town", "towns", "village", "villages",
        "settlement",
        "settlements", "district", "districts", "region", "regions", "province", "provinces", "area", "areas",
        "community", "communities", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods",
        "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern",
        "southwestern", "central", "nearby", "neighbouring", "neighboring", "port", "capital",
    ]

    /// Places joined only by commas, "and", "or" and words of their type: one list each.
    func listGroups(_ mentions: [PlaceMention]) -> [[PlaceMention]] {
        var groups: [[PlaceMention]] = []
        for mention in mentions.sorted(by: { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }) {
            if let last = groups.last?.last, last.kind == mention.kind,
                mention.tokenRange.lowerBound - last.tokenRange.upperBound <= 6,
                (last.tokenRange.upperBound..<mention.tokenRange.lowerBound).allSatisfy({
                    Self.listGlue.contains(tokens[$0].lower)
                }),
                (last.tokenRange.upperBound..<mention.tokenRange.lowerBound).contains(where: {
                    [",", "and", "or", "well"].contains(tokens[$0].lower)
                }),
                last.place.name != mention.place.name,
                // "Garmsir district, Helmand province": the region holding the one before is no list.
                last.place.admin1 != mention.place.name || mention.kind != .region
            {
                groups[groups.count - 1].append(mention)
            } else {
                groups.append([mention])
            }
        }
        return groups
    }

    /// A deed without a place of its own: "the city", "the region" for the last ones named;
    /// violence at the scene being told; else the last town of the paragraph, the story's town,
    /// the article's country.
    func contextPlace(in sentence: Range<Int>, violent: Bool) -> PlaceMention? {
        let index = text.sentenceOf[sentence.lowerBound]
        let paragraph = text.sentences[index].paragraph
        func recent(_ at: Int, within: Int) -> Bool {
            at >= 0 && (text.sentences[at].paragraph == paragraph || index - at <= within) && index - at <= 8
        }
        for i in sentence.dropLast() where tokens[i].lower == "the" {
            let next = tokens[i + 1].lower
            if ["city", "town", "village", "capital"].contains(next), let lastPlace = state.lastPlace {
                return lastPlace
            }
            if ["region", "province", "oblast", "governorate", "state", "district", "strip"].contains(next),
                let lastRegion = state.lastRegion
            {
                return lastRegion
            }
        }
        // The scene of the last violence told, or the last town named if more recent (a town named
        // only by a visit or a speech does not draw violence to it).
        let scene = state.scenePlace.flatMap { recent(state.sceneSentence, within: 3) ? $0 : nil }
        let last = state.lastPlace.flatMap { recent(state.lastPlaceSentence, within: 2) ? $0 : nil }
        if let scene, let last {
            let newsThere = state.eventSentences.contains(state.lastPlaceSentence)
            return state.lastPlaceSentence > state.sceneSentence
                && !(violent && (index - state.lastPlaceSentence > 1 || !newsThere))
                ? last : scene
        }
        if let place = violent ? scene ?? last : last ?? scene { return place }
        // The dateline is where the reporter is: the last resort before the article's country.
        return facts.storyPlace ?? facts.datelinePlace ?? facts.mainCountry
    }

    /// A demonym after a word of place following the deed ("at Ukrainian cities", "into Russian
    /// territory"), not one that names a force ("by Russian forces").
    func demonymPlace(after trigger: Range<Int>, in range: Range<Int>) -> PlaceMention? {
        var i = trigger.upperBound
        while i + 1 < range.upperBound {
            if ActorFinder.locatives.contains(tokens[i].lower), tokens[i + 1].isCapitalized,
                let code = PlaceLexicon.bundled.demonym(tokens, at: i + 1)
            {
                let noun = i + 2 < range.upperBound ? lexicon.actorNouns.match(tokens, at: i + 2)?.value : nil
                if noun == nil || noun == .civilians { return countryMention(code, near: i + 1) }
            }
            i += 1
        }
        return nil
    }

    /// "the region", "the northern border region", "the area": the last region told, when the
    /// clause says so.
    func regionAnaphor(in range: Range<Int>) -> PlaceMention? {
        guard let region = state.lastRegion else { return nil }
        for i in range.dropLast() where tokens[i].lower == "the" {
            var j = i + 1
            while j < range.upperBound && j - i <= 4 && tokens[j].kind == .word && !tokens[j].isCapitalized {
                if ["region", "oblast", "province", "area", "governorate"].contains(tokens[j].lower) {
                    return region
                }
                j += 1
            }
        }
        return nil
    }
}
