import EventModel
import Foundation

/// Reads title, outlet, canonical URL, author, language and publication time from a page's
/// `<meta>`, `<link>`, JSON-LD, `<title>`, `<time>` and `<h1>` elements.
struct HTMLMetadataReader {
    struct Metadata {
        var title: String?
        var outlet: String?
        var url: String?
        var author: String?
        var language: String?
        var published: String?
        var publishedSource: PublishedSource = .unknown
        /// Every date candidate of the page and why one won.
        var publication: PublicationChoice?
        /// JSON-LD `articleBody`, when the page carries one.
        var articleBody: String?
    }

    private static let wantedMetaKeys = Set(
        PublicationDates.publishedMetaKeys + PublicationDates.modifiedMetaKeys + [
            "og:title", "og:site_name", "og:url", "twitter:title", "author", "article:author",
            "parsely-author", "byl",
            "content-language", "og:locale", "application-name",
        ])

    func read(_ nodes: PageWalk.Metadata, fileURL: String?) -> Metadata {
        var metas: [String: String] = [:]
        for attributes in nodes.metas {
            guard
                let key =
                    (attributes["property"] ?? attributes["name"] ?? attributes["itemprop"]
                    ?? attributes["http-equiv"])?.lowercased(),
                Self.wantedMetaKeys.contains(key), metas[key] == nil, let content = attributes["content"]
            else { continue }
            let value = Self.clean(content)
            if !value.isEmpty { metas[key] = value }
        }
        let ld = JSONLDArticle(scripts: nodes.jsonLD)

        var metadata = Metadata()
        metadata.articleBody = ld.articleBody

        var canonical: String?
        for attributes in nodes.links {
            let rel = attributes["rel"]?.lowercased() ?? ""
            if rel.split(separator: " ").contains("canonical"), let href = attributes["href"] {
                canonical = href.trimmingCharacters(in: .whitespaces)
                break
            }
        }
        metadata.url = [canonical, metas["og:url"], ld.url, fileURL].compactMap { $0 }.first(
            where: Self.isWebURL)

        let host = metadata.url.flatMap { URL(string: $0)?.host }.map {
            $0.hasPrefix("www.") ? String($0.dropFirst(4)) : $0
        }
        metadata.outlet = [metas["og:site_name"], ld.publisher, metas["application-name"], host]
            .compactMap { $0 }.first { !$0.isEmpty }

        let documentTitle = nodes.titles.first.map(Self.clean)
        let heading = nodes.headings.lazy.map(Self.clean).first { !$0.isEmpty }
        let candidates: [String?] = [
            metas["og:title"], ld.headline, metas["twitter:title"],
            documentTitle.map { Self.withoutSiteSuffix($0, outlet: metadata.outlet) }, heading,
        ]
        metadata.title = candidates.compactMap { $0 }.first { !$0.isEmpty }.map {
            Self.withoutSiteSuffix($0, outlet: metadata.outlet)
        }

        let authorMeta = [metas["author"], metas["article:author"], metas["parsely-author"], metas["byl"]]
            .compactMap { $0 }.first { !$0.isEmpty && !Self.isWebURL($0) }
        metadata.author = (authorMeta ?? ld.author).map {
            $0.hasPrefix("By ") || $0.hasPrefix("by ") ? String($0.dropFirst(3)) : $0
        }

        metadata.language = [nodes.language, metas["content-language"], metas["og:locale"], ld.language]
            .compactMap { $0?.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
            .map { $0.replacingOccurrences(of: "_", with: "-") }

        let publication = PublicationDates(
            metas: metas, ld: ld, walk: nodes, url: metadata.url, documentTitle: documentTitle
        ).choose()
        metadata.publication = publication
        metadata.published = publication.published
        metadata.publishedSource = publication.source
        return metadata
    }

    static func isWebURL(_ value: String) -> Bool {
        let lower = value.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    static func clean(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// "Headline | Site" → "Headline" when the other part is the outlet or clearly shorter.
    private static let titleSeparators = [" | ", " - ", " — ", " – ", " :: ", " « ", " » ", " · "]

    static func withoutSiteSuffix(_ title: String, outlet: String?) -> String {
        for separator in Self.titleSeparators where title.utf8.firstRange(of: separator.utf8) != nil {
            let parts = title.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            guard parts.count > 1 else { continue }
            let last = parts.last!.trimmingCharacters(in: .whitespaces)
            let first = parts.first!.trimmingCharacters(in: .whitespaces)
            let joined = { (slice: ArraySlice<String>) in slice.joined(separator: separator) }
            if let outlet,
                last.lowercased() == outlet.lowercased() || last.lowercased().contains(outlet.lowercased())
            {
                return joined(parts.dropLast())
            }
            if let outlet, first.lowercased() == outlet.lowercased() {
                return joined(parts.dropFirst())
            }
            let head = joined(parts.dropLast())
            // Pipes nearly always set off a site name; dashes also join headline phrases.
            let margin = separator == " | " ? 1 : 2
            if last.split(separator: " ").count <= 4 && head.count > last.count * margin { return head }
        }
        return title
    }
}
