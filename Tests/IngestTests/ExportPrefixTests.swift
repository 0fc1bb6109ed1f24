import EventModel
import Foundation
import Testing

@testable import Ingest

/// An export's beginning up to its last line end, measured in one pass: what lets a build of an
/// export that only grew read the lines after it alone.
struct ExportPrefixTests {
    @Test func thePrefixEndsAtTheLastLineEndAndCountsItsLines() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("{\"a\": 1}\n\n{\"b\": 2}\n{\"c\": 3", to: "e.jsonl")
        let measure = try #require(ExportPrefix.measure(path, comparedWith: nil))
        #expect(measure.prefix.bytes == 19 && measure.prefix.lines == 3)
        #expect(measure.prefix.hash == ContentHash.of(Data("{\"a\": 1}\n\n{\"b\": 2}\n".utf8)))
        #expect(measure.whole == ContentHash.of(Data("{\"a\": 1}\n\n{\"b\": 2}\n{\"c\": 3".utf8)))
        #expect(!measure.keepsOld)
    }

    @Test func anExportThatGrewKeepsItsPrefixAndOneChangedDoesNot() throws {
        let folder = try TemporaryFolder()
        let first = "{\"a\": 1}\n{\"b\": 2}\n"
        let path = try folder.write(first, to: "e.jsonl")
        let old = try #require(ExportPrefix.measure(path, comparedWith: nil)).prefix
        // Read a few bytes at a time, so the old prefix's end falls inside a piece read.
        for chunk in [1, 3, 7, 64, 1 << 20] {
            try folder.write(first + "{\"c\": 3}\n{\"d\"", to: "e.jsonl")
            let grown = try #require(ExportPrefix.measure(path, comparedWith: old, chunk: chunk))
            #expect(grown.keepsOld && grown.prefix.lines == 3 && grown.prefix.bytes == first.utf8.count + 9)

            try folder.write("{\"a\": 9}\n{\"b\": 2}\n{\"c\": 3}\n", to: "e.jsonl")
            #expect(
                try #require(ExportPrefix.measure(path, comparedWith: old, chunk: chunk)).keepsOld == false)
            try folder.write("{\"a\": 1}\n", to: "e.jsonl")
            #expect(
                try #require(ExportPrefix.measure(path, comparedWith: old, chunk: chunk)).keepsOld == false)
        }
    }

    @Test func aGzippedExportHasNoPrefix() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(try gzipped(Data("{\"a\": 1}\n".utf8)), to: "e.jsonl.gz")
        #expect(ExportPrefix.measure(path, comparedWith: nil) == nil)
        #expect(
            ExportPrefix.measure(folder.url.appendingPathComponent("none.jsonl").path, comparedWith: nil)
                == nil)
    }
}
