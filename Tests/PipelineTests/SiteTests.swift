import EventModel
import Foundation
import Pipeline
import TestSupport
import Testing

@testable import Rendering

/// The site and feeds a build writes: safe with hostile articles, stopped by a broken template,
/// valid feeds, and `Output/` in the repository exactly what the README's first command makes.
struct SiteTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private static let story = """
        title: Strike on Kharkiv
        outlet: Kyiv Wire
        url: https://example.org/kharkiv
        published: 2025-03-15
        ---
        Russian missiles struck Kharkiv on Friday, killing three people, the regional governor said.
        """

    @Test func hostileArticleContentIsEscapedEverywhere() throws {
        let scratch = try BuildScratch()
        try scratch.write(
            "evil.txt",
            """
            title: <script>alert('t')</script> "><img src=x onerror=alert(1)>
            outlet: Evil" onmouseover="alert(2)
            url: javascript:alert(3)
            published: 2025-03-15
            ---
            Russian missiles struck Kharkiv on Friday, killing three people, the governor said "<script>alert(4)</script>" and '"><b>.
            """)
        _ = try scratch.build()
        for name in ["index.html", "2025-03.html"] {
            let html = try scratch.text(name)
            #expect(html.contains("<article"), "\(name) shows the event")
            #expect(!html.contains("<script>alert"), "\(name) runs no article script")
            #expect(!html.contains("<img src=x"), "\(name) takes no article markup")
            #expect(!html.contains("javascript:"), "\(name) links only to http(s)")
            #expect(!html.contains("onmouseover=\"alert"), "\(name) keeps attributes closed")
            #expect(html.contains("&lt;script&gt;alert(4)&lt;/script&gt;"))
            // The only scripts are the site's own.
            #expect(html.components(separatedBy: "<script").count - 1 == 1)
        }
        let atom = try scratch.text("atom.xml")
        #expect(!atom.contains("<script>") && !atom.contains("javascript:"))
        let feed = try scratch.text("feed.json")
        #expect(try JSONSerialization.jsonObject(with: Data(feed.utf8)) is [String: Any])
        #expect(!feed.contains("\"url\" : \"javascript:"))
    }

    @Test func aBrokenTemplateStopsTheBuildAndKeepsTheOutput() throws {
        let scratch = try BuildScratch()
        try scratch.write("a.txt", Self.story)
        _ = try scratch.build()
        let before = try scratch.text("index.html")

        let broken = scratch.root.appendingPathComponent("Templates")
        _ = try TemplateSet.export(to: broken.path, force: false)
        let event = broken.appendingPathComponent("event.mustache")
        var text = try String(contentsOf: event, encoding: .utf8)
        text = text.replacingOccurrences(of: "{{/acled}}", with: "{{/acledd}}")
        try Data(text.utf8).write(to: event)
        try scratch.write("b.txt", Self.story.replacingOccurrences(of: "Kharkiv", with: "Sumy"))
        do {
            _ = try scratch.build(templates: broken.path)
            Issue.record("the build went on with a broken template")
        } catch let error as TemplateSet.TemplateError {
            #expect(error.file.hasSuffix("event.mustache"))
            #expect(error.line == 3)
            #expect(error.column != nil)
            #expect(error.description.contains("event.mustache:3:"))
        }
        #expect(try scratch.text("index.html") == before)
    }

    @Test func theJSONFeedIsValidAndItsLinksAbsoluteWithASiteURL() throws {
        let scratch = try BuildScratch()
        try scratch.write("a.txt", Self.story)
        try scratch.write("b.txt", Self.story.replacingOccurrences(of: "Kharkiv", with: "Odesa"))
        _ = try scratch.build(siteURL: "https://example.org/timeline")
        let schemaURL = try #require(
            Bundle.module.url(forResource: "Fixtures/jsonfeed-1.1.schema", withExtension: "json"))
        let validator = try SchemaValidator(schema: try Data(contentsOf: schemaURL))
        let feed = try #require(
            try JSONSerialization.jsonObject(with: Data(try scratch.text("feed.json").utf8)) as? [String: Any]
        )
        #expect(validator.violations(of: feed).isEmpty, "\(validator.violations(of: feed))")
        #expect(feed["feed_url"] as? String == "https://example.org/timeline/feed.json")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.count == 2)
        let document = try SitrepJSON.decode(
            EventsDocument.self, from: Data(try scratch.text("events.json").utf8))
        #expect(Set(items.compactMap { $0["id"] as? String }) == Set(document.events.map(\.id.rawValue)))
        for item in items {
            #expect(
                (item["url"] as? String)?.hasPrefix("https://example.org/timeline/2025-03.html#e-") == true)
            #expect(
                (item["date_published"] as? String)?.range(
                    of: #"^\d{4}-\d{2}-\d{2}T"#, options: .regularExpression) != nil)
            #expect(item["_sitrep"] is [String: Any])
        }
        let geojson = try #require(
            try JSONSerialization.jsonObject(with: Data(try scratch.text("events.geojson").utf8))
                as? [String: Any])
        #expect((geojson["features"] as? [Any])?.count == 2)
        let csv = try scratch.text("events.csv")
        #expect(csv.hasPrefix("event_id,event_date,time_precision,event_type,sub_event_type,actor1,actor2,"))
        #expect(csv.components(separatedBy: "\r\n").count == 4)
    }

    /// `Output/` is what `swift run sitrep build Examples/articles` makes (run from the package).
    @Test func theCommittedOutputIsUpToDate() throws {
        let cwd = FileManager.default.currentDirectoryPath
        try #require(
            URL(fileURLWithPath: cwd).standardizedFileURL.path == Self.root.standardizedFileURL.path,
            "run the tests from the package folder, as `swift test` does")
        let scratch = try BuildScratch()
        let out = scratch.root.appendingPathComponent("out")
        _ = try IncrementalBuild(
            .init(
                inputs: ["Examples/articles"], out: out.path,
                state: scratch.root.appendingPathComponent("state").path)
        ).run()
        let committed = Self.root.appendingPathComponent("Output")
        func files(_ folder: URL) -> [String] {
            let enumerator = FileManager.default.enumerator(atPath: folder.path)
            return (enumerator?.allObjects as? [String] ?? []).filter {
                var isFolder: ObjCBool = false
                FileManager.default.fileExists(
                    atPath: folder.appendingPathComponent($0).path, isDirectory: &isFolder)
                return !isFolder.boolValue
            }.sorted()
        }
        #expect(files(committed) == files(out), "Output/ holds other files than a build makes")
        for name in files(out) {
            let fresh = try Data(contentsOf: out.appendingPathComponent(name))
            let kept = try? Data(contentsOf: committed.appendingPathComponent(name))
            #expect(
                kept == fresh, "Output/\(name) is out of date: run `swift run sitrep build Examples/articles`"
            )
        }
    }

    @Test func everyExampleEventIsWrittenAsTheEncoderWritesIt() throws {
        let (document, _) = Pipeline().extract(["Examples/articles"])
        #expect(document.events.count > 20)
        for event in document.events {
            #expect(
                String(decoding: EventJSONWriter.write(event), as: UTF8.self)
                    == String(decoding: try EventsJSON.fragment(event), as: UTF8.self))
        }
    }
}
