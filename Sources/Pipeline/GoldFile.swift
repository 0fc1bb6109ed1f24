import EventModel
import Foundation

/// A gold file in the `sitrep-gold-1` format of `corpus/gold/*.json` (ANNOTATION.md).
public struct GoldFile: Decodable, Sendable {
    public struct GoldArticle: Decodable, Sendable {
        public var file: String
        public var published: String?
        public var outlet: String?
    }

    public struct GoldEvent: Decodable, Sendable {
        public var id: String
        public var sources: [String]
        public var required: Bool
        public var kind: EventKind
        public var date: EventDate
        public var location: Place?
        public var killed: Int?
        public var injured: Int?
        public var claimStatus: ClaimStatus?
        public var evidence: String?

        enum CodingKeys: String, CodingKey {
            case id, sources, required, kind, date, location, killed, injured, evidence
            case claimStatus = "claim_status"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            sources = try container.decode([String].self, forKey: .sources)
            required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? true
            kind = try container.decode(EventKind.self, forKey: .kind)
            date = try container.decode(EventDate.self, forKey: .date)
            location = try? container.decodeIfPresent(Place.self, forKey: .location)
            killed = try? container.decodeIfPresent(Int.self, forKey: .killed)
            injured = try? container.decodeIfPresent(Int.self, forKey: .injured)
            claimStatus = try? container.decodeIfPresent(ClaimStatus.self, forKey: .claimStatus)
            evidence = try? container.decodeIfPresent(String.self, forKey: .evidence)
        }
    }

    public var articles: [GoldArticle]
    public var events: [GoldEvent]
}
