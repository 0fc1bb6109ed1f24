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

/// Reads an article into event mentions (ANNOTATION.md): triggers from the lexicon give a kind,
/// then the sentence gives place, date, actors, weapons, casualties, targets and outcome;
/// attribution, hedges and denials give the claim status and confidence. Mentions of one event
/// within the article are joined.
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

    public func analyze(_ article: Article) -> ArticleAnalysis {
        let text = article.text
        let tokens = Tokenizer.tokens(text)
        let reference = article.published.flatMap(CalendarDay.init)
        let expressions = dates.tag(tokens: tokens, in: text, reference: reference)
        let mentions = places.mentions(tokens: tokens, in: text)
        let sentences = splitter.sentences(tokens, in: text)
        var reader = SentenceReader(
            lexicon: lexicon, tokens: tokens, text: text, sentences: sentences, dates: expressions,
            places: mentions,
            reference: reference)
        var found: [Mention] = []
        var eventSentences: Set<Int> = []
        for index in sentences.indices {
            let read = reader.read(sentence: index)
            if reader.reportedEvent { eventSentences.insert(index) }
            found += read
            // A sentence with figures but no event updates the last violent event of its paragraph
            // (one that told a background event, "In 2019 the group killed 400 people", does not).
            // ("… fired two rockets. One was intercepted. No one was hurt.": the strike, not the interception.)
            if read.isEmpty, !reader.reportedEvent,
                let last = found.indices.last(where: { MentionJoiner.violent.contains(found[$0].kind) }),
                found[last...].allSatisfy({
                    !$0.kind.family.isViolenceOrProtest || $0.sentence == found[last].sentence
                }),
                sentences[found[last].lastSentence].paragraph >= sentences[index].paragraph - 1,
                // "Debris fell in Kyiv, injuring two" is not news of the strike on Odesa.
                Self.placesAgree(sentences[index], found[last].place, mentions)
            {
                let (killed, injured) = reader.casualties(sentence: index)
                if let killed, killed.value > 0 || found[last].killed == nil { found[last].killed = killed }
                if let injured, injured.value > 0 || found[last].injured == nil {
                    found[last].injured = injured
                }
            }
        }
        let refiner = PlaceRefiner(
            tokens: tokens, sentences: sentences, dates: expressions, places: mentions,
            eventSentences: eventSentences)
        let joined = refiner.refine(MentionJoiner.join(found, rank: lexicon.rank))
        let finisher = EventFinisher(
            lexicon: lexicon, article: article, text: text, sentences: sentences, tokens: tokens,
            places: mentions, reader: reader)
        let events = joined.map(finisher.finish)
        return ArticleAnalysis(
            article: article, reference: reference, dates: expressions, places: mentions, events: events)
    }
}
