/// How an event is asserted: by the outlet, by one party, by both.
public enum ClaimStatus: String, Codable, Hashable, Sendable, CaseIterable {
    case reported, claimed, disputed, denied, confirmed
}

/// Who asserts an event and who denies it.
public struct Claim: Codable, Hashable, Sendable {
    public var status: ClaimStatus
    public var claimedBy: [String]
    public var deniedBy: [String]

    public init(status: ClaimStatus, claimedBy: [String] = [], deniedBy: [String] = []) {
        self.status = status
        self.claimedBy = claimedBy
        self.deniedBy = deniedBy
    }

    enum CodingKeys: String, CodingKey {
        case status
        case claimedBy = "claimed_by"
        case deniedBy = "denied_by"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decode(ClaimStatus.self, forKey: .status)
        claimedBy = try container.decodeIfPresent([String].self, forKey: .claimedBy) ?? []
        deniedBy = try container.decodeIfPresent([String].self, forKey: .deniedBy) ?? []
    }
}

/// One reason an event's confidence is what it is, with its signed weight.
public struct ConfidenceFactor: Codable, Hashable, Sendable {
    public var factor: String
    public var weight: Double

    public init(factor: String, weight: Double) {
        self.factor = factor
        self.weight = weight
    }
}

/// What an event did to its target.
public enum Outcome: String, Codable, Hashable, Sendable, CaseIterable {
    case completed, attempted, repelled, intercepted, ongoing
}
