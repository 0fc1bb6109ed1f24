import EventModel
import Extraction
import Foundation

/// Scores the extractor against gold files exactly as the reference scorer
/// (`../shared/tools/score_events.py`) does: per article, predicted events are paired one to one
/// with the gold events the article is a source of (``EventMatching``); precision is the share of
/// predictions paired (with a required or an optional gold event), recall the share of required
/// gold mentions paired (a gold event with two sources is two mentions).
public struct Evaluation: Sendable {
    /// A field checked on matched pairs: right out of scored.
    public struct FieldScore: Sendable, Encodable, Equatable {
        public var right = 0
        public var scored = 0
        public var accuracy: Double? { scored == 0 ? nil : Double(right) / Double(scored) }
        public init() {}
    }

    public struct KindScore: Sendable, Encodable, Equatable {
        public var requiredGold = 0
        public var requiredMatched = 0
        public var predicted = 0
        public var predictedMatched = 0
        public init() {}
    }

    public struct Report: Sendable, Encodable {
        public var articles = 0
        /// Articles of the gold that could not be read (counted with no predictions).
        public var unreadable: [String] = []
        public var predicted = 0
        public var matched = 0
        public var matchedRequired = 0
        public var matchedOptional = 0
        public var requiredGold = 0
        public var optionalGold = 0
        /// kind, acled_subtype, date_exact, place_25km, killed, injured, claim_status.
        public var fields: [String: FieldScore] = [:]
        public var perKind: [String: KindScore] = [:]
        public var misses: [String] = []
        public var spurious: [String] = []

        public init() {}

        public var precision: Double? { predicted == 0 ? nil : Double(matched) / Double(predicted) }
        public var recall: Double? {
            requiredGold == 0 ? nil : Double(matchedRequired) / Double(requiredGold)
        }
        public var f1: Double? {
            guard let p = precision, let r = recall, p + r > 0 else { return nil }
            return 2 * p * r / (p + r)
        }
        /// Adds another gold file's counts.
        public mutating func add(_ other: Report) {
            articles += other.articles
            unreadable += other.unreadable
            predicted += other.predicted
            matched += other.matched
            matchedRequired += other.matchedRequired
            matchedOptional += other.matchedOptional
            requiredGold += other.requiredGold
            optionalGold += other.optionalGold
            for (name, field) in other.fields {
                fields[name, default: .init()].right += field.right
                fields[name, default: .init()].scored += field.scored
            }
            for (kind, score) in other.perKind {
                perKind[kind, default: .init()].requiredGold += score.requiredGold
                perKind[kind, default: .init()].requiredMatched += score.requiredMatched
                perKind[kind, default: .init()].predicted += score.predicted
                perKind[kind, default: .init()].predictedMatched += score.predictedMatched
            }
            misses += other.misses
            spurious += other.spurious
        }

        /// ANNOTATION.md's reading: pairs with optional gold events neither rewarded nor punished.
        public var precisionOptionalNeutral: Double? {
            let denominator = predicted - matchedOptional
            return denominator == 0 ? nil : Double(matchedRequired) / Double(denominator)
        }
    }

    public static let fieldNames = [
        "kind", "acled_subtype", "date_exact", "place_25km", "killed", "injured", "claim_status",
    ]

    private let pipeline: Pipeline
    private let extractor: EventExtractor

    public init(pipeline: Pipeline = Pipeline(), extractor: EventExtractor = EventExtractor()) {
        self.pipeline = pipeline
        self.extractor = extractor
    }

    /// - Parameter corpus: the folder gold file names are relative to.
    public func evaluate(_ gold: GoldFile, corpus: String) -> Report {
        var report = Report()
        var cache: [String: [Article]] = [:]
        for file in gold.articleFiles {
            let goldArticle = gold.article(file)
            let golds = gold.events.filter { $0.sources.contains(file) }
            guard var article = load(file, corpus: corpus, cache: &cache) else {
                report.unreadable.append(file)
                score([], against: golds, file: file, undated: false, into: &report)
                continue
            }
            // As the scorer runs `extract --published`: the gold's day for an article whose text
            // states none in its front matter (or record), filling only a missing date.
            let stated =
                article.published != nil
                && [.frontMatter, .record].contains(article.metadata.publishedSource)
            let passed = stated ? nil : goldArticle.published.map(Self.day)
            if article.published == nil, let passed {
                article.metadata.published = passed
                article.metadata.publishedSource = .commandLine
            }
            let predicted = extractor.extract(from: article)
            score(predicted, against: golds, file: file, undated: passed == nil && !stated, into: &report)
        }
        return report
    }

