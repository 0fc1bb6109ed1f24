import EventModel
import Foundation
import Testing

@testable import Ingest

struct ArticleRecordReaderTests {
    private let good =
        #"{"id": "6180206", "url": "https://www.voanews.com/a/6180206.html", "title": "A Law in Sudan", "author": "Naba Mohiedeen", "published": "2019-11-29 18:11:52Z", "outlet": "Voice of America", "text": "Demonstrators flooded the streets in Khartoum on Thursday. They celebrated the new law."}"#

    @Test func recordsBecomeArticlesNamedByFileAndID() throws {
        let results = ArticleRecordReader().read(Data(good.utf8), path: "voa.jsonl")
        let article = try #require(try results.first?.get())
        #expect(article.path == "voa.jsonl#6180206")
        #expect(article.title == "A Law in Sudan")
        #expect(article.outlet == "Voice of America")
        #expect(article.author == "Naba Mohiedeen")
        #expect(article.url == "https://www.voanews.com/a/6180206.html")
        #expect(article.published == "2019-11-29T18:11:52Z")
        #expect(article.publishedSource == .record)
        #expect(article.paragraphs.count == 1)
        #expect(!article.warnings.contains("no publication date"))
    }

    @Test func aBrokenLineIsReportedWithItsNumberAndTheRestLoad() throws {
        let lines = [
            good, #"{"id": "2", "title": "#, "", good.replacingOccurrences(of: "6180206", with: "7"),
        ]
        let results = ArticleRecordReader().read(Data(lines.joined(separator: "\n").utf8), path: "dump.jsonl")
        #expect(results.count == 3)
        #expect(results.compactMap { try? $0.get() }.map(\.path) == ["dump.jsonl#6180206", "dump.jsonl#7"])
        guard case .failure(let error) = results[1] else {
            Issue.record("the broken line was not reported")
            return
        }
        #expect(error == IngestError(file: "dump.jsonl", reason: .badRecord(line: 2, "not a JSON object")))
        #expect(error.description == "cannot read 'dump.jsonl': line 2: not a JSON object")
    }

    @Test func aRecordWithoutTextIsRefused() throws {
        let results = ArticleRecordReader().read(
            Data(#"{"id": "x", "title": "No body"}"#.utf8), path: "d.jsonl")
        guard case .failure(let error) = try #require(results.first) else {
            Issue.record("a record without text was accepted")
            return
        }
        #expect(error.reason == .badRecord(line: 1, "the record has no 'text' or 'html'"))
    }

    @Test func htmlRecordsGoThroughTheHTMLReader() throws {
        let page =
            "<html><body><nav>Home | World</nav><article><p>Gunmen attacked a village in the north on Tuesday, killing six people, police said.</p></article></body></html>"
        let record = try JSONSerialization.data(withJSONObject: [
            "id": "h1", "html": page, "published": "2025-03-11",
        ])
        let article = try #require(try ArticleRecordReader().read(record, path: "pages.jsonl").first?.get())
        #expect(
            article.text
                == "Gunmen attacked a village in the north on Tuesday, killing six people, police said.")
        #expect(article.published == "2025-03-11")
    }
}
