import EventModel
import Foundation

/// Places the gazetteer cannot give: a village it lacks that the text marks as a place ("the
/// village of X in the Y region", "in X, Y Province"), a namesake abroad of a village in the
/// article's country, and a position at sea ("70 nautical miles southeast of Aden").
extension PlaceResolver {
    static let strongLocatives: Set<String> = ["in", "at", "near", "outside", "around", "into"]
    static let placeOnlyLocatives: Set<String> = ["near", "outside", "nearby", "towards", "toward"]
    /// Whether the token at `index` is the first of a sentence (or of a quotation).
    func opensSentence(_ index: Int, _ tokens: [Token]) -> Bool {
        index == 0 || [".", "!", "?", "\"", "“"].contains(tokens[index - 1].text)
    }

    /// Settlement words that name people ("Kherson residents").
    static let peopleWords: Set<String> = ["residents", "inhabitants"]

    /// Names the gazetteer lacks in a settlement frame, kept with their own name and placed at
    /// the region, country or town the text gives with them (or the article's country).
    func unknownPlaces(
        tokens: [Token], scalars: [Unicode.Scalar], known: [PlaceMention], demonyms: [String: Int]
    ) -> [PlaceMention] {
        var covered = Set<Int>()
        for mention in known { covered.formUnion(mention.tokenRange) }
        let (countries, sides) = articleCountries(tokens: tokens, known: known, demonyms: demonyms)
        let home = mainCountry(known)?.place.country
        var result: [PlaceMention] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].kind == .word, tokens[i].isCapitalized, !covered.contains(i) else {
                i += 1
                continue
            }
            let run = nameRun(from: i, tokens: tokens, covered: covered)
            i = run.upperBound
            guard plausibleName(run, tokens: tokens) else { continue }
            let frame =
                settlementFrame(run, tokens: tokens) ?? listFrame(run, tokens: tokens, places: known + result)
            // A name spelled otherwise than the gazetteer's ("Krasnopillia", "Mahmoudiya"), in a
            // place frame, in one of the article's countries.
            let ofBearing =
                run.lowerBound > 1 && tokens[run.lowerBound - 1].lower == "of"
                && (Self.bearings[tokens[run.lowerBound - 2].lower] != nil
                    || Self.ofTypes.contains(tokens[run.lowerBound - 2].lower))
            // ("Sfax county": a region's name, not the town spelled so.)
            let namesRegion =
                run.upperBound < tokens.count && Self.regionTypes.contains(tokens[run.upperBound].lower)
            if frame != nil || ofBearing
                || (run.lowerBound > 0 && Self.strongLocatives.contains(tokens[run.lowerBound - 1].lower)),
                !namesRegion,
                let fuzzy = spelledOtherwise(
                    run, countries: countries, home: home,
                    within: statedRegion(after: run, known: known, tokens: tokens)
                        ?? regionBefore(run, known: known, tokens: tokens),
                    tokens: tokens, scalars: scalars)
            {
                result.append(fuzzy)
                continue
            }
            guard let (after, settlement) = frame else { continue }
            guard
                let container = container(
                    of: run, after: after, settlement: settlement, known: known, sides: sides, tokens: tokens),
                container.kind != .water
            else {
                // A settlement the text names with nothing to place it by keeps its name alone.
                if settlement { result.append(bare(run, tokens: tokens, scalars: scalars)) }
                continue
            }
            result.append(unknown(run, in: container, tokens: tokens, scalars: scalars))
        }
        return result
    }

    /// The countries an article names, by place, demonym or armed group ("RSF fighters" are in
    /// Sudan), and how often each group's country comes up.
    func articleCountries(
        tokens: [Token], known: [PlaceMention], demonyms: [String: Int]
    ) -> (Set<String>, [String: Int]) {
        var countries = Set(known.compactMap { $0.kind == .water ? nil : $0.place.country })
        var sides: [String: Int] = [:]
        countries.formUnion(demonyms.keys)
        for (i, token) in tokens.enumerated() where token.kind == .word && token.isCapitalized {
            for length in 1...3 where i + length <= tokens.count {
                if let code = lexicon.actorCountries[Self.key(tokens[i..<(i + length)])] {
                    countries.insert(code)
                    sides[code, default: 0] += 1
                }
            }
        }
        return (countries, sides)
    }

    /// "the villages of A, B and C", "A and B as well as C": a name continuing a list of places is
    /// one (a settlement frame ending after the name).
    func listFrame(_ run: Range<Int>, tokens: [Token], places: [PlaceMention]) -> (Int, Bool)? {
        var previous = run.lowerBound - 1
        if previous > 0 && tokens[previous].lower == "and" && tokens[previous - 1].text == "," {
            previous -= 1
        }
        var glue = previous >= 0 && [",", "and", "or"].contains(tokens[previous].lower)
        if previous >= 2, tokens[previous].lower == "as", tokens[previous - 1].lower == "well",
            tokens[previous - 2].lower == "as"
        {
            previous -= 2
            glue = true
        }
        guard previous > 0, glue,
            places.contains(where: { $0.tokenRange.upperBound == previous && $0.kind == .place })
        else { return nil }
        return (run.upperBound, true)
    }

    /// A region named after the name ("… and C in the Donetsk region") holds the town.
    func statedRegion(after run: Range<Int>, known: [PlaceMention], tokens: [Token]) -> PlaceMention? {
        known.first { other in
            guard other.kind == .region, other.tokenRange.lowerBound >= run.upperBound,
                other.tokenRange.lowerBound <= run.upperBound + 12,
                !(run.upperBound..<other.tokenRange.lowerBound).contains(where: {
                    [".", ";"].contains(tokens[$0].text)
                })
            else { return false }
            var before = other.tokenRange.lowerBound - 1
            if before > 0 && tokens[before].lower == "the" { before -= 1 }
            return before >= 0 && ["in", "of"].contains(tokens[before].lower)
        }
    }

    /// What holds an unknown name: the most specific place named just after it ("in Shula, one of
    /// Baghdad's neighbourhoods"; "a village in Russia's Bryansk region" is in the region); for a
    /// settlement also the place named just before, the article's country or its armed groups'.
    func container(
        of run: Range<Int>, after: Int, settlement: Bool, known: [PlaceMention], sides: [String: Int],
        tokens: [Token]
    ) -> PlaceMention? {
        let specificity: [GazetteerPlace.Kind: Int] = [.place: 0, .region: 1, .country: 2, .water: 3]
        let container = known.filter {
            $0.tokenRange.lowerBound >= after && $0.tokenRange.lowerBound <= after + 8
        }.min {
            (specificity[$0.kind] ?? 3, $0.tokenRange.lowerBound) < (
                specificity[$1.kind] ?? 3, $1.tokenRange.lowerBound
            )
        }
        guard settlement else { return container }
        return container
            ?? known.last {
                $0.tokenRange.upperBound <= run.lowerBound && run.lowerBound - $0.tokenRange.upperBound <= 8
            } ?? mainCountry(known)
            ?? sides.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }).flatMap {
                countryMention(
                    $0.key,
                    at: PlaceMention(
                        text: "", start: tokens[run.lowerBound].start, end: tokens[run.upperBound - 1].end,
                        tokenRange: run, place: Place(name: "", precision: .country), kind: .country,
                        isPossessive: false, alternatives: 0))
            }
    }

    /// Capitalized words from `start`, with particles and hyphens inside ("Kfar al-Hamra").
    func nameRun(from start: Int, tokens: [Token], covered: Set<Int>) -> Range<Int> {
        var end = start + 1
        while end < tokens.count && end - start < 5 && !covered.contains(end) {
            let token = tokens[end]
            if token.kind == .word && token.isCapitalized && token.spaceBefore {
                end += 1
            } else if token.text == "-", !token.spaceBefore, end + 1 < tokens.count,
                !tokens[end + 1].spaceBefore,
                tokens[end + 1].kind == .word
            {
                end += 2
            } else if lexicon.particles.contains(token.lower),
                !["of", "on", "upon", "am", "an"].contains(token.lower),
                end + 1 < tokens.count, tokens[end + 1].isCapitalized
            {
                end += 1
            } else if lexicon.particles.contains(token.lower), end + 2 < tokens.count,
                tokens[end + 1].text == "-",
                tokens[end + 2].isCapitalized
            {
                // "Deir al-Balah".
                end += 3
            } else {
                break
            }
        }
        return start..<end
    }

    /// Not a title, a weekday, a demonym, an organisation's word or an acronym.
    func plausibleName(_ run: Range<Int>, tokens: [Token]) -> Bool {
        let first = tokens[run.lowerBound]
        let last = tokens[run.upperBound - 1]
        if lexicon.notPlaces.contains(first.lower) || lexicon.titles.contains(first.lower) { return false }
        if lexicon.demonyms[first.lower] != nil || lexicon.organizationHeads.contains(last.lower) {
            return false
        }
        if lexicon.actorNames.contains(Self.key(tokens[run])) { return false }
        if run.count == 1 && first.text.count <= 5 && first.text.allSatisfy({ $0.isUppercase }) {
            return false
        }
        return first.text.count >= 3
    }

    /// Where the container may be named after the name ("the village of X (in …)", "X village
    /// (of …)", "in X, (a town in) …"), and whether a settlement word marks it; nil when the text
    /// does not mark the name as a place.
    func settlementFrame(_ run: Range<Int>, tokens: [Token]) -> (after: Int, settlement: Bool)? {
        let start = run.lowerBound
        let end = run.upperBound
        if start >= 2, tokens[start - 1].lower == "of",
            lexicon.settlementWords.contains(tokens[start - 2].lower)
        {
            return (end, true)
        }
        // "X residents": not when X is one word opening a sentence, as "Angry" or "Local" do,
        // and written so nowhere else ("… in Bakhmutivka. Bakhmutivka residents said").
        if end < tokens.count, lexicon.settlementWords.contains(tokens[end].lower),
            !(Self.peopleWords.contains(tokens[end].lower) && run.count == 1 && opensSentence(start, tokens)
                && !tokens.indices.contains {
                    $0 != start && tokens[$0].text == tokens[start].text && !opensSentence($0, tokens)
                })
        {
            return (end + 1, true)
        }
        // "Nova Dubrava, a village in the Donetsk region": its type in apposition.
        if end + 2 < tokens.count, tokens[end].text == ",",
            ["a", "an", "the"].contains(tokens[end + 1].lower)
        {
            var type = end + 2
            if type + 1 < tokens.count, !lexicon.settlementWords.contains(tokens[type].lower) { type += 1 }
            if lexicon.settlementWords.contains(tokens[type].lower) { return (type + 1, true) }
        }
        // "a drone struck Nova Dubrava, in Donetsk Oblast": a name struck, placed by what follows.
        if start >= 1, Self.strikingWords.contains(tokens[start - 1].lower), end + 1 < tokens.count,
            tokens[end].text == ",", Self.strongLocatives.contains(tokens[end + 1].lower)
        {
            return (end + 2, true)
        }
        // "the A and B communities": the first of a pair before a settlement word.
        if end + 2 < tokens.count, ["and", ","].contains(tokens[end].lower), tokens[end + 1].isCapitalized {
            var next = end + 1
            while next < tokens.count && next - end < 5 && tokens[next].kind == .word
                && tokens[next].isCapitalized
            {
                next += 1
            }
            if next < tokens.count, lexicon.settlementWords.contains(tokens[next].lower) {
                return (next + 1, true)
            }
        }
        if start >= 1, Self.strongLocatives.contains(tokens[start - 1].lower), end + 1 < tokens.count,
            tokens[end].text == ","
        {
            // "near Bardera, the ministry said": placed by what follows, if anything.
            return (end + 1, false)
        }
        // "Police in Bulo Burte arrested …": a name of two words after a word of place.
        if start >= 1, Self.strongLocatives.contains(tokens[start - 1].lower),
            run.filter({ tokens[$0].kind == .word }).count >= 2, !tokens[start].lower.hasSuffix("s")
        {
            return (end, true)
        }
        // "attacked a post near Boulkessi", "clashes outside Tawergha": words that only ever
        // place a thing by a place mark what follows as one ("in" and "at" also take years,
        // languages and bodies: "in English", "at Parliament").
        if start >= 1, Self.placeOnlyLocatives.contains(tokens[start - 1].lower) { return (end, true) }
        // "took control of Talodi", "control over Sinjah", "retook Hulyaipole": the place taken.
        if start >= 2, ["of", "over"].contains(tokens[start - 1].lower), tokens[start - 2].lower == "control"
        {
            return (end, true)
        }
        if start >= 1, Self.takingWords.contains(tokens[start - 1].lower) { return (end, true) }
        // "three villages - A, B and C -", "three villages in the Bryansk region: A, B": named
        // after their type.
        if start >= 2, ["-", "–", "—", ":", "("].contains(tokens[start - 1].text),
            (max(0, start - 8)..<(start - 1)).contains(where: {
                lexicon.settlementWords.contains(tokens[$0].lower)
            })
        {
            return (end, true)
        }
        // "drove the troops out of X".
        if start >= 2, tokens[start - 1].lower == "of", tokens[start - 2].lower == "out" {
            return (end, true)
        }
        return nil
    }

    static let strikingWords: Set<String> = [
        "struck", "hit", "shelled", "attacked", "bombed", "targeted", "pounded", "raided", "stormed",
        "bombarded", "strikes", "attack", "attacks", "shelling", "raid",
    ]

    static let takingWords: Set<String> = [
        "retook", "recaptured", "overran", "liberated", "retaken", "regained", "reclaimed", "liberating",
        "recapturing", "retaking",
    ]

    /// The country the article's places name most, as a mention to place unknown villages in.
    func mainCountry(_ known: [PlaceMention]) -> PlaceMention? {
        var counts: [String: Int] = [:]
        for mention in known where mention.kind != .water {
            if let country = mention.place.country { counts[country, default: 0] += 1 }
        }
        guard let best = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })
        else {
            return nil
        }
        return known.first { $0.place.country == best.key && $0.kind == .country }
            ?? known.first { $0.place.country == best.key && $0.kind == .region }
    }

    /// An unknown settlement placed by its container: a region or country gives its point and
    /// precision; a town, "near" it.
    func unknown(_ run: Range<Int>, in container: PlaceMention, tokens: [Token], scalars: [Unicode.Scalar])
        -> PlaceMention
    {
        let start = tokens[run.lowerBound].start
        let end = tokens[run.upperBound - 1].end
        let name = String(String.UnicodeScalarView(scalars[start..<end]))
        let precision: PlacePrecision
        switch container.kind {
        case .country: precision = .country
        case .region: precision = .region
        default: precision = .near
        }
        let place = Place(
            name: name, admin1: container.place.admin1, country: container.place.country,
            lat: container.place.lat,
            lon: container.place.lon, precision: precision, geonamesID: nil, text: name)
        return PlaceMention(
            text: name, start: start, end: end, tokenRange: run, place: place, kind: .place,
            isPossessive: false,
            alternatives: 0)
    }

    /// A village matched to a small namesake in a country the article does not name, while the
    /// article names others: the village is kept by its name in the article's country instead.
    /// So is a name that is only another spelling of a town far from every country the story
    /// names, however large ("Boni" is Bonn in some languages, and the story is in Mali): a
    /// distant town the story means goes by its usual name ("Kiev" near a Russian story is Kyiv).
    func notAbroad(
        _ mentions: [PlaceMention], candidates: [Candidate], demonyms demonymCounts: [String: Int],
        sides: Set<String>, tokens: [Token], scalars: [Unicode.Scalar]
    ) -> [PlaceMention] {
        // The countries of places and people ("Ukrainian villages"), not of sides ("Russian troops").
        var named = Set(demonymCounts.keys)
        for candidate in candidates where candidate.places.first.map({ $0.kind != .place }) ?? false {
            named.insert(candidate.places[0].country)
        }
        let context = named.union(sides)
        guard !context.isEmpty else { return mentions }
        // The middle of each of those countries, once (none when one of them is not known: then
        // no town is distant).
        var middles: [Place]? = []
        for code in context.sorted() {
            guard let country = EventReader.countryPlace(code: code) else {
                middles = nil
                break
            }
            middles?.append(
                Place(name: code, lat: country.latitude, lon: country.longitude, precision: .country))
        }
        // A town of a side the story names ("Ukrainian forces") may well be where it says.
        return zip(mentions, candidates).map { mention, candidate in
            let foreignSpelling =
                NameKey.normalize(mention.place.name) != candidate.key
                && middles?.allSatisfy({ ($0.distanceKm(to: mention.place) ?? 0) > Self.distantKm }) ?? false
            guard mention.kind == .place, let country = mention.place.country, !context.contains(country),
                !candidate.places.contains(where: { context.contains($0.country) }),
                foreignSpelling || !named.isEmpty && candidate.places.allSatisfy({ $0.population < 100_000 }),
                // A town across a border from the places the article names is where it says.
                !mentions.contains(where: { other in
                    other.kind != .country && other.place.country.map(named.contains) ?? false
                        && (other.place.distanceKm(to: mention.place) ?? .infinity) < 200
                })
            else { return mention }
            let container =
                mentions.first {
                    $0.kind != .place && $0.kind != .water && $0.place.country.map(named.contains) ?? false
                        && abs($0.tokenRange.lowerBound - mention.tokenRange.lowerBound) <= 12
                } ?? mainCountry(mentions.filter { $0.place.country.map(named.contains) ?? false })
                ?? demonymCounts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })
                .flatMap {
                    countryMention($0.key, at: mention)
                }
                // Only sides named: the place is theirs when there is one.
                ?? (named.isEmpty && sides.count == 1
                    ? sides.first.flatMap { countryMention($0, at: mention) } : nil)
            guard let container else { return mention }
            return unknown(mention.tokenRange, in: container, tokens: tokens, scalars: scalars)
        }
    }

    /// How far from the middle of every country a story names a town is distant.
    static let distantKm = 2_500.0

    static let bearings: [String: Double] = [
        "north": 0, "northeast": 45, "north-east": 45, "east": 90, "southeast": 135, "south-east": 135,
        "south": 180, "southwest": 225, "south-west": 225, "west": 270, "northwest": 315, "north-west": 315,
        "north-northeast": 22.5, "east-northeast": 67.5, "east-southeast": 112.5, "south-southeast": 157.5,
        "south-southwest": 202.5, "west-southwest": 247.5, "west-northwest": 292.5, "north-northwest": 337.5,
    ]

    /// "70 nautical miles southeast of Al Hudaydah": the point at that bearing and distance,
    /// at sea (precision `water`); "off X", "off the coast of X": the water off that place.
    func seaPositions(_ mentions: [PlaceMention], tokens: [Token], scalars: [Unicode.Scalar])
        -> [PlaceMention]
    {
        mentions.map { mention in
            var j = mention.tokenRange.lowerBound - 1
            if j >= 0 && ["the", "port", "city", "of"].contains(tokens[j].lower) {
                while j >= 0 && ["the", "port", "city"].contains(tokens[j].lower) { j -= 1 }
            }
            guard j >= 3, tokens[j].lower == "of" else { return offshore(mention, tokens: tokens) }
            // The bearing, possibly hyphenated: "north-west".
            var b = j - 1
            var bearingText = tokens[b].lower
            if b >= 2, tokens[b - 1].text == "-" {
                bearingText = tokens[b - 2].lower + "-" + bearingText
                b -= 2
            }
            guard let bearing = Self.bearings[bearingText] else { return mention }
            var u = b - 1
            var kilometres = 0.0
            var nautical = false
            if u >= 1, tokens[u].lower == "miles", tokens[u - 1].lower == "nautical" {
                nautical = true
                kilometres = 1.852
                u -= 2
            } else if u >= 0, ["nm", "nmi"].contains(tokens[u].lower) {
                nautical = true
                kilometres = 1.852
                u -= 1
            } else {
                return mention
            }
            guard nautical, u >= 0,
                let value = NumberReader().read(tokens, at: u).map({ Double($0.value) })
                    ?? (u >= 1 ? NumberReader().read(tokens, at: u - 1).map({ Double($0.value) }) : nil),
                let lat = mention.place.lat, let lon = mention.place.lon
            else { return mention }
            var numberStart = u
            while numberStart > 0
                && (tokens[numberStart - 1].kind == .number
                    || ["about", "some", "around", "approximately", "roughly", "nearly"].contains(
                        tokens[numberStart - 1].lower))
            {
                numberStart -= 1
            }
            let point = Self.project(lat: lat, lon: lon, bearing: bearing, kilometres: value * kilometres)
            let start = tokens[numberStart].start
            let end = mention.end
            let text = String(String.UnicodeScalarView(scalars[start..<end]))
            let place = Place(
                name: text, admin1: nil, country: mention.place.country,
                lat: (point.lat * 10_000).rounded() / 10_000,
                lon: (point.lon * 10_000).rounded() / 10_000, precision: .water, geonamesID: nil, text: text)
            return PlaceMention(
                text: text, start: start, end: end, tokenRange: mention.tokenRange, place: place,
                kind: .water,
                isPossessive: false, alternatives: 0)
        }
    }

    /// "off Hodeidah", "off the coast of Yemen": the water by that place.
    func offshore(_ mention: PlaceMention, tokens: [Token]) -> PlaceMention {
        var j = mention.tokenRange.lowerBound - 1
        if j >= 2, tokens[j].lower == "of", tokens[j - 1].lower == "coast", tokens[j - 2].lower == "the" {
            j -= 3
        }
        guard j >= 0, tokens[j].lower == "off", mention.kind != .water else { return mention }
        var result = mention
        result.place.precision = .water
        result.place.name = "off " + mention.place.name
        result.kind = .water
        return result
    }

    /// The point at a bearing (degrees from north) and distance from another, on a sphere.
    static func project(lat: Double, lon: Double, bearing: Double, kilometres: Double) -> (
        lat: Double, lon: Double
    ) {
        let radius = 6371.0
        let d = kilometres / radius
        let theta = bearing * .pi / 180
        let phi1 = lat * .pi / 180
        let lambda1 = lon * .pi / 180
        let phi2 = asin(sin(phi1) * cos(d) + cos(phi1) * sin(d) * cos(theta))
        let lambda2 = lambda1 + atan2(sin(theta) * sin(d) * cos(phi1), cos(d) - sin(phi1) * sin(phi2))
        return (phi2 * 180 / .pi, lambda2 * 180 / .pi)
    }

    /// A country as a place mention standing where another mention stands.
    func countryMention(_ code: String, at mention: PlaceMention) -> PlaceMention? {
        guard let country = EventReader.countryPlace(code: code) else { return nil }
        let place = Place(
            name: country.name, admin1: nil, country: code,
            lat: (country.latitude * 10_000).rounded() / 10_000,
            lon: (country.longitude * 10_000).rounded() / 10_000, precision: .country,
            geonamesID: country.geonamesID)
        return PlaceMention(
            text: country.name, start: mention.start, end: mention.end, tokenRange: mention.tokenRange,
            place: place,
            kind: .country, isPossessive: false, alternatives: 0)
    }

    /// The town of the article's countries whose spelling-blind key (``NameKey/skeleton(_:)``)
    /// is the name's, the most populous first.
    func spelledOtherwise(
        _ run: Range<Int>, countries: Set<String>, home: String?, within region: PlaceMention?,
        tokens: [Token], scalars: [Unicode.Scalar]
    ) -> PlaceMention? {
        let key = Self.key(tokens[run])
        let skeleton = NameKey.skeleton(key)
        guard skeleton.count >= 3 else { return nil }
        // Spelled alike, not only sounding alike: "Yusufiyah" is no "Joseph" (the same first letter,
        // and most letters in place).
        let plain = NameKey.withoutArticles(key)
        let matches = gazetteer.places(named: "~" + skeleton).filter {
            let name = NameKey.withoutArticles(NameKey.normalize($0.name))
            // In one of the article's countries, or a city big enough to need none ("Hodeidah").
            guard $0.kind == .place,
                countries.contains($0.country) || countries.isEmpty && $0.population >= 100_000
            else {
                return false
            }
            // Close to its main name, or a long name matching one of its other names ("Husaybeh",
            // "Husaybah" for Al Qa'im).
            // (With no country to go by, only a near-identical spelling: "Sange" is no "Sanya".)
            let needed = countries.contains($0.country) ? 0.6 : 0.8
            return name.first == plain.first && NameKey.similarity(plain, name) >= needed
                || skeleton.count >= 5 && $0.country == home && (region != nil || $0.population >= 20_000)
        }
        let stated = region.map { $0.place.admin1 ?? $0.place.name }
        let inside = matches.filter { place in
            stated == nil || place.regionIndex.map { gazetteer.place($0).name } == stated
        }
        guard !inside.isEmpty else { return nil }
        let candidate = Candidate(range: run, key: key, places: inside, namesRegion: false)
        var mention = self.mention(
            candidate, chosen: choose(candidate, countries: countries, regions: []), tokens: tokens,
            scalars: scalars)
        mention.isPossessive = false
        return mention
    }

    /// "In the Bryansk region, Russian forces retook A, B and C": the region the sentence names
    /// before the name.
    func regionBefore(_ run: Range<Int>, known: [PlaceMention], tokens: [Token]) -> PlaceMention? {
        known.last { other in
            other.kind == .region && other.tokenRange.upperBound <= run.lowerBound
                && !(other.tokenRange.upperBound..<run.lowerBound).contains {
                    [".", "!", "?"].contains(tokens[$0].text)
                }
        }
    }

    /// A place known only by its name: no country, no point.
    func bare(_ run: Range<Int>, tokens: [Token], scalars: [Unicode.Scalar]) -> PlaceMention {
        let start = tokens[run.lowerBound].start
        let end = tokens[run.upperBound - 1].end
        let name = String(String.UnicodeScalarView(scalars[start..<end]))
        let place = Place(name: name, precision: .unknown, text: name)
        return PlaceMention(
            text: name, start: start, end: end, tokenRange: run, place: place, kind: .place,
            isPossessive: false,
            alternatives: 0)
    }
}
