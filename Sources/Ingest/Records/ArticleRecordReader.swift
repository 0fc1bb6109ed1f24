import EventModel
import Foundation

/// Reads a JSON Lines file: one article record per line (`id`, `url`, `title`, `published`,
/// `text` or `html`, `outlet`, `author`). A broken line is reported with its number and skipped.
public struct ArticleRecordReader: Sendable {
    struct Record: Decodable {
        var id: String?
        var url: String?
        var title: String?
        var published: String?
        var text: String?
        var html: String?
        var outlet: String?
        var author: String?
        var language: String?

        enum CodingKeys: String, CodingKey {
            case id, url, title, published, text, html, outlet, author, language
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            func string(_ key: CodingKeys) -> String? {
                if let value = try? container.decodeIfPresent(String.self, forKey: key) { return value }
                if let number = try? container.decodeIfPresent(Int.self, forKey: key) {
                    return String(number)
                }
                return nil
            }
            id = string(.id)
            url = string(.url)
            title = string(.title)
            published = string(.published)
            text = string(.text)
            html = string(.html)
            outlet = string(.outlet)
            author = string(.author)
            language = string(.language)
        }
    }

    private let plain = PlainTextArticleReader()
    private let html = HTMLArticleReader()

    public init() {}

    /// One result per non-blank line, in order; a line over `maximumRecordBytes` is one failure
    /// naming the file and the line, and the others still load.
    public func read(
        _ data: Data, path: String, maximumRecordBytes: Int = ArticleLoader.defaultMaximumBytes
    ) -> [Result<Article, IngestError>] {
        var results: [Result<Article, IngestError>] = []
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
            if trimmed.isEmpty || trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            if trimmed.count > maximumRecordBytes {
                results.append(
                    .failure(
                        IngestError(
                            file: path,
                            reason: .badRecord(
                                line: lineNumber,
                                "too large (\(trimmed.count) bytes; the limit for one article is \(maximumRecordBytes))"
                            ))))
                continue
            }
            results.append(readLine(Data(trimmed), number: lineNumber, path: path))
        }
        return results
    }

    private func readLine(_ line: Data, number: Int, path: String) -> Result<Article, IngestError> {
        let failure = { (why: String) in
            Result<Article, IngestError>.failure(
                IngestError(file: path, reason: .badRecord(line: number, why)))
        }
        let record: Record
        do {
            record = try JSONDecoder().decode(Record.self, from: line)
        } catch {
            return failure("not a JSON object")
        }
        let recordPath = "\(path)#\(record.id ?? "line-\(number)")"
        var article: Article
        do {
            if let text = record.text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                article = try plain.read(text: text, path: recordPath, knownTitle: record.title)
            } else if let page = record.html, !page.isEmpty {
                article = try html.read(html: page, path: recordPath, url: record.url)
            } else {
                return failure("the record has no 'text' or 'html'")
            }
        } catch {
            return failure(error.reason.description)
        }
        var metadata = article.metadata
        if let title = record.title, !title.isEmpty { metadata.title = title }
        if let url = record.url, HTMLMetadataReader.isWebURL(url) { metadata.url = url }
        if let outlet = record.outlet, !outlet.isEmpty { metadata.outlet = outlet }
        if let author = record.author, !author.isEmpty { metadata.author = author }
        if let language = record.language, !language.isEmpty { metadata.language = language }
        metadata.warnings.removeAll { $0 == "no publication date" }
        if let raw = record.published {
            if let published = PublicationDate.normalize(raw) {
                metadata.published = published
                metadata.publishedSource = .record
            } else {
                metadata.warnings.append("record 'published: \(raw)' is not a date")
            }
        }
        if metadata.published == nil { metadata.warnings.append("no publication date") }
        metadata.id = ArticleAssembler.contentID(metadata: metadata, text: article.text)
        article.metadata = metadata
        return .success(article)
    }
}
