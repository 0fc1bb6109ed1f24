/// Classes of weapon, coarse enough to compare across reports.
public enum WeaponClass: String, Codable, Hashable, Sendable, CaseIterable {
    case ballisticMissile = "ballistic_missile"
    case cruiseMissile = "cruise_missile"
    case missile, rocket, drone, aircraft
    case glideBomb = "glide_bomb"
    case artillery, mortar
    case armoredVehicle = "armored_vehicle"
    case smallArms = "small_arms"
    case explosive, chemical, other
}

/// A weapon an event used, with how many when the text says.
public struct Weapon: Codable, Hashable, Sendable {
    public var name: String?
    public var weaponClass: WeaponClass
    public var count: Int?

    public init(name: String? = nil, weaponClass: WeaponClass, count: Int? = nil) {
        self.name = name
        self.weaponClass = weaponClass
        self.count = count
    }

    enum CodingKeys: String, CodingKey {
        case name
        case weaponClass = "class"
        case count
    }
}
