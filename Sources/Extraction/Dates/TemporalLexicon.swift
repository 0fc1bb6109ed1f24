import Foundation

/// The words the date tagger reads, from `Resources/temporal.json`.
struct TemporalLexicon: Decodable, Sendable {
    struct Season: Decodable, Sendable {
        var code: String
        var months: [Int]
    }

    var months: [String: Int]
    var weekdays: [String: Int]
    var units: [String: String]
    var partsOfDay: [String: String]
    var seasons: [String: Season]
    var numbers: [String: Int]
    var ordinals: [String: Int]
    var futureCues: [String]
    var reportingVerbs: [String]
    var presentWords: [String]
    var pastWords: [String]
    var futureWords: [String]
    var setWords: [String: String]
    var countNouns: Set<String>

    static let bundled: TemporalLexicon = {
        guard let url = Bundle.module.url(forResource: "temporal", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let lexicon = try? JSONDecoder().decode(TemporalLexicon.self, from: data)
        else { preconditionFailure("Extraction's bundled temporal.json is missing or malformed") }
        return lexicon
    }()
}
