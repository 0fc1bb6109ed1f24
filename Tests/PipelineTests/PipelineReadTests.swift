import EventModel
import Foundation
import Pipeline
import Testing

struct PipelineReadTests {
    private func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitrep-pipeline-\(UUID().uuidString)")
        for (name, text) in files {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        return url
    }

    private let story =
        "published: 2025-03-15\n---\nA drone struck a bus near the village on Saturday, officials said."

    @Test func readsEveryFileReportsFailuresAndKeepsRepeatsOnce() throws {
        let root = try folder([
            "a.txt": story, "b/copy.txt": story, "c.txt": "", "d.txt": story + " Two were hurt.",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let report = Pipeline().read([root.path])
        #expect(report.articles.count == 2)
        #expect(report.articles.map { ($0.path! as NSString).lastPathComponent } == ["a.txt", "d.txt"])
        #expect(report.failures.map(\.reason) == ["the file is empty"])
        #expect(report.duplicates.count == 1)
        #expect(report.duplicates.first?.hasSuffix("repeats \(root.path)/a.txt") == true)
    }

    @Test func theOutputFolderIsNeverRead() throws {
        let root = try folder(["story.txt": story, "Output/events-copy.txt": story + " More."])
        defer { try? FileManager.default.removeItem(at: root) }
        let report = Pipeline(excludedFolders: [root.appendingPathComponent("Output").path]).read([root.path])
        #expect(report.articles.map { ($0.path! as NSString).lastPathComponent } == ["story.txt"])
    }
}
