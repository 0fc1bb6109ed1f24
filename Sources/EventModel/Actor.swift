/// ACLED's actor types.
public enum ActorType: String, Codable, Hashable, Sendable, CaseIterable {
    case stateForces = "state_forces"
    case rebelGroup = "rebel_group"
    case politicalMilitia = "political_militia"
    case identityMilitia = "identity_militia"
    case rioters, protesters, civilians
    case externalForces = "external_forces"
    case government
    case internationalOrganization = "international_organization"
    case other
}

/// What part an actor plays in an event.
public enum ActorRole: String, Codable, Hashable, Sendable, CaseIterable {
    case initiator, target, claimant, other
}

/// Someone taking part in an event, named as the text names them.
public struct Actor: Codable, Hashable, Sendable {
    public var name: String
    public var country: String?
    public var type: ActorType?
    public var role: ActorRole

    public init(name: String, country: String? = nil, type: ActorType? = nil, role: ActorRole) {
        self.name = name
        self.country = country
        self.type = type
        self.role = role
    }
}
