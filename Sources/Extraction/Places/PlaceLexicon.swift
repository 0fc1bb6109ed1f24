import Foundation

/// The rules for reading place names (`Resources/places.json`) and the demonyms that tie an
/// article to countries (`Resources/demonyms.json`).
struct PlaceLexicon: Sendable {
    var notPlaces: Set<String>
    var titles: Set<String>
    var organizationHeads: Set<String>
    /// Near cues as word lists, longest first.
    var nearCues: [[String]]
    var regionWords: Set<String>
    /// "northern", "central": before a name, a part of an area ("northern Gaza").
    var compassWords: Set<String>
    var particles: Set<String>
    var demonyms: [String: String]
    /// Verbs after a place that make it the subject, an actor: "Tehran said", "Kyiv has denied".
    var subjectVerbs: Set<String>
    /// Names of armed groups and institutions (`actors.json`): never places.
    var actorNames: Set<String>
    /// Each country's capital by country code (`capitals.json`, from GeoNames).
    var capitals: [String: String]
    /// "the tanker X": the name after one of these is a ship's.
    var shipWords: Set<String>
    /// "the X family", "X missiles": a name before one of these is not a place.
    var notPlaceAfter: Set<String>
    /// "the village of X", "X camp": a name the gazetteer lacks is a settlement all the same.
    var settlementWords: Set<String>
    /// The country of each named group whose country is known (`actors.json`): "RSF" → SD.
    var actorCountries: [String: String]

    private struct Rules: Decodable {
        var notPlaces: [String]
        var titles: [String]
        var organizationHeads: [String]
        var nearCues: [String]
        var regionWords: [String]
        var compassWords: [String]
        var particles: [String]
        var subjectVerbs: [String]
        var shipWords: [String]
        var notPlaceAfter: [String]
        var settlementWords: [String]
    }

    static let bundled: PlaceLexicon = {
        guard let rulesURL = Bundle.module.url(forResource: "places", withExtension: "json"),
            let demonymURL = Bundle.module.url(forResource: "demonyms", withExtension: "json"),
            let actorURL = Bundle.module.url(forResource: "actors", withExtension: "json"),
            let actorData = try? Data(contentsOf: actorURL),
            let actorTable = try? JSONSerialization.jsonObject(with: actorData) as? [String: Any],
            let named = actorTable["named"] as? [String: Any],
            let rulesData = try? Data(contentsOf: rulesURL),
            let demonymData = try? Data(contentsOf: demonymURL),
            let rules = try? JSONDecoder().decode(Rules.self, from: rulesData),
            let table = try? JSONSerialization.jsonObject(with: demonymData) as? [String: Any],
            let capitalURL = Bundle.module.url(forResource: "capitals", withExtension: "json"),
            let capitalData = try? Data(contentsOf: capitalURL),
            let capitals = try? JSONDecoder().decode([String: String].self, from: capitalData)
        else {
            preconditionFailure("Extraction's bundled places.json or demonyms.json is missing or malformed")
        }
        var demonyms: [String: String] = [:]
        for (key, value) in table where !key.hasPrefix("_") {
            if let code = value as? String { demonyms[key] = code }
        }
        return PlaceLexicon(
            notPlaces: Set(rules.notPlaces), titles: Set(rules.titles),
            organizationHeads: Set(rules.organizationHeads),
            nearCues: rules.nearCues.map { $0.split(separator: " ").map(String.init) }.sorted {
                $0.count > $1.count
            },
            regionWords: Set(rules.regionWords), compassWords: Set(rules.compassWords),
            particles: Set(rules.particles), demonyms: demonyms,
            subjectVerbs: Set(rules.subjectVerbs), actorNames: Set(named.keys.map(NameKey.normalize)),
            capitals: capitals, shipWords: Set(rules.shipWords), notPlaceAfter: Set(rules.notPlaceAfter),
            settlementWords: Set(rules.settlementWords),
            actorCountries: Dictionary(
                named.compactMap { key, value -> (String, String)? in
                    guard let pair = value as? [Any], pair.count > 1, let code = pair[1] as? String else {
                        return nil
                    }
                    return (NameKey.normalize(key), code)
                }, uniquingKeysWith: { first, _ in first }))
    }()

    /// The country of a demonym at a token, one word ("Iraqi") or two ("Sri Lankan", "South
    /// Sudanese") whichever of its words the token is.
    func demonym(_ tokens: [Token], at i: Int) -> String? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return nil }
        if i + 1 < tokens.count, let code = demonyms[tokens[i].lower + " " + tokens[i + 1].lower] {
            return code
        }
        if i > 0, let code = demonyms[tokens[i - 1].lower + " " + tokens[i].lower] { return code }
        return demonyms[tokens[i].lower]
    }
}
