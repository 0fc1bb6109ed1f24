import Testing

@testable import Ingest

struct PublicationDateTests {
    @Test(
        arguments: zip(
            [
                "2025-03-15", "2025-03-15T08:30:00Z", "2025-03-15T08:30:00+02:00", "2025-03-15 18:11:52Z",
                "2025-03-15T08:30:00.123+0000", "20250315", "Sat, 15 Mar 2025 06:35:39 GMT", "March 15, 2025",
                "15 March 2025", "2025-02-30", "yesterday", "",
            ],
            [
                "2025-03-15", "2025-03-15T08:30:00Z", "2025-03-15T08:30:00+02:00", "2025-03-15T18:11:52Z",
                "2025-03-15T08:30:00Z", "2025-03-15", "2025-03-15T06:35:39Z", "2025-03-15", "2025-03-15", nil,
                nil, nil,
            ]))
    func normalizesDateStrings(raw: String, expected: String?) {
        #expect(PublicationDate.normalize(raw) == expected)
    }

    @Test(
        arguments: zip(
            [
                "https://www.nytimes.com/2019/11/19/opinion/x.html",
                "https://www.latimes.com/story/2019-11-19/gannett",
                "https://example.org/news/20191118/story", "https://example.org/2019/11/story",
                "https://example.org/a/12345",
            ],
            ["2019-11-19", "2019-11-19", "2019-11-18", nil, nil]))
    func findsDatesInURLs(url: String, expected: String?) {
        #expect(PublicationDate.fromURL(url) == expected)
    }

    @Test func countsDaysAcrossMonthsAndLeapYears() {
        #expect(PublicationDate.dayNumber("1970-01-01") == 0)
        #expect(PublicationDate.dayNumber("2024-03-01")! - PublicationDate.dayNumber("2024-02-28")! == 2)
        #expect(PublicationDate.dayNumber("2025-03-01")! - PublicationDate.dayNumber("2025-02-28")! == 1)
    }
}
