import EventModel

/// Where a mention happened: the sentence's places ranked, or the scene and story told before.
extension SentenceReader {
    /// A place for the mention: a named place in the sentence (a town before a region before a
    /// country, the one nearest after the trigger first), "the region"/"the city" for the last one
    /// named, or the country of a demonym after the trigger ("at Ukrainian cities").
    func choosePlace(_ candidates: [PlaceMention], trigger: Int, range: Range<Int>, violent: Bool)
        -> (
            PlaceMention?, String?
        )
    {
        // Words quoted beside an event told outside the quote speak of something else.
        let quotes = quotedRanges(in: range)
        let triggerQuote = quotes.first { $0.contains(trigger) }
        // "groups from Russia entered …": an origin, not where it happened.
        var origins: [Range<Int>] = []
        var usable = candidates.filter { mention in
            if let quote = quotes.first(where: { $0.contains(mention.tokenRange.lowerBound) }),
                quote != triggerQuote
            {
                return false
            }
            // The dateline says where the story was filed; it is only the last resort.
            if mention == datelinePlace { return false }
            // "from X", "from the X region", "from the Belgorod region of Russia".
            var before = mention.tokenRange.lowerBound - 1
            if before > range.lowerBound && tokens[before].lower == "the" { before -= 1 }
            var origin = before >= range.lowerBound && tokens[before].lower == "from"
            if before >= range.lowerBound && tokens[before].lower == "of",
                let previous = origins.last, previous.upperBound == before
            {
                origin = true
            }
            if origin { origins.append(mention.tokenRange) }
            return (!mention.isPossessive || mention.kind == .region) && !origin
        }
        // "the city's Zarichnyi district": a part of the town just told, whatever else bears its name.
        usable = usable.map { mention in
            var noun = mention.tokenRange.lowerBound - 1
            if noun >= range.lowerBound && ["'s", "’s"].contains(tokens[noun].text) {
                noun -= 1
            } else if noun - 1 >= range.lowerBound && tokens[noun].lower == "s"
                && ["'", "’"].contains(tokens[noun - 1].text)
            {
                noun -= 2
            } else {
                return mention
            }
            guard noun - 1 >= range.lowerBound, let lastPlace, tokens[noun - 1].lower == "the",
                ["city", "town", "capital", "village"].contains(tokens[noun].lower)
            else { return mention }
            return lastPlace
        }
        // "the Aleppo bombing": a place naming another event; kept only if alone.
        let namesEvent = usable.filter { mention in
            mention.tokenRange.upperBound < range.upperBound
                && lexicon.triggers.match(tokens, at: mention.tokenRange.upperBound) != nil
                && mention.tokenRange.lowerBound > range.lowerBound
                && tokens[mention.tokenRange.lowerBound - 1].lower == "the"
        }
        if namesEvent.count < usable.count { usable.removeAll { namesEvent.contains($0) } }
        let hasExactTown = usable.contains { $0.kind == .place && $0.place.precision == .exact }
        // "In Lagos, thousands marched … to free hostages held in Kano": a place set before the
        // sentence's first comma frames all of it.
        let framing = usable.first { mention in
            let start = mention.tokenRange.lowerBound
            let end = mention.tokenRange.upperBound
            // "In Lagos,", "In the port city of Tarvo,".
            guard start > range.lowerBound, start - range.lowerBound <= 6, end < range.upperBound else {
                return false
            }
            let lead = (range.lowerBound + 1)..<start
            return tokens[end].text == "," && tokens[range.lowerBound].lower == "in"
                && lead.allSatisfy { tokens[$0].kind == .word && !tokens[$0].isCapitalized }
        }
        // A place past the clause that follows the trigger's (", while in Tarvo …") is that clause's.
        if let cut = (trigger..<range.upperBound).first(where: {
            isClauseCut(at: $0, before: range.upperBound, strong: true)
        }), usable.contains(where: { $0.tokenRange.lowerBound < cut }) {
            usable.removeAll { $0.tokenRange.lowerBound > cut }
        }
        func rank(_ mention: PlaceMention) -> Int {
            switch mention.kind {
            case .place: mention.place.precision == .near && hasExactTown ? 1 : 0
            case .water: 1
            // A district ("Idlib's Jisr al-Shughur district") before its province.
            case .region: mention.place.admin1 != nil && mention.place.admin1 != mention.place.name ? 2 : 3
            case .country: 4
            }
        }
        if let best = usable.min(by: { a, b in
            let ra = rank(a)
            let rb = rank(b)
            if ra != rb { return ra < rb }
            if a == framing || b == framing { return a == framing }
            let da =
                a.tokenRange.lowerBound >= trigger
                ? a.tokenRange.lowerBound - trigger : 1000 + trigger - a.tokenRange.lowerBound
            let db =
                b.tokenRange.lowerBound >= trigger
                ? b.tokenRange.lowerBound - trigger : 1000 + trigger - b.tokenRange.lowerBound
            return da < db
        }) {
            if best.kind == .country, let demonym = demonymAfter(trigger, range: range),
                demonym != best.place.country
            {
                return (nil, demonym)
            }
            if best.kind == .country, let region = regionAnaphor(in: range),
                region.place.country == best.place.country
            {
                return (region, nil)
            }
            return (best, nil)
        }
        // "the region", "the city", "the town".
        if let region = regionAnaphor(in: range) { return (region, nil) }
        for i in range.dropLast() where tokens[i].lower == "the" {
            if ["city", "town", "village"].contains(tokens[i + 1].lower), let lastPlace {
                return (lastPlace, nil)
            }
        }
        if let demonym = demonymAfter(trigger, range: range) { return (nil, demonym) }
        // Violence with no place of its own happens at the scene being told, not at the town a
        // visit or a speaker was last placed in.
        if violent, let scenePlace { return (scenePlace, nil) }
        // The paragraph's last town: "Several were intercepted" after "rockets at Kiryat Shmona".
        if let lastPlace, lastPlaceParagraph == sentences.first(where: { $0.tokens == range })?.paragraph {
            return (lastPlace, nil)
        }
        if let lastPlace, let current = sentences.firstIndex(where: { $0.tokens == range }),
            let placeSentence = sentences.firstIndex(where: {
                $0.tokens.contains(lastPlace.tokenRange.lowerBound)
            }),
            current - placeSentence <= 3
        {
            return (lastPlace, nil)
        }
        if let storyPlace { return (storyPlace, nil) }
        if let datelinePlace { return (datelinePlace, nil) }
        return (nil, nil)
    }

