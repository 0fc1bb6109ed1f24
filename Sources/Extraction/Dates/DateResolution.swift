import EventModel

/// Turns calendar facts into TIMEX3 values and the spans of days they name.
enum DateResolution {
    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func dayValue(_ day: CalendarDay) -> String { day.description }

    static func monthValue(_ year: Int, _ month: Int) -> String { "\(year)-\(pad(month))" }

    static func weekValue(_ day: CalendarDay) -> String {
        let week = day.isoWeek
        return "\(week.year)-W\(pad(week.week))"
    }

    static func day(_ day: CalendarDay, text: String) -> EventDate { .day(day.description, text: text) }

    static func week(containing day: CalendarDay, text: String) -> EventDate {
        let monday = day.adding(days: 1 - day.weekday)
        return EventDate(
            start: monday.description, end: monday.adding(days: 6).description, precision: .week, text: text)
    }

    static func month(_ year: Int, _ month: Int, text: String) -> EventDate {
        EventDate(
            start: CalendarDay(year: year, month: month, day: 1).description,
            end: CalendarDay(year: year, month: month, day: CalendarDay.length(of: month, in: year))
                .description,
            precision: .month, text: text)
    }

    static func year(_ year: Int, text: String) -> EventDate {
        EventDate(start: "\(year)-01-01", end: "\(year)-12-31", precision: .year, text: text)
    }

    static func range(_ start: CalendarDay, _ end: CalendarDay, text: String) -> EventDate {
        EventDate(start: start.description, end: end.description, precision: .range, text: text)
    }

    /// A season's days. A winter is named by the year it starts in (December), so `2024-WI` runs
    /// from December 2024 to February 2025. South of the equator the months of each season flip.
    static func season(_ code: String, months: [Int], year: Int, southern: Bool = false, text: String)
        -> EventDate
    {
        var months = months
        if southern { months = months.map { ($0 + 5) % 12 + 1 } }
        let first = months[0]
        let last = months[months.count - 1]
        let endYear = last < first ? year + 1 : year
        return EventDate(
            start: CalendarDay(year: year, month: first, day: 1).description,
            end: CalendarDay(year: endYear, month: last, day: CalendarDay.length(of: last, in: endYear))
                .description,
            precision: .season, text: text)
    }

    /// The weekday `target` (1 Monday … 7 Sunday) nearest the reference in the given direction.
    static func weekday(_ target: Int, from reference: CalendarDay, direction: Direction) -> CalendarDay {
        let current = reference.weekday
        switch direction {
        case .onOrBefore:
            let back = (current - target + 7) % 7
            return reference.adding(days: -back)
        case .before:
            let back = (current - target + 7) % 7
            return reference.adding(days: -(back == 0 ? 7 : back))
        case .onOrAfter:
            return reference.adding(days: (target - current + 7) % 7)
        case .after:
            let forward = (target - current + 7) % 7
            return reference.adding(days: forward == 0 ? 7 : forward)
        case .sameWeek:
            return reference.adding(days: target - current)
        }
    }

    enum Direction { case onOrBefore, before, onOrAfter, after, sameWeek }

    /// The year of a month-and-day given without one: this year's when it is past or within two
    /// months ahead, else last year's; the next one when the text speaks of the future.
    static func yearFor(month: Int, day: Int, reference: CalendarDay, future: Bool) -> Int {
        let safeDay = min(day, CalendarDay.length(of: month, in: reference.year))
        let candidate = CalendarDay(year: reference.year, month: month, day: safeDay)
        if future { return candidate < reference ? reference.year + 1 : reference.year }
        if candidate <= reference || candidate.dayNumber - reference.dayNumber <= 60 { return reference.year }
        return reference.year - 1
    }

    /// The year of a month named alone: the latest such month up to the reference, or the next
    /// one when the text speaks of the future.
    static func yearFor(month: Int, reference: CalendarDay, future: Bool) -> Int {
        if future { return month < reference.month ? reference.year + 1 : reference.year }
        return month <= reference.month ? reference.year : reference.year - 1
    }
}

/// The days of a season named by its TIMEX3 code (`2024-SU`), for the event layer, which knows
/// whether the place lies south of the equator.
public enum SeasonDays {
    public static func of(code: String, year: Int, southern: Bool) -> EventDate? {
        guard let season = TemporalLexicon.bundled.seasons.values.first(where: { $0.code == code }) else {
            return nil
        }
        var date = DateResolution.season(
            code, months: season.months, year: year, southern: southern, text: "")
        date.text = nil
        return date
    }
}
