import EventModel
import Foundation

/// What the whole article says that every sentence's reading needs.
struct ArticleFacts: Sendable {
    var reference: CalendarDay?
    /// The place of a dateline ("MOGADISHU —", "BAMAKO, Oct 23 (Wire) -"): where the reporter is.
    var datelinePlace: PlaceMention?
    /// Tokens of the dateline (place, date, agency), read as no event's words.
    var dateline: Range<Int>?
    /// The first town of the lead after the dateline: where the story is about.
    var storyPlace: PlaceMention?
    /// The country the article names most, for events placed by nothing else.
    var mainCountry: PlaceMention?
    /// The article tells of aircraft or air strikes: "bombed" is then an air strike.
    var aircraftStory: Bool
    /// The article tells of violence outright (a battle, a strike, an attack): people reported
    /// killed in it are victims of that violence.
    var violentStory = false
    /// The article is about sport, business or culture (two story-level discard phrases).
    var otherDomain = false
}

/// The context carried from sentence to sentence.
struct ReaderState: Sendable {
    /// The last town named, and the last region, for "the city", "the region".
    var lastPlace: PlaceMention?
    var lastPlaceSentence = -1
    var lastRegion: PlaceMention?
    /// The place of the last act of violence read with a place of its own: the scene being told.
    var scenePlace: PlaceMention?
    var sceneSentence = -1
    /// The sentences that told a deed, for telling a town of a visit from a town of news.
    var eventSentences: Set<Int> = []
    var narrativeDate: EventDate?
    /// The sentence that set the narrative date, and the family of its deed: it holds for the
    /// next sentence's deeds of that family.
    var narrativeSentence = -1
    var narrativeFamily: EventFamily?
    var lastParagraph = -1
    /// The day of the first dated event: where a new paragraph's undated events are set.
    var storyDate: EventDate?
    /// The strikes told (remote violence), for "downed 40 of them".
    var strikes: [Mention] = []
    /// Events told so far with days of their own, for "a day after the shelling".
    var told: [(kind: EventKind, date: EventDate)] = []
}

/// The facts and figures of the clauses and sentences read so far.
final class ReaderMemo: @unchecked Sendable {
    let facts = RangeMemo<SegmentFacts>()
    let casualties = RangeMemo<(killed: CasualtyCount?, injured: CasualtyCount?)>()
}

/// A kind read off a clause's cues, with the cue that named it.
struct KindChoice: Sendable {
    var kind: EventKind
    var trigger: Range<Int>
    var cue: Cue
    var strong: Bool
    /// Only casualty words: figures for another event of the sentence, no event of their own.
    var harmOnly = false
    /// The weapons this choice is about, when one clause names strikes of several kinds.
    var weaponClasses: Set<WeaponClass> = []
}

/// Reads the events of an article one sentence at a time, in stages: cues → clauses → kinds →
/// moods (what is not told as having happened) → arguments (places, date, actors, figures).
struct EventReader: Sendable {
    let lexicon: EventLexicon
    let text: ArticleText
    let dates: [TemporalExpression]
    let places: [PlaceMention]
    let facts: ArticleFacts
    let actors: ActorFinder
    let numbers = NumberReader()
    let segmenter = Segmenter()
    var state = ReaderState()
    /// What the reading works out per clause and sentence, kept for its next question.
    let memo = ReaderMemo()
    /// The last sentence read told of an event, kept or not (a planned or a background one).
    private(set) var reportedEvent = false
    /// The last sentence read told of an event as happening (not denied, planned or negated).
    private(set) var toldEvent = false

    init(
        lexicon: EventLexicon, text: ArticleText, dates: [TemporalExpression], places: [PlaceMention],
        facts: ArticleFacts
    ) {
        self.lexicon = lexicon
        self.text = text
        self.dates = dates
        self.places = places
        self.facts = facts
        actors = ActorFinder(lexicon: lexicon, text: text, places: places)
    }

