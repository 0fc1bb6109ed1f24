import EventModel
import Foundation

/// What extraction found in one article, for `sitrep inspect`: its date expressions and place
/// mentions with offsets, and its events.
public struct ArticleAnalysis: Sendable {
    public var article: Article
    public var reference: CalendarDay?
    public var dates: [TemporalExpression]
    public var places: [PlaceMention]
    public var events: [Event]
}

/// Reads an article into events (ANNOTATION.md), in stages:
/// 1. typed mentions over the whole text — places (with the evidence that makes a name a place,
///    resolved in the article's countries), dates (resolved against the publication date or a
///    dated dateline), actors, weapons and figures;
/// 2. per sentence (`EventReader`): cues → clauses → kinds → moods → arguments by clause;
/// 3. joining the mentions of one event (`MentionJoiner`) and sharpening places (`PlaceRefiner`);
/// 4. finishing (`EventFinisher`): claim status, confidence, headline, ACLED coding, source.
public struct EventExtractor: Sendable {
    let lexicon: EventLexicon
    let dates: DateTagger
    let places: PlaceResolver
    let splitter: SentenceSplitter

    public init(gazetteer: Gazetteer = .bundled) {
        lexicon = .bundled
        dates = DateTagger()
        places = PlaceResolver(gazetteer: gazetteer)
        splitter = SentenceSplitter()
    }

    /// The events of an article, each naming it as its source.
    public func extract(from article: Article) -> [Event] { analyze(article).events }

    public func analyze(_ article: Article) -> ArticleAnalysis {
        let tokens = Tokenizer.tokens(article.text)
        let text = ArticleText(
            text: article.text, tokens: tokens, sentences: splitter.sentences(tokens, in: article.text))
        let mentions = places.mentions(tokens: tokens, in: article.text)
        var reference = article.published.flatMap(CalendarDay.init)
        var expressions = dates.tag(tokens: tokens, in: article.text, reference: reference)
        let dateline = Dateline.read(text, places: mentions, dates: expressions)
        if reference == nil, let day = dateline?.day {
            // "KABUL, Afghanistan (Jan. 25, 2013) —": the dateline dates an undated release.
            reference = day
            expressions = dates.tag(tokens: tokens, in: article.text, reference: reference)
        }
        var facts = ArticleFacts(
            reference: reference, datelinePlace: dateline?.place, dateline: dateline?.range,
            storyPlace: Self.focusPlace(
                text, places: mentions, dateline: dateline?.range,
                title: article.title.map { places.mentions(in: $0) } ?? []),
            mainCountry: Self.mainCountry(text, places: mentions),
            aircraftStory: lexicon.weapons.all(tokens, in: 0..<tokens.count).contains {
                $0.value == .aircraft || $0.value == .glideBomb
            }
                || lexicon.cues.all(tokens, in: 0..<tokens.count).contains {
                    $0.value.contains { $0.kind == .airStrike }
                })
        facts.violentStory = lexicon.cues.all(tokens, in: 0..<tokens.count).contains { match in
            match.value.contains { cue in
                !cue.weak && (cue.kind.map { $0.family.isViolenceOrProtest } ?? (cue.cueClass == .attack))
            }
        }
        facts.otherDomain =
            Set(
                lexicon.discardStory.all(tokens, in: 0..<tokens.count).map {
                    text.phrase($0.range).lowercased()
                }
            )
            .count >= 2
        var reader = EventReader(
            lexicon: lexicon, text: text, dates: expressions, places: mentions, facts: facts)
        var found: [Mention] = []
        var eventSentences: Set<Int> = []
        let captions = Captions.paragraphs(text)
        for index in text.sentences.indices where !captions.contains(text.sentences[index].paragraph) {
            let read = reader.read(sentence: index)
            if reader.reportedEvent { eventSentences.insert(index) }
            found += read
            // ("No one was hurt in that attack": an attack named, but told of no new deed.)
            if read.isEmpty, !reader.toldEvent {
                Self.updateFigures(&found, sentence: index, text: text, places: mentions, reader: reader)
            }
        }
        let refiner = PlaceRefiner(
            tokens: tokens, sentences: text.sentences, dates: expressions, places: mentions,
            eventSentences: eventSentences)
        let joined = Self.focused(
            Self.shareClausePlaces(
                refiner.refine(MentionJoiner.join(found, rank: lexicon.rank)).filter { !$0.background }),
            on: facts.storyPlace)
        let finisher = EventFinisher(
            lexicon: lexicon, article: article, text: article.text, sentences: text.sentences, tokens: tokens,
            places: mentions, actors: reader.actors)
        // Two mentions of one kind, day and place in one sentence are one event: its id says so.
        var seen = Set<EventID>()
        let events = joined.map(finisher.finish).filter { seen.insert($0.id).inserted }
        return ArticleAnalysis(
            article: article, reference: reference, dates: expressions, places: mentions, events: events)
    }

