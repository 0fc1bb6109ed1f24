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

    public var isCapitalized: Bool { text.first?.isUppercase == true }
    public var number: Int? { kind == .number ? Int(text) : nil }
}

/// Splits text into tokens: runs of letters (with inner apostrophes), runs of digits, and single
/// punctuation marks.
public enum Tokenizer {
    public static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var offset = 0
        var spaceBefore = true
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                spaceBefore = true
                index = scalars.index(after: index)
                offset += 1
                continue
            }
            let startIndex = index
            let startOffset = offset
            let kind: Token.Kind
            if scalar.properties.numericType != nil && scalar.value < 0x80 {
                kind = .number
                while index < scalars.endIndex, scalars[index].value >= 0x30 && scalars[index].value <= 0x39 {
                    index = scalars.index(after: index)
                    offset += 1
                }
            } else if scalar.properties.isAlphabetic {
                kind = .word
                while index < scalars.endIndex {
                    let current = scalars[index]
                    if current.properties.isAlphabetic
                        || current.properties.generalCategory == .nonspacingMark
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
                            && (afterNext == scalars.endIndex || !scalars[afterNext].properties.isAlphabetic)
                        if !possessive, next < scalars.endIndex, scalars[next].properties.isAlphabetic {
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
