import EventModel
import Foundation

/// Reads the full date of a line a page shows its readers: "Published 14 March 2025",
/// "August 06, 2019", "Sunday, July 05, 2020", "9 oktober 2020 11:12", "20 septembrie 2020",
/// "2020. június 4.", "07 أكتوبر 2020", "17/03/2020", "2020/04/17 01:43", "2020年7月13日". A day,
/// a month and a year must all be there: "il y a 3 heures", "15 minutes ago" and "March 2020"
/// give nothing.
public enum DateLineReader {
    /// Month names of many languages (Resources/months.json), lower-cased.
    static let months: [String: Int] = {
        guard let url = Bundle.module.url(forResource: "months", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let table = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        var months: [String: Int] = [:]
        for (language, names) in table where !language.hasPrefix("_") {
            for (name, month) in (names as? [String: Int]) ?? [:] { months[name] = month }
        }
        return months
    }()

    static let connectors: Set<String> = ["de", "del", "of", "di", "do", "da", "den", "der", "le", "el"]

    private enum Piece: Equatable {
        case number(Int, digits: Int)
        case month(Int)
        case other
    }

    /// The first full date of the line, as `YYYY-MM-DD`. `monthFirst` reads an ambiguous
    /// "03/04/2020" as March 4 (as American pages write it) rather than 3 April.
    public static func date(in line: String, monthFirst: Bool = false) -> String? {
        if line.isEmpty || line.utf8.count > 400 { return nil }
        let pieces = split(line)
        for start in pieces.indices {
            if let date = numeric(pieces, at: start, monthFirst: monthFirst) ?? worded(pieces, at: start) {
                return date
            }
        }
        return nil
    }

    /// Numbers and month names in order; CJK date marks (年, 月, 日, 년, 월, 일) separate numbers.
    private static func split(_ line: String) -> [(piece: Piece, separator: Character?)] {
        var pieces: [(piece: Piece, separator: Character?)] = []
        var word = ""
        var digits = ""
        func close(_ separator: Character?) {
            if !digits.isEmpty {
                pieces.append((.number(Int(digits) ?? -1, digits: digits.count), separator))
            } else if !word.isEmpty {
                let lower = word.lowercased()
                // "17 de marzo de 2020", "4 of July": connecting words are passed over.
                if Self.connectors.contains(lower), let last = pieces.last,
                    last.separator == " " || last.separator == nil
                {
                    word = ""
                    return
                }
                pieces.append((months[lower].map(Piece.month) ?? .other, separator))
            }
            word = ""
            digits = ""
        }
        for character in line {
            if character.isASCII && character.isNumber {
                if !word.isEmpty { close(nil) }
                digits.append(character)
            } else if character.isLetter && !"年月日년월일".contains(character) {
                // "5th", "1st": an ordinal's letters stay with its number.
                if !digits.isEmpty && word.isEmpty && ["s", "n", "r", "t", "h", "d"].contains(character) {
                    continue
                }
                if !digits.isEmpty { close(nil) }
                word.append(character)
            } else {
                close(character)
            }
        }
        close(nil)
        return pieces
    }

    /// "2020-03-17", "2020/04/17", "2020.03.04", "2020年7月13日", "17/03/2020", "9.10.2020".
    private static func numeric(
        _ pieces: [(piece: Piece, separator: Character?)], at start: Int, monthFirst: Bool
    ) -> String? {
        guard start + 2 < pieces.count,
            case .number(let a, let aDigits) = pieces[start].piece,
            case .number(let b, let bDigits) = pieces[start + 1].piece,
            case .number(let c, let cDigits) = pieces[start + 2].piece,
            let separator = pieces[start].separator,
            pieces[start + 1].separator == separator
                || "年년".contains(separator),
            "-./年년".contains(separator), bDigits <= 2
        else { return nil }
        if aDigits == 4, cDigits <= 2 { return format(a, b, c) }
        guard cDigits == 4, aDigits <= 2 else { return nil }
        if a > 12 { return format(c, b, a) }
        if b > 12 { return format(c, a, b) }
        return monthFirst && separator == "/" ? format(c, a, b) : format(c, b, a)
    }

    /// "14 March 2025", "March 14, 2025", "2020. június 4.", "Sunday, July 05, 2020".
    private static func worded(_ pieces: [(piece: Piece, separator: Character?)], at start: Int) -> String? {
        guard case .month(let month) = pieces[start].piece else { return nil }
        func number(_ index: Int) -> (value: Int, digits: Int)? {
            guard index >= 0, index < pieces.count, case .number(let value, let digits) = pieces[index].piece
            else {
                return nil
            }
            return (value, digits)
        }
        // Day before the month, year after: "14 March 2025".
        if let day = number(start - 1), day.digits <= 2, let year = number(start + 1), year.digits == 4 {
            return format(year.value, month, day.value)
        }
        // Month, day, year: "March 14, 2025".
        if let day = number(start + 1), day.digits <= 2, let year = number(start + 2), year.digits == 4 {
            return format(year.value, month, day.value)
        }
        // Year, month, day: "2020. június 4.".
        if let year = number(start - 1), year.digits == 4, let day = number(start + 1), day.digits <= 2 {
            return format(year.value, month, day.value)
        }
        return nil
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1990...2100).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        if month == 2 && day == 29 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
