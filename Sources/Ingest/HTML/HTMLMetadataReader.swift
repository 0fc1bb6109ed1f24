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
        /// JSON-LD `articleBody`, when the page carries one.
        var articleBody: String?
    }

    /// Meta names and properties that carry the publication time, most reliable first.
    private static let publishedMetaKeys = [
        "article:published_time", "og:article:published_time", "datepublished", "article.published",
        "publishdate", "publish-date", "publish_date", "pubdate", "parsely-pub-date", "sailthru.date",
        "dc.date.issued", "dcterms.created", "dc.date", "date", "og:published_time", "published_time",
        "article_date_original", "cxenseparse:recs:publishtime", "original-publish-date",
    ]

    private static let wantedMetaKeys = Set(
        publishedMetaKeys + [
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

        (metadata.published, metadata.publishedSource) = publication(
            metas: metas, ld: ld, times: nodes.times, url: metadata.url)
        return metadata
    }

    /// The publication time by cue precedence. Modified dates are never used; a URL date that
    /// disagrees by more than a day with the markup wins, as URL dates are the most reliable cue.
    private func publication(
        metas: [String: String], ld: JSONLDArticle, times: [[String: String]], url: String?
    ) -> (String?, PublishedSource) {
        var found: (String, PublishedSource)?
        if let value = metas["datepublished"].flatMap(PublicationDate.normalize) {
            found = (value, .meta)
        } else if let value = metas["article:published_time"].flatMap(PublicationDate.normalize) {
            found = (value, .meta)
        } else if let value = ld.datePublished.flatMap(PublicationDate.normalize) {
            found = (value, .jsonld)
        } else if let value = Self.publishedMetaKeys.lazy.compactMap({ metas[$0] })
            .compactMap(PublicationDate.normalize).first
        {
            found = (value, .meta)
        } else {
            let preferred = times.first {
                $0["pubdate"] != nil || $0["itemprop"]?.lowercased() == "datepublished"
            }
            for attributes in [preferred].compactMap({ $0 }) + times {
                if let raw = attributes["datetime"], let value = PublicationDate.normalize(raw) {
                    found = (value, .timeElement)
                    break
                }
            }
        }
        if let url, let fromURL = PublicationDate.fromURL(url) {
            guard let (value, _) = found else { return (fromURL, .url) }
            if let gap = Self.daysBetween(PublicationDate.day(of: value), fromURL), gap > 1 {
                return (fromURL, .url)
            }
        }
        guard let found else { return (nil, .unknown) }
        return (found.0, found.1)
    }

    private static func daysBetween(_ a: String, _ b: String) -> Int? {
        guard let first = PublicationDate.dayNumber(a), let second = PublicationDate.dayNumber(b) else {
            return nil
        }
        return abs(first - second)
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
