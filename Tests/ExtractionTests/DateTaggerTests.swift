import EventModel
import Extraction
import Testing

struct DateTaggerTests {
    private let tagger = DateTagger()
    private let saturday = CalendarDay(year: 2025, month: 3, day: 15)

    private func only(_ text: String, reference: CalendarDay?) throws -> TemporalExpression {
        let found = tagger.tag(text, reference: reference)
        #expect(found.count == 1, "found \(found.map(\.text)) in '\(text)'")
        return try #require(found.first)
    }

    @Test(
        arguments: zip(
            [
                "The ministry said on Saturday that its forces advanced.",
                "Overnight, Russia launched 178 drones.",
                "A cutoff of aid last week hurt Ukraine.",
                "Ukraine's surprise offensive last summer.",
                "It appears to have lost the town in recent days.",
                "Officials will meet on Monday to discuss it.",
                "A total of 161 explosions were reported over the last night.",
                "The strike two days ago killed three.",
            ],
            [
                EventDate.day("2025-03-15"), .range("2025-03-14", "2025-03-15"),
                EventDate(start: "2025-03-03", end: "2025-03-09", precision: .week),
                EventDate(start: "2024-06-01", end: "2024-08-31", precision: .season),
                .range("2025-03-11", "2025-03-15"), .day("2025-03-17"), .range("2025-03-14", "2025-03-15"),
                .day("2025-03-13"),
            ]))
    func resolvesAgainstThePublicationDate(text: String, expected: EventDate) throws {
        var date = try #require(try only(text, reference: saturday).date)
        date.text = nil
        #expect(date == expected)
    }

    @Test(
        arguments: zip(
            [
                "on Saturday", "last week", "last summer", "the three-year war", "now", "March 15, 2025",
                "annually",
            ],
            ["2025-03-15", "2025-W10", "2024-SU", "P3Y", "PRESENT_REF", "2025-03-15", "XXXX"]))
    func writesTIMEX3Values(text: String, value: String) throws {
        #expect(try only(text, reference: saturday).value == value)
    }

    @Test func theWeekendIsTheLastOneBeforeTheReport() throws {
        let tuesday = CalendarDay(year: 2025, month: 3, day: 18)
        let found = try only("Troops arrived over the weekend.", reference: tuesday)
        #expect(found.value == "2025-W11-WE")
        #expect(found.date?.start == "2025-03-15")
        #expect(found.date?.end == "2025-03-16")
    }

    @Test func aWeekdayInAStoryFromMondayIsTheSaturdayBefore() throws {
        let monday = CalendarDay(year: 2025, month: 3, day: 17)
        #expect(
            try only("Shelling on Saturday damaged homes.", reference: monday).date?.start == "2025-03-15")
    }

    @Test func aReportingVerbKeepsAWeekdayInThePast() throws {
        let found = try only(
            "He will say that the ministry said on Tuesday that talks failed.", reference: saturday)
        #expect(found.date?.start == "2025-03-11")
    }

    @Test func datesWithoutAYearTakeTheNearestSensibleOne() throws {
        #expect(
            try only("The attack on March 20 was planned.", reference: saturday).date?.start == "2025-03-20")
        let january = CalendarDay(year: 2025, month: 1, day: 3)
        #expect(
            try only("The attack on December 30 killed two.", reference: january).date?.start == "2024-12-30")
        let range = try only("Troops repelled assaults on January 7 and 8.", reference: january).date
        #expect(
            range
                == EventDate(
                    start: "2025-01-07", end: "2025-01-08", precision: .range, text: "January 7 and 8"))
    }

    @Test func durationsAreNeverDates() throws {
        let war = try only(
            "negotiations over a possible cease-fire in the three-year war", reference: saturday)
        #expect(war.kind == .duration)
        #expect(war.date == nil)
        #expect(tagger.tag("a 22-year-old soldier", reference: saturday).isEmpty)
    }

    @Test func aDayAfterIsAnchoredOnTheStoryNotOnPublication() throws {
        let found = try only(
            "The advances came a day after Putin called on them to surrender.", reference: saturday)
        #expect(found.isAnaphoric)
        #expect(found.shiftDays == 1)
    }

    @Test func withoutAPublicationDateRelativeExpressionsStayUnresolved() throws {
        let weekday = try only("Shelling on Saturday damaged homes.", reference: nil)
        #expect(weekday.date == nil)
        #expect(weekday.value == "XXXX-WXX-6")
        #expect(
            try only("Shelling on March 15, 2025 damaged homes.", reference: nil).date?.start == "2025-03-15")
    }

    @Test func mayTheVerbIsNotAMonth() {
        #expect(
            tagger.tag("May officials say the strike may have been an accident.", reference: saturday).isEmpty
        )
        #expect(
            tagger.tag("The ceasefire held until May 2024.", reference: saturday).map(\.value) == ["2024-05"])
    }

    @Test func offsetsCountUnicodeScalars() throws {
        let text = "Kyiv’s mayor said on Friday that drones hit the city."
        let found = try only(text, reference: saturday)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[found.start..<found.end])) == "Friday")
    }

    @Test func calendarArithmetic() {
        let summer = CalendarDay(year: 2025, month: 1, day: 10)
        #expect(summer.weekday == 5)
        #expect(CalendarDay(year: 2025, month: 3, day: 15).isoWeek == (2025, 11))
        #expect(CalendarDay(year: 2021, month: 1, day: 1).isoWeek == (2020, 53))
        #expect(
            CalendarDay(dayNumber: CalendarDay(year: 2024, month: 2, day: 29).dayNumber).description
                == "2024-02-29")
    }
}

struct SeasonDaysTests {
    @Test func seasonsFlipSouthOfTheEquator() {
        #expect(
            SeasonDays.of(code: "SU", year: 2024, southern: false)
                == EventDate(start: "2024-06-01", end: "2024-08-31", precision: .season))
        #expect(
            SeasonDays.of(code: "SU", year: 2024, southern: true)
                == EventDate(start: "2024-12-01", end: "2025-02-28", precision: .season))
        #expect(
            SeasonDays.of(code: "WI", year: 2024, southern: false)
                == EventDate(start: "2024-12-01", end: "2025-02-28", precision: .season))
        #expect(SeasonDays.of(code: "XX", year: 2024, southern: false) == nil)
    }

    @Test func earlyMidLateAndEarlierNarrowTheSpan() throws {
        let saturday = CalendarDay(year: 2025, month: 3, day: 15)
        func only(_ text: String) throws -> TemporalExpression {
            let found = DateTagger().tag(text, reference: saturday)
            #expect(found.count == 1, "found \(found.map(\.text)) in '\(text)'")
            return try #require(found.first)
        }
        let earlier = try only("Earlier this month, a convoy was ambushed.")
        #expect(earlier.date?.start == "2025-03-01" && earlier.date?.end == "2025-03-14")
        let early = try only("The offensive began in early March.")
        #expect(early.date?.start == "2025-03-01" && early.date?.end == "2025-03-10")
        let late = try only("Talks resumed in late February.")
        #expect(late.date?.start == "2025-02-20" && late.date?.end == "2025-02-28")
        #expect(late.value == "2025-02")
    }
}
