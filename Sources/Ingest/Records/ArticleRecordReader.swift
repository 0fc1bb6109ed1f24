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
        read(lines: .data(data, path: path, maximumRecordBytes: maximumRecordBytes), path: path)
    }

    /// Every record of a stream of lines, in order; a failure to read on ends the list.
    func read(lines: ExportLines, path: String) -> [Result<Article, IngestError>] {
        var lines = lines
        var results: [Result<Article, IngestError>] = []
        do throws(IngestError) {
            while let line = try lines.next() {
                switch line {
                case .record(let number, let bytes):
                    results.append(read(record: bytes, line: number, path: path).article)
                case .tooLarge(let number, let size):
                    results.append(
                        .failure(
                            Self.tooLarge(
                                path: path, line: number, bytes: size, limit: lines.maximumRecordBytes)))
                }
            }
        } catch {
            // An empty export is no failure when some records were read before it ended.
            if !(error.reason == .empty && !results.isEmpty) { results.append(.failure(error)) }
        }
        return results
    }

    /// The failure of a line over the limit of one article.
    public static func tooLarge(path: String, line: Int, bytes: Int, limit: Int) -> IngestError {
        IngestError(
            file: path,
            reason: .badRecord(
                line: line,
                "too large (\(bytes) bytes; the limit for one article is \(limit))"))
    }

    /// One record and whether what is read from it depends on its line number (a record without
    /// an `id` is known by its line: moved to another line, it must be read again).
    public func read(record: Data, line: Int, path: String) -> (
        article: Result<Article, IngestError>, keyedByLine: Bool
    ) {
        readLine(record, number: line, path: path)
    }

    private func readLine(_ line: Data, number: Int, path: String) -> (
        article: Result<Article, IngestError>, keyedByLine: Bool
    ) {
        let record: Record
        do {
            record = try JSONDecoder().decode(Record.self, from: line)
        } catch {
            return (
                .failure(IngestError(file: path, reason: .badRecord(line: number, "not a JSON object"))), true
            )
        }
        return (read(record, number: number, path: path), record.id == nil)
    }

    private func read(_ record: Record, number: Int, path: String) -> Result<Article, IngestError> {
        let failure = { (why: String) in
            Result<Article, IngestError>.failure(
                IngestError(file: path, reason: .badRecord(line: number, why)))
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
