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
                "https://example.org/a/12345", "https://example.org/news/strike-on-odesa-2019-11-17-story",
                "https://example.org/world/odesa-strike-20191116.html",
                "https://example.org/a?date=2019-11-15",
                "https://example.org/item-20191116123456",
            ],
            ["2019-11-19", "2019-11-19", "2019-11-18", nil, nil, "2019-11-17", "2019-11-16", nil, nil]))
    func findsDatesInURLs(url: String, expected: String?) {
        #expect(PublicationDate.fromURL(url) == expected)
    }

    @Test func countsDaysAcrossMonthsAndLeapYears() {
        #expect(PublicationDate.dayNumber("1970-01-01") == 0)
        #expect(PublicationDate.dayNumber("2024-03-01")! - PublicationDate.dayNumber("2024-02-28")! == 2)
        #expect(PublicationDate.dayNumber("2025-03-01")! - PublicationDate.dayNumber("2025-02-28")! == 1)
    }

    @Test(
        arguments: zip(
            [
                "Published 14 March 2025", "August 06, 2019", "Sunday, July 05, 2020", "9 oktober 2020 11:12",
                "duminică, 20 septembrie 2020", "2020. június 4.", "الأربعاء، 07 أكتوبر 2020 - 12:09 م",
                "17/03/2020", "2020/04/17 01:43:09", "2020年7月13日", "/ martes 17 de marzo de 2020",
                "28 июня 2020, 21:16", "24 серпня 2020", "13 Jan 2020, 22:11 GMT+10", "July 4th, 2021",
                "22.11.2020 - 04:30", "il y a 3 heures", "15 minutes ago", "March 2020", "31/02/2020",
            ],
            [
                "2025-03-14", "2019-08-06", "2020-07-05", "2020-10-09", "2020-09-20", "2020-06-04",
                "2020-10-07",
                "2020-03-17", "2020-04-17", "2020-07-13", "2020-03-17", "2020-06-28", "2020-08-24",
                "2020-01-13",
                "2021-07-04", "2020-11-22", nil, nil, nil, nil,
            ]))
    func readsDateLinesInManyLanguages(line: String, expected: String?) {
        #expect(DateLineReader.date(in: line) == expected)
    }

    @Test func americanPagesPutTheMonthFirst() {
        #expect(DateLineReader.date(in: "03/04/2020") == "2020-04-03")
        #expect(DateLineReader.date(in: "03/04/2020", monthFirst: true) == "2020-03-04")
        // A day over 12 settles it either way.
        #expect(DateLineReader.date(in: "13/04/2020", monthFirst: true) == "2020-04-13")
    }
}
