import ArgumentParser
import EventModel
import Foundation
import Pipeline

/// `sitrep read`: what Ingest made of each file.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what Sitrep reads from articles: metadata and clean text.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Article files (.html, .txt, .md, .jsonl, optionally .gz) or folders.")
    var inputs: [String]

    @Option(help: "text or json.")
    var format: Format = .text

    func run() throws {
        let pipeline = Pipeline()
        let results = pipeline.readEach(inputs)
        switch format {
        case .json:
            let entries = results.map { result -> ReadEntry in
                switch result {
                case .success(let article): .article(article)
                case .failure(let failure):
                    .failure(
                        path: failure.path, error: failure.reason, published: failure.published,
                        source: failure.publishedSource)
                }
            }
            FileHandle.standardOutput.write(try SitrepJSON.encode(entries))
        case .text:
            for result in results {
                switch result {
                case .success(let article): print(Self.describe(article))
                case .failure(let error): Terminal.warn(error.description)
                }
            }
        }
        let failures = results.filter { if case .failure = $0 { true } else { false } }.count
        if failures > 0 { Terminal.warn("\(failures) file\(failures == 1 ? "" : "s") could not be read") }
        if failures > 0 && failures == results.count { throw ExitCode.failure }
    }

    static func describe(_ article: Article) -> String {
        var lines = ["== \(article.path ?? article.id.rawValue)"]
        let fields: [(String, String?)] = [
            ("id", article.id.rawValue), ("title", article.title), ("outlet", article.outlet),
            ("url", article.url), ("author", article.author),
            ("published", article.published.map { "\($0) (from \(article.publishedSource.rawValue))" }),
            ("language", article.language), ("words", String(article.wordCount)),
            ("warnings", article.warnings.isEmpty ? nil : article.warnings.joined(separator: "; ")),
        ]
        for (name, value) in fields {
            if let value { lines.append("\(name): \(value)") }
        }
        lines.append("")
        lines.append(article.text)
        lines.append("")
        return lines.joined(separator: "\n")
    }
}

/// One element of `sitrep read --format json`: an article, or a file that could not be read.
enum ReadEntry: Encodable {
    case article(Article)
    case failure(path: String, error: String, published: String?, source: PublishedSource?)

    enum CodingKeys: String, CodingKey {
        case path, error, published
        case publishedSource = "published_source"
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .article(let article):
            try article.encode(to: encoder)
        case .failure(let path, let error, let published, let source):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(error, forKey: .error)
            try container.encodeIfPresent(published, forKey: .published)
            try container.encodeIfPresent(source, forKey: .publishedSource)
        }
    }
}