    /// "2025-03-15T10:00:00Z" → "2025-03-15", as the scorer passes it.
    static func day(_ published: String) -> String {
        EventMatching.day(published) != nil ? String(published.prefix(10)) : published
    }

    private func load(_ file: String, corpus: String, cache: inout [String: [Article]]) -> Article? {
        let parts = file.split(separator: "#", maxSplits: 1).map(String.init)
        let path = (corpus as NSString).appendingPathComponent(parts[0])
        if cache[path] == nil {
            cache[path] = pipeline.readEach([path]).compactMap { try? $0.get() }
        }
        let articles = cache[path] ?? []
        if parts.count == 2 { return articles.first { $0.path?.hasSuffix("#" + parts[1]) == true } }
        return articles.first
    }

    /// Pairs one article's events with its gold events and counts them.
    public func score(
        _ predicted: [Event], against golds: [GoldFile.GoldEvent], file: String, undated: Bool,
        into report: inout Report
    ) {
        let pairs = EventMatching.match(predicted, golds, undatedArticle: undated)
        report.articles += 1
        report.predicted += predicted.count
        report.matched += pairs.count
        report.requiredGold += golds.filter(\.required).count
        report.optionalGold += golds.filter { !$0.required }.count
        for gold in golds where gold.required {
            report.perKind[gold.kind, default: .init()].requiredGold += 1
        }
        let pairedEvents = Set(pairs.map(\.event))
        let pairedGolds = Set(pairs.map(\.gold))
        for (index, event) in predicted.enumerated() {
            report.perKind[event.kind.rawValue, default: .init()].predicted += 1
            if pairedEvents.contains(index) {
                report.perKind[event.kind.rawValue, default: .init()].predictedMatched += 1
            } else {
                report.spurious.append(
                    "\(file) \(Self.describe(event)): \(event.sources.first?.quote.prefix(140) ?? "")")
            }
        }
        for pair in pairs {
            let gold = golds[pair.gold]
            if gold.required {
                report.matchedRequired += 1
                report.perKind[gold.kind, default: .init()].requiredMatched += 1
            } else {
                report.matchedOptional += 1
            }
            for (name, right) in Self.fieldChecks(predicted[pair.event], gold) {
                guard let right else { continue }
                report.fields[name, default: .init()].scored += 1
                if right { report.fields[name, default: .init()].right += 1 }
            }
        }
        for (index, gold) in golds.enumerated() where gold.required && !pairedGolds.contains(index) {
            report.misses.append("\(file) \(gold.id) \(gold.kind): \(gold.evidence)")
        }
    }

    /// Right or wrong per field on a matched pair; nil where the gold does not score the field.
    static func fieldChecks(_ event: Event, _ gold: GoldFile.GoldEvent) -> [(String, Bool?)] {
        let subtypes = EventMatching.subtypes[gold.kind] ?? []
        let located = gold.location?.lat != nil && gold.location?.lon != nil
        let distance = EventMatching.distanceKm(event.location, gold.location)
        let dated = EventMatching.goldInterval(gold.date) != nil
        return [
            ("kind", event.kind.rawValue == gold.kind),
            (
                "acled_subtype",
                subtypes.isEmpty ? nil : event.acled.map { subtypes.contains($0.subEventType) } ?? false
            ),
            (
                "date_exact",
                dated
                    ? EventMatching.day(event.date.start) == EventMatching.day(gold.date?.start)
                        && EventMatching.day(event.date.end) == EventMatching.day(gold.date?.end) : nil
            ),
            ("place_25km", located ? (distance.map { $0 <= 25 } ?? false) : nil),
            ("killed", gold.killed.map { event.casualties?.killed?.value == $0 }),
            ("injured", gold.injured.map { event.casualties?.injured?.value == $0 }),
            ("claim_status", gold.claimStatus.map { event.claim.status.rawValue == $0 }),
        ]
    }

    static func describe(_ event: Event) -> String {
        var when = event.date.start ?? "?"
        if let end = event.date.end, end != event.date.start { when += "..\(end)" }
        return "\(event.kind.rawValue) \(when) @ \(event.location?.name ?? "-")"
    }
}
