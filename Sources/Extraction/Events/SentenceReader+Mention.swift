import EventModel

/// One mention from its trigger: the place, date, actors, outcome and counts of its sentence.
extension SentenceReader {
    // MARK: One mention

    func mention(
        kind: EventKind, strong: Bool, trigger: Int, sentence index: Int,
        places sentencePlaces: [PlaceMention],
        dates sentenceDates: [TemporalExpression], weapons: [Weapon], killed: CasualtyCount?,
        injured: CasualtyCount?,
        countryPlaceOnly: Bool
    ) -> Mention {
        let range = sentences[index].tokens
        let (place, demonymCountry) = choosePlace(
            sentencePlaces, trigger: trigger, range: range, violent: (Self.families[kind] ?? 99) <= 3)
        var (date, isReport) = chooseDate(sentenceDates, trigger: trigger)
        var background = false
        if let start = date.start.flatMap(CalendarDay.init), let reference,
            reference.dayNumber - start.dayNumber > 30,
            date.precision != .day
        {
            background = true
        }
        if let end = date.end.flatMap(CalendarDay.init), let reference,
            reference.dayNumber - end.dayNumber > 30
        {
            background = true
        }
        let (initiator, target) = readActors(in: range, trigger: trigger, kind: kind)
        var outcome: Outcome?
        if lexicon.interceptions.contains(tokens, in: range) && kind != .weaponsDisrupted {
            outcome = .intercepted
        }
        if lexicon.failures.contains(tokens, in: range) {
            outcome =
                kind == .armedClash || kind == .incursion || kind == .territoryCaptured
                ? .repelled : .attempted
        }
        var quantities: [String: Int] = [:]
        var i = range.lowerBound
        while i < range.upperBound {
            if let reading = numbers.read(tokens, at: i), i + reading.length < range.upperBound {
                let noun = tokens[i + reading.length].lower
                if lexicon.quantityNouns.contains(noun), !["drones", "missiles", "rockets"].contains(noun) {
                    let key = noun.hasSuffix("s") ? noun : noun + "s"
                    quantities[key] = reading.value
                }
                i += reading.length
            } else {
                i += 1
            }
        }
        let targets = Array(Set(lexicon.targets.all(tokens, in: range).map(\.value))).sorted()
        var chosenPlace = place
        if countryPlaceOnly { chosenPlace = nil }
        // A truce, a deployment or a speech kills no one: figures beside it belong to something else.
        let harms =
            ![.agreement, .baseEstablished, .groupChange, .strategicOther, .arrest].contains(kind)
            && !kind.isCommunication
        var mention = Mention(
            kind: kind, strongTrigger: strong, sentence: index, lastSentence: index, trigger: trigger,
            place: chosenPlace, date: date, dateIsReportDate: isReport, initiator: initiator, target: target,
            weapons: weapons, killed: harms ? killed : nil, injured: harms ? injured : nil,
            quantities: quantities,
            targets: targets,
            outcome: outcome, claimStatus: .reported, claimedBy: [], deniedBy: [], hedged: false,
            attributedTo: nil,
            background: background)
        mention.placeFromContext =
            chosenPlace.map { chosen in !sentencePlaces.contains { $0 == chosen } } ?? false
        mention.refersBack = refersBack(trigger: trigger, in: range)
        // "One hit a school; the other fell in a field": the weapons just told.
        let first = tokens[range.lowerBound].lower
        let second = range.count > 1 ? tokens[range.lowerBound + 1].lower : ""
        if mention.refersBack == .none, weapons.isEmpty, Self.families[kind] == 0,
            ["one", "both", "it", "they"].contains(first) && second != "of"
                || first == "the" && ["other", "first", "second"].contains(second)
        {
            mention.refersBack = .demonstrative
        }
        // "Air defences downed 40 of them": the weapons of the strike just told, where it was.
        if kind == .weaponsDisrupted, mention.placeFromContext || mention.place == nil,
            let strike = lastStrike,
            (trigger..<min(range.upperBound, trigger + 6)).contains(where: {
                tokens[$0].lower == "them" || tokens[$0].lower == "it"
            })
        {
            mention.place = strike.place
            mention.placeFromContext = true
            if mention.dateIsReportDate {
                mention.date = strike.date
                mention.dateIsReportDate = strike.dateIsReportDate
            }
        }
        // "The Moroccan counterterror agency broke up a cell": a state arrests on its own soil.
        let arrestingState =
            kind == .arrest
            ? range.lazy.compactMap {
                self.tokens[$0].isCapitalized ? PlaceLexicon.bundled.demonyms[self.tokens[$0].lower] : nil
            }.first : nil
        if chosenPlace == nil,
            let country = demonymCountry ?? (countryPlaceOnly ? countryOf(place) : nil) ?? arrestingState
        {
            mention.place = countryMention(country, near: trigger)
        }
        return mention
    }

    func countryOf(_ place: PlaceMention?) -> String? { place?.place.country }
}
