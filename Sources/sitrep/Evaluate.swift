import ArgumentParser
import EventModel
import Foundation
import Pipeline

/// `sitrep evaluate`: the extractor against a gold file.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the extractor against a gold file (corpus/gold/*.json format).")

    @Option(help: "The gold file.")
    var gold: String

    @Option(
        help: "The folder the gold file's article names are relative to (default: found from the gold file).")
    var corpus: String?

    @Flag(help: "List missed and spurious events.")
    var details = false

    func run() throws {
        guard let data = FileManager.default.contents(atPath: gold) else {
            throw ValidationError("cannot read '\(gold)'")
        }
        let goldFile: GoldFile
        do {
            goldFile = try JSONDecoder().decode(GoldFile.self, from: data)
        } catch {
            throw ValidationError("'\(gold)' is not a gold file: \(error)")
        }
        let folder = corpus ?? Self.findCorpus(for: goldFile, near: gold)
        let result = Evaluation().evaluateBoth(goldFile, corpus: folder)
        for file in result.perArticle.unreadable {
            Terminal.warn("cannot read gold article '\(file)' in '\(folder)'")
        }
        print(
            "\(gold): \(result.perArticle.articles) articles, \(goldFile.events.filter(\.required).count) required gold events"
        )
        print("per article (each article's events against the gold events it reports):")
        show(result.perArticle)
        print("merged across articles (as `sitrep build` merges them; gold events are merged too):")
        show(result.merged)
    }

    private func show(_ report: Evaluation.Report) {
        let matched = max(report.matchedRequired, 1)
        func percent(_ value: Int, _ total: Int) -> String {
            String(format: "%.2f", Double(value) / Double(max(total, 1)))
        }
        print(
            String(
                format: "  required events  precision %.2f  recall %.2f  F1 %.2f", report.precision,
                report.recall, report.f1))
        print(
            "  (\(report.matchedRequired) of \(report.requiredGold) found, \(report.predicted) predicted, \(report.falsePositives) false positives, \(report.matchedOptional) matched optional events)"
        )
        print(
            "  on matched events: kind \(percent(report.kindRight, matched))  date \(percent(report.dateRight, matched))  place \(percent(report.placeRight, matched))  casualties \(percent(report.casualtiesRight, report.casualtiesChecked)) (of \(report.casualtiesChecked))  claim \(percent(report.claimRight, matched))"
        )
        print("  per kind (gold found/gold, predicted, false positives):")
        for (kind, score) in report.perKind.sorted(by: { $0.key < $1.key }) {
            print("    \(kind): \(score.found)/\(score.gold), \(score.predicted), \(score.falsePositives)")
        }
        if details {
            for miss in report.misses { print("  missed   \(miss)") }
            for spurious in report.spurious { print("  spurious \(spurious)") }
            for error in report.fieldErrors { print("  field    \(error)") }
        }
    }

    /// The gold file's folder or one above it, whichever holds its first article.
    static func findCorpus(for gold: GoldFile, near path: String) -> String {
        var folder = (path as NSString).deletingLastPathComponent
        for _ in 0..<3 {
            if let first = gold.articles.first?.file.split(separator: "#").first,
                FileManager.default.fileExists(
                    atPath: (folder as NSString).appendingPathComponent(String(first)))
            {
                return folder
            }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return (path as NSString).deletingLastPathComponent
    }
}
