import EventModel
import Foundation

/// Reads a saved web page: decodes its bytes, parses it with libxml2, finds the article body and
/// the metadata.
public struct HTMLArticleReader: Sendable {
    private let rules: BoilerplateRules

    /// A body shorter than this is looked for again without the class-name rules.
    static let retryBelowWords = 80

    public init() { self.rules = .bundled }

    /// - Parameters:
    ///   - data: the page's bytes, in any encoding the page declares or UTF-8 or Windows-1252.
    ///   - path: where it came from, for messages and the article's `path`.
    ///   - url: the page's address when known from elsewhere (a record, the command line).
    public func read(_ data: Data, path: String, url: String? = nil) throws(IngestError) -> Article {
        guard let decoded = TextDecoding.decode(data, declared: TextDecoding.declaredCharset(inHTML: data))
        else {
            throw IngestError(file: path, reason: .undecodable)
        }
        return try read(html: decoded.text, path: path, url: url, repaired: decoded.repaired)
    }

    /// The publication date candidates of a page and the one chosen, without reading its body.
    public func publication(_ data: Data, url: String? = nil) -> PublicationChoice? {
        guard let decoded = TextDecoding.decode(data, declared: TextDecoding.declaredCharset(inHTML: data))
        else {
            return nil
        }
        guard let walk = firstWalk(html: decoded.text).walk else { return nil }
        return HTMLMetadataReader().read(walk.metadata, fileURL: url).publication
    }

    /// The page's bytes without scripts and styles, and its walk with page furniture passed over.
    private func firstWalk(html: String) -> (bytes: [UInt8], classifier: ClassClassifier, walk: PageWalk?) {
        var html = html
        let bytes = html.withUTF8 { HTMLPrefilter.strip($0) }
        let classifier = ClassClassifier(rules: rules)
        return (
            bytes, classifier,
            HTMLParser.walk(bytes, rules: rules, classifier: classifier, skipsUnlikelyClasses: true)
        )
    }

    /// Reads a page that is already text.
    public func read(html: String, path: String, url: String? = nil, repaired: Bool = false)
        throws(IngestError)
        -> Article
    {
        let (bytes, classifier, first) = firstWalk(html: html)
        guard var walk = first else {
            throw IngestError(file: path, reason: .notAnArticle("no HTML document could be parsed"))
        }
        let page = HTMLMetadataReader().read(walk.metadata, fileURL: url)
        var body = BodyExtractor(rules: rules).extract(from: walk)
        if body.wordCount < Self.retryBelowWords {
            // As Readability does: too little text means the class rules hid the article.
            if let lenient = HTMLParser.walk(
                bytes, rules: rules, classifier: classifier, skipsUnlikelyClasses: false)
            {
                let retry = BodyExtractor(rules: rules).extract(from: lenient)
                if retry.wordCount > body.wordCount {
                    walk = lenient
                    body = retry
                }
            }
        }
        var paragraphs = body.paragraphs
        if let title = page.title, let first = paragraphs.first, first == title {
            paragraphs.removeFirst()
        }
        paragraphs = ArticleBodyChoice.choose(dom: paragraphs, jsonLD: page.articleBody)
        guard !paragraphs.isEmpty else {
            // The page's date is still told: `sitrep read` shows it with the error.
            var error = IngestError(file: path, reason: .noText)
            error.published = page.published
            error.publishedSource = page.published == nil ? nil : page.publishedSource
            throw error
        }

        var warnings: [String] = []
        if let warning = page.publication?.warning { warnings.append(warning) }
        if repaired { warnings.append("encoding repaired") }
        if walk.removedBoilerplate || body.droppedBoilerplate > 0 { warnings.append("boilerplate removed") }
        let metadata = ArticleMetadata(
            id: ArticleID(""), path: path, url: page.url, title: page.title, outlet: page.outlet,
            author: page.author, published: page.published, publishedSource: page.publishedSource,
            language: page.language)
        return ArticleAssembler.assemble(paragraphs: paragraphs, metadata: metadata, warnings: warnings)
    }
}