    /// A sentence with figures but no event updates the last violent event of its paragraph
    /// ("… fired two rockets. One was intercepted. No one was hurt."), unless it names a place of
    /// its own that does not fit ("Debris fell in Kyiv, injuring two" is not news of Odesa).
    static func updateFigures(
        _ found: inout [Mention], sentence index: Int, text: ArticleText, places: [PlaceMention],
        reader: EventReader
    ) {
        guard let last = found.indices.last(where: { MentionJoiner.violent.contains(found[$0].kind) }),
            found[last...].allSatisfy({
                !$0.kind.family.isViolenceOrProtest || $0.sentence == found[last].sentence
            }),
            text.sentences[found[last].lastSentence].paragraph >= text.sentences[index].paragraph - 1,
            index - found[last].lastSentence <= 3,
            placesAgree(text.sentences[index], found[last].place, places)
        else { return }
        // "In 2019, the group killed nearly 400 people": figures of another time.
        let sentence = text.sentences[index].tokens
        let from = text.tokens[sentence.lowerBound].start
        let to = text.tokens[sentence.upperBound - 1].end
        let eventDays = Self.days(found[last].date)
        let otherTime = reader.dates.contains { expression in
            guard expression.start >= from, expression.end <= to, let date = expression.date,
                let days = Self.days(date), let event = eventDays
            else { return false }
            return days.upperBound < event.lowerBound - 1 || days.lowerBound > event.upperBound + 1
        }
        guard !otherTime else { return }
        let (killed, injured) = reader.casualties(sentence: index)
        if let killed, killed.value > 0 || found[last].killed == nil { found[last].killed = killed }
        if let injured, injured.value > 0 || found[last].injured == nil { found[last].injured = injured }
    }

    /// An event date's days as day numbers.
    static func days(_ date: EventDate) -> ClosedRange<Int>? {
        guard let start = date.start.flatMap(CalendarDay.init),
            let end = (date.end ?? date.start).flatMap(CalendarDay.init),
            start <= end
        else { return nil }
        return start.dayNumber...end.dayNumber
    }

    /// A sentence names no town or region of its own, or one that fits the event's place.
    static func placesAgree(_ sentence: Sentence, _ place: PlaceMention?, _ places: [PlaceMention]) -> Bool {
        let own = places.filter {
            sentence.tokens.contains($0.tokenRange.lowerBound) && !$0.isPossessive
                && ($0.kind == .place || $0.kind == .region)
        }
        guard !own.isEmpty, let place else { return true }
        return own.contains {
            MentionJoiner.placesCompatible($0, place) || MentionJoiner.placesCompatible(place, $0)
        }
    }

    /// The place the story is about: the town or region its text names most, counting a name in
    /// the lead (its first two sentences) or in the title more — not a dateline, an origin or an
    /// actor.
    static func focusPlace(
        _ text: ArticleText, places: [PlaceMention], dateline: Range<Int>?, title: [PlaceMention]
    ) -> PlaceMention? {
        guard let first = text.sentences.first else { return nil }
        let leadEnd =
            text.sentences.prefix(2).last(where: { $0.paragraph == first.paragraph })?.tokens.upperBound ?? 0
        let titleNames = Set(title.filter { $0.kind == .place || $0.kind == .region }.map(\.place.name))
        var scores: [String: (score: Int, first: PlaceMention)] = [:]
        for mention in places
        where (mention.kind == .place || mention.kind == .region) && !mention.isPossessive {
            let start = mention.tokenRange.lowerBound
            if dateline?.contains(start) ?? false { continue }
            if start > 0 && text.tokens[start - 1].lower == "from" { continue }
            let key = mention.place.name + "|" + (mention.place.country ?? "")
            var score = 1
            if start < leadEnd { score += 2 }
            if titleNames.contains(mention.place.name) { score += 3 }
            if let current = scores[key] {
                scores[key] = (current.score + score, current.first)
            } else {
                scores[key] = (score, mention)
            }
        }
        return scores.values.max { a, b in
            a.score != b.score
                ? a.score < b.score : a.first.tokenRange.lowerBound > b.first.tokenRange.lowerBound
        }?.first
    }

