import EventModel
import Foundation

/// A date a page gives for itself: its value, where it was found and what the cue is.
public struct PublicationCandidate: Codable, Hashable, Sendable {
    /// RFC 3339 with the page's offset, or `YYYY-MM-DD` when no time of day is given.
    public var value: String
    public var source: PublishedSource
    /// The cue: "meta article:published_time", "JSON-LD datePublished", "date line 'Posted …'".
    public var cue: String
}

/// The publication date chosen among a page's candidates, and why.
public struct PublicationChoice: Codable, Hashable, Sendable {
    public var candidates: [PublicationCandidate]
    public var published: String?
    public var source: PublishedSource
    public var reason: String
    /// Set when the date is a last resort (a modified date).
    public var warning: String?
}

/// Chooses a page's publication date from every place pages keep one, in order of trust
/// (FIELD-NOTES: `itemprop=datePublished` 0.96, `article:published_time` 0.95, URL 0.97 but a
/// day only, JSON-LD `datePublished` 0.92, `<time datetime>` 0.90): the markup's dates, then the
/// URL's, then the date lines shown to readers, and only as a flagged last resort a modified
/// date. The URL beats markup more than a day away. A timestamp near midnight that the URL or a
/// date line puts on the next or previous day gives way to them: the day a page shows its
/// readers is the day in its own time zone, and timestamps are often written in UTC.
struct PublicationDates {
    /// Meta names and properties that carry the publication time, most reliable first.
    static let publishedMetaKeys = [
        "datepublished", "article:published_time", "og:article:published_time", "article.published",
        "publishdate", "publish-date", "publish_date", "pubdate", "parsely-pub-date", "sailthru.date",
        "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date.created", "dc.date", "date",
        "og:published_time", "published_time", "article_date_original", "cxenseparse:recs:publishtime",
        "original-publish-date", "citation_publication_date", "citation_date", "citation_online_date",
        "article:published", "datecreated", "publication_date", "release_date", "displaydate",
    ]
    /// Modification dates: a last resort only.
    static let modifiedMetaKeys = [
        "article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "dcterms.modified",
        "last-modified", "lastmod",
    ]

    var metas: [String: String]
    var ld: JSONLDArticle
    var walk: PageWalk.Metadata
    var url: String?
    var documentTitle: String?

    func choose() -> PublicationChoice {
        // "03/04/2020" is March 4 on American pages: English ones of the US or of a .com site.
        let language = (walk.language ?? metas["og:locale"] ?? "").lowercased().replacingOccurrences(
            of: "_", with: "-")
        let monthFirst =
            language.hasPrefix("en-us")
            || (language.isEmpty || language == "en")
                && (url.flatMap { URL(string: $0)?.host }.map { $0.hasSuffix(".com") } ?? false)
        var markup: [PublicationCandidate] = []
        func add(
            _ raw: String?, _ source: PublishedSource, _ cue: String, to list: inout [PublicationCandidate]
        ) {
            guard let raw, let value = PublicationDate.normalize(raw, monthFirst: monthFirst),
                Self.plausible(value)
            else { return }
            list.append(PublicationCandidate(value: value, source: source, cue: cue))
        }
        add(metas["datepublished"], .meta, "meta itemprop=datePublished", to: &markup)
        for element in walk.datePublishedElements {
            add(
                element["content"] ?? element["datetime"], .timeElement, "itemprop=datePublished element",
                to: &markup)
        }
        add(metas["article:published_time"], .meta, "meta article:published_time", to: &markup)
        add(ld.datePublished, .jsonld, "JSON-LD datePublished", to: &markup)
        for key in Self.publishedMetaKeys.dropFirst(2) { add(metas[key], .meta, "meta \(key)", to: &markup) }
        let preferred = walk.times.filter {
            $0["pubdate"] != nil || $0["itemprop"]?.lowercased() == "datepublished"
        }
        for attributes in preferred + walk.times.prefix(1) {
            add(attributes["datetime"], .timeElement, "<time datetime>", to: &markup)
        }
        var visible: [PublicationCandidate] = []
        if let url, let day = PublicationDate.fromURL(url) {
            visible.append(PublicationCandidate(value: day, source: .url, cue: "URL"))
        }
        var lines: [PublicationCandidate] = []
        // Lines named as publication first, then others after the headline, then the rest (a
        // site's header often shows the day the page was saved).
        let ordered =
            walk.dateLines.filter(\.strong) + walk.dateLines.filter { !$0.strong && $0.afterHeading }
            + walk.dateLines.filter { !$0.strong && !$0.afterHeading }
        // Lines named as publication: the only ones a near-midnight timestamp gives way to.
        var publicationLines: [PublicationCandidate] = []
        for line in ordered where !Self.tellsAnUpdate(line.text) {
            guard let day = DateLineReader.date(in: line.text, monthFirst: monthFirst), Self.plausible(day)
            else {
                continue
            }
            let candidate = PublicationCandidate(
                value: day, source: .text,
                cue: "\(line.strong ? "publication line" : "date line") '\(line.text.prefix(80))'")
            lines.append(candidate)
            if line.strong { publicationLines.append(candidate) }
        }
        add(ld.dateCreated, .jsonld, "JSON-LD dateCreated", to: &lines)
        if let title = documentTitle, let day = DateLineReader.date(in: title, monthFirst: monthFirst) {
            lines.append(PublicationCandidate(value: day, source: .text, cue: "title"))
        }
        var modified: [PublicationCandidate] = []
        add(ld.dateModified, .copyright, "JSON-LD dateModified", to: &modified)
        for key in Self.modifiedMetaKeys { add(metas[key], .copyright, "meta \(key)", to: &modified) }
        // A date far in the future of every other date the page gives (a year on) is a typo or
        // an event's date, not the page's.
        let days = (markup + visible + lines + modified).compactMap { PublicationDate.dayNumber($0.value) }
        func future(_ candidate: PublicationCandidate) -> Bool {
            guard let day = PublicationDate.dayNumber(candidate.value) else { return true }
            let others = days.filter { $0 != day }
            return !others.isEmpty && day > others.max()! + 366
        }
        markup.removeAll(where: future)
        lines.removeAll(where: future)
        let candidates = markup + visible + lines + modified
        return decide(
            markup: markup, visible: visible, lines: lines,
            publicationLines: publicationLines.filter { !future($0) },
            modified: modified, all: candidates)
    }

