import ArgumentParser
import Foundation
import Pipeline

/// `sitrep watch`: rebuild whenever article files are added, changed or removed.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the timeline whenever article files are added, changed or removed.")

    @Argument(help: "Article files or folders to watch.")
    var inputs: [String]

    @Option(help: "The folder the outputs are written to (never watched).")
    var out: String = "Output"

    @Option(
        help: ArgumentHelp(
            "The state folder, or a database file ending in .sqlite (never watched).", valueName: "path"))
    var state: String = ".sitrep"

    @Option(help: "A folder of templates and assets that replace the built-in ones, file by file.")
    var templates: String?

    @Flag(help: "Write into an output folder that holds files but no Sitrep build.")
    var force = false

    @Option(help: "The address the output folder is published at (absolute feed links).")
    var siteURL: String?

    @Option(help: "Seconds between looks at the inputs.")
    var interval: Double = 1

    @Option(help: "Seconds the inputs must stay still before a rebuild (a file still being written waits).")
    var debounce: Double = 1

    @Option(help: "Stop after this many rebuilds (for scripts and tests; default: run until interrupted).")
    var rebuilds: Int?

    func validate() throws {
        guard interval > 0, debounce >= 0 else {
            throw ValidationError("--interval must be > 0, --debounce >= 0")
        }
    }

    func run() throws {
        let options = IncrementalBuild.Options(
            inputs: inputs, out: out, state: state, templates: templates, siteURL: siteURL, force: force)
        let watcher = InputWatcher(inputs: inputs, excluded: [out] + StateLocation(state).excluded)
        Terminal.say("Watching \(inputs.joined(separator: ", ")) (Ctrl-C to stop).")
        BuildCommand.warnWithoutSiteURL(siteURL)
        waitForInputs()
        var done = 0
        var snapshot = watcher.snapshot()
        try rebuild(options, reason: "first build")
        done += 1
        while rebuilds.map({ done < $0 }) ?? true {
            Thread.sleep(forTimeInterval: interval)
            // A missing input (an unmounted share) is waited for, not taken as every file removed.
            waitForInputs()
            var current = watcher.snapshot()
            guard current != snapshot else { continue }
            // Wait until the inputs stay still for the debounce time.
            while true {
                Thread.sleep(forTimeInterval: debounce)
                let next = watcher.snapshot()
                if next == current { break }
                current = next
            }
            let reason = InputWatcher.describe(from: snapshot, to: current)
            snapshot = current
            try rebuild(options, reason: reason)
            done += 1
        }
    }

    /// Waits while an input is missing, saying so once.
    private func waitForInputs() {
        var told = false
        while let missing = inputs.first(where: { !FileManager.default.fileExists(atPath: $0) }) {
            if !told {
                Terminal.warn(
                    "the input '\(missing)' is missing; waiting for it to come back before building")
                told = true
            }
            Thread.sleep(forTimeInterval: interval)
        }
        if told { Terminal.say("[\(Self.clock())] the inputs are back") }
    }

    private func rebuild(_ options: IncrementalBuild.Options, reason: String) throws {
        Terminal.say("[\(Self.clock())] \(reason)")
        do {
            _ = try BuildCommand.run(options)
        } catch let error as CocoaError {
            Terminal.warn("build failed: \(error.localizedDescription); will retry on the next change")
        } catch {
            // A busy state or an unwritable output: say so and keep watching.
            Terminal.warn("build failed: \(error); will retry on the next change")
        }
    }

    private static func clock() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }
}

/// The size and time of every article file under the inputs, to see what changed.
struct InputWatcher {
    struct Stamp: Hashable {
        var size: Int
        var modified: Double
    }

    let inputs: [String]
    let excluded: [String]

    func snapshot() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for path in IncrementalBuild.files(in: inputs, excluding: excluded) {
            let (size, modified) = IncrementalBuild.stamp(of: path)
            result[path] = Stamp(size: size, modified: modified)
        }
        return result
    }

    static func describe(from old: [String: Stamp], to new: [String: Stamp]) -> String {
        let added = new.keys.filter { old[$0] == nil }.count
        let removed = old.keys.filter { new[$0] == nil }.count
        let changed = new.keys.filter { old[$0] != nil && old[$0] != new[$0] }.count
        return "\(added) added, \(changed) changed, \(removed) removed: rebuilding"
    }
}
