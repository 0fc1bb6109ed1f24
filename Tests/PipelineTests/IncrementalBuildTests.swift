import EventModel
import Extraction
import Foundation
import Pipeline
import Rendering
import Store
import Testing

/// `sitrep build` over a state: only what changed is read, and the outputs are always those a
/// fresh build of the same inputs gives.
struct IncrementalBuildTests {
    private let kharkiv = """
        title: Missiles hit Kharkiv
        outlet: Kyiv Wire
        published: 2025-03-15
        ---
        Russian missiles struck Kharkiv on Friday, killing three people, the regional governor said.
        """
    private let kharkivElsewhere = """
        title: Strike on Kharkiv
        outlet: Global Wire
        published: 2025-03-15
        ---
        A Russian missile strike on Kharkiv on Friday killed four people, officials said.
        """
    private let bryansk = """
        title: Depot hit
        outlet: Border News
        published: 2025-03-14
        ---
        Ukrainian drones struck an oil depot in Bryansk on Thursday, the regional governor said.
        """
    private let odesa = """
        title: Port attacked
        outlet: Black Sea Daily
        published: 2025-03-16
        ---
        Russian drones struck the port of Odesa on Sunday, injuring two workers, the regional governor said.
        """

    @Test func reportsOfOneEventFromTwoOutletsMergeAndADistractorStaysApart() throws {
        let scratch = try BuildScratch()
        try scratch.write("a.txt", kharkiv)
        try scratch.write("b.txt", kharkivElsewhere)
        try scratch.write("c.txt", bryansk)
        let summary = try scratch.build()
        #expect(summary.filesRead == 3 && summary.articles == 3)
        let document = try scratch.document()
        #expect(document.events.count == 2)
        let strike = try #require(document.events.first { $0.location?.name == "Kharkiv" })
        #expect(strike.sources.count == 2)
        #expect(strike.casualties?.killed?.value == 3 && strike.casualties?.killed?.max == 4)
        #expect(document.events.contains { $0.location?.name == "Bryansk" && $0.sources.count == 1 })
    }

    @Test func theOutputIsTheInMemoryMergeByteForByte() throws {
        let scratch = try BuildScratch()
        try scratch.write("a.txt", kharkiv)
        try scratch.write("b.txt", kharkivElsewhere)
        try scratch.write("c.txt", bryansk)
        _ = try scratch.build()
        let read = Pipeline().read([scratch.root.appendingPathComponent("in").path])
        let extractor = Pipeline.extractor(state: scratch.root.appendingPathComponent("state").path)
        let events = Pipeline.merge(read.articles.flatMap(extractor.extract(from:)))
        let document = EventsDocument(articles: read.articles.map(\.metadata), events: events)
        let expected = try EventsJSON.encode(document)
        #expect(try SitrepJSON.decode(EventsDocument.self, from: scratch.output()) == document)
        let actual = try scratch.output()
        if actual != expected {
            try? actual.write(to: URL(fileURLWithPath: "/tmp/sitrep-actual.json"))
            try? expected.write(to: URL(fileURLWithPath: "/tmp/sitrep-expected.json"))
        }
        #expect(actual == expected)
    }

    @Test func addingChangingAndRemovingFilesReadsOnlyThemAndKeepsIds() throws {
        let scratch = try BuildScratch()
        try scratch.write("a.txt", kharkiv)
        try scratch.write("c.txt", bryansk)
        _ = try scratch.build()
        let before = try scratch.document()

        // Nothing changed: nothing read, nothing written.
        let idle = try scratch.build()
        #expect(idle.upToDate && idle.filesRead == 0 && !idle.outputsWritten)

        // An article about something else: read alone; the other events keep their ids.
        try scratch.write("d.txt", odesa)
        let added = try scratch.build()
        #expect(added.filesRead == 1 && added.filesUnchanged == 2)
        let after = try scratch.document()
        #expect(after.events.count == before.events.count + 1)
        #expect(Set(before.events.map(\.id)).isSubset(of: Set(after.events.map(\.id))))

        // A second report of the Kharkiv strike joins it; the id stays the earliest report's.
        let kharkivID = try #require(after.events.first { $0.location?.name == "Kharkiv" }?.id)
        try scratch.write("b.txt", kharkivElsewhere)
        _ = try scratch.build()
        let joined = try #require(try scratch.document().events.first { $0.location?.name == "Kharkiv" })
        #expect(joined.id == kharkivID && joined.sources.count == 2)

        // A changed file is read again.
        try scratch.write("c.txt", bryansk.replacingOccurrences(of: "Bryansk", with: "Kursk"))
        let changed = try scratch.build()
        #expect(changed.filesRead == 1)
        #expect(try scratch.document().events.contains { $0.location?.name == "Kursk" })
        #expect(try !scratch.document().events.contains { $0.location?.name == "Bryansk" })

        // A removed file is forgotten.
        try scratch.remove("d.txt")
        let removed = try scratch.build()
        #expect(removed.filesRemoved == 1 && removed.filesRead == 0)
        #expect(try !scratch.document().events.contains { $0.location?.name == "Odesa" })

        // After all that, the same bytes as a fresh build of the same files.
        _ = try scratch.build(state: "fresh-state", out: "fresh-out")
        #expect(try scratch.output() == scratch.output("fresh-out"))
    }

    @Test func buildsAreDeterministic() throws {
        let scratch = try BuildScratch()
        try scratch.write("a.txt", kharkiv)
        try scratch.write("b.txt", kharkivElsewhere)
        try scratch.write("c.txt", bryansk)
        try scratch.write("d.txt", odesa)
        _ = try scratch.build()
        _ = try scratch.build(state: "second", out: "second-out")
        _ = try scratch.build(full: true)
        #expect(try scratch.output() == scratch.output("second-out"))
    }

    @Test func aSecondBuildOnTheSameStateIsRefusedCleanly() throws {
        let scratch = try BuildScratch()
        try scratch.write("a.txt", kharkiv)
        _ = try scratch.build()
        let before = try scratch.output()
        do {
            let held = try StateLock(folder: scratch.root.appendingPathComponent("state").path)
            #expect(throws: StateLock.Busy.self) { try scratch.build() }
            withExtendedLifetime(held) {}
        }
        #expect(try scratch.output() == before)
        // Once the first one ends, building works again.
        _ = try scratch.build()
    }

    @Test func deletedOutputsAreWrittenAgainAndBadFilesAreReportedEachTime() throws {
        let scratch = try BuildScratch()
        try scratch.write("a.txt", kharkiv)
        try scratch.write("empty.txt", "")
        let first = try scratch.build()
        #expect(first.failures.map(\.reason) == ["the file is empty"])
        try FileManager.default.removeItem(at: scratch.root.appendingPathComponent("out"))
        let second = try scratch.build()
        #expect(!second.upToDate && second.outputsWritten)
        #expect(second.failures.count == 1, "an unchanged bad file is still reported")
        #expect(try scratch.document().events.count == 1)
    }
}