    private func decide(
        markup: [PublicationCandidate], visible: [PublicationCandidate], lines: [PublicationCandidate],
        publicationLines: [PublicationCandidate], modified: [PublicationCandidate],
        all: [PublicationCandidate]
    ) -> PublicationChoice {
        func choice(_ candidate: PublicationCandidate, _ reason: String) -> PublicationChoice {
            PublicationChoice(
                candidates: all, published: candidate.value, source: candidate.source, reason: reason,
                warning: candidate.source == .copyright
                    ? "no publication date; the page's last-modified date is used" : nil)
        }
        let urlDay = visible.first
        if let first = markup.first {
            if let urlDay, let gap = Self.days(first.value, urlDay.value), abs(gap) > 1 {
                return choice(urlDay, "the URL's day, \(abs(gap)) days from the \(first.cue)")
            }
            // A timestamp near midnight that the page shows on the neighbouring day.
            if Self.nearMidnight(first.value),
                let shown =
                    ([urlDay].compactMap { $0 } + publicationLines)
                    .first(where: {
                        Self.days(first.value, $0.value).map { abs($0) == 1 } ?? false
                    })
            {
                return choice(
                    shown,
                    "the day shown (\(shown.cue)); the \(first.cue) \(first.value) is near midnight in another zone"
                )
            }
            return choice(first, "the most trusted cue (\(first.cue))")
        }
        if let urlDay { return choice(urlDay, "the URL's day; the markup gives none") }
        if let line = lines.first {
            return choice(line, "the first date shown (\(line.cue)); no markup or URL date")
        }
        if let last = modified.first { return choice(last, "a modified date, the last resort (\(last.cue))") }
        return PublicationChoice(
            candidates: all, published: nil, source: .unknown, reason: "no date anywhere on the page",
            warning: nil)
    }

    /// Words of a line that gives the day of an update, not of publication.
    static let updateWords = [
        "updated", "modified", "actualizado", "actualizada", "mis à jour", "mise à jour", "aktualisiert",
        "atualizado", "aggiornato", "обновлено", "оновлено", "bijgewerkt", "güncelleme",
    ]

    static func tellsAnUpdate(_ line: String) -> Bool {
        let lower = line.lowercased()
        return updateWords.contains { lower.contains($0) }
    }

    /// Years before the web's news pages or far ahead are no publication dates.
    static func plausible(_ value: String) -> Bool {
        guard let year = Int(value.prefix(4)) else { return false }
        return (1995...2100).contains(year)
    }

    /// Days from `a` to `b` (by their own calendar days).
    static func days(_ a: String, _ b: String) -> Int? {
        guard let first = PublicationDate.dayNumber(a), let second = PublicationDate.dayNumber(b) else {
            return nil
        }
        return second - first
    }

    /// A time of day within three hours of midnight.
    static func nearMidnight(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count >= 13, bytes[10] == UInt8(ascii: "T"),
            let hour = Int(String(value.dropFirst(11).prefix(2)))
        else { return false }
        return hour >= 21 || hour < 3
    }
}
