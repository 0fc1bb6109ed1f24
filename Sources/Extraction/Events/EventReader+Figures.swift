import EventModel

/// Weapons with their counts, and killed and injured figures.
extension EventReader {
    // MARK: Arguments

    func readWeapons(in range: Range<Int>) -> [Weapon] {
        var result: [Weapon] = []
        let matches = lexicon.weapons.all(tokens, in: range)
        var used = Set<Int>()
        for (index, match) in matches.enumerated() where !used.contains(index) {
            if match.range.upperBound < range.upperBound,
                lexicon.notWeaponUse.contains(tokens[match.range.upperBound].lower)
            {
                continue
            }
            var weaponClass = match.value
            var name: String? = isNamed(match.range) ? tokens[match.range].map { $0.text }.joined() : nil
            // "Kh-101 cruise missiles": a name and a class word side by side are one weapon.
            if index + 1 < matches.count, matches[index + 1].range.lowerBound == match.range.upperBound {
                let next = matches[index + 1]
                if name != nil || isNamed(next.range) {
                    if name == nil { name = tokens[next.range].map { $0.text }.joined() }
                    if weaponClass == .missile || weaponClass == .drone { weaponClass = next.value }
                    if next.value != .missile && next.value != .drone { weaponClass = next.value }
                    used.insert(index + 1)
                }
            }
            var count: Int?
            var i = match.range.lowerBound - 1
            var skipped = 0
            while i >= range.lowerBound && skipped < 3 {
                if let reading = numbers.read(tokens, at: i), i + reading.length <= match.range.lowerBound {
                    count = reading.value
                    break
                }
                if tokens[i].kind != .word { break }
                i -= 1
                skipped += 1
            }
            if let existing = result.firstIndex(where: {
                $0.weaponClass == weaponClass && ($0.name == name || name == nil)
            }) {
                if result[existing].count == nil { result[existing].count = count }
                continue
            }
            result.append(Weapon(name: name, weaponClass: weaponClass, count: count))
        }
        return result
    }

    func isNamed(_ range: Range<Int>) -> Bool {
        tokens[range.lowerBound].isCapitalized && range.lowerBound > 0 && !startsSentence(range.lowerBound)
    }

    func startsSentence(_ index: Int) -> Bool {
        text.sentences[text.sentenceOf[index]].tokens.lowerBound == index
    }

    /// "No one was hurt", "there were no casualties": zero, not unknown.
    static let nobody = PhraseMatcher(
        [
            "no casualties", "no one was", "nobody was", "no injuries", "no deaths", "without casualties",
            "no one is",
            "caused no casualties", "were unhurt", "escaped unhurt", "no one had been",
        ].map { ($0, true) })

    static let singularPeople: Set<String> = [
        "driver", "rider", "man", "woman", "child", "boy", "girl", "soldier", "civilian", "resident",
        "passenger",
        "farmer", "policeman", "officer", "journalist", "worker", "teenager", "pedestrian", "guard",
        "fighter", "person",
    ]
    static let killWords: Set<String> = [
        "killed", "killing", "dead", "died", "deaths", "death", "kill", "kills", "fatalities", "lives",
        "bodies",
    ]
    static let injureWords: Set<String> = [
        "injured", "injuring", "wounded", "wounding", "hurt", "injuries", "wounds", "treated", "hospitalized",
        "hospitalised",
    ]
    static let peopleWords: Set<String> = [
        "people", "persons", "civilians", "soldiers", "troops", "residents", "others", "passengers",
        "children",
        "policemen", "officers", "fighters", "militants", "servicemen", "men", "women", "villagers",
        "workers",
        "miners", "protesters", "demonstrators", "attackers", "members", "personnel", "of", "them", "more",
    ]

    static let riseWords: Set<String> = [
        "rose", "risen", "climbed", "increased", "reached", "jumped",
    ]

    /// Killed and injured figures: "killing 3", "14 people were injured", "the death toll rose to 31",
    /// "including two children"; "no one was hurt" is 0. Of two figures the lowest stands, unless
    /// the toll rose to the later one.

    func readCasualties(in range: Range<Int>) -> (CasualtyCount?, CasualtyCount?) {
        let found = memo.casualties.value(for: range) { countCasualties(in: range) }
        return (found.killed, found.injured)
    }

    /// The killed and injured counted so far in a clause.
    struct Tally {
        var killed: CasualtyCount?
        var injured: CasualtyCount?

        /// Two figures of one sentence are two sources' counts: the lowest stands, as ACLED codes.
        mutating func assign(_ word: String, _ value: Int, _ text: String) {
            if EventReader.killWords.contains(word), value < killed?.value ?? .max {
                killed = CasualtyCount(value: value, text: text)
            }
            if EventReader.injureWords.contains(word), value < injured?.value ?? .max {
                injured = CasualtyCount(value: value, text: text)
            }
        }
    }

