import ArgumentParser
import EventModel
import Foundation
import Pipeline

/// `sitrep evaluate`: the extractor against gold files, scored as `../shared/tools/score_events.py`
/// scores `sitrep extract` (the same pairing, the same counts).
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Score the extractor against gold files (corpus/gold/*.json format), as the reference scorer does."
    )

    @Option(parsing: .upToNextOption, help: "The gold files.")
    var gold: [String]

    @Option(
        help: "The folder the gold files' article names are relative to (default: found from each gold file)."
    )
    var corpus: String?

    @Option(help: "Also write every figure here, as JSON.")
    var json: String?

    @Flag(help: "List missed and spurious events.")
    var details = false

    func run() throws {
        var total = Evaluation.Report()
        for path in gold {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read '\(path)'")
            }
            let goldFile: GoldFile
            do {
                goldFile = try JSONDecoder().decode(GoldFile.self, from: data)
            } catch {
                throw ValidationError("'\(path)' is not a gold file: \(error)")
            }
            let folder = corpus ?? Self.findCorpus(for: goldFile, near: path)
            let report = Evaluation().evaluate(goldFile, corpus: folder)
            for file in report.unreadable {
                Terminal.warn("cannot read gold article '\(file)' in '\(folder)'")
            }
            total.add(report)
        }
        print("sitrep evaluate: \(gold.joined(separator: ", "))")
        print(Self.render(total, details: details))
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            try encoder.encode(total).write(to: URL(fileURLWithPath: json), options: .atomic)
        }
    }

    static func render(_ report: Evaluation.Report, details: Bool) -> String {
        func figure(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "n/a" }
        var lines = [
            "articles \(report.articles) (unreadable \(report.unreadable.count))",
            "predicted events                      \(report.predicted)",
            "  matched (required + optional)       \(report.matched) (\(report.matchedRequired) + \(report.matchedOptional))",
            "precision = matched / predicted       \(figure(report.precision))",
            "required gold mentions                \(report.requiredGold)",
            "  matched                             \(report.matchedRequired)",
            "recall                                \(figure(report.recall))",
            "F1                                    \(figure(report.f1))",
            "precision, optional matches neutral   \(figure(report.precisionOptionalNeutral))",
            "",
            "field accuracy on matched pairs (right / scored):",
        ]
        for name in Evaluation.fieldNames {
            let field = report.fields[name] ?? .init()
            lines.append(
                "  \(name.padding(toLength: 14, withPad: " ", startingAt: 0)) \(figure(field.accuracy)) (\(field.right)/\(field.scored))"
            )
        }
        lines.append("per kind (required gold, matched; predicted, matched):")
        for (kind, score) in report.perKind.sorted(by: { $0.key < $1.key }) {
            lines.append(
                "  \(kind): \(score.requiredGold), \(score.requiredMatched); \(score.predicted), \(score.predictedMatched)"
            )
        }
        if details {
            lines += report.misses.map { "  missed   \($0)" }
            lines += report.spurious.map { "  spurious \($0)" }
        }
        return lines.joined(separator: "\n")
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
