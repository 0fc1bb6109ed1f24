import ArgumentParser
import EventModel
import Foundation
import Pipeline

/// `sitrep extract`: the events of the given articles, not merged across articles.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the events found in articles (JSON per events.schema.json, or text).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

    @Argument(help: "Article files (.html, .txt, .md, .jsonl, optionally .gz) or folders.")
    var inputs: [String]

    @Option(help: "Publication date (YYYY-MM-DD) for articles that carry none.")
    var published: String?

    @Option(help: "json or text.")
    var format: Format = .json

    func validate() throws {
        if let published, published.count < 10 || Int(published.prefix(4)) == nil {
            throw ValidationError("--published takes a date such as 2025-03-15")
        }
    }

    @Option(help: "The state folder; places imported with 'sitrep gazetteer import' are read from it.")
    var state: String = ".sitrep"

    func run() throws {
        let extractor = Pipeline.extractor(state: state)
        let (document, report) = Pipeline().extract(inputs, published: published, extractor: extractor)
        for failure in report.failures { Terminal.warn(failure.description) }
        switch format {
        case .json:
            FileHandle.standardOutput.write(try SitrepJSON.encode(document))
        case .text:
            for event in document.events { print(Self.describe(event)) }
            print("\(document.events.count) events from \(document.articles.count) articles")
        }
        if document.articles.isEmpty && !report.failures.isEmpty { throw ExitCode.failure }
    }

    static func describe(_ event: Event) -> String {
        var lines = [
            "\(event.date.start ?? "?")\(event.date.end != event.date.start ? "…" + (event.date.end ?? "?") : "")  \(event.headline)"
        ]
        lines.append(
            "  kind: \(event.kind.rawValue)  claim: \(event.claim.status.rawValue)  confidence: \(event.confidence)"
        )
        if let place = event.location {
            lines.append("  place: \(place.name) (\(place.precision.rawValue), \(place.country ?? "?"))")
        }
        if !event.actors.isEmpty {
            lines.append(
                "  actors: " + event.actors.map { "\($0.name) [\($0.role.rawValue)]" }.joined(separator: ", ")
            )
        }
        if let quote = event.sources.first?.quote { lines.append("  “\(quote)”") }
        return lines.joined(separator: "\n")
    }
}
