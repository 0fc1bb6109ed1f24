import EventModel
import Foundation
import Pipeline

/// A scratch folder with `in/` (the articles), `out/` and `state/`.
final class BuildScratch {
    let root: URL
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitrep-build-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("in"), withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ name: String, _ text: String) throws {
        try write(name, Data(text.utf8))
    }
    func write(_ name: String, _ data: Data) throws {
        try data.write(to: root.appendingPathComponent("in/\(name)"))
    }
    func append(_ name: String, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: root.appendingPathComponent("in/\(name)"))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }
    func remove(_ name: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent("in/\(name)"))
    }
    func options(
        state: String = "state", out: String = "out", full: Bool = false, templates: String? = nil,
        siteURL: String? = nil
    ) -> IncrementalBuild.Options {
        IncrementalBuild.Options(
            inputs: [root.appendingPathComponent("in").path], out: root.appendingPathComponent(out).path,
            state: root.appendingPathComponent(state).path, full: full, templates: templates, siteURL: siteURL
        )
    }
    func build(
        state: String = "state", out: String = "out", full: Bool = false, templates: String? = nil,
        siteURL: String? = nil
    ) throws -> IncrementalBuild.Summary {
        try IncrementalBuild(
            options(state: state, out: out, full: full, templates: templates, siteURL: siteURL)
        ).run()
    }
    /// An output file as text.
    func text(_ name: String, out: String = "out") throws -> String {
        try String(contentsOf: root.appendingPathComponent("\(out)/\(name)"), encoding: .utf8)
    }
    func output(_ out: String = "out") throws -> Data {
        try Data(contentsOf: root.appendingPathComponent("\(out)/events.json"))
    }
    func document(_ out: String = "out") throws -> EventsDocument {
        try SitrepJSON.decode(EventsDocument.self, from: try output(out))
    }
}
