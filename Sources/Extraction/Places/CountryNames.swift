/// Country names by ISO code, for turning a demonym's country into a gazetteer place.
enum CountryNames {
    static func names(for code: String) -> [String] { table[code] ?? [] }

    /// Countries are stored after places and regions: the tail of the file is scanned once.
    private static let table: [String: [String]] = {
        let gazetteer = Gazetteer.bundled
        var result: [String: [String]] = [:]
        var index = gazetteer.placeCount - 1
        while index >= 0 {
            let place = gazetteer.place(index)
            if place.kind == .country { result[place.country, default: []].append(place.name) }
            if place.kind == .region || place.kind == .place { break }
            index -= 1
        }
        return result
    }()
}
