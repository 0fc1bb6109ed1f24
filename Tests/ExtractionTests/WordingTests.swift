import EventModel
import Extraction
import Foundation
import Testing

/// Our own wordings of every kind and capability (Fixtures/wordings.tsv): each report must give
/// exactly the events listed — the mechanisms hold across wordings, not for one sentence.
struct WordingTests {
    struct Expected: Sendable {
        let kind: String
        let place: String
        let day: String
    }

    struct Wording: CustomTestStringConvertible, Sendable {
        let published: String?
        let expected: [Expected]
        let text: String
        var testDescription: String { String(text.prefix(80)) }
    }

    static let wordings: [Wording] = {
        guard let url = Bundle.module.url(forResource: "Fixtures/wordings", withExtension: "tsv"),
            let file = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return file.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let expected: [Expected] =
                columns[1] == "-"
                ? []
                : columns[1].split(separator: ";").map { item in
                    let parts = item.split(separator: "@").map(String.init)
                    return Expected(kind: parts[0], place: parts[1], day: parts[2])
                }
            return Wording(
                published: columns[0] == "-" ? nil : columns[0], expected: expected, text: columns[2])
        }
    }()

    private static let extractor = EventExtractor()

    @Test func theFixtureIsThere() {
        #expect(Self.wordings.count == 219)
        #expect(Set(Self.wordings.flatMap { $0.expected.map(\.kind) }).count == 27)
    }

    @Test(arguments: wordings) func eachWordingGivesItsEvents(_ wording: Wording) {
        let article = Article(
            metadata: ArticleMetadata(
                id: ArticleID("wording"), published: wording.published, publishedSource: .commandLine),
            text: wording.text)
        var events = Self.extractor.extract(from: article)
        for want in wording.expected {
            let index = events.firstIndex { event in
                let names = [event.location?.name, event.location?.admin1].compactMap { $0 }
                return event.kind.rawValue == want.kind
                    && (event.date.start ?? "") <= want.day && want.day <= (event.date.end ?? "")
                    && names.contains { $0.localizedCaseInsensitiveContains(want.place) }
            }
            #expect(index != nil, "no \(want.kind) at \(want.place) on \(want.day)")
            if let index { events.remove(at: index) }
        }
        #expect(
            events.isEmpty,
            "events not expected: \(events.map { "\($0.kind.rawValue) at \($0.location?.name ?? "-")" })")
    }
}
