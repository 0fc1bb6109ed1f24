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
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(
            of: "\r", with: "\n")
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
        for block in text.components(separatedBy: "\n\n") {
            let lines = block.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard !lines.isEmpty else { continue }
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
        }
        return result
    }

    private static func fold(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
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
