import EventModel
import Extraction
import Foundation
import Merging

/// Scores the extractor against a gold file: precision and recall on required events, and the
/// accuracy of kind, date, place, casualties and claim status on the matched ones, per kind.
///
/// A predicted event matches a gold event of the same article when their kinds are equal or of one
/// family and their dates overlap or their places agree (or the gold evidence lies in the quote).
/// A prediction that matches an optional gold event counts neither way; one that matches nothing
/// is a false positive (ANNOTATION.md).
public struct Evaluation: Sendable {
    public struct Report: Sendable, Encodable {
        public struct KindScore: Sendable, Encodable {
            public var gold = 0
            public var found = 0
            public var predicted = 0
            public var falsePositives = 0
        }

        public var articles = 0
        public var requiredGold = 0
        public var matchedRequired = 0
        public var predicted = 0
        public var matchedOptional = 0
        public var falsePositives = 0
        public var kindRight = 0
        public var dateRight = 0
        public var placeRight = 0
        public var casualtiesChecked = 0
        public var casualtiesRight = 0
        public var claimRight = 0
        public var perKind: [String: KindScore] = [:]
        public var misses: [String] = []
        public var spurious: [String] = []
        public var unreadable: [String] = []
        /// Matched events whose date, place or casualties differ from the gold.
        public var fieldErrors: [String] = []