    /// "the region", "the border region", "the area" refer to the last region named.
    func regionAnaphor(in range: Range<Int>) -> PlaceMention? {
        guard let lastRegion else { return nil }
        for i in range.dropLast() where tokens[i].lower == "the" {
            var j = i + 1
            while j < range.upperBound && j - i <= 3 && tokens[j].kind == .word && !tokens[j].isCapitalized {
                if ["region", "oblast", "province", "area"].contains(tokens[j].lower) { return lastRegion }
                j += 1
            }
        }
        return nil
    }

    func demonymAfter(_ trigger: Int, range: Range<Int>) -> String? {
        for i in trigger..<range.upperBound where tokens[i].isCapitalized {
            if let code = PlaceLexicon.bundled.demonyms[tokens[i].lower] {
                // Only a place hit: "at Ukrainian cities", not "Ukrainian officials" or "by Russian forces".
                if i + 1 < range.upperBound, let noun = lexicon.actorNouns.match(tokens, at: i + 1)?.value,
                    noun != .civilians
                {
                    return nil
                }
                return code
            }
        }
        return nil
    }

    func countryMention(_ country: String, near trigger: Int) -> PlaceMention? {
        let gazetteer = Gazetteer.bundled
        guard
            let place = gazetteer.places(named: NameKey.normalize(country)).first(where: {
                $0.kind == .country
            })
                ?? countryPlace(code: country)
        else { return nil }
        let value = Place(
            name: place.name, admin1: nil, country: place.country,
            lat: (place.latitude * 10_000).rounded() / 10_000,
            lon: (place.longitude * 10_000).rounded() / 10_000, precision: .country,
            geonamesID: place.geonamesID,
            text: nil)
        return PlaceMention(
            text: place.name, start: tokens[trigger].start, end: tokens[trigger].end,
            tokenRange: trigger..<(trigger + 1),
            place: value, kind: .country, isPossessive: false, alternatives: 0)
    }

    func countryPlace(code: String) -> GazetteerPlace? {
        // Countries sort after places and regions; find the one with this code.
        let gazetteer = Gazetteer.bundled
        for name in CountryNames.names(for: code) {
            if let place = gazetteer.places(named: NameKey.normalize(name)).first(where: {
                $0.kind == .country && $0.country == code
            }) {
                return place
            }
        }
        return nil
    }
}
