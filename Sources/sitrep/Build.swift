import ArgumentParser
import EventModel
import Foundation
import Pipeline

/// `sitrep build`: articles in, timeline out, reading only what changed since the last build.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the timeline from article files and folders, re-reading only what changed.")

    @Argument(help: "Article files (.html, .txt, .md, .jsonl, optionally .gz) or folders.")
    var inputs: [String]

    @Option(help: "The folder the outputs are written to.")
    var out: String = "Output"

    @Option(
        help: ArgumentHelp(
            "The state: a folder (state.sqlite, lock, imported places), or a database file ending in .sqlite (its lock and journal beside it).",
            valueName: "path"))
    var state: String = ".sitrep"

    @Flag(help: "Re-read and re-extract every file, as if no state existed.")
    var full = false

    @Option(
        help:
            "A folder of templates (*.mustache) and assets/ that replace the built-in ones, file by file ('sitrep templates export' writes the built-in ones out)."
    )
    var templates: String?

    @Flag(
        help:
            "Write into an output folder that holds files but no Sitrep build (files Sitrep did not write are kept)."
    )
    var force = false

    @Option(
        help:
            "The address the output folder is published at, e.g. https://example.org/timeline/ (absolute feed links)."
    )
    var siteURL: String?

    func validate() throws {
        if let siteURL, !(siteURL.hasPrefix("https://") || siteURL.hasPrefix("http://")) {
            throw ValidationError("--site-url must start with http:// or https://")
        }
    }

    func run() throws {
        BuildCommand.warnWithoutSiteURL(siteURL)
        let summary = try BuildCommand.run(
            IncrementalBuild.Options(
                inputs: inputs, out: out, state: state, full: full, templates: templates, siteURL: siteURL,
                force: force))
        if summary.articles == 0 && !summary.failures.isEmpty { throw ExitCode.failure }
    }
}

/// What `build` and `watch` share: running one build and telling people what it did.
enum BuildCommand {
    static func warnWithoutSiteURL(_ siteURL: String?) {
        if siteURL == nil {
            Terminal.warn("no --site-url: links in feed.json and atom.xml are relative to the output folder")
        }
    }

    static func run(_ options: IncrementalBuild.Options) throws -> IncrementalBuild.Summary {
        let bar = ProgressBar()
        let build = IncrementalBuild(
            options,
            log: { line in
                bar.clear(); Terminal.say(line)
            }
        ) { done, total in
            bar.show(done, total)
        }
        let summary = try build.run()
        bar.clear()
        for failure in summary.failures { Terminal.warn(failure.description) }
        var line =
            "\(summary.upToDate ? "Up to date" : "Built") \(options.out): \(summary.articles) articles "
            + "(\(summary.filesRead) files read, \(summary.filesUnchanged) unchanged, \(summary.filesRemoved) removed), "
            + "\(summary.events) events, \(summary.sources) sources, \(summary.failures.count) unreadable"
        if summary.duplicates > 0 { line += ", \(summary.duplicates) duplicate articles kept once" }
        Terminal.say(line + ".")
        return summary
    }
}

/// A one-line progress bar on standard error, only when it is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let enabled = isatty(STDERR_FILENO) != 0
    private var shown = false
    private var last = -1

    func show(_ done: Int, _ total: Int) {
        guard enabled, total >= 20 else { return }
        let percent = total == 0 ? 100 : done * 100 / total
        guard percent != last else { return }
        last = percent
        let width = 30
        let filled = width * percent / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) files".utf8))
        shown = true
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
        last = -1
    }
}
