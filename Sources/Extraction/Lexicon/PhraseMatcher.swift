/// Finds the longest phrases of a list at each token, left to right. Phrases are tokenized as
/// texts are, and compared in lower case. A `*` in a phrase stands for one to four words of an
/// object between a verb and its particle: "take * into custody" finds "took two suspects into
/// custody", "beat * back" finds "beat the attackers back".
struct PhraseMatcher<Value: Sendable>: Sendable {
    static var gapLimit: Int { 4 }

    /// Entries by their first word's key (``Token/key``, the hash of its lower-cased text, so
    /// that a lookup hashes no string); the words themselves are compared on a hit.
    private var byFirst: [Int: [(tokens: [String], value: Value)]] = [:]
    /// A bit per first word's key (its low bits): most tokens start no entry, and are turned
    /// away here without a dictionary lookup.
    private var firstBits = [UInt64](repeating: 0, count: 256)

    init(_ entries: [(String, Value)]) {
        for (text, value) in entries {
            let words = Tokenizer.tokens(text)
            guard let first = words.first else { continue }
            byFirst[first.key, default: []].append((words.map(\.lower), value))
            firstBits[(first.key >> 6) & 255] |= 1 << UInt64(first.key & 63)
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.tokens.count > $1.tokens.count } }
    }

    /// The longest entry starting at `index`, and its length in tokens.
    func match(_ tokens: [Token], at index: Int, limit: Int? = nil) -> (value: Value, length: Int)? {
        guard index < tokens.count else { return nil }
        let key = tokens[index].key
        guard firstBits[(key >> 6) & 255] & (1 << UInt64(key & 63)) != 0, let entries = byFirst[key] else {
            return nil
        }
        let end = min(limit ?? tokens.count, tokens.count)
        for entry in entries where entry.tokens[0] == tokens[index].lower {
            if let length = Self.length(of: entry.tokens, from: 1, in: tokens, at: index + 1, end: end) {
                return (entry.value, length + 1)
            }
        }
        return nil
    }

    /// A word or number of an object; a comma only inside a number ("1,000").
    private static func objectWord(_ tokens: [Token], at i: Int) -> Bool {
        if tokens[i].kind != .punctuation { return true }
        return tokens[i].text == "," && !tokens[i].spaceBefore && i > 0 && i + 1 < tokens.count
            && tokens[i - 1].kind == .number && tokens[i + 1].kind == .number && !tokens[i + 1].spaceBefore
    }

    /// How many tokens from `position` `phrase[start...]` takes, or nil when it is not there.
    private static func length(
        of phrase: [String], from start: Int, in tokens: [Token], at position: Int, end: Int
    )
        -> Int?
    {
        var used = 0
        for offset in start..<max(start, phrase.count) {
            guard phrase[offset] == "*" else {
                guard position + used < end, tokens[position + used].lower == phrase[offset] else {
                    return nil
                }
                used += 1
                continue
            }
            // An object of words and numbers, as short as lets the rest match.
            var gap = 1
            while gap <= gapLimit, position + used + gap - 1 < end,
                Self.objectWord(tokens, at: position + used + gap - 1)
            {
                let after = position + used + gap
                if let rest = length(of: phrase, from: offset + 1, in: tokens, at: after, end: end) {
                    return used + gap + rest
                }
                gap += 1
            }
            return nil
        }
        return used
    }

    /// Every non-overlapping match in a token range, left to right.
    func all(_ tokens: [Token], in range: Range<Int>) -> [(range: Range<Int>, value: Value)] {
        var found: [(Range<Int>, Value)] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if let (value, length) = match(tokens, at: index, limit: range.upperBound) {
                found.append((index..<(index + length), value))
                index += length
            } else {
                index += 1
            }
        }
        return found
    }

    func contains(_ tokens: [Token], in range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            if match(tokens, at: index, limit: range.upperBound) != nil { return true }
            index += 1
        }
        return false
    }
}
