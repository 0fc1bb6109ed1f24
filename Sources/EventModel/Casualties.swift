/// One casualty figure: the lowest reported (ACLED's rule), the highest, children among them.
public struct CasualtyCount: Codable, Hashable, Sendable {
    public var value: Int
    public var max: Int?
    public var children: Int?
    public var text: String?

    public init(value: Int, max: Int? = nil, children: Int? = nil, text: String? = nil) {
        self.value = value
        self.max = max
        self.children = children
        self.text = text
    }
}

/// People killed, injured, missing and captured; a nil figure means the text gives none.
public struct Casualties: Codable, Hashable, Sendable {
    public var killed: CasualtyCount?
    public var injured: CasualtyCount?
    public var missing: CasualtyCount?
    public var captured: CasualtyCount?

    public init(
        killed: CasualtyCount? = nil, injured: CasualtyCount? = nil,
        missing: CasualtyCount? = nil, captured: CasualtyCount? = nil
    ) {
        self.killed = killed
        self.injured = injured
        self.missing = missing
        self.captured = captured
    }

    public var isEmpty: Bool { killed == nil && injured == nil && missing == nil && captured == nil }
}