    var tokens: [Token] { text.tokens }
    var reference: CalendarDay? { facts.reference }

    mutating func read(sentence index: Int) -> [Mention] {
        let sentence = text.sentences[index]
        reportedEvent = false
        toldEvent = false
        if sentence.paragraph != state.lastParagraph {
            // A new paragraph starts a new stretch of narrative: its time is not carried over.
            state.lastParagraph = sentence.paragraph
            state.narrativeDate = nil
        }
        var range = sentence.tokens
        // The dateline's words are no event's, nor its mood's ("(May 5, 2011)" is no "may").
        if let dateline = facts.dateline, range.contains(dateline.lowerBound),
            dateline.upperBound < range.upperBound
        {
            range = dateline.upperBound..<range.upperBound
        }
        defer { remember(sentence: index) }
        if tokens[range.upperBound - 1].text == "?" { return [] }
        let hits = cueHits(in: range)
        guard !hits.isEmpty else { return [] }
        let placeStarts = Set(placesIn(range).map(\.tokenRange.lowerBound))
        let segments = segmenter.segments(of: range, text: text, hits: hits, placeStarts: placeStarts)
        var told: [(segment: Segment, choice: KindChoice)] = []
        var recorded: [(segment: Segment, choice: KindChoice)] = []
        for segment in segments {
            let own = hits.filter { segment.range.contains($0.range.lowerBound) }
            guard !own.isEmpty else { continue }
            let candidates = chooseKinds(segment, hits: own, sentence: range)
            if candidates.contains(where: { !$0.harmOnly }) { reportedEvent = true }
            var kept: [KindChoice] = []
            for choice in candidates {
                switch mood(of: choice, in: segment, sentence: range) {
                case .told: kept.append(choice)
                case .record: recorded.append((segment, choice))
                case .notTold: continue
                }
                if !choice.harmOnly { toldEvent = true }
            }
            for choice in best(kept) { told.append((segment, choice)) }
        }
        // "Two civilians were killed when a drone struck the village": the dead are the strike's.
        if told.contains(where: {
            !$0.choice.harmOnly && $0.choice.cue.cueClass != .harm
                && $0.choice.kind.family.isViolenceOrProtest
        }) {
            for index in told.indices where told[index].choice.cue.cueClass == .harm {
                told[index].choice.harmOnly = true
            }
        }
        let eventSegments = told.filter { !$0.choice.harmOnly }.map(\.segment.range)
        var result: [Mention] = []
        for (segment, choice) in told where !choice.harmOnly {
            result += mentions(for: choice, in: segment, sentence: index, eventSegments: eventSegments)
        }
        lendFigures(of: told.filter { $0.choice.harmOnly }.map(\.segment), to: &result)
        absorbIntoCaptures(&result)
        // A deed told as a person's record is background: later references to it join it and
        // are dropped with it.
        for (segment, choice) in recorded
        where !choice.harmOnly && !result.contains(where: { $0.kind == choice.kind }) {
            result += mentions(for: choice, in: segment, sentence: index, eventSegments: eventSegments).map {
                var mention = $0
                mention.background = true
                return mention
            }
        }
        return keepTold(result, sentence: index)
    }

    /// "seized Talodi after heavy fighting", "overran the town after troops abandoned their
    /// positions": the battle and the withdrawal of a capture are the capture (ACLED's rule).
    func absorbIntoCaptures(_ mentions: inout [Mention]) {
        let captures = mentions.filter { $0.kind == .territoryCaptured }
        guard !captures.isEmpty else { return }
        let taken = Set(captures.compactMap { $0.place?.place.name })
        var absorbed: [Mention] = []
        mentions.removeAll { mention in
            guard mention.kind == .armedClash || mention.kind == .territoryTransferred else { return false }
            let same = mention.place.map { taken.contains($0.place.name) } ?? true
            if same { absorbed.append(mention) }
            return same
        }
        for index in mentions.indices where mentions[index].kind == .territoryCaptured {
            // "… after fierce fighting on Wednesday": the day of the fighting is the capture's.
            if mentions[index].dateIsReportDate, let dated = absorbed.first(where: { !$0.dateIsReportDate }) {
                mentions[index].date = dated.date
                mentions[index].dateIsReportDate = false
            }
            if mentions[index].killed == nil { mentions[index].killed = absorbed.compactMap(\.killed).first }
            if mentions[index].injured == nil {
                mentions[index].injured = absorbed.compactMap(\.injured).first
            }
        }
    }

