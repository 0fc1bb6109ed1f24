import EventModel
import Foundation

/// Reads the publication times found in metadata, URLs and front matter, and writes them as
/// RFC 3339 (`2025-03-15T08:30:00+02:00`) or, with no time of day, as `2025-03-15`.
public enum PublicationDate {
    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
        "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// The normalized form of a date or date-time string, or nil when it is not one.
    /// Dates in words of other languages ("07 أكتوبر 2020 - 12:09") are read as date lines are;
    /// `monthFirst` reads an ambiguous "03/04/2020" as March 4.
    public static func normalize(_ raw: String, monthFirst: Bool = false) -> String? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return nil }
        if let iso = parseISO(Array(text.utf8)) { return iso }
        return parseWords(text) ?? DateLineReader.date(in: text, monthFirst: monthFirst)
    }

    /// The `YYYY-MM-DD` day of a normalized value.
    public static func day(of normalized: String) -> String { String(normalized.prefix(10)) }

    /// Days since 1970-01-01 of a `YYYY-MM-DD…` value (proleptic Gregorian calendar).
    public static func dayNumber(_ value: String) -> Int? { CalendarDay(value)?.dayNumber }

    /// A date in a URL path: `/2019/11/19/`, `/2019-11-19`, `/20191119/`, or inside a slug
    /// (`/news/strike-on-odesa-2019-11-19-story`, `…-20191119.html`).
    public static func fromURL(_ url: String) -> String? {
        let bytes = Array(url.utf8)
        // Only the path: a query's numbers are no dates.
        let end =
            bytes.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? bytes.count
        let path = Array(bytes[..<end])
        var index = 0
        while index < path.count {
            if path[index] == UInt8(ascii: "/"), let found = dateAfterSlash(path, index + 1) {
                return found
            }
            index += 1
        }
        index = 0
        while index < path.count {
            if path[index] == UInt8(ascii: "-") || path[index] == UInt8(ascii: "_"),
                let found = dateAfterSlash(path, index + 1, inSlug: true)
            {
                return found
            }
            index += 1
        }
        return nil
    }

    /// - Parameter inSlug: after a word of a slug, the date must end the slug or a word of it.
    private static func dateAfterSlash(_ b: [UInt8], _ start: Int, inSlug: Bool = false) -> String? {
        guard let year = number(b, start, 4), (1990...2100).contains(year) else { return nil }
        if inSlug {
            // "…-2019-11-19-…" or "…-20191119.html": the date is a whole word of the slug.
            let length = start + 4 < b.count && b[start + 4] == UInt8(ascii: "-") ? 10 : 8
            let after = start + length
            guard after <= b.count, after == b.count || "-_./".utf8.contains(b[after]),
                let date = dateAfterSlash(Array(b[..<after]), start)
            else { return nil }
            return date
        }
        var i = start + 4
        if i < b.count, b[i] == UInt8(ascii: "/") || b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "_") {
            let separator = b[i]
            guard let month = number(b, i + 1, 2), i + 3 < b.count, b[i + 3] == separator,
                let day = number(b, i + 4, 2)
            else { return nil }
            i += 6
            guard i == b.count || !isDigit(b[i]) else { return nil }
            return format(year, month, day)
        }
        guard let month = number(b, i, 2), let day = number(b, i + 2, 2) else { return nil }
        i += 4
        guard i == b.count || !isDigit(b[i]) else { return nil }
        return format(year, month, day)
    }

    private static func parseISO(_ b: [UInt8]) -> String? {
        guard let year = number(b, 0, 4), (1900...2200).contains(year) else { return nil }
        var i = 4
        let month: Int
        let day: Int
        if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "/") {
            guard let m = number(b, i + 1, 2), let d = number(b, i + 4, 2), b.count > i + 3,
                b[i + 3] == b[i]
            else { return nil }
            month = m
            day = d
            i += 6
        } else if let m = number(b, 4, 2), let d = number(b, 6, 2) {
            month = m
            day = d
            i = 8
        } else {
            return nil
        }
        guard let date = format(year, month, day) else { return nil }
        guard i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " ") else {
            return i == b.count ? date : nil
        }
        i += 1
        guard let hour = number(b, i, 2), hour < 24, i + 2 < b.count, b[i + 2] == UInt8(ascii: ":"),
            let minute = number(b, i + 3, 2), minute < 60
        else { return date }
        i += 5
        var second = 0
        if i < b.count, b[i] == UInt8(ascii: ":"), let s = number(b, i + 1, 2), s < 61 {
            second = min(s, 59)
            i += 3
        }
        if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
            i += 1
            while i < b.count, isDigit(b[i]) { i += 1 }
        }
        while i < b.count, b[i] == UInt8(ascii: " ") { i += 1 }
        var offset = "Z"
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "+") ? "+" : "-"
            if let oh = number(b, i + 1, 2) {
                var j = i + 3
                if j < b.count, b[j] == UInt8(ascii: ":") { j += 1 }
                let om = number(b, j, 2) ?? 0
                if oh < 24 && om < 60 && !(oh == 0 && om == 0) {
                    offset = sign + pad(oh) + ":" + pad(om)
                }
            }
        }
        return "\(date)T\(pad(hour)):\(pad(minute)):\(pad(second))\(offset)"
    }

    /// "Wed, 20 Nov 2019 06:35:39 GMT", "November 20, 2019", "20 November 2019".
    private static func parseWords(_ text: String) -> String? {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != ":" })
        var year: Int?
        var month: Int?
        var day: Int?
        var time: (Int, Int, Int)?
        for word in words {
            if month == nil, word.count >= 3,
                let m = months[String(word.prefix(word.hasPrefix("sept") ? 4 : 3))]
            {
                month = m
            } else if let value = Int(word) {
                if word.count == 4, year == nil, (1900...2200).contains(value) {
                    year = value
                } else if day == nil, (1...31).contains(value), word.count <= 2 {
                    day = value
                }
            } else if time == nil, word.contains(":") {
                let parts = word.split(separator: ":").compactMap { Int($0) }
                if parts.count >= 2, parts[0] < 24, parts[1] < 60 {
                    time = (parts[0], parts[1], parts.count > 2 ? min(parts[2], 59) : 0)
                }
            }
        }
        guard let year, let month, let day, let date = format(year, month, day) else { return nil }
        if let (h, m, s) = time,
            text.uppercased().contains("GMT") || text.uppercased().contains("UTC")
                || text.contains("+0000")
        {
            return "\(date)T\(pad(h)):\(pad(m)):\(pad(s))Z"
        }
        return date
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func number(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= b.count else { return nil }
        var value = 0
        for i in start..<(start + count) {
            guard isDigit(b[i]) else { return nil }
            value = value * 10 + Int(b[i] - 0x30)
        }
        return value
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1...12).contains(month), day >= 1 else { return nil }
        let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        if month == 2 && day == 29 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) { return nil }
        return "\(year)-\(pad(month))-\(pad(day))"
    }
}
