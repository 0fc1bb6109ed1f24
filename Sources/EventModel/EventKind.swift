/// The kinds of event Sitrep codes, as `ANNOTATION.md` defines them.
public enum EventKind: String, Codable, Hashable, Sendable, CaseIterable {
    case armedClash = "armed_clash"
    case territoryCaptured = "territory_captured"
    case territoryTransferred = "territory_transferred"
    case incursion
    case airStrike = "air_strike"
    case droneStrike = "drone_strike"
    case missileStrike = "missile_strike"
    case shelling
    case explosiveDevice = "explosive_device"
    case suicideBombing = "suicide_bombing"
    case grenadeAttack = "grenade_attack"
    case chemicalAttack = "chemical_attack"
    case attackOnCivilians = "attack_on_civilians"
    case abduction
    case sexualViolence = "sexual_violence"
    case weaponsDisrupted = "weapons_disrupted"
    case arrest
    case looting
    case baseEstablished = "base_established"
    case groupChange = "group_change"
    case agreement
    case strategicOther = "strategic_other"
    case peacefulProtest = "peaceful_protest"
    case protestWithIntervention = "protest_with_intervention"
    case excessiveForceAgainstProtesters = "excessive_force_against_protesters"
    case violentDemonstration = "violent_demonstration"
    case mobViolence = "mob_violence"
    case statement
    case diplomacy
    case aid

    /// The family of the kind, after ACLED's event types.
    public var family: EventFamily {
        switch self {
        case .airStrike, .droneStrike, .missileStrike, .shelling, .explosiveDevice, .suicideBombing,
            .grenadeAttack, .chemicalAttack:
            .remoteViolence
        case .armedClash, .territoryCaptured, .territoryTransferred, .incursion: .battles
        case .attackOnCivilians, .abduction, .sexualViolence: .violenceAgainstCivilians
        case .peacefulProtest, .protestWithIntervention, .excessiveForceAgainstProtesters,
            .violentDemonstration, .mobViolence:
            .protestsAndRiots
        case .statement, .diplomacy, .aid: .communication
        default: .strategicDevelopments
        }
    }

    /// Statements, diplomacy and aid are kept apart from violent and strategic events.
    public var isCommunication: Bool {
        switch self {
        case .statement, .diplomacy, .aid: true
        default: false
        }
    }
}

/// Families of kinds, after ACLED's event types (protests and riots together); statements,
/// diplomacy and aid are a family of their own.
public enum EventFamily: String, CaseIterable, Hashable, Sendable {
    case remoteViolence, battles, violenceAgainstCivilians, protestsAndRiots, strategicDevelopments,
        communication

    /// The four families of political violence and protest.
    public var isViolenceOrProtest: Bool { self != .strategicDevelopments && self != .communication }
}

/// An event's place in ACLED's taxonomy; nil on an event of a kind ACLED does not code.
public struct ACLEDCoding: Codable, Hashable, Sendable {
    public var eventType: String
    public var subEventType: String
    /// ACLED's time precision: 1 day, 2 within a week, 3 month.
    public var timePrecision: Int?
    /// ACLED's geo precision: 1 the town, 2 near a town or part of a region, 3 a larger region.
    public var geoPrecision: Int?

    public init(eventType: String, subEventType: String, timePrecision: Int? = nil, geoPrecision: Int? = nil)
    {
        self.eventType = eventType
        self.subEventType = subEventType
        self.timePrecision = timePrecision
        self.geoPrecision = geoPrecision
    }

    enum CodingKeys: String, CodingKey {
        case eventType = "event_type"
        case subEventType = "sub_event_type"
        case timePrecision = "time_precision"
        case geoPrecision = "geo_precision"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(eventType, forKey: .eventType)
        try container.encode(subEventType, forKey: .subEventType)
        try container.encode(timePrecision, forKey: .timePrecision)
        try container.encode(geoPrecision, forKey: .geoPrecision)
    }
}
