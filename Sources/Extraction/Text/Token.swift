/// A word, number or punctuation mark of a text, with its place in Unicode scalars.
public struct Token: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case word, number, punctuation }

    public var text: Substring
    /// Lower-cased text, for matching.
    public var lower: String
    public var kind: Kind
    /// Offsets in Unicode scalars of the text: `start..<end`.
    public var start: Int
    public var end: Int
    /// Whether white space separates it from the token before.
    public var spaceBefore: Bool

    /// Whether its first letter is a capital (worked out once, when the text is split).
    public var isCapitalized: Bool
    /// The hash of `lower`, worked out once: lexicon lookups key on it.
    public var key: Int

    public init(text: Substring, lower: String, kind: Kind, start: Int, end: Int, spaceBefore: Bool) {
        self.text = text
        self.lower = lower
        self.kind = kind
        self.start = start
        self.end = end
        self.spaceBefore = spaceBefore
        isCapitalized =
            text.unicodeScalars.first.map {
                $0.value < 0x80 ? $0.value >= 0x41 && $0.value <= 0x5A : $0.properties.isUppercase
            }
            ?? false
        key = lower.hashValue
    }
    public var number: Int? { kind == .number ? Int(text) : nil }
}

/// Splits text into tokens: runs of letters (with inner apostrophes), runs of digits, and single
/// punctuation marks.
public enum Tokenizer {
    /// A letter: ASCII ones by their code, others by their Unicode property.
    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return scalar.properties.isAlphabetic
    }

    @inline(__always) static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    public static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var offset = 0
        var spaceBefore = true
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if Self.isSpace(scalar) {
                spaceBefore = true
                index = scalars.index(after: index)
                offset += 1
                continue
            }
            let startIndex = index
            let startOffset = offset
            let kind: Token.Kind
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                kind = .number
                while index < scalars.endIndex, scalars[index].value >= 0x30 && scalars[index].value <= 0x39 {
                    index = scalars.index(after: index)
                    offset += 1
                }
            } else if Self.isLetter(scalar) {
                kind = .word
                while index < scalars.endIndex {
                    let current = scalars[index]
                    if Self.isLetter(current)
                        || current.value >= 0x80 && current.properties.generalCategory == .nonspacingMark
                    {
                        index = scalars.index(after: index)
                        offset += 1
                        continue
                    }
                    // An apostrophe inside a word: "don't" keeps one token; a possessive "'s" is its own.
                    if current == "'" || current == "’" {
                        let next = scalars.index(after: index)
                        let afterNext = next < scalars.endIndex ? scalars.index(after: next) : next
                        let possessive =
                            next < scalars.endIndex && (scalars[next] == "s" || scalars[next] == "S")
                            && (afterNext == scalars.endIndex || !Self.isLetter(scalars[afterNext]))
                        if !possessive, next < scalars.endIndex, Self.isLetter(scalars[next]) {
                            index = next
                            offset += 1
                            continue
                        }
                    }
                    break
                }
            } else {
                kind = .punctuation
                index = scalars.index(after: index)
                offset += 1
            }
            let slice = Substring(text.unicodeScalars[startIndex..<index])
            tokens.append(
                Token(
                    text: slice, lower: slice.lowercased(), kind: kind, start: startOffset, end: offset,
                    spaceBefore: spaceBefore))
            spaceBefore = false
        }
        return tokens
    }
}