    /// Words that may stand between a figure and its harm word: "14 people were injured".
    static let figureFillers: Set<String> = [
        "were", "was", "have", "had", "been", "are", "is", "being", "reportedly", "people", "them", "other",
        "now",
        "listed", "as", "still", "also", "sustained", "suffered", "-",
    ]

    private func countCasualties(in range: Range<Int>) -> (killed: CasualtyCount?, injured: CasualtyCount?) {
        var tally = Tally()
        var i = range.lowerBound
        while i < range.upperBound {
            let word = tokens[i].lower
            // "No one was hurt": not the number one (the zero is set below).
            if let nobody = Self.nobody.match(tokens, at: i, limit: range.upperBound) {
                i += nobody.length
                continue
            }
            // "killing 3 people", "injuring 14".
            if Self.killWords.contains(word) || Self.injureWords.contains(word),
                let reading = numbers.read(tokens, at: i + 1),
                i + 1 + reading.length <= range.upperBound
            {
                tally.assign(word, reading.value, text.phrase(i..<(i + 1 + reading.length)))
                i += 1 + reading.length
                continue
            }
            // "14 people were injured", "two civilians killed", "at least 25 dead".
            if let reading = numbers.read(tokens, at: i), i + reading.length < range.upperBound {
                harmAfterFigure(reading, at: i, in: range, tally: &tally)
                i += reading.length
                continue
            }
            // "the bodies of five soldiers", "12 bodies were found".
            if word == "bodies", i + 2 < range.upperBound, tokens[i + 1].lower == "of",
                let reading = numbers.read(tokens, at: i + 2)
            {
                tally.assign("dead", reading.value, text.phrase(i..<(i + 2 + reading.length)))
                i += 2 + reading.length
                continue
            }
            if word == "toll" { readToll(at: i, in: range, tally: &tally) }
            i += 1
        }
        countChildren(in: range, tally: &tally)
        // "no one was hurt", "there were no casualties".
        if tally.killed == nil && tally.injured == nil && Self.nobody.contains(tokens, in: range) {
            tally.killed = CasualtyCount(value: 0)
            tally.injured = CasualtyCount(value: 0)
        }
        countSingleVictims(in: range, tally: &tally)
        return (tally.killed, tally.injured)
    }

    /// "14 people were injured", "two civilians killed": the harm word a few words after a figure.
    private func harmAfterFigure(
        _ reading: NumberReader.Reading, at i: Int, in range: Range<Int>, tally: inout Tally
    ) {
        var j = i + reading.length
        var steps = 0
        while j < range.upperBound && steps < 6 {
            let next = tokens[j].lower
            if Self.killWords.contains(next) || Self.injureWords.contains(next) {
                tally.assign(next, reading.value, text.phrase(i..<(j + 1)))
                return
            }
            guard
                Self.peopleWords.contains(next) || Self.figureFillers.contains(next)
                    || tokens[j].kind == .word && !tokens[j].isCapitalized && steps == 0
                        && next.hasSuffix("s")
                    // "eight anti-coup demonstrators": a hyphenated word before the noun.
                    || tokens[j].kind == .word && j + 1 < range.upperBound && tokens[j + 1].text == "-"
                    || j > range.lowerBound && tokens[j - 1].text == "-" && tokens[j].kind == .word
            else { return }
            j += 1
            steps += 1
        }
    }

    /// "death toll rose to 31": a risen toll updates the count; "put the toll at 11" is one more source's.
    private func readToll(at i: Int, in range: Range<Int>, tally: inout Tally) {
        guard
            let to = (i + 1..<min(range.upperBound, i + 5)).first(where: {
                tokens[$0].lower == "to" || tokens[$0].lower == "at"
            }),
            let reading = numbers.read(tokens, at: to + 1)
        else { return }
        let injuredToll = i > range.lowerBound && ["injury", "injured"].contains(tokens[i - 1].lower)
        let risen = (i + 1..<to).contains { Self.riseWords.contains(tokens[$0].lower) }
        let value = reading.value
        if injuredToll {
            if risen || value < tally.injured?.value ?? .max { tally.injured = CasualtyCount(value: value) }
        } else {
            if risen || value < tally.killed?.value ?? .max { tally.killed = CasualtyCount(value: value) }
        }
    }

