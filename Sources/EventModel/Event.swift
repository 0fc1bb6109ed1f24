/// One thing that happened at one place, on one date or date range, between one set of actors.
public struct Event: Codable, Hashable, Sendable {
    public var id: EventID
    public var kind: EventKind
    public var headline: String
    public var summary: String?
    public var acled: ACLEDCoding?
    public var date: EventDate
    public var location: Place?
    public var actors: [Actor]
    public var weapons: [Weapon]
    public var casualties: Casualties?
    /// Other counts, e.g. `["villages": 2, "explosions": 161]`.
    public var quantities: [String: Int]?
    /// e.g. residential, energy, water, hospital.
    public var targets: [String]
    public var outcome: Outcome?
    public var claim: Claim
    /// In [0, 1].
    public var confidence: Double
    public var confidenceFactors: [ConfidenceFactor]
    /// Earliest publication time among the sources.
    public var firstReported: String?
    public var sources: [Source]
    public var tags: [String]

    public init(
        id: EventID, kind: EventKind, headline: String, summary: String? = nil,
        acled: ACLEDCoding? = nil, date: EventDate, location: Place? = nil, actors: [Actor] = [],
        weapons: [Weapon] = [], casualties: Casualties? = nil, quantities: [String: Int]? = nil,
        targets: [String] = [], outcome: Outcome? = nil, claim: Claim, confidence: Double,
        confidenceFactors: [ConfidenceFactor] = [], firstReported: String? = nil,
        sources: [Source], tags: [String] = []
    ) {
        self.id = id
        self.kind = kind
        self.headline = headline
        self.summary = summary
        self.acled = acled
        self.date = date
        self.location = location
        self.actors = actors
        self.weapons = weapons
        self.casualties = casualties
        self.quantities = quantities
        self.targets = targets
        self.outcome = outcome
        self.claim = claim
        self.confidence = confidence
        self.confidenceFactors = confidenceFactors
        self.firstReported = firstReported
        self.sources = sources
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, headline, summary, acled, date, location, actors, weapons, casualties
        case quantities, targets, outcome, claim, confidence
        case confidenceFactors = "confidence_factors"
        case firstReported = "first_reported"
        case sources, tags
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(EventID.self, forKey: .id)
        kind = try container.decode(EventKind.self, forKey: .kind)
        headline = try container.decode(String.self, forKey: .headline)
        summary = try container.decodeIfPresent(String.self, forKey: .summary)
        acled = try container.decodeIfPresent(ACLEDCoding.self, forKey: .acled)
        date = try container.decode(EventDate.self, forKey: .date)
        location = try container.decodeIfPresent(Place.self, forKey: .location)
        actors = try container.decode([Actor].self, forKey: .actors)
        weapons = try container.decodeIfPresent([Weapon].self, forKey: .weapons) ?? []
        casualties = try container.decodeIfPresent(Casualties.self, forKey: .casualties)
        quantities = try container.decodeIfPresent([String: Int].self, forKey: .quantities)
        targets = try container.decodeIfPresent([String].self, forKey: .targets) ?? []
        outcome = try container.decodeIfPresent(Outcome.self, forKey: .outcome)
        claim = try container.decode(Claim.self, forKey: .claim)
        confidence = try container.decode(Double.self, forKey: .confidence)
        confidenceFactors =
            try container.decodeIfPresent([ConfidenceFactor].self, forKey: .confidenceFactors) ?? []
        firstReported = try container.decodeIfPresent(String.self, forKey: .firstReported)
        sources = try container.decode([Source].self, forKey: .sources)
        tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
    }

    /// Writes every field, required nullable ones (`acled`, `location`) as explicit nulls.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(headline, forKey: .headline)
        try container.encode(summary, forKey: .summary)
        try container.encode(acled, forKey: .acled)
        try container.encode(date, forKey: .date)
        try container.encode(location, forKey: .location)
        try container.encode(actors, forKey: .actors)
        try container.encode(weapons, forKey: .weapons)
        try container.encode(casualties, forKey: .casualties)
        try container.encode(quantities, forKey: .quantities)
        try container.encode(targets, forKey: .targets)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(claim, forKey: .claim)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(confidenceFactors, forKey: .confidenceFactors)
        try container.encode(firstReported, forKey: .firstReported)
        try container.encode(sources, forKey: .sources)
        try container.encode(tags, forKey: .tags)
    }
}