        public var precision: Double {
            let denominator = matchedRequired + falsePositives
            return denominator == 0 ? 0 : Double(matchedRequired) / Double(denominator)
        }
        public var recall: Double { requiredGold == 0 ? 0 : Double(matchedRequired) / Double(requiredGold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    private let pipeline: Pipeline
    private let extractor: EventExtractor

    public init(pipeline: Pipeline = Pipeline(), extractor: EventExtractor = EventExtractor()) {
        self.pipeline = pipeline
        self.extractor = extractor
    }

    /// Both scores of a gold file: per article, and across articles after merging.
    public struct Result: Sendable {
        /// Every article's events against the gold events it is a source of.
        public var perArticle: Report
        /// The events merged across the articles (`EventMerger`, as `sitrep build` does) against
        /// the gold events, which are themselves merged across outlets: a gold event is matched by a
        /// merged event with one of its sources.
        public var merged: Report
    }

    /// - Parameter corpus: the folder gold file names are relative to.
    public func evaluate(_ gold: GoldFile, corpus: String) -> Report {
        evaluateBoth(gold, corpus: corpus).perArticle
    }

    /// - Parameter corpus: the folder gold file names are relative to.
    public func evaluateBoth(_ gold: GoldFile, corpus: String) -> Result {
        var report = Report()
        var merged = Report()
        var all: [Event] = []
        var fileOfArticle: [ArticleID: String] = [:]
        var cache: [String: [Article]] = [:]
        for goldArticle in gold.articles {
            guard var article = load(goldArticle.file, corpus: corpus, cache: &cache) else {
                report.unreadable.append(goldArticle.file)
                continue
            }
            report.articles += 1
            if article.published == nil, let published = goldArticle.published {
                article.metadata.published = published
                article.metadata.publishedSource = .commandLine
            }
            let predicted = extractor.extract(from: article)
            let golds = gold.events.filter { $0.sources.contains(goldArticle.file) }
            score(predicted, against: golds, article: goldArticle.file, into: &report)
            all += predicted
            fileOfArticle[article.id] = goldArticle.file
        }
        merged.articles = report.articles
        let events = EventMerger().merge(all)
        score(events, against: gold.events, article: "merged", into: &merged) { event, gold in
            event.sources.contains { source in
                fileOfArticle[source.articleID].map(gold.sources.contains) ?? false
            }
        }
        return Result(perArticle: report, merged: merged)
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

    /// Kinds of one violent family may stand for each other; any other kind only for itself.
    private static func family(_ kind: EventKind) -> Int {
        kind.family.isViolenceOrProtest
            ? EventFamily.allCases.firstIndex(of: kind.family)!
            : 10 + EventKind.allCases.firstIndex(of: kind)!
    }

    static func datesOverlap(_ a: EventDate, _ b: EventDate) -> Bool {
        guard let aStart = a.start, let aEnd = a.end, let bStart = b.start, let bEnd = b.end else {
            return false
        }
        return aStart <= bEnd && bStart <= aEnd
    }

    /// Within 25 km, or the same region or country when one of them is only that precise.
    static func placesAgree(_ predicted: Place?, _ gold: Place?) -> Bool {
        guard let predicted, let gold else { return predicted == nil && gold == nil }
        if let distance = predicted.distanceKm(to: gold), distance <= 25 { return true }
        if gold.precision == .country || predicted.precision == .country {
            return gold.precision == predicted.precision && gold.country == predicted.country
        }
        if gold.precision == .region && predicted.precision == .region {
            return gold.country == predicted.country
                && regionKey(gold.admin1 ?? gold.name) == regionKey(predicted.admin1 ?? predicted.name)
        }
        if gold.precision == .water && predicted.precision == .water {
            return gold.name.lowercased().contains(predicted.name.lowercased())
                || predicted.name.lowercased().contains(gold.name.lowercased())
        }
        return false
    }

    /// A region's name without its type word: "Paktika Province" and "Paktika province" agree.
    static func regionKey(_ name: String) -> String {
        let words = name.lowercased().split(separator: " ").filter {
            !["oblast", "region", "province", "governorate", "state", "district", "prefecture", "county"]
                .contains(String($0))
        }
        return words.joined(separator: " ")
    }

    private func matchScore(_ event: Event, _ gold: GoldFile.GoldEvent) -> Int? {
        guard Self.family(event.kind) == Self.family(gold.kind) else { return nil }
        var score = event.kind == gold.kind ? 3 : 1
        let dates = Self.datesOverlap(event.date, gold.date)
        let places = Self.placesAgree(event.location, gold.location)
        let evidence =
            gold.evidence.map { evidence in event.sources.contains { $0.quote.contains(evidence) } } ?? false
        if dates { score += 2 }
        if places { score += 2 }
        if evidence { score += 3 }
        guard dates || places || evidence else { return nil }
        return score
    }

    private func score(
        _ predicted: [Event], against golds: [GoldFile.GoldEvent], article: String, into report: inout Report,
        eligible: (Event, GoldFile.GoldEvent) -> Bool = { _, _ in true }
    ) {
        report.predicted += predicted.count
        report.requiredGold += golds.filter(\.required).count
        for gold in golds where gold.required {
            report.perKind[gold.kind.rawValue, default: .init()].gold += 1
        }
        for event in predicted { report.perKind[event.kind.rawValue, default: .init()].predicted += 1 }
        // Greedy one-to-one matching, best pairs first; required gold before optional.
        var pairs: [(score: Int, event: Int, gold: Int)] = []
        for (e, event) in predicted.enumerated() {
            for (g, gold) in golds.enumerated() where eligible(event, gold) {
                if let score = matchScore(event, gold) {
                    pairs.append((score + (gold.required ? 100 : 0), e, g))
                }
            }
        }
        pairs.sort { ($0.score, -$0.event, -$0.gold) > ($1.score, -$1.event, -$1.gold) }
        var usedEvents = Set<Int>()
        var usedGold = Set<Int>()
        for pair in pairs where !usedEvents.contains(pair.event) && !usedGold.contains(pair.gold) {
            usedEvents.insert(pair.event)
            usedGold.insert(pair.gold)
            let event = predicted[pair.event]
            let gold = golds[pair.gold]
            guard gold.required else {
                report.matchedOptional += 1
                continue
            }
            report.matchedRequired += 1
            report.perKind[gold.kind.rawValue, default: .init()].found += 1
            if event.kind == gold.kind { report.kindRight += 1 }
            let context = "\(article) \(gold.id) \(gold.kind.rawValue)"
            if Self.datesOverlap(event.date, gold.date) && event.date.precision != .unknown {
                report.dateRight += 1
            } else {
                report.fieldErrors.append(
                    "\(context) date \(event.date.start ?? "-")…\(event.date.end ?? "-") '\(event.date.text ?? "")', gold \(gold.date.start ?? "-")…\(gold.date.end ?? "-")"
                )
            }
            if Self.placesAgree(event.location, gold.location) {
                report.placeRight += 1
            } else {
                report.fieldErrors.append(
                    "\(context) place \(event.location?.name ?? "-") \(event.location?.precision.rawValue ?? ""), gold \(gold.location?.name ?? "-") \(gold.location?.precision.rawValue ?? "")"
                )
            }
            if gold.killed != nil || gold.injured != nil {
                report.casualtiesChecked += 1
                let killed = event.casualties?.killed?.value
                let injured = event.casualties?.injured?.value
                if killed == gold.killed && injured == gold.injured {
                    report.casualtiesRight += 1
                } else {
                    report.fieldErrors.append(
                        "\(context) casualties \(killed.map(String.init) ?? "-")/\(injured.map(String.init) ?? "-"), gold \(gold.killed.map(String.init) ?? "-")/\(gold.injured.map(String.init) ?? "-")"
                    )
                }
            }
            if event.claim.status == gold.claimStatus {
                report.claimRight += 1
            } else {
                report.fieldErrors.append(
                    "\(context) claim \(event.claim.status.rawValue), gold \(gold.claimStatus?.rawValue ?? "-")"
                )
            }
        }
        for (g, gold) in golds.enumerated() where gold.required && !usedGold.contains(g) {
            report.misses.append("\(article) \(gold.id) \(gold.kind.rawValue): \(gold.evidence ?? "")")
        }
        for (e, event) in predicted.enumerated() where !usedEvents.contains(e) {
            report.falsePositives += 1
            report.perKind[event.kind.rawValue, default: .init()].falsePositives += 1
            report.spurious.append(
                "\(article) \(event.kind.rawValue) @\(event.location?.name ?? "-"): \(event.sources.first?.quote.prefix(140) ?? "")"
            )
        }
    }
}