    /// "including two children" after a figure: children among the injured or the killed.
    private func countChildren(in range: Range<Int>, tally: inout Tally) {
        for i in range.dropLast(2) where tokens[i].lower == "including" {
            guard let reading = numbers.read(tokens, at: i + 1), i + 1 + reading.length < range.upperBound,
                ["children", "child", "minors", "kids"].contains(tokens[i + 1 + reading.length].lower)
            else { continue }
            if tally.injured != nil
                && (tally.killed == nil
                    || tokens[..<i].last(where: { Self.injureWords.contains($0.lower) }) != nil)
            {
                tally.injured?.children = reading.value
            } else {
                tally.killed?.children = reading.value
            }
        }
    }

    /// "killing the driver", "killing its rider": one person.
    private func countSingleVictims(in range: Range<Int>, tally: inout Tally) {
        for i in range.dropLast(2) where tally.killed == nil || tally.injured == nil {
            let word = tokens[i].lower
            guard Self.killWords.contains(word) || Self.injureWords.contains(word),
                ["the", "a", "an", "its", "his", "her", "their"].contains(tokens[i + 1].lower)
            else { continue }
            let noun = tokens[i + 2]
            guard noun.kind == .word, !noun.isCapitalized, Self.singularPeople.contains(noun.lower) else {
                continue
            }
            if Self.killWords.contains(word) && tally.killed == nil {
                tally.killed = CasualtyCount(value: 1, text: text.phrase(i..<(i + 3)))
            }
            if Self.injureWords.contains(word) && tally.injured == nil {
                tally.injured = CasualtyCount(value: 1, text: text.phrase(i..<(i + 3)))
            }
        }
    }

    /// People taken: "detained nine suspects", "arrested 30", "five people were arrested".
    func readCaptured(_ trigger: Range<Int>, in range: Range<Int>) -> CasualtyCount? {
        guard let first = capturedCount(trigger, in: range) else { return nil }
        // "captured a Taliban leader and detained nine suspects": the people of both verbs.
        let after = first.end..<range.upperBound
        if let and = after.first(where: { tokens[$0].lower == "and" }), and + 1 < range.upperBound,
            !(first.end..<and).contains(where: {
                [",", ";"].contains(tokens[$0].text) || lexicon.cues.contains(tokens, in: $0..<$0 + 1)
            }),
            Self.detainWords.contains(tokens[and + 1].lower),
            let second = capturedCount((and + 1)..<(and + 2), in: range), second.end > and + 1
        {
            return CasualtyCount(
                value: first.count.value + second.count.value,
                text: text.phrase(trigger.lowerBound..<second.end))
        }
        return first.count
    }

    static let detainWords: Set<String> = [
        "detained", "arrested", "captured", "seized", "apprehended", "abducted", "kidnapped", "took",
    ]

    /// The people one verb of detention takes: a figure after or before it, or one ("a senior
    /// commander", "an insurgent"); with where its phrase ends.
    private func capturedCount(_ trigger: Range<Int>, in range: Range<Int>) -> (
        count: CasualtyCount, end: Int
    )? {
        // "captured a Taliban leader", "detained an insurgent": one person.
        if trigger.upperBound < range.upperBound, ["a", "an"].contains(tokens[trigger.upperBound].lower),
            object(of: trigger, in: range) == .person
        {
            var end = trigger.upperBound + 1
            while end < range.upperBound && end - trigger.upperBound < 8
                && (tokens[end].kind == .word || tokens[end].text == "-" && !tokens[end].spaceBefore)
                && !Self.phraseEnds.contains(tokens[end].lower)
            {
                end += 1
            }
            return (CasualtyCount(value: 1, text: text.phrase(trigger.lowerBound..<end)), end)
        }
        var j = trigger.upperBound
        var skipped = 0
        while j < range.upperBound && skipped < 3 {
            if let reading = numbers.read(tokens, at: j), j + reading.length <= range.upperBound {
                var end = j + reading.length
                while end < range.upperBound && end - j < 6 && tokens[end].kind == .word
                    && !Self.phraseEnds.contains(tokens[end].lower)
                {
                    end += 1
                }
                return (
                    CasualtyCount(
                        value: reading.value, text: text.phrase(trigger.lowerBound..<(j + reading.length))),
                    end
                )
            }
            guard tokens[j].kind == .word, Self.objectSkips.contains(tokens[j].lower) else { break }
            j += 1
            skipped += 1
        }
        var i = trigger.lowerBound - 1
        skipped = 0
        while i >= range.lowerBound && skipped < 5 {
            if let reading = numbers.read(tokens, at: i), i + reading.length <= trigger.lowerBound,
                tokens[i].lower != "one" || i + 1 < trigger.lowerBound && tokens[i + 1].lower != "of"
            {
                return (
                    CasualtyCount(value: reading.value, text: text.phrase(i..<trigger.upperBound)),
                    trigger.upperBound
                )
            }
            guard tokens[i].kind == .word else { break }
            i -= 1
            skipped += 1
        }
        return nil
    }
}
