import Foundation
import Testing

@testable import Pipeline

/// The layout of the tables a build wrote: kept as bytes, read back whole or not at all, and
/// walked beside the articles of the next build.
struct TableLayoutTests {
    private func layout() -> TableLayout {
        var layout = TableLayout(maker: "extractor 1; merger 1")
        layout.stamp = "events.json 10 1.5"
        layout.articlesStart = 13
        layout.addArticle(path: "a.jsonl", ordinal: 1, hash: "h1", length: 40)
        layout.addArticle(path: "a.jsonl", ordinal: 3, hash: "h3", length: 50)
        layout.addArticle(path: "b.html", ordinal: 0, hash: "hb", length: 60)
        layout.eventsStart = [170, 120, 30]
        layout.addEvent(signature: "sig-one", lengths: [100, 20, 30])
        layout.addEvent(signature: "sig-two", lengths: [110, 21, 31])
        return layout
    }

    @Test func aLayoutReadsBackAsWrittenAndNotAtAllWhenCut() throws {
        let bytes = layout().encoded()
        #expect(TableLayout(bytes) == layout())
        #expect(TableLayout(bytes.dropLast()) == nil)
        #expect(TableLayout(bytes + Data([0])) == nil)
        #expect(TableLayout(Data("sitrep tables 1\n".utf8)) == nil)
    }

    @Test func aLayoutIsUsedOnlyWithFilesLongEnoughForIt() {
        // Articles end at 163, before the events at 170; the events end at 380, 161 and 91.
        #expect(layout().fits(sizes: [382, 161, 93]))
        #expect(!layout().fits(sizes: [379, 161, 93]))
        #expect(!layout().fits(sizes: [382, 160, 93]))
        var overlapping = layout()
        overlapping.articlesStart = 30
        #expect(!overlapping.fits(sizes: [382, 161, 93]))
    }

    @Test func articlesAreFoundInOrderAndOnlyWithTheirRecordHash() {
        var walk = TableLayout.ArticleWalk(layout())
        // The first article gone: the walk passes over it.
        #expect(walk.place(path: "a.jsonl", ordinal: 2, hash: "h2") == nil)
        let third = walk.place(path: "a.jsonl", ordinal: 3, hash: "h3")
        #expect(third?.offset == 53 && third?.length == 50 && third?.first == false)
        // The same place with another record is not the article written there.
        #expect(walk.place(path: "b.html", ordinal: 0, hash: "changed") == nil)
        #expect(walk.place(path: "c.txt", ordinal: 0, hash: "hc") == nil)

        var again = TableLayout.ArticleWalk(layout())
        #expect(again.place(path: "a.jsonl", ordinal: 1, hash: "h1")?.first == true)
    }

    @Test func eventsAreFoundBySignatureWithTheirPlaceInEachFile() {
        let index = TableLayout.EventIndex(layout())
        #expect(index.index(of: "sig-two") == 1 && index.index(of: "sig-one") == 0)
        #expect(index.index(of: "sig-three") == nil)
        #expect(Array(index.offsets[3..<6]) == [270, 140, 60])
    }
}
