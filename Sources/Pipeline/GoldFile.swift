import EventModel
import Foundation

/// A gold file in the `sitrep-gold-1` format of `corpus/gold/*.json` (ANNOTATION.md), read as
/// leniently as the reference scorer (`../shared/tools/common.py`) reads it: a field of an
/// unexpected type is absent, not an error.
public struct GoldFile: Decodable, Sendable {
    public struct GoldArticle: Decodable, Sendable {
        public var file: String
        public var published: String?
        public var outlet: String?

        public init(file: String, published: String? = nil, outlet: String? = nil) {
            self.file = file
            self.published = published
            self.outlet = outlet
        }
    }

    /// A gold date: `start`, `end` (ISO days, either may be missing) and `precision`.
    public struct GoldDate: Decodable, Sendable, Hashable {
        public var start: String?
        public var end: String?
        public var precision: String?

        public init(start: String?, end: String?, precision: String? = nil) {
            self.start = start
            self.end = end
            self.precision = precision
        }
    }

    /// A gold location, as plain values.
    public struct GoldPlace: Decodable, Sendable, Hashable {
        public var name: String?
        public var admin1: String?
        public var country: String?
        public var lat: Double?
        public var lon: Double?
        public var precision: String?

        enum CodingKeys: String, CodingKey { case name, admin1, country, lat, lon, precision }

        public init(
            name: String?, admin1: String? = nil, country: String? = nil, lat: Double? = nil,
            lon: Double? = nil,
            precision: String? = nil
        ) {
            self.name = name
            self.admin1 = admin1
            self.country = country
            self.lat = lat
            self.lon = lon
            self.precision = precision
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try? container.decodeIfPresent(String.self, forKey: .name)
            admin1 = try? container.decodeIfPresent(String.self, forKey: .admin1)
            country = try? container.decodeIfPresent(String.self, forKey: .country)
            lat = try? container.decodeIfPresent(Double.self, forKey: .lat)
            lon = try? container.decodeIfPresent(Double.self, forKey: .lon)
            precision = try? container.decodeIfPresent(String.self, forKey: .precision)
        }
    }

    public struct GoldEvent: Decodable, Sendable {
        public var id: String
        public var sources: [String]
        public var required: Bool
        /// The kind's name as the gold writes it (an unknown kind matches nothing).
        public var kind: String
        public var date: GoldDate?
        public var location: GoldPlace?
        public var killed: Int?
        public var injured: Int?
        public var claimStatus: String?
        public var evidence: String

        enum CodingKeys: String, CodingKey {
            case id, sources, required, kind, date, location, killed, injured, evidence, casualties, claim
            case claimStatus = "claim_status"
        }

        /// Kinds that are optional unless the gold says otherwise.
        public static let optionalKinds: Set<String> = ["statement", "diplomacy", "aid"]

        public init(
            id: String, sources: [String], required: Bool = true, kind: String, date: GoldDate?,
            location: GoldPlace?, killed: Int? = nil, injured: Int? = nil, claimStatus: String? = nil,
            evidence: String = ""
        ) {
            self.id = id
            self.sources = sources
            self.required = required
            self.kind = kind
            self.date = date
            self.location = location
            self.killed = killed
            self.injured = injured
            self.claimStatus = claimStatus
            self.evidence = evidence
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            struct Nested: Decodable {
                struct Count: Decodable { var value: Double? }
                var killed: Count?
                var injured: Count?
                var status: String?
            }
            id =
                (try? container.decodeIfPresent(String.self, forKey: .id))
                ?? (try? container.decodeIfPresent(Int.self, forKey: .id)).map { String($0) } ?? ""
            var seen = Set<String>()
            sources = ((try? container.decodeIfPresent([String].self, forKey: .sources)) ?? []).filter {
                seen.insert($0).inserted
            }
            kind = (try? container.decodeIfPresent(String.self, forKey: .kind)) ?? ""
            required =
                (try? container.decodeIfPresent(Bool.self, forKey: .required)) ?? !Self.optionalKinds
                .contains(kind)
            date = try? container.decodeIfPresent(GoldDate.self, forKey: .date)
            location = try? container.decodeIfPresent(GoldPlace.self, forKey: .location)
            let casualties = try? container.decodeIfPresent(Nested.self, forKey: .casualties)
            killed =
                container.contains(.killed)
                ? Self.count(container, .killed) : casualties?.killed?.value.map { Int($0) }
            injured =
                container.contains(.injured)
                ? Self.count(container, .injured) : casualties?.injured?.value.map { Int($0) }
            claimStatus =
                (try? container.decodeIfPresent(String.self, forKey: .claimStatus))
                ?? (try? container.decodeIfPresent(Nested.self, forKey: .claim))?.status
            evidence = (try? container.decodeIfPresent(String.self, forKey: .evidence)) ?? ""
        }

        /// A count written as a number or as `{"value": n}`.
        private static func count(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) -> Int?
        {
            struct Wrapped: Decodable { var value: Double? }
            if let number = try? container.decodeIfPresent(Double.self, forKey: key) { return Int(number) }
            if let wrapped = try? container.decodeIfPresent(Wrapped.self, forKey: key) {
                return wrapped.value.map { Int($0) }
            }
            return nil
        }
    }

    public var articles: [GoldArticle]
    public var events: [GoldEvent]

    public init(articles: [GoldArticle], events: [GoldEvent]) {
        self.articles = articles
        self.events = events
    }

    /// Every article the file names, its list first, then those only events cite.
    public var articleFiles: [String] {
        var seen = Set<String>()
        var files: [String] = []
        for file in articles.map(\.file) + events.flatMap(\.sources) where seen.insert(file).inserted {
            files.append(file)
        }
        return files
    }

    public func article(_ file: String) -> GoldArticle {
        articles.first { $0.file == file } ?? GoldArticle(file: file)
    }
}
