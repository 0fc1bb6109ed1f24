import Foundation
import Store

/// Sitrep deletes only files it wrote itself: the state keeps the list of files each build made
/// in the output folder. A folder that holds files but no Sitrep build (no list in the state, no
/// page of Sitrep's) is refused unless the user forces it, and then its files are left alone.
enum OutputOwnership {
    /// The mark every page of the built-in templates carries.
    static let generatorMark = Array(#"<meta name="generator" content="Sitrep">"#.utf8)

    /// The files the last build made in `out`, or why it may not be written.
    static func check(_ out: URL, store: SQLiteTimelineStore, force: Bool) throws -> Set<String> {
        let (folder, files) = parse(try store.setting("written"))
        if folder == out.standardizedFileURL.path { return files }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).filter {
            !$0.hasPrefix(".")
        }
        guard !names.isEmpty, !force, !holdsSitrepBuild(out) else { return [] }
        throw IncrementalBuild.RefusedBuild(
            description:
                "the output folder '\(out.relativePath)' holds files but no Sitrep build; give an empty or new folder, or --force to write there (files Sitrep did not write are never deleted)"
        )
    }

    /// What an older build's `events.json` starts with.
    static let eventsMark = Array(#"{"articles":["#.utf8)

    /// Whether the folder holds a build of Sitrep's: its `index.html` carries the generator mark,
    /// or (from builds before the mark) its `events.json` is Sitrep's document.
    static func holdsSitrepBuild(_ out: URL) -> Bool {
        func head(_ name: String) -> [UInt8] {
            guard let handle = try? FileHandle(forReadingFrom: out.appendingPathComponent(name)) else {
                return []
            }
            defer { try? handle.close() }
            return [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
        }
        let page = head("index.html")
        let marked =
            page.count >= generatorMark.count
            && (0...(page.count - generatorMark.count)).contains { start in
                generatorMark.indices.allSatisfy { page[start + $0] == generatorMark[$0] }
            }
        return marked || head("events.json").starts(with: eventsMark)
    }

    /// Deletes the files the last build made that this one did not. - Returns: how many.
    static func removeStale(_ previous: Set<String>, keeping current: Set<String>, in out: URL) throws -> Int
    {
        var removed = 0
        for name in previous.subtracting(current).sorted() where !name.contains("..") {
            let url = out.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            try FileManager.default.removeItem(at: url)
            removed += 1
        }
        return removed
    }

    /// Removes the temporary files a killed build left (`.NAME.PID.tmp`, see `OutputFile`).
    static func removeLeftovers(in out: URL) {
        for folder in [out, out.appendingPathComponent("assets")] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                let parts = name.split(separator: ".")
                guard name.hasPrefix("."), name.hasSuffix(".tmp"), parts.count >= 3,
                    parts[parts.count - 2].allSatisfy(\.isNumber)
                else { continue }
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }

    /// Keeps the list of files made in `out`.
    static func record(_ files: Set<String>, for out: URL, store: SQLiteTimelineStore) throws {
        try store.setSetting(
            "written", ([out.standardizedFileURL.path] + files.sorted()).joined(separator: "\n"))
    }

    private static func parse(_ text: String?) -> (String?, Set<String>) {
        guard let text else { return (nil, []) }
        let lines = text.split(separator: "\n").map(String.init)
        return (lines.first, Set(lines.dropFirst()))
    }
}
