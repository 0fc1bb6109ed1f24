import Foundation
import Pipeline
import Rendering
import Testing

/// Sitrep as users run it: a state given as a database file, inputs that are missing or inside
/// the output, an output folder holding the user's own files, templates overridden file by file,
/// and an installed copy run from a folder outside the checkout.
struct UsersFoldersTests {
    private static let story = """
        title: Strike on Kharkiv
        outlet: Test Wire
        published: 2025-03-15
        ---
        A Russian missile strike on Kharkiv on Saturday killed three people and injured 12, the regional governor said.
        """

    /// A scratch folder the test works in, removed afterwards.
    private final class Scratch {
        let root: URL
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent(
                "sitrep-users-\(UUID().uuidString)")
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("articles"), withIntermediateDirectories: true)
            try Data(UsersFoldersTests.story.utf8).write(to: root.appendingPathComponent("articles/a.txt"))
        }
        deinit { try? FileManager.default.removeItem(at: root) }

        func path(_ name: String) -> String { root.appendingPathComponent(name).path }

        func build(
            _ inputs: [String] = ["articles"], out: String = "site", state: String = "state",
            force: Bool = false,
            templates: String? = nil
        ) throws -> IncrementalBuild.Summary {
            try IncrementalBuild(
                .init(
                    inputs: inputs.map(path), out: path(out), state: path(state),
                    templates: templates.map(path),
                    force: force)
            ).run()
        }

        func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
        func text(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
    }

    @Test func aStateEndingInSqliteIsTheDatabaseItselfBesideTheArticles() throws {
        let scratch = try Scratch()
        let summary = try scratch.build(state: "timeline.sqlite")
        #expect(summary.articles == 1)
        #expect(summary.events >= 1)
        #expect(scratch.exists("timeline.sqlite"))
        #expect(scratch.exists("timeline.sqlite.lock"))
        #expect(!scratch.exists("state.sqlite"))
        // The folder around it is scanned as usual: a second build reads nothing new.
        let again = try scratch.build(state: "timeline.sqlite")
        #expect(again.upToDate && again.articles == 1)
    }

    @Test func aMissingInputStopsTheBuildBeforeAnythingIsForgotten() throws {
        let scratch = try Scratch()
        _ = try scratch.build()
        let before = try scratch.text("site/events.json")
        #expect(throws: IncrementalBuild.RefusedBuild.self) { try scratch.build(["articles", "renamed"]) }
        try FileManager.default.moveItem(atPath: scratch.path("articles"), toPath: scratch.path("moved"))
        do {
            _ = try scratch.build()
            Issue.record("a build with a missing input went on")
        } catch let error as IncrementalBuild.RefusedBuild {
            #expect(error.description.contains("'\(scratch.path("articles"))' does not exist"))
        }
        #expect(try scratch.text("site/events.json") == before)
        // Back where it was, the article is still known: nothing was re-read.
        try FileManager.default.moveItem(atPath: scratch.path("moved"), toPath: scratch.path("articles"))
        let back = try scratch.build()
        #expect(back.filesRead == 0 && back.articles == 1)
    }

    @Test func anInputInsideTheOutputOrTheStateIsAnErrorNamingBoth() throws {
        let scratch = try Scratch()
        _ = try scratch.build()
        try FileManager.default.createDirectory(
            atPath: scratch.path("state/extra"), withIntermediateDirectories: true)
        for (input, folder) in [("site", "output folder"), ("state/extra", "state folder")] {
            do {
                _ = try scratch.build([input])
                Issue.record("the input \(input) was accepted")
            } catch let error as IncrementalBuild.RefusedBuild {
                #expect(error.description.contains(folder))
                #expect(error.description.contains(input))
            }
        }
        // Output and state folders inside an input are still passed over.
        let nested = try scratch.build(["."], out: "site", state: "state")
        #expect(nested.articles == 1)
    }

    @Test func aFolderOfTheUsersIsRefusedAndWithForceItsFilesAreKept() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(
            atPath: scratch.path("www"), withIntermediateDirectories: true)
        try Data("my page".utf8).write(to: URL(fileURLWithPath: scratch.path("www/2019-05.html")))
        try Data("my notes".utf8).write(to: URL(fileURLWithPath: scratch.path("www/notes.txt")))
        do {
            _ = try scratch.build(out: "www")
            Issue.record("a folder holding the user's files was written into")
        } catch let error as IncrementalBuild.RefusedBuild {
            #expect(error.description.contains("www") && error.description.contains("--force"))
        }
        #expect(!scratch.exists("www/index.html"))
        _ = try scratch.build(out: "www", force: true)
        #expect(scratch.exists("www/index.html"))
        #expect(try scratch.text("www/2019-05.html") == "my page")
        // The month page Sitrep wrote goes when its month has no events; the user's stay.
        #expect(scratch.exists("www/2025-03.html"))
        try FileManager.default.removeItem(atPath: scratch.path("articles/a.txt"))
        try Data("no events here, only words about the weather.".utf8).write(
            to: URL(fileURLWithPath: scratch.path("articles/b.txt")))
        _ = try scratch.build(out: "www")
        #expect(!scratch.exists("www/2025-03.html"))
        #expect(try scratch.text("www/2019-05.html") == "my page")
        #expect(try scratch.text("www/notes.txt") == "my notes")
    }

    @Test func aTemplatesFolderReplacesOnlyTheFilesItHolds() throws {
        let scratch = try Scratch()
        _ = try scratch.build()
        let page = try scratch.text("site/index.html")
        try FileManager.default.createDirectory(
            atPath: scratch.path("mine"), withIntermediateDirectories: true)
        try Data(#"<article class="mine" id="e-{{id}}">{{headline}}</article>"#.utf8).write(
            to: URL(fileURLWithPath: scratch.path("mine/event.mustache")))
        _ = try scratch.build(templates: "mine")
        let custom = try scratch.text("site/index.html")
        #expect(custom.contains(#"<article class="mine""#))
        // The page around the cards is the built-in one.
        #expect(custom.contains(#"<meta name="generator" content="Sitrep">"#))
        #expect(page.prefix(200) == custom.prefix(200))
    }

    @Test func exportingTheTemplatesRefusesToOverwriteWithoutForce() throws {
        let scratch = try Scratch()
        let files = try TemplateSet.export(to: scratch.path("tpl"), force: false)
        #expect(files.contains("page.mustache") && files.contains("assets/style.css"))
        try Data("edited".utf8).write(to: URL(fileURLWithPath: scratch.path("tpl/event.mustache")))
        #expect(throws: TemplateSet.TemplateError.self) {
            try TemplateSet.export(to: scratch.path("tpl"), force: false)
        }
        #expect(try scratch.text("tpl/event.mustache") == "edited")
        _ = try TemplateSet.export(to: scratch.path("tpl"), force: true)
        #expect(try scratch.text("tpl/event.mustache") != "edited")
    }

    @Test func anInstalledCopyRunsFromAnyFolder() throws {
        let scratch = try Scratch()
        let built = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(
            ".build/debug")
        let binary = built.appendingPathComponent("sitrep")
        try #require(
            FileManager.default.isExecutableFile(atPath: binary.path), "build the sitrep product first")
        // As the README installs it: the executable with its resource bundles beside it.
        let install = scratch.root.appendingPathComponent("prefix/lib/sitrep")
        try FileManager.default.createDirectory(at: install, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: binary, to: install.appendingPathComponent("sitrep"))
        for name in try FileManager.default.contentsOfDirectory(atPath: built.path)
        where name.hasSuffix(".resources") && !name.contains("Tests") {
            try FileManager.default.copyItem(
                at: built.appendingPathComponent(name), to: install.appendingPathComponent(name))
        }
        let process = Process()
        process.executableURL = install.appendingPathComponent("sitrep")
        process.arguments = ["build", "articles", "--out", "site", "--state", "timeline.sqlite"]
        process.currentDirectoryURL = scratch.root
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(message)")
        #expect(try scratch.text("site/index.html").contains("Kharkiv"))
        #expect(scratch.exists("site/assets/style.css"))
    }

    @Test func aFailedWriteKeepsThePreviousSiteAndTheNextBuildWritesItAll() throws {
        let scratch = try Scratch()
        _ = try scratch.build()
        let before = try scratch.text("site/index.html")
        // A second article, and an output that cannot be written: "assets" is a file now.
        try Data(UsersFoldersTests.story.replacingOccurrences(of: "Kharkiv", with: "Sumy").utf8).write(
            to: URL(fileURLWithPath: scratch.path("articles/b.txt")))
        try FileManager.default.removeItem(atPath: scratch.path("site/assets"))
        try Data("in the way".utf8).write(to: URL(fileURLWithPath: scratch.path("site/assets")))
        #expect(throws: OutputFile.WriteError.self) { try scratch.build() }
        #expect(try scratch.text("site/index.html") == before)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: scratch.path("site")).filter {
                $0.hasSuffix(".tmp")
            }
            .isEmpty)
        // With the obstacle gone, the next build writes everything, though it reads nothing new.
        try FileManager.default.removeItem(atPath: scratch.path("site/assets"))
        let next = try scratch.build()
        #expect(next.filesRead == 0 && !next.upToDate && next.articles == 2)
        #expect(try scratch.text("site/index.html").contains("Sumy"))
        #expect(scratch.exists("site/assets/style.css"))
    }
}
