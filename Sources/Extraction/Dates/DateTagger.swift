import EventModel

/// Finds time expressions in English news text and resolves them against a reference day (the
/// publication date): explicit dates with or without a year, weekdays, 'yesterday', 'overnight',
/// 'last week', seasons, 'N days ago', durations, sets and references to the present.
///
/// Weekdays resolve to the latest such day on or before the reference unless the clause speaks
/// of the future; without a reference, relative expressions keep an unresolved value.
public struct DateTagger: Sendable {
    let lexicon: TemporalLexicon
    /// Fixed phrases as word lists, longest first, with their kind and value.
    let phrases: [FixedPhrase]
    /// Words an expression can start with; other words are passed over at once.
    let starters: Set<String>

    public init() {
        lexicon = .bundled
        var phrases: [FixedPhrase] = []
        for (phrase, value) in lexicon.setWords { phrases.append(FixedPhrase(phrase, .set, value)) }
        for phrase in lexicon.presentWords { phrases.append(FixedPhrase(phrase, .date, "PRESENT_REF")) }
        for phrase in lexicon.pastWords { phrases.append(FixedPhrase(phrase, .date, "PAST_REF")) }
        for phrase in lexicon.futureWords { phrases.append(FixedPhrase(phrase, .date, "FUTURE_REF")) }
        self.phrases = phrases.sorted { ($0.words.count, $0.value) > ($1.words.count, $1.value) }
        var starters = Set(lexicon.months.keys).union(lexicon.weekdays.keys).union(lexicon.units.keys)
            .union(lexicon.seasons.keys).union(lexicon.numbers.keys).union(lexicon.ordinals.keys)
        starters.formUnion(self.phrases.map { $0.words[0] })
        starters.formUnion([
            "early", "mid", "late", "earlier", "later", "the", "end", "beginning", "start", "middle", "last",
            "past",
            "previous", "preceding", "this", "current", "next", "coming", "following", "today", "yesterday",
            "tomorrow", "tonight", "overnight", "a", "an", "over", "for", "several", "few", "many", "some",
            "recent",
            "ensuing", "in", "almost", "nearly", "about", "more", "final", "first",
        ])
        self.starters = starters
    }

    public func tag(_ text: String, reference: CalendarDay?) -> [TemporalExpression] {
        tag(tokens: Tokenizer.tokens(text), in: text, reference: reference)
    }

    public func tag(tokens: [Token], in text: String, reference: CalendarDay?) -> [TemporalExpression] {
        let scan = Scan(
            tokens: tokens, scalars: Array(text.unicodeScalars), reference: reference, lexicon: lexicon,
            phrases: phrases)
        var found: [TemporalExpression] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard token.kind == .number || (token.kind == .word && starters.contains(token.lower)) else {
                index += 1
                continue
            }
            if let (length, expression) = scan.match(at: index) {
                found.append(expression)
                index += length
            } else {
                index += 1
            }
        }
        return found
    }
}

struct FixedPhrase: Sendable {
    var words: [String]
    var kind: TemporalExpression.Kind
    var value: String

    init(_ phrase: String, _ kind: TemporalExpression.Kind, _ value: String) {
        words = phrase.split(separator: " ").map(String.init)
        self.kind = kind
        self.value = value
    }
}

/// One pass of the tagger over a text's tokens.
private struct Scan {
    let tokens: [Token]
    let scalars: [Unicode.Scalar]
    let reference: CalendarDay?
    let lexicon: TemporalLexicon
    let phrases: [FixedPhrase]

    private static let modifiers = ["early", "mid", "late", "earlier", "later"]
    private static let modifierPhrases = [
        ["the", "end", "of"], ["the", "beginning", "of"], ["the", "start", "of"], ["the", "middle", "of"],
        ["end", "of"], ["beginning", "of"], ["start", "of"], ["middle", "of"],
    ]

    struct Core {
        var length: Int
        var kind: TemporalExpression.Kind
        var value: String
        var date: EventDate?
        var anaphoric = false
        /// For anaphoric expressions: days from the story's time ("the next day" +1).
        var shiftDays: Int?
    }

    func lower(_ i: Int) -> String? { i >= 0 && i < tokens.count ? tokens[i].lower : nil }

