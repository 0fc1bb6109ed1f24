import ArgumentParser
import EventModel
import Extraction
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

    @Option(help: "The state folder; places imported with 'sitrep gazetteer import' are read from it.")
    var state: String = ".sitrep"

    func run() throws {
        var runner = StepRunner(total: 4) { print($0) }
        let outFolder = out
        let pipeline = Pipeline(excludedFolders: [outFolder, state])
        let report = runner.run("read articles") {
            let report = pipeline.read(inputs)
            let summary =
                "\(report.articles.count) read, \(report.failures.count) unreadable, "
                + "\(report.duplicates.count) duplicate\(report.duplicates.count == 1 ? "" : "s")"
            return (report, summary)
        }
        for failure in report.failures { Terminal.warn(failure.description) }
        for duplicate in report.duplicates { Terminal.warn("skipped: \(duplicate)") }
        let extractor = Pipeline.extractor(state: state)
        let document = runner.run("extract events") {
            var articles: [ArticleMetadata] = []
            var events: [Event] = []
            for article in report.articles {
                articles.append(article.metadata)
                events += extractor.extract(from: article)
            }
            let undated = report.articles.filter { $0.published == nil }.count
            let summary =
                "\(events.count) events from \(articles.count) articles"
                + (undated > 0
                    ? " (\(undated) without a publication date: relative dates left unresolved)" : "")
            return (EventsDocument(articles: articles, events: events), summary)
        }
        let merged = runner.run("merge reports of one event") {
            var merged = document
            merged.events = Pipeline.merge(document.events)
            let sources = merged.events.reduce(0) { $0 + $1.sources.count }
            return (merged, "\(merged.events.count) events with \(sources) sources")
        }
        let changed = try runner.run("write \(outFolder)/events.json") {
            let changed = try pipeline.writeEvents(merged, to: outFolder)
            return (changed, changed ? "written" : "unchanged")
        }
        _ = changed
        print(
            "Built \(outFolder)/events.json: \(merged.events.count) events, \(report.failures.count) unreadable files. "
                + "The site and feeds are not yet rendered, and every build reads all its inputs.")
        if report.articles.isEmpty && !report.failures.isEmpty { throw ExitCode.failure }
    }
}
