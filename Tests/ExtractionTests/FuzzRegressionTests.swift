import EventModel
import Extraction
import Foundation
import Testing

/// Inputs the fuzz targets (Benchmarks/fuzz.sh) found crashing, kept so they never crash again.
struct FuzzRegressionTests {
    @Test(arguments: ["extract-nul-bytes.txt"])
    func theExtractorReadsWhatTheFuzzerFound(_ name: String) throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/fuzz/\(name)", withExtension: nil))
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let article = Article(
            metadata: ArticleMetadata(
                id: ArticleID("fuzz"), published: "2025-03-15", publishedSource: .commandLine),
            text: text)
        let events = EventExtractor().extract(from: article)
        // The story (a school raid and abductions in Kajuru) still gives its events.
        #expect(events.contains { $0.kind == .abduction })
    }
}