    /// Figures of a clause that tells only casualties ("…, and four were killed") go to the
    /// sentence's event that has none.
    func lendFigures(of segments: [Segment], to mentions: inout [Mention]) {
        for segment in segments {
            let (killed, injured) = readCasualties(in: segment.range)
            guard killed != nil || injured != nil else { continue }
            let nearest = mentions.indices.filter { mentions[$0].kind.family.isViolenceOrProtest }.min {
                abs(mentions[$0].segment.lowerBound - segment.range.lowerBound)
                    < abs(mentions[$1].segment.lowerBound - segment.range.lowerBound)
            }
            guard let nearest else { continue }
            if mentions[nearest].killed == nil { mentions[nearest].killed = killed }
            if mentions[nearest].injured == nil { mentions[nearest].injured = injured }
        }
    }

    /// Drops what is past the publication day, and carries the sentence's dates and scene on
    /// (background told long before does not set the story's time).
    mutating func keepTold(_ found: [Mention], sentence index: Int) -> [Mention] {
        var result = found
        if let reference {
            result.removeAll { mention in
                guard let start = mention.date.start.flatMap(CalendarDay.init) else { return false }
                return start > reference
            }
        }
        let current = result.filter { !$0.background }
        if !current.isEmpty { state.eventSentences.insert(index) }
        if let first = current.first(where: { !$0.dateIsReportDate && !$0.isAside }) {
            state.narrativeDate = first.date
            state.narrativeSentence = index
            state.narrativeFamily = first.kind.family
        }
        for mention in current where !mention.dateIsReportDate && mention.date.precision == .day {
            state.told.append((mention.kind, mention.date))
        }
        if let scene = current.last(where: {
            $0.kind.family.isViolenceOrProtest && !$0.placeFromContext && $0.place?.kind == .place
        }) {
            state.scenePlace = scene.place
            state.sceneSentence = index
        }
        state.strikes += current.filter { $0.kind.family == .remoteViolence }
        // The story's day: a day the lead (its first two sentences) tells, close to the report's.
        if state.storyDate == nil, index < 2,
            let first = current.first(where: {
                !$0.dateIsReportDate && !$0.isAside && $0.date.precision == .day
            }),
            let day = first.date.start.flatMap(CalendarDay.init),
            reference.map({ $0.dayNumber - day.dayNumber <= 3 }) ?? true
        {
            state.storyDate = first.date
        }
        return result
    }

    /// The sentence's last town and region become the context of the next.
    mutating func remember(sentence index: Int) {
        let own = placesIn(text.sentences[index].tokens)
        if let place = own.last(where: { $0.kind == .place && !$0.isPossessive }) {
            state.lastPlace = place
            state.lastPlaceSentence = index
        }
        if let region = own.last(where: { $0.kind == .region && !$0.isPossessive }) {
            state.lastRegion = region
        }
    }

    func placesIn(_ range: Range<Int>) -> [PlaceMention] {
        places.filter { range.contains($0.tokenRange.lowerBound) }
    }

    /// Killed and injured figures of a sentence, for updating the story's last event ("The death
    /// toll has risen to three").
    func casualties(sentence index: Int) -> (CasualtyCount?, CasualtyCount?) {
        let range = text.sentences[index].tokens
        if tokens[range].contains(where: { $0.text == "“" || $0.text == "\"" }) { return (nil, nil) }
        return readCasualties(in: range)
    }
}
