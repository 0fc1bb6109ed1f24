import ArgumentParser
import EventModel
import Foundation
import Pipeline

/// `sitrep build`: articles in, timeline out.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the timeline site and feeds from article files and folders.")

    @Argument(help: "Article files (.html, .txt, .md, .jsonl, optionally .gz) or folders.")
    var inputs: [String]

    @Option(help: "The folder the site and feeds are written to.")
    var out: String = "Output"

    func run() throws {
        var runner = StepRunner(total: 1) { print($0) }
        let outFolder = out
        let pipeline = Pipeline(excludedFolders: [outFolder, ".sitrep"])
        let report = runner.run("read articles") {
            let report = pipeline.read(inputs)
            let summary =
                "\(report.articles.count) read, \(report.failures.count) unreadable, "
                + "\(report.duplicates.count) duplicate\(report.duplicates.count == 1 ? "" : "s")"
            return (report, summary)
        }
        for failure in report.failures { Terminal.warn(failure.description) }
        for duplicate in report.duplicates { Terminal.warn("skipped: \(duplicate)") }
        for article in report.articles where !article.warnings.isEmpty {
            Terminal.warn(
                "\(article.path ?? article.id.rawValue): \(article.warnings.joined(separator: "; "))")
        }
        print(
            "Stopped after reading: event extraction, merging and rendering are not built yet, "
                + "so nothing was written to \(outFolder)/.")
        if report.articles.isEmpty && !report.failures.isEmpty { throw ExitCode.failure }
    }
}
