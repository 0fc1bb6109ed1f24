/// Reads counts in figures and words at a token: "178", "1,200", "two", "twenty-four", "a dozen",
/// "dozens" (12), "hundreds" (100), "several" (3), "at least 20" (20), "up to five" (5),
/// "more than a dozen" (12) — ACLED's values for vague quantities.
public struct NumberReader: Sendable {
    public struct Reading: Hashable, Sendable {
        public var value: Int
        /// Tokens read, starting at the given index.
        public var length: Int
        public var isVague: Bool
    }

    private static let words: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "a dozen": 12,
    ]
    private static let vague: [String: Int] = [
        "dozens": 12, "hundreds": 100, "thousands": 1000, "several": 3, "scores": 20, "tens": 10,
    ]
    private static let qualifiers = [
        ["at", "least"], ["up", "to"], ["more", "than"], ["over"], ["about"], ["around"], ["nearly"],
        ["almost"],
        ["some"], ["approximately"], ["roughly"], ["an", "estimated"], ["as", "many", "as"],
        ["fewer", "than"],
        ["less", "than"], ["a", "total", "of"], ["total", "of"],
    ]

    public init() {}

    public func read(_ tokens: [Token], at start: Int) -> Reading? {
        guard start < tokens.count, tokens[start].kind != .punctuation else { return nil }
        var i = start
        var qualified = false
        let first = tokens[start].lower
        for qualifier in Self.qualifiers where qualifier[0] == first && i + qualifier.count < tokens.count {
            if qualifier.indices.dropFirst().allSatisfy({ tokens[i + $0].lower == qualifier[$0] }) {
                i += qualifier.count
                qualified = true
                break
            }
        }
        guard i < tokens.count else { return nil }
        let token = tokens[i]
        if token.kind == .number, var value = Int(token.text) {
            var j = i + 1
            // "1,200" and "2,400,000".
            while j + 1 < tokens.count, tokens[j].text == ",", !tokens[j].spaceBefore,
                !tokens[j + 1].spaceBefore,
                tokens[j + 1].kind == .number, tokens[j + 1].text.count == 3,
                let rest = Int(tokens[j + 1].text)
            {
                value = value * 1000 + rest
                j += 2
            }
            if j < tokens.count, tokens[j].lower == "million" { value *= 1_000_000; j += 1 }
            return Reading(value: value, length: j - start, isVague: qualified)
        }
        if token.lower == "a" || token.lower == "an", i + 1 < tokens.count, tokens[i + 1].lower == "dozen" {
            return Reading(value: 12, length: i + 2 - start, isVague: true)
        }
        if let value = Self.vague[token.lower] {
            return Reading(value: value, length: i + 1 - start, isVague: true)
        }
        guard var value = Self.words[token.lower] else { return nil }
        var j = i + 1
        if value >= 20, j + 1 < tokens.count, tokens[j].text == "-",
            let ones = Self.words[tokens[j + 1].lower], ones < 10
        {
            value += ones
            j += 2
        }
        if j < tokens.count, tokens[j].lower == "hundred" {
            value *= 100
            j += 1
        } else if j < tokens.count, tokens[j].lower == "thousand" {
            value *= 1000
            j += 1
        }
        return Reading(value: value, length: j - start, isVague: qualified)
    }
}
