import EventModel
import Foundation

/// Reads a `.txt` or `.md` article: an optional front-matter header (`key: value` lines ending
/// with a `---` line), then paragraphs. Boilerplate lines go; a headline printed twice is kept once.
public struct PlainTextArticleReader: Sendable {
    private let rules: BoilerplateRules

    public init() { self.rules = .bundled }

    public func read(_ data: Data, path: String) throws(IngestError) -> Article {
        guard let decoded = TextDecoding.decode(data) else {
            throw IngestError(file: path, reason: .undecodable)
        }
        return try read(text: decoded.text, path: path, repaired: decoded.repaired)
    }

    /// - Parameter knownTitle: the title from elsewhere (a record); then only a first paragraph
    ///   repeating it is dropped, and no headline is guessed from the text.
    public func read(text: String, path: String, repaired: Bool = false, knownTitle: String? = nil)
        throws(IngestError) -> Article
    {
        let normalized =
            text.utf8.contains(0x0D)
            ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            : text
        let (header, body) = FrontMatter.split(normalized)
        var paragraphs = Self.paragraphs(in: body)
        let before = paragraphs.count
        paragraphs.removeAll(where: rules.isBoilerplate(paragraph:))
        let removed = before - paragraphs.count

        var title = knownTitle ?? header.value("title")
        // A headline on the first line (short, no closing full stop), often printed twice.
        if let first = paragraphs.first,
            first == title
                || (knownTitle == nil && Self.looksLikeHeadline(first, next: paragraphs.dropFirst().first))
        {
            if title == nil { title = first }
            // A lone line is the text as well as its headline ("Drones hit Odesa, killing two").
            if first == title && paragraphs.contains(where: { $0 != title }) {
                paragraphs.removeFirst()
                while paragraphs.first == title { paragraphs.removeFirst() }
            }
        }
        guard !paragraphs.isEmpty else { throw IngestError(file: path, reason: .noText) }

        var metadata = ArticleMetadata(id: ArticleID(""), path: path)
        metadata.title = title
        metadata.url = header.value("url").flatMap { HTMLMetadataReader.isWebURL($0) ? $0 : nil }
        metadata.outlet = header.value("outlet") ?? header.value("source") ?? header.value("site")
        metadata.author = header.value("author") ?? header.value("byline")
        metadata.language = header.value("language") ?? header.value("lang")
        var warnings: [String] = []
        if let raw = header.value("published") ?? header.value("date") {
            if let published = PublicationDate.normalize(raw) {
                metadata.published = published
                metadata.publishedSource = .frontMatter
            } else {
                warnings.append("front matter 'published: \(raw)' is not a date")
            }
        }
        if repaired { warnings.append("encoding repaired") }
        if removed > 0 {
            warnings.append("boilerplate removed (\(removed) paragraph\(removed == 1 ? "" : "s"))")
        }
        return ArticleAssembler.assemble(paragraphs: paragraphs, metadata: metadata, warnings: warnings)
    }

    /// Paragraphs are separated by blank lines. Inside a block, lines that each read as a
    /// paragraph (long, or ending a sentence) stay apart; hard-wrapped lines are joined.
    static func paragraphs(in text: String) -> [String] {
        var result: [String] = []
        var lines: [String] = []
        func endBlock() {
            guard !lines.isEmpty else { return }
            let separate =
                lines.count > 1
                && lines.dropLast().allSatisfy { line in
                    line.count > 90 || line.hasSuffix(".") || line.hasSuffix("”") || line.hasSuffix("\"")
                        || line.hasSuffix("?") || line.hasSuffix("!") || line.hasSuffix(":")
                }
            let average = lines.reduce(0) { $0 + $1.count } / lines.count
            if separate && (average > 100 || lines.allSatisfy { !$0.hasSuffix(",") }) {
                result += lines.map(fold)
            } else {
                result.append(fold(lines.joined(separator: " ")))
            }
            lines.removeAll(keepingCapacity: true)
        }
        // Blocks end at empty lines; a line of blanks inside a block is dropped.
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty {
                endBlock()
                continue
            }
            let trimmed = trim(line)
            if !trimmed.isEmpty { lines.append(trimmed) }
        }
        endBlock()
        return result
    }

    /// A line without the spaces and tabs around it.
    private static func trim(_ line: Substring) -> String {
        // Most lines begin and end with a visible ASCII character: nothing to trim.
        if let first = line.utf8.first, let last = line.utf8.last, (0x21..<0x7F).contains(first),
            (0x21..<0x7F).contains(last)
        {
            return String(line)
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// The text with every run of white space made one space, none at either end.
    private static func fold(_ text: String) -> String {
        guard needsFolding(text) else { return text }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether `text` holds white space other than single spaces between words: a tab or line
    /// break, two spaces, a space at either end, or a Unicode space (U+0085, U+00A0, U+1680,
    /// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
    static func needsFolding(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == 0x20 || last == 0x20 { return true }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x09...0x0D: return true
            case 0x20: if index + 1 < bytes.count && bytes[index + 1] == 0x20 { return true }
            case 0xC2:
                if index + 1 < bytes.count && (bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0) {
                    return true
                }
            case 0xE1:
                if index + 2 < bytes.count && bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 {
                    return true
                }
            case 0xE2:
                if index + 2 < bytes.count {
                    let (second, third) = (bytes[index + 1], bytes[index + 2])
                    if second == 0x80
                        && ((0x80...0x8A).contains(third) || [0xA8, 0xA9, 0xAF].contains(third))
                    {
                        return true
                    }
                    if second == 0x81 && third == 0x9F { return true }
                }
            case 0xE3:
                if index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 {
                    return true
                }
            default: break
            }
            index += 1
        }
        return false
    }

    /// A short first line that does not read as a sentence: no closing full stop, or most of
    /// its words capitalized as in a headline; or a line printed twice in a row.
    private static func looksLikeHeadline(_ paragraph: String, next: String?) -> Bool {
        let words = paragraph.split(separator: " ")
        guard words.count <= 25 else { return false }
        if paragraph == next { return true }
        let capitalized = words.filter { $0.first?.isUppercase == true || $0.first?.isNumber == true }.count
        let titleCase = Double(capitalized) >= Double(words.count) * 0.6
        let sentenceEnd = paragraph.hasSuffix(".") || paragraph.hasSuffix("”") || paragraph.hasSuffix("\"")
        return titleCase || !sentenceEnd
    }
}
