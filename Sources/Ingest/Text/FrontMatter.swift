import Foundation

/// An optional header before an article's text: `key: value` lines, then a line `---`.
/// A header opened by a `---` line (as in Markdown files) is read the same way.
struct FrontMatter {
    private var fields: [String: String] = [:]

    func value(_ key: String) -> String? {
        guard let value = fields[key], !value.isEmpty else { return nil }
        return value
    }

    /// The header's fields and the text after it; no header gives empty fields and all the text.
    static func split(_ text: String) -> (FrontMatter, String) {
        // A header is looked for in the first 41 lines: the rest of the text stays in one piece.
        var lines = text.split(separator: "\n", maxSplits: 42, omittingEmptySubsequences: false)[...]
        func isRule(_ line: Substring) -> Bool {
            line.utf8.count <= 32 && line.trimmingCharacters(in: .whitespaces) == "---"
        }
        if let first = lines.first, isRule(first) { lines = lines.dropFirst() }
        var header = FrontMatter()
        var consumed = 0
        for line in lines {
            consumed += 1
            if isRule(line) {
                guard !header.fields.isEmpty else { return (FrontMatter(), text) }
                let rest = lines.dropFirst(consumed).joined(separator: "\n")
                return (header, rest)
            }
            // A key is a short word before a colon: a long paragraph is told at its start.
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            guard let colon = trimmed.prefix(40).firstIndex(of: ":") else { return (FrontMatter(), text) }
            let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard !key.isEmpty, key.count <= 30, key.allSatisfy({ $0.isLetter || $0 == "_" || $0 == "-" })
            else {
                return (FrontMatter(), text)
            }
            var value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = String(value.dropFirst().dropLast())
            }
            header.fields[key] = value
            if consumed > 40 { break }
        }
        return (FrontMatter(), text)
    }
}
