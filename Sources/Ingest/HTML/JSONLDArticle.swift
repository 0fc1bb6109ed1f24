import Foundation

/// The article fields of a page's JSON-LD (`NewsArticle`, `Article`, `BlogPosting`, …).
struct JSONLDArticle {
    var headline: String?
    var datePublished: String?
    var dateCreated: String?
    var dateModified: String?
    var author: String?
    var publisher: String?
    var articleBody: String?
    var language: String?
    var url: String?

    private static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
        "opinionnewsarticle", "backgroundnewsarticle", "liveblogposting", "scholarlyarticle",
        "techarticle", "report", "webpage", "socialmediaposting",
    ]

    init(scripts: [String]) {
        var best: [String: Any]?
        var bestRank = Int.max
        for script in scripts {
            // Only scripts that can describe an article are worth a JSON parse.
            guard Self.mentionsArticleType(script) else { continue }
            let trimmed = script.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let data = trimmed.data(using: .utf8),
                let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            for object in Self.objects(in: json) {
                guard let rank = Self.rank(of: object) else { continue }
                if rank < bestRank {
                    best = object
                    bestRank = rank
                }
            }
        }
        guard let best else { return }
        headline = Self.string(best["headline"]) ?? Self.string(best["name"])
        datePublished = Self.string(best["datePublished"])
        dateCreated = Self.string(best["dateCreated"])
        dateModified = Self.string(best["dateModified"])
        author = Self.names(best["author"]).first
        publisher = Self.names(best["publisher"]).first
        articleBody = Self.string(best["articleBody"])
        language = Self.string(best["inLanguage"])
        url = Self.string(best["url"]) ?? Self.names(best["mainEntityOfPage"], key: "@id").first
    }

    private static let typeHints = ["rticle", "BlogPosting", "WebPage", "Report", "Posting"].map {
        Array($0.utf8)
    }

    private static func mentionsArticleType(_ script: String) -> Bool {
        var script = script
        return script.withUTF8 { bytes in typeHints.contains { ByteSearch.contains(bytes, $0) } }
    }

    /// Article types rank before WebPage, so a page's article wins over the page itself.
    private static func rank(of object: [String: Any]) -> Int? {
        let types: [String] =
            if let type = object["@type"] as? String { [type] } else { (object["@type"] as? [String]) ?? [] }
        let lowered = types.map { $0.lowercased() }
        guard let match = lowered.first(where: articleTypes.contains) else { return nil }
        return match == "webpage" ? 1 : 0
    }

    private static func objects(in json: Any) -> [[String: Any]] {
        if let array = json as? [Any] { return array.flatMap(objects(in:)) }
        guard let object = json as? [String: Any] else { return [] }
        var result = [object]
        if let graph = object["@graph"] { result += objects(in: graph) }
        return result
    }

    private static func string(_ value: Any?) -> String? {
        if let text = value as? String {
            let cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return cleaned.isEmpty ? nil : cleaned
        }
        if let array = value as? [Any] { return array.lazy.compactMap { string($0) }.first }
        return nil
    }

    private static func names(_ value: Any?, key: String = "name") -> [String] {
        if let text = string(value) { return [text] }
        if let object = value as? [String: Any] { return string(object[key]).map { [$0] } ?? [] }
        if let array = value as? [Any] { return array.flatMap { names($0, key: key) } }
        return []
    }
}
