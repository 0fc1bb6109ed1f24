import EventModel

/// Who did it to whom: named groups, demonym-led forces, countries and capitals as actors.
extension SentenceReader {
    /// Initiator: the actor before the trigger; target: the actor after it.
    func readActors(in range: Range<Int>, trigger: Int, kind: EventKind) -> (Actor?, Actor?) {
        // Not the dateline's country ("KYIV, Ukraine (AP) —") nor whoever is telling it ("…,
        // Russia's Defense Ministry said").
        let actors = findActors(in: range).filter { actor in
            if let datelinePlace, actor.range.lowerBound <= datelinePlace.tokenRange.upperBound + 2 {
                return false
            }
            let next = actor.range.upperBound
            return
                !(actor.range.lowerBound > trigger && next < range.upperBound
                && lexicon.attribution.match(tokens, at: next) != nil)
        }
        var before = actors.last { $0.range.upperBound <= trigger }
        let after = actors.first { $0.range.lowerBound > trigger }
        // "A Russian glide bomb", "Israeli airstrikes": the demonym before the weapon is its side.
        for i in stride(from: trigger - 1, through: max(range.lowerBound, trigger - 3), by: -1) {
            guard tokens[i].isCapitalized, let code = PlaceLexicon.bundled.demonyms[tokens[i].lower] else {
                continue
            }
            if before?.range.contains(i) == true { break }
            let name = countryPlace(code: code)?.name ?? String(tokens[i].text)
            before = FoundActor(range: i..<(i + 1), name: name, country: code, type: .stateForces)
            break
        }
        var initiator = before.map {
            Actor(name: $0.name, country: $0.country, type: $0.type, role: .initiator)
        }
        var target = after.map { Actor(name: $0.name, country: $0.country, type: $0.type, role: .target) }
        // Passive voice: "was struck by X"; "…, the army said, blaming X".
        if let by = (trigger..<range.upperBound).first(where: {
            ["by", "blaming", "blamed"].contains(tokens[$0].lower)
        }),
            let agent = actors.first(where: {
                $0.range.lowerBound == by + 1
                    || $0.range.lowerBound == by + 2 && ["the", "a"].contains(tokens[by + 1].lower)
                    || $0.range.lowerBound > by && $0.range.lowerBound <= by + 4 && tokens[by].lower != "by"
            })
        {
            target = initiator.map { Actor(name: $0.name, country: $0.country, type: $0.type, role: .target) }
            initiator = Actor(name: agent.name, country: agent.country, type: agent.type, role: .initiator)
        }
        if initiator?.name == target?.name { target = nil }
        // A state is not its own target ("a Russian bomb …, as Moscow pressed its offensive").
        let state: Set<ActorType?> = [.stateForces, .government]
        if let a = initiator, let b = target, a.country != nil, a.country == b.country,
            state.contains(a.type),
            state.contains(b.type)
        {
            target = nil
        }
        return (initiator, target)
    }

    struct FoundActor {
        var range: Range<Int>
        var name: String
        var country: String?
        var type: ActorType?
    }

    /// Actors in a token range: named groups, "Russian forces", "Ukraine's military", a country
    /// as a subject ("Russia launched").
    func findActors(in range: Range<Int>) -> [FoundActor] {
        var found: [FoundActor] = []
        var i = range.lowerBound
        let demonyms = PlaceLexicon.bundled.demonyms
        while i < range.upperBound {
            if let (entry, length) = lexicon.namedActors.match(tokens, at: i, limit: range.upperBound),
                tokens[i].isCapitalized || tokens[i].kind == .number
            {
                found.append(
                    FoundActor(
                        range: i..<(i + length), name: phrase(i..<(i + length)), country: entry.country,
                        type: entry.type))
                i += length
                continue
            }
            let token = tokens[i]
            if token.isCapitalized, let code = demonyms[token.lower] {
                var j = i + 1
                while j < range.upperBound && tokens[j].isCapitalized && demonyms[tokens[j].lower] == nil
                    && j - i < 4
                { j += 1 }
                if j < range.upperBound,
                    let (type, length) = lexicon.actorNouns.match(tokens, at: j, limit: range.upperBound)
                {
                    found.append(
                        FoundActor(
                            range: i..<(j + length), name: phrase(i..<(j + length)), country: code, type: type
                        ))
                    i = j + length
                    continue
                }
                i += 1
                continue
            }
            // "Moscow said": a capital speaking for its government.
            if let town = places.first(where: { $0.tokenRange.lowerBound == i && $0.kind == .place }),
                town.isPossessive, town.tokenRange.upperBound < range.upperBound,
                tokens[town.tokenRange.upperBound].text != "'s",
                tokens[town.tokenRange.upperBound].text != "’s"
            {
                found.append(
                    FoundActor(
                        range: town.tokenRange, name: phrase(town.tokenRange), country: town.place.country,
                        type: .government))
                i = town.tokenRange.upperBound
                continue
            }
            if let place = places.first(where: { $0.tokenRange.lowerBound == i && $0.kind == .country }) {
                var end = place.tokenRange.upperBound
                var type: ActorType? = .stateForces
                // "Russia's army" (not "Russia struck", an actor by its verb alone).
                let apostrophe = end < range.upperBound && ["'s", "’s", "'", "’"].contains(tokens[end].text)
                // "Russia's Bryansk region" is a place, not an actor.
                let placeAfter = places.contains {
                    $0.tokenRange.lowerBound > end && $0.tokenRange.lowerBound <= end + 2
                        && $0.kind != .country
                }
                if apostrophe && placeAfter {
                    i = end
                    continue
                }
                if place.isPossessive && apostrophe {
                    end += 2
                    var j = end
                    while j < range.upperBound && tokens[j].isCapitalized && j - end < 3 { j += 1 }
                    if j < range.upperBound,
                        let (nounType, length) = lexicon.actorNouns.match(
                            tokens, at: j, limit: range.upperBound)
                    {
                        end = j + length
                        type = nounType
                    } else if j > end {
                        end = j
                        type = .government
                    } else if j < range.upperBound, lexicon.triggers.match(tokens, at: j) != nil {
                        // "Russia's invasion": the country did it.
                        end = place.tokenRange.upperBound
                    } else {
                        // "Haiti's capital", "Ukraine's east": a place, not an actor.
                        i = end
                        continue
                    }
                }
                found.append(
                    FoundActor(
                        range: i..<end, name: phrase(i..<end), country: place.place.country, type: type))
                i = end
                continue
            }
            i += 1
        }
        return found
    }

    func phrase(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end])
        return String(view)
    }
}
