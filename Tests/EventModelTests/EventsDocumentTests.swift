import EventModel
import Foundation
import TestSupport
import Testing

/// The gold events of the seed story, decoded from `Fixtures/seeds.json`.
private struct GoldFile: Decodable {
    struct GoldArticle: Decodable {
        var file: String
        var published: String
        var outlet: String
    }

    struct GoldEvent: Decodable {
        struct GoldWeapon: Decodable {
            var name: String?
            var `class`: String
            var count: Int?
        }

        var id: String
        var sources: [String]
        var kind: String
        var date: EventDate
        var location: Place?
        var initiator: [String]
        var target: [String]
        var quantities: [String: Int]?
        var claimStatus: String
        var weapons: [GoldWeapon]?
        var injured: Int?
        var injuredChildren: Int?
        var killed: Int?
        var targets: [String]?
        var outcome: String?
        var evidence: String

        enum CodingKeys: String, CodingKey {
            case id, sources, kind, date, location, initiator, target, quantities, weapons, injured, killed,
                targets
            case outcome, evidence
            case claimStatus = "claim_status"
            case injuredChildren = "injured_children"
        }
    }

    var articles: [GoldArticle]
    var events: [GoldEvent]
}

struct EventsDocumentTests {
    private func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try Data(contentsOf: url)
    }

    /// ACLED codings for the kinds in the seed gold (the full crosswalk is a resource of Extraction).
    private let acled: [EventKind: ACLEDCoding] = [
        .territoryCaptured: ACLEDCoding(
            eventType: "Battles", subEventType: "Government regains territory", timePrecision: 1,
            geoPrecision: 2),
        .missileStrike: ACLEDCoding(
            eventType: "Explosions/Remote violence", subEventType: "Shelling/artillery/missile attack",
            timePrecision: 1, geoPrecision: 1),
        .droneStrike: ACLEDCoding(
            eventType: "Explosions/Remote violence", subEventType: "Air/drone strike", timePrecision: 1,
            geoPrecision: 3),
        .shelling: ACLEDCoding(
            eventType: "Explosions/Remote violence", subEventType: "Shelling/artillery/missile attack",
            timePrecision: 1, geoPrecision: 3),
        .incursion: ACLEDCoding(
            eventType: "Battles", subEventType: "Armed clash", timePrecision: 1, geoPrecision: 3),
        .weaponsDisrupted: ACLEDCoding(
            eventType: "Strategic developments", subEventType: "Disrupted weapons use", timePrecision: 1,
            geoPrecision: 3),
    ]

    private func seedDocument() throws -> EventsDocument {
        let gold = try JSONDecoder().decode(GoldFile.self, from: try fixture("seeds.json"))
        let articles = gold.articles.map { article in
            ArticleMetadata(
                id: ArticleID(article.file), path: article.file, outlet: article.outlet,
                published: article.published,
                publishedSource: .frontMatter, wordCount: 600)
        }
        let events = try gold.events.map { gold -> Event in
            let kind = try #require(EventKind(rawValue: gold.kind))
            let weapons = try (gold.weapons ?? []).map { weapon in
                Weapon(
                    name: weapon.name, weaponClass: try #require(WeaponClass(rawValue: weapon.class)),
                    count: weapon.count)
            }
            var casualties: Casualties?
            if gold.injured != nil || gold.killed != nil {
                casualties = Casualties(
                    killed: gold.killed.map { CasualtyCount(value: $0) },
                    injured: gold.injured.map { CasualtyCount(value: $0, children: gold.injuredChildren) })
            }
            return Event(
                id: EventID(gold.id), kind: kind, headline: gold.evidence, acled: acled[kind],
                date: gold.date,
                location: gold.location,
                actors: gold.initiator.map { Actor(name: $0, role: .initiator) }
                    + gold.target.map { Actor(name: $0, role: .target) },
                weapons: weapons, casualties: casualties, quantities: gold.quantities,
                targets: gold.targets ?? [],
                outcome: gold.outcome.flatMap(Outcome.init(rawValue:)),
                claim: Claim(status: try #require(ClaimStatus(rawValue: gold.claimStatus))), confidence: 0.5,
                confidenceFactors: [ConfidenceFactor(factor: "gold", weight: 0.5)],
                firstReported: "2025-03-15",
                sources: gold.sources.map { Source(articleID: ArticleID($0), quote: gold.evidence) })
        }
        return EventsDocument(articles: articles, events: events)
    }

    @Test func seedEventsRoundTripByteForByte() throws {
        let document = try seedDocument()
        #expect(document.events.count == 17)
        let encoded = try SitrepJSON.encode(document)
        let decoded = try SitrepJSON.decode(EventsDocument.self, from: encoded)
        #expect(decoded == document)
        #expect(try SitrepJSON.encode(decoded) == encoded)
    }

    @Test func encodedSeedEventsConformToTheSchema() throws {
        let validator = try SchemaValidator(schema: try fixture("events.schema.json"))
        let encoded = try SitrepJSON.encode(try seedDocument())
        let json = try JSONSerialization.jsonObject(with: encoded)
        #expect(validator.violations(of: json) == [])
    }

    @Test func validatorReportsMissingFieldsAndUnknownEnums() throws {
        let validator = try SchemaValidator(schema: try fixture("events.schema.json"))
        var document = try #require(
            try JSONSerialization.jsonObject(with: try SitrepJSON.encode(try seedDocument()))
                as? [String: Any])
        var events = try #require(document["events"] as? [[String: Any]])
        events[0]["kind"] = "picnic"
        events[1].removeValue(forKey: "claim")
        document["events"] = events
        let problems = validator.violations(of: document)
        #expect(problems.contains { $0.hasPrefix("$.events[0].kind:") })
        #expect(problems.contains("$.events[1]: missing required 'claim'"))
    }

    @Test func nullableRequiredFieldsAreWrittenAsNull() throws {
        let event = Event(
            id: EventID("e1"), kind: .statement, headline: "A statement", date: .unknown,
            claim: Claim(status: .reported), confidence: 0.2,
            sources: [Source(articleID: ArticleID("a"), quote: "q")])
        let json = try #require(
            try JSONSerialization.jsonObject(with: try SitrepJSON.encode(event)) as? [String: Any])
        #expect(json["location"] is NSNull)
        #expect(json["acled"] is NSNull)
        let date = try #require(json["date"] as? [String: Any])
        #expect(date["start"] is NSNull)
        #expect(date["precision"] as? String == "unknown")
    }

    @Test func everyKindHasItsSchemaName() throws {
        let schema = try #require(
            try JSONSerialization.jsonObject(with: try fixture("events.schema.json")) as? [String: Any])
        let defs = try #require(schema["$defs"] as? [String: Any])
        let event = try #require(defs["event"] as? [String: Any])
        let properties = try #require(event["properties"] as? [String: Any])
        let kind = try #require(properties["kind"] as? [String: Any])
        let names = try #require(kind["enum"] as? [String])
        #expect(Set(EventKind.allCases.map(\.rawValue)) == Set(names))
        #expect(EventKind.allCases.count == 30)
    }
}