    func isWord(_ i: Int, _ word: String) -> Bool { lower(i) == word }

    func number(_ i: Int) -> Int? { i >= 0 && i < tokens.count ? tokens[i].number : nil }

    func textOf(_ start: Int, _ end: Int) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[tokens[start].start..<tokens[end - 1].end])
        return String(result)
    }

    // MARK: Matching

    func match(at start: Int) -> (Int, TemporalExpression)? {
        var coreStart = start
        if let word = lower(start), Self.modifiers.contains(word) {
            coreStart = start + 1
            if isWord(coreStart, "-") { coreStart += 1 }
            if isWord(coreStart, "on") || isWord(coreStart, "in") { coreStart += 1 }
        } else if let phrase = Self.modifierPhrases.first(where: { phrase in
            phrase.enumerated().allSatisfy { isWord(start + $0.offset, $0.element) }
        }) {
            coreStart = start + phrase.count
            if isWord(coreStart, "the") { coreStart += 1 }
        }
        if coreStart != start, var core = core(at: coreStart), core.kind != .duration {
            if let word = lower(start), Self.modifiers.contains(word) {
                core.date = narrowed(core.date, by: word)
            }
            return finish(start: start, end: coreStart + core.length, core: core)
        }
        guard let core = core(at: start) else { return nil }
        return finish(start: start, end: start + core.length, core: core)
    }

    /// "early March" is its first third, "mid-" the middle one, "late" the last; "earlier this
    /// month" ends the day before publication, "later this week" starts the day after.
    func narrowed(_ date: EventDate?, by modifier: String) -> EventDate? {
        guard var date, let first = date.start.flatMap(CalendarDay.init),
            let last = date.end.flatMap(CalendarDay.init),
            last.dayNumber - first.dayNumber >= 2
        else { return date }
        let span = last.dayNumber - first.dayNumber + 1
        var from = first.dayNumber
        var to = last.dayNumber
        switch modifier {
        case "early": to = from + span / 3 - 1
        case "mid": (from, to) = (from + span / 3, from + 2 * span / 3 - 1)
        case "late": from = to - span / 3 + 1
        case "earlier": if let reference, reference.dayNumber > from { to = min(to, reference.dayNumber - 1) }
        case "later": if let reference, reference.dayNumber < to { from = max(from, reference.dayNumber + 1) }
        default: break
        }
        guard from <= to else { return date }
        date.start = CalendarDay(dayNumber: from).description
        date.end = CalendarDay(dayNumber: to).description
        return date
    }

    func finish(start: Int, end: Int, core: Core) -> (Int, TemporalExpression) {
        let phrase = textOf(start, end)
        var date = core.date
        date?.text = phrase
        let expression = TemporalExpression(
            text: phrase, start: tokens[start].start, end: tokens[end - 1].end, kind: core.kind,
            value: core.value,
            date: date, isAnaphoric: core.anaphoric, shiftDays: core.shiftDays)
        return (end - start, expression)
    }

    func core(at i: Int) -> Core? {
        // Most tokens start nothing: only words and numbers the lexicon knows can.
        guard i < tokens.count, tokens[i].kind != .punctuation else { return nil }
        if let found = isoDate(i) ?? monthFirst(i) ?? dayFirst(i) { return found }
        if let found = weekday(i) ?? relativeDay(i) ?? relativeUnit(i) { return found }
        if let found = ago(i) ?? duration(i) ?? season(i) { return found }
        return quarter(i) ?? year(i) ?? fixedPhrase(i)
    }

    // MARK: Explicit dates

    func isoDate(_ i: Int) -> Core? {
        guard let y = number(i), tokens[i].text.count == 4, isWord(i + 1, "-"), let m = number(i + 2),
            isWord(i + 3, "-"), let d = number(i + 4), !tokens[i + 1].spaceBefore, !tokens[i + 2].spaceBefore,
            (1...12).contains(m), d >= 1, d <= CalendarDay.length(of: m, in: y)
        else { return nil }
        let day = CalendarDay(year: y, month: m, day: d)
        return Core(length: 5, kind: .date, value: day.description, date: DateResolution.day(day, text: ""))
    }

    func month(_ i: Int) -> (month: Int, length: Int)? {
        guard i < tokens.count, tokens[i].kind == .word, let month = lexicon.months[tokens[i].lower] else {
            return nil
        }
        let token = tokens[i]
        let abbreviated = token.lower.count <= 4 && token.lower != "june" && token.lower != "july"
        let period = isWord(i + 1, ".") && !tokens[i + 1].spaceBefore
        if abbreviated && token.lower != "may" && !period && number(i + 1) == nil { return nil }
        guard token.isCapitalized else { return nil }
        if token.lower == "may" || token.lower == "march" {
            // "May" the verb, "march" the noun: only as a month next to a day or year, or after a preposition.
            let previous = lower(i - 1) ?? "."
            let nearNumber = number(i + 1) != nil || number(i - 1) != nil
            let preposition = [
                "in", "of", "since", "until", "by", "last", "this", "next", "early", "late", "mid", "from",
                "to", "through", "before", "after", "during",
            ].contains(previous)
            if !nearNumber && !preposition { return nil }
        }
        return (month, period ? 2 : 1)
    }

    func dayNumber(_ i: Int) -> (day: Int, length: Int)? {
        guard let d = number(i), (1...31).contains(d), tokens[i].text.count <= 2 else { return nil }
        if let suffix = lower(i + 1), ["st", "nd", "rd", "th"].contains(suffix), !tokens[i + 1].spaceBefore {
            return (d, 2)
        }
        return (d, 1)
    }

    func yearNumber(_ i: Int) -> Int? {
        guard let y = number(i), tokens[i].text.count == 4, (1800...2100).contains(y) else { return nil }
        return y
    }

    /// "March 15", "Feb. 28, 2013", "January 7 and 8", "May 2010", "August".
    func monthFirst(_ i: Int) -> Core? {
        guard let (m, monthLength) = month(i) else { return nil }
        var j = i + monthLength
        if let (d, dayLength) = dayNumber(j), d <= 31 {
            j += dayLength
            var endDay: Int?
            if let joiner = lower(j), ["and", "-", "–", "to"].contains(joiner),
                let (d2, l2) = dayNumber(j + 1), d2 > d
            {
                endDay = d2
                j += 1 + l2
            }
            let (year, yearLength) = trailingYear(at: j)
            j += yearLength
            return dated(year: year, month: m, day: d, endDay: endDay, length: j - i, at: i)
        }
        var j2 = i + monthLength
        if isWord(j2, ",") || isWord(j2, "of") { j2 += 1 }
        if let y = yearNumber(j2) {
            return Core(
                length: j2 + 1 - i, kind: .date, value: DateResolution.monthValue(y, m),
                date: DateResolution.month(y, m, text: ""))
        }
        guard let reference else {
            return Core(length: monthLength, kind: .date, value: "XXXX-\(DateResolution.pad(m))", date: nil)
        }
        let y = DateResolution.yearFor(month: m, reference: reference, future: speaksOfFuture(before: i))
        return Core(
            length: monthLength, kind: .date, value: DateResolution.monthValue(y, m),
            date: DateResolution.month(y, m, text: ""))
    }

    /// "15 March 2025", "the 7th of January".
    func dayFirst(_ i: Int) -> Core? {
        var j = i
        if isWord(j, "the") { j += 1 }
        guard let (d, dayLength) = dayNumber(j) else { return nil }
        j += dayLength
        if isWord(j, "of") { j += 1 }
        guard let (m, monthLength) = month(j) else { return nil }
        j += monthLength
        let (year, yearLength) = trailingYear(at: j)
        j += yearLength
        return dated(year: year, month: m, day: d, endDay: nil, length: j - i, at: i)
    }

    /// A year after a day and month: "15 March 2025", "March 15, 2025". Returns it and its length.
    func trailingYear(at j: Int) -> (Int?, Int) {
        if isWord(j, ","), let y = yearNumber(j + 1) { return (y, 2) }
        if let y = yearNumber(j) { return (y, 1) }
        return (nil, 0)
    }

    func dated(year: Int?, month m: Int, day d: Int, endDay: Int?, length: Int, at i: Int) -> Core? {
        let resolvedYear: Int
        if let year {
            resolvedYear = year
        } else if let reference {
            resolvedYear = DateResolution.yearFor(
                month: m, day: d, reference: reference, future: speaksOfFuture(before: i))
        } else {
            return Core(
                length: length, kind: .date, value: "XXXX-\(DateResolution.pad(m))-\(DateResolution.pad(d))",
                date: nil)
        }
        guard d <= CalendarDay.length(of: m, in: resolvedYear) else { return nil }
        let day = CalendarDay(year: resolvedYear, month: m, day: d)
        var date = DateResolution.day(day, text: "")
        if let endDay, endDay <= CalendarDay.length(of: m, in: resolvedYear) {
            date = DateResolution.range(day, CalendarDay(year: resolvedYear, month: m, day: endDay), text: "")
        }
        return Core(length: length, kind: .date, value: day.description, date: date)
    }

    // MARK: Weekdays and days

    /// "Saturday", "on Friday night", "last Tuesday", "next Monday", "Monday evening".
    func weekday(_ i: Int) -> Core? {
        var j = i
        var direction: DateResolution.Direction?
        switch lower(i) {
        case "last", "past", "previous": direction = .before
        case "next", "coming": direction = .after
        case "this": direction = .sameWeek
        default: break
        }
        if direction != nil { j += 1 }
        guard j < tokens.count, tokens[j].isCapitalized || tokens[j].kind != .word,
            let target = lexicon.weekdays[tokens[j].lower],
            tokens[j].lower.count > 3 || (isWord(j + 1, ".") && !tokens[j + 1].spaceBefore)
        else { return nil }
        j += 1
        if isWord(j, ".") && !tokens[j].spaceBefore && tokens[j - 1].lower.count <= 4 { j += 1 }
        var part: String?
        if let word = lower(j), let code = lexicon.partsOfDay[word], word != "overnight" {
            part = code
            j += 1
        }
        guard let reference else {
            return Core(
                length: j - i, kind: part == nil ? .date : .time, value: "XXXX-WXX-\(target)", date: nil)
        }
        let resolvedDirection = direction ?? (speaksOfFuture(before: i) ? .onOrAfter : .onOrBefore)
        let day = DateResolution.weekday(target, from: reference, direction: resolvedDirection)
        var date = DateResolution.day(day, text: "")
        if part == "NI" { date = DateResolution.range(day, day.adding(days: 1), text: "") }
        return Core(
            length: j - i, kind: part == nil ? .date : .time,
            value: day.description + (part.map { "T" + $0 } ?? ""),
            date: date)
    }

    /// today, yesterday, tomorrow, tonight, overnight, last night, this morning.
    func relativeDay(_ i: Int) -> Core? {
        guard let word = lower(i) else { return nil }
        var offset: Int
        var length = 1
        var part: String?
        var anaphoric = false
        switch word {
        case "today": offset = 0
        case "yesterday": offset = -1
        case "tomorrow": offset = 1
        case "tonight":
            offset = 0
            part = "NI"
        case "overnight":
            offset = 0
            part = "NI"
        case "last" where isWord(i + 1, "night"):
            offset = 0
            part = "NI"
            length = 2
        case "this":
            guard let next = lower(i + 1), let code = lexicon.partsOfDay[next], next != "overnight" else {
                return nil
            }
            offset = 0
            part = code
            length = 2
        case "the":
            guard let next = lower(i + 1) else { return nil }
            switch next {
            case "next", "following":
                guard isWord(i + 2, "day") else { return nil }
                offset = 1
            case "previous", "preceding":
                guard isWord(i + 2, "day") else { return nil }
                offset = -1
            case "day":
                guard isWord(i + 2, "before") || isWord(i + 2, "after") else { return nil }
                offset = isWord(i + 2, "before") ? -1 : 1
                if isWord(i + 3, "yesterday") { return shifted(-2, length: 4) }
                if isWord(i + 3, "tomorrow") { return shifted(2, length: 4) }
            default: return nil
            }
            length = 3
            anaphoric = true
        case "a":
            guard isWord(i + 1, "day"),
                isWord(i + 2, "earlier") || isWord(i + 2, "later") || isWord(i + 2, "after")
                    || isWord(i + 2, "before")
            else { return nil }
            offset = isWord(i + 2, "earlier") || isWord(i + 2, "before") ? -1 : 1
            length = 3
            anaphoric = true
        default:
            return nil
        }
        guard let reference else {
            return Core(
                length: length, kind: part == nil ? .date : .time, value: "XXXX-XX-XX", date: nil,
                anaphoric: anaphoric)
        }
        let day = reference.adding(days: offset)
        if part == "NI" && (word == "overnight" || word == "last") {
            // The night before the reference day.
            let night = DateResolution.range(day.adding(days: -1), day, text: "")
            return Core(
                length: length, kind: .time, value: day.adding(days: -1).description + "TNI", date: night)
        }
        return Core(
            length: length, kind: part == nil ? .date : .time,
            value: day.description + (part.map { "T" + $0 } ?? ""),
            date: DateResolution.day(day, text: ""), anaphoric: anaphoric, shiftDays: anaphoric ? offset : nil
        )
    }

    func shifted(_ days: Int, length: Int) -> Core? {
        guard let reference else { return Core(length: length, kind: .date, value: "XXXX-XX-XX", date: nil) }
        let day = reference.adding(days: days)
        return Core(
            length: length, kind: .date, value: day.description, date: DateResolution.day(day, text: ""))
    }

    // MARK: Relative units

    /// "last week", "this month", "next year", "the past week", "last summer", "last May".
    func relativeUnit(_ i: Int) -> Core? {
        var j = i
        if isWord(j, "the") { j += 1 }
        guard let word = lower(j) else { return nil }
        // "over the weekend", "since the weekend": the last one, on or before the report.
        if j > i, lexicon.units[word] == "WE", word == "weekend", let reference {
            let saturday = DateResolution.weekday(6, from: reference, direction: .onOrBefore)
            return Core(
                length: j + 1 - i, kind: .date, value: DateResolution.weekValue(saturday) + "-WE",
                date: DateResolution.range(saturday, min(saturday.adding(days: 1), reference), text: ""))
        }
        let shift: Int
        switch word {
        case "last", "past", "previous", "preceding": shift = -1
        case "this", "current": shift = 0
        case "next", "coming", "following": shift = 1
        default: return nil
        }
        if j > i && shift == 0 { return nil }
        j += 1
        if isWord(j, "fiscal") || isWord(j, "calendar") { j += 1 }
        guard let unitWord = lower(j) else { return nil }
        let length = j + 1 - i
        guard let reference else {
            guard lexicon.units[unitWord] != nil || lexicon.seasons[unitWord] != nil else { return nil }
            return Core(length: length, kind: .date, value: "XXXX", date: nil)
        }
        if let season = lexicon.seasons[unitWord] {
            let year = seasonYear(season, shift: shift, reference: reference)
            return Core(
                length: length, kind: .date, value: "\(year)-\(season.code)",
                date: DateResolution.season(season.code, months: season.months, year: year, text: ""))
        }
        if let m = lexicon.months[unitWord], tokens[j].isCapitalized {
            var year = reference.year
            if shift < 0 { year = m < reference.month ? reference.year : reference.year - 1 }
            if shift > 0 { year = m > reference.month ? reference.year : reference.year + 1 }
            return Core(
                length: length, kind: .date, value: DateResolution.monthValue(year, m),
                date: DateResolution.month(year, m, text: ""))
        }
        return shiftedUnit(lexicon.units[unitWord], shift: shift, reference: reference, length: length)
    }

    /// The week, weekend, month, year, quarter or day `shift` units from the reference day.
    func shiftedUnit(_ unit: String?, shift: Int, reference: CalendarDay, length: Int) -> Core? {
        switch unit {
        case "W":
            let day = reference.adding(days: 7 * shift)
            return Core(
                length: length, kind: .date, value: DateResolution.weekValue(day),
                date: DateResolution.week(containing: day, text: ""))
        case "WE":
            let saturday = DateResolution.weekday(
                6, from: reference, direction: shift < 0 ? .before : (shift > 0 ? .after : .sameWeek))
            return Core(
                length: length, kind: .date, value: DateResolution.weekValue(saturday) + "-WE",
                date: DateResolution.range(saturday, saturday.adding(days: 1), text: ""))
        case "M":
            var year = reference.year
            var month = reference.month + shift
            if month < 1 {
                month += 12
                year -= 1
            } else if month > 12 {
                month -= 12
                year += 1
            }
            return Core(
                length: length, kind: .date, value: DateResolution.monthValue(year, month),
                date: DateResolution.month(year, month, text: ""))
        case "Y":
            let year = reference.year + shift
            return Core(
                length: length, kind: .date, value: String(year), date: DateResolution.year(year, text: ""))
        case "Q":
            var quarter = (reference.month - 1) / 3 + 1 + shift
            var year = reference.year
            if quarter < 1 {
                quarter = 4
                year -= 1
            } else if quarter > 4 {
                quarter = 1
                year += 1
            }
            return quarterCore(year: year, quarter: quarter, length: length)
        case "D":
            let day = reference.adding(days: shift)
            return Core(
                length: length, kind: .date, value: day.description, date: DateResolution.day(day, text: ""))
        case "DE":
            // "the next decade", "the past decade": a span of ten years.
            return Core(length: length, kind: .duration, value: "P10Y", date: nil)
        default:
            return nil
        }
    }

    func seasonYear(_ season: TemporalLexicon.Season, shift: Int, reference: CalendarDay) -> Int {
        // The season holding the reference day, named by its starting year.
        let inSeason = season.months.contains(reference.month)
        let startYear = season.months[0] == 12 && reference.month <= 2 ? reference.year - 1 : reference.year
        if inSeason { return startYear + shift }
        let startsLater =
            season.months[0] > reference.month && season.months[0] != 12
            || (season.months[0] == 12 && reference.month < 12)
        // Not in it: "last" is the most recent one that ended, "this"/"next" the coming one.
        let previous = startsLater ? reference.year - 1 : reference.year
        switch shift {
        case ..<0: return previous
        case 0: return startsLater ? reference.year : reference.year
        default: return startsLater ? reference.year : reference.year + 1
        }
    }

    func quarterCore(year: Int, quarter: Int, length: Int) -> Core {
        let firstMonth = (quarter - 1) * 3 + 1
        let start = CalendarDay(year: year, month: firstMonth, day: 1)
        let end = CalendarDay(
            year: year, month: firstMonth + 2, day: CalendarDay.length(of: firstMonth + 2, in: year))
        return Core(
            length: length, kind: .date, value: "\(year)-Q\(quarter)",
            date: DateResolution.range(start, end, text: ""))
    }

    // MARK: Quantities of time

    /// A count before a unit: "three", "3", "a", "several" (nil value: vague).
    func quantity(_ i: Int) -> (value: Int?, length: Int)? {
        guard let word = lower(i) else { return nil }
        if let n = number(i), tokens[i].text.count <= 4 {
            if isWord(i + 1, ","), let rest = number(i + 2), tokens[i + 2].text.count == 3,
                !tokens[i + 1].spaceBefore
            {
                return (n * 1000 + rest, 3)
            }
            return (n, 1)
        }
        if let tens = lexicon.numbers[word] {
            if isWord(i + 1, "-"), let ones = lower(i + 2).flatMap({ lexicon.numbers[$0] }), tens >= 20,
                ones < 10
            {
                return (tens + ones, 3)
            }
            return (tens, 1)
        }
        if ["several", "few", "many", "some", "recent", "coming", "ensuing"].contains(word) {
            return (nil, 1)
        }
        if word == "a", isWord(i + 1, "few") { return (nil, 2) }
        return nil
    }

    /// "three days ago", "a week earlier", "two years later".
    func ago(_ i: Int) -> Core? {
        guard let (count, quantityLength) = quantity(i), let count else { return nil }
        let j = i + quantityLength
        guard let unitWord = lower(j), let unit = lexicon.units[unitWord], let direction = lower(j + 1),
            ["ago", "earlier", "later", "before", "after"].contains(direction)
        else { return nil }
        let sign = direction == "later" || direction == "after" ? 1 : -1
        guard direction == "ago" else {
            // "two days later": a duration from the story's own time, shifted by the event layer.
            return Core(
                length: j + 1 - i, kind: .duration, value: durationValue(count, unit), date: nil,
                anaphoric: true,
                shiftDays: unit == "D" ? sign * count : (unit == "W" ? sign * 7 * count : nil))
        }
        let anaphoric = false
        let length = j + 2 - i
        guard let reference else {
            return Core(length: length, kind: .date, value: "XXXX", date: nil, anaphoric: anaphoric)
        }
        switch unit {
        case "D":
            let day = reference.adding(days: sign * count)
            return Core(
                length: length, kind: .date, value: day.description, date: DateResolution.day(day, text: ""),
                anaphoric: anaphoric)
        case "W":
            let day = reference.adding(days: sign * 7 * count)
            return Core(
                length: length, kind: .date, value: DateResolution.weekValue(day),
                date: DateResolution.week(containing: day, text: ""), anaphoric: anaphoric)
        case "M":
            let total = reference.year * 12 + reference.month - 1 + sign * count
            let (year, month) = (total / 12, total % 12 + 1)
            return Core(
                length: length, kind: .date, value: DateResolution.monthValue(year, month),
                date: DateResolution.month(year, month, text: ""), anaphoric: anaphoric)
        case "Y":
            let year = reference.year + sign * count
            return Core(
                length: length, kind: .date, value: String(year), date: DateResolution.year(year, text: ""),
                anaphoric: anaphoric)
        default:
            return nil
        }
    }

    /// "three years", "a decade", "the past two weeks", "90 days", "three-month", "several days", "years".
    func duration(_ i: Int) -> Core? {
        var j = i
        var lead = false
        if isWord(j, "the") || isWord(j, "over") || isWord(j, "for") && false { j += 1 }
        if let word = lower(j),
            ["past", "last", "next", "previous", "coming", "first", "final"].contains(word),
            j > i || word != "last"
        {
            j += 1
            lead = true
        }
        if isWord(j, "almost") || isWord(j, "nearly") || isWord(j, "about")
            || isWord(j, "more") && isWord(j + 1, "than")
        {
            j += isWord(j, "more") ? 2 : 1
        }
        if let (count, quantityLength) = quantity(j) {
            var k = j + quantityLength
            let hyphenated = isWord(k, "-") && !tokens[k].spaceBefore
            if hyphenated { k += 1 }
            guard let unitWord = lower(k), let unit = lexicon.units[unitWord], unit != "Q", unit != "WE"
            else { return nil }
            if count == nil && !unitWord.hasSuffix("s") { return nil }
            if lower(j) == "a" || lower(j) == "an", lead == false, j == i, isWord(k + 1, "ago") { return nil }
            if hyphenated && isWord(k + 1, "-") && isWord(k + 2, "old") { return nil }
            let value = durationValue(count, unit)
            var length = k + 1 - i
            if isWord(k + 1, "'") { length += 1 }
            return Core(
                length: length, kind: .duration, value: value,
                date: recentRange(count: count, unit: unit, leadWord: lower(j - 1)))
        }
        // A bare plural unit: "for years", "days of fighting".
        if j == i, let unitWord = lower(i), unitWord.hasSuffix("s"), let unit = lexicon.units[unitWord],
            ["D", "W", "M", "Y", "TH", "TM", "DE"].contains(unit), !(i > 0 && tokens[i - 1].kind == .number)
        {
            return Core(length: 1, kind: .duration, value: durationValue(nil, unit), date: nil)
        }
        return nil
    }

    func durationValue(_ count: Int?, _ unit: String) -> String {
        let amount = count.map(String.init) ?? "X"
        switch unit {
        case "TS", "TM", "TH": return "PT\(amount)\(unit.dropFirst())"
        case "DE": return count.map { "P\($0 * 10)Y" } ?? "P1DE"
        case "CE": return count.map { "P\($0 * 100)Y" } ?? "P1CE"
        case "2W": return "P2W"
        default: return "P\(amount)\(unit)"
        }
    }

    /// "in recent days" and "the past week" name a span ending at the reference.
    func recentRange(count: Int?, unit: String, leadWord: String?) -> EventDate? {
        guard let reference, let lead = leadWord,
            ["recent", "past", "last", "previous"].contains(lead) || count == nil
        else {
            return nil
        }
        let days: Int
        switch unit {
        case "D": days = count ?? 4
        case "W": days = 7 * (count ?? 3)
        case "M": days = 30 * (count ?? 3)
        default: return nil
        }
        return DateResolution.range(reference.adding(days: -days), reference, text: "")
    }

    // MARK: Seasons, quarters, years

    /// "summer 2024", "the winter of 2022", "spring".
    func season(_ i: Int) -> Core? {
        var j = i
        if isWord(j, "the") || isWord(j, "in") { j += 1 }
        guard let word = lower(j), let season = lexicon.seasons[word] else { return nil }
        j += 1
        var year: Int?
        if isWord(j, "of"), let y = yearNumber(j + 1) {
            year = y
            j += 2
        } else if let y = yearNumber(j) {
            year = y
            j += 1
        }
        if year == nil && j - i == 1 { return nil }
        let resolved = year ?? reference.map { seasonYear(season, shift: 0, reference: $0) }
        guard let resolved else {
            return Core(length: j - i, kind: .date, value: "XXXX-\(season.code)", date: nil)
        }
        return Core(
            length: j - i, kind: .date, value: "\(resolved)-\(season.code)",
            date: DateResolution.season(season.code, months: season.months, year: resolved, text: ""))
    }

    /// "the third quarter", "the first quarter of 2013".
    func quarter(_ i: Int) -> Core? {
        var j = i
        if isWord(j, "the") { j += 1 }
        guard let ordinal = lower(j).flatMap({ lexicon.ordinals[$0] }), (1...4).contains(ordinal),
            isWord(j + 1, "quarter")
        else { return nil }
        j += 2
        var year = reference?.year
        if isWord(j, "of"), let y = yearNumber(j + 1) {
            year = y
            j += 2
        }
        guard let year else { return Core(length: j - i, kind: .date, value: "XXXX-Q\(ordinal)", date: nil) }
        return quarterCore(year: year, quarter: ordinal, length: j - i)
    }

    /// "2011", "the 1990s", "the 20th century".
    func year(_ i: Int) -> Core? {
        var j = i
        if isWord(j, "the") { j += 1 }
        if let n = number(j), let suffix = lower(j + 1), ["st", "nd", "rd", "th"].contains(suffix),
            isWord(j + 2, "century")
        {
            return Core(length: j + 3 - i, kind: .date, value: String(n - 1), date: nil)
        }
        guard let y = yearNumber(j) else { return nil }
        if isWord(j + 1, "s"), !tokens[j + 1].spaceBefore, y % 10 == 0 {
            return Core(length: j + 2 - i, kind: .date, value: String(y / 10), date: nil)
        }
        guard j == i else { return nil }
        // Not a count or an amount: "2000 troops", "$2010", "2,011".
        if i > 0, ["$", "£", "€", ","].contains(tokens[i - 1].lower), !tokens[i].spaceBefore { return nil }
        if isWord(i + 1, ",") && number(i + 2) != nil && !tokens[i + 1].spaceBefore { return nil }
        if isWord(i + 1, "%") { return nil }
        if let next = lower(i + 1), lexicon.countNouns.contains(next) { return nil }
        return Core(length: 1, kind: .date, value: String(y), date: DateResolution.year(y, text: ""))
    }

    // MARK: Fixed phrases

    /// "now", "currently", "the past", "the future", "annually", "every morning".
    func fixedPhrase(_ i: Int) -> Core? {
        for phrase in phrases where phrase.words[0] == tokens[i].lower {
            if phrase.words.indices.allSatisfy({ lower(i + $0) == phrase.words[$0] }) {
                return Core(length: phrase.words.count, kind: phrase.kind, value: phrase.value, date: nil)
            }
        }
        return nil
    }

    // MARK: Context

    /// Whether the clause before a token speaks of the future ("will meet on Monday"), unless a
    /// reporting verb stands between ("said on Tuesday that …").
    func speaksOfFuture(before i: Int) -> Bool {
        var j = i - 1
        var steps = 0
        while j >= 0 && steps < 8 {
            let word = tokens[j].lower
            if tokens[j].kind == .punctuation && [".", ";", "!", "?"].contains(word) { return false }
            if lexicon.reportingVerbs.contains(word) { return false }
            if lexicon.futureCues.contains(word) { return true }
            if j > 0, lexicon.futureCues.contains(tokens[j - 1].lower + " " + word) { return true }
            j -= 1
            steps += 1
        }
        return false
    }
}
