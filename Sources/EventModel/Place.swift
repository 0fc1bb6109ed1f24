/// How precisely a place is known.
public enum PlacePrecision: String, Codable, Hashable, Sendable, CaseIterable {
    case exact, near, region, country, water, unknown
}

/// Where an event happened, resolved against the gazetteer.
public struct Place: Codable, Hashable, Sendable {
    public var name: String
    /// First-level region, e.g. "Bryansk Oblast".
    public var admin1: String?
    /// ISO 3166-1 alpha-2.
    public var country: String?
    public var lat: Double?
    public var lon: Double?
    public var precision: PlacePrecision
    public var geonamesID: Int?
    /// The words it came from, e.g. "outside Kupiansk".
    public var text: String?

    public init(
        name: String, admin1: String? = nil, country: String? = nil, lat: Double? = nil,
        lon: Double? = nil, precision: PlacePrecision, geonamesID: Int? = nil, text: String? = nil
    ) {
        self.name = name
        self.admin1 = admin1
        self.country = country
        self.lat = lat
        self.lon = lon
        self.precision = precision
        self.geonamesID = geonamesID
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case name, admin1, country, lat, lon, precision
        case geonamesID = "geonames_id"
        case text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(admin1, forKey: .admin1)
        try container.encode(country, forKey: .country)
        try container.encode(lat, forKey: .lat)
        try container.encode(lon, forKey: .lon)
        try container.encode(precision, forKey: .precision)
        try container.encodeIfPresent(geonamesID, forKey: .geonamesID)
        try container.encodeIfPresent(text, forKey: .text)
    }
}
