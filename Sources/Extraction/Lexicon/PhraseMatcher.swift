/// Finds the longest phrases of a list at each token, left to right. Phrases are tokenized as
/// texts are, and compared in lower case.
struct PhraseMatcher<Value: Sendable>: Sendable {
    private var byFirst: [String: [(tokens: [String], value: Value)]] = [:]

    init(_ entries: [(String, Value)]) {
        for (text, value) in entries {
            let tokens = Tokenizer.tokens(text).map(\.lower)
            guard let first = tokens.first else { continue }
            byFirst[first, default: []].append((tokens, value))
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.tokens.count > $1.tokens.count } }
    }

    /// The longest entry starting at `index`, and its length in tokens.
    func match(_ tokens: [Token], at index: Int, limit: Int? = nil) -> (value: Value, length: Int)? {
        guard index < tokens.count, let entries = byFirst[tokens[index].lower] else { return nil }
        let end = limit ?? tokens.count
        for entry in entries where index + entry.tokens.count <= end {
            var matches = true
            for offset in 1..<max(1, entry.tokens.count)
            where tokens[index + offset].lower != entry.tokens[offset] {
                matches = false
                break
            }
            if matches { return (entry.value, entry.tokens.count) }
        }
        return nil
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