    /// Violence and arrests placed only by their country happened where the story is: at its
    /// focus, when that lies in the same country (the place stays marked as from context).
    static func focused(_ mentions: [Mention], on focus: PlaceMention?) -> [Mention] {
        guard let focus, let country = focus.place.country else { return mentions }
        return mentions.map { mention in
            guard mention.kind.family.isViolenceOrProtest || mention.kind == .arrest,
                mention.place == nil || mention.place?.kind == .country,
                mention.place?.place.country ?? country == country
            else { return mention }
            var placed = mention
            placed.place = focus
            placed.placeFromContext = true
            return placed
        }
    }

    /// Deeds told in one clause happened at one place: a deed placed only by its country takes the
    /// town its clause-mate was placed at ("killed 40 militants and arrested 30" … "in South
    /// Waziristan").
    static func shareClausePlaces(_ mentions: [Mention]) -> [Mention] {
        mentions.map { mention in
            guard mention.placeFromContext || MentionJoiner.specificity(mention.place) <= 1,
                let sibling = mentions.first(where: {
                    $0.segment == mention.segment
                        // Strikes of several weapons told in one clause keep their own places.
                        && !($0.kind.family == .remoteViolence && mention.kind.family == .remoteViolence)
                        && MentionJoiner.specificity($0.place) > MentionJoiner.specificity(mention.place)
                        && MentionJoiner.placesCompatible($0.place, mention.place)
                })
            else { return mention }
            var shared = mention
            shared.place = sibling.place
            shared.placeFromContext = true
            return shared
        }
    }

    /// The country the article is about, as a country-level place: the countries of its places
    /// (those told as where things happen count double, origins half) and of its demonyms.
    static func mainCountry(_ text: ArticleText, places: [PlaceMention]) -> PlaceMention? {
        var counts: [String: Double] = [:]
        var first: [String: Int] = [:]
        for mention in places {
            guard let country = mention.place.country, mention.kind != .water else { continue }
            let before =
                mention.tokenRange.lowerBound > 0 ? text.tokens[mention.tokenRange.lowerBound - 1].lower : ""
            let weight = before == "from" ? 0.5 : ActorFinder.locatives.contains(before) ? 2 : 1
            counts[country, default: 0] += weight
            if first[country] == nil { first[country] = mention.tokenRange.lowerBound }
        }
        // Demonyms name sides more than places: they count only when no place does.
        if counts.isEmpty {
            for (index, token) in text.tokens.enumerated() where token.kind == .word && token.isCapitalized {
                guard let country = PlaceLexicon.bundled.demonym(text.tokens, at: index) else { continue }
                counts[country, default: 0] += 1
                if first[country] == nil { first[country] = index }
            }
        }
        guard
            let best = counts.max(by: { a, b in
                a.value != b.value ? a.value < b.value : (first[a.key] ?? 0) > (first[b.key] ?? 0)
            })
        else { return nil }
        guard let place = EventReader.countryPlace(code: best.key), let at = first[best.key] else {
            return nil
        }
        let value = Place(
            name: place.name, admin1: nil, country: place.country,
            lat: (place.latitude * 10_000).rounded() / 10_000,
            lon: (place.longitude * 10_000).rounded() / 10_000,
            precision: .country, geonamesID: place.geonamesID, text: nil)
        let token = text.tokens[at]
        return PlaceMention(
            text: place.name, start: token.start, end: token.end, tokenRange: at..<(at + 1), place: value,
            kind: .country, isPossessive: false, alternatives: 0)
    }
}
