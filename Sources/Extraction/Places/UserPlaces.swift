import Foundation

/// Places a user adds from GeoNames dumps for villages the bundled gazetteer lacks, and the file
/// they are kept in: one place a line, tab-separated — GeoNames id, name, latitude, longitude,
/// population, country, the index of its region in the bundled gazetteer (or -1), then its
/// normalized names separated by `|`.
public enum UserPlaces {
    /// A populated place read from a GeoNames dump.
    public struct Imported: Hashable, Sendable {
        public var geonamesID: Int
        public var name: String
        public var latitude: Double
        public var longitude: Double
        public var population: Int
        public var country: String
        public var names: Set<String>
    }

    public struct ImportReport: Sendable {
        public var places = 0
        public var alternateNames = 0
        public var skippedLines = 0

        public init() {}
    }

    /// Reads a GeoNames dump (`UA.txt`, `allCountries.txt`: 19 tab-separated columns) and keeps
    /// its populated places (feature class P) with their names.
    public static func readDump(_ url: URL) throws -> (places: [Imported], skipped: Int) {
        var places: [Imported] = []
        var skipped = 0
        try forEachLine(url) { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 15, let id = Int(columns[0]), let latitude = Double(columns[4]),
                let longitude = Double(columns[5]), (-90...90).contains(latitude),
                (-180...180).contains(longitude)
            else {
                skipped += 1
                return
            }
            guard columns[6] == "P" else { return }
            var names: Set<String> = [String(columns[1]), String(columns[2])]
            for alternate in columns[3].split(separator: ",") where alternate.count >= 3 {
                names.insert(String(alternate))
            }
            places.append(
                Imported(
                    geonamesID: id, name: String(columns[1]), latitude: latitude, longitude: longitude,
                    population: Int(columns[14]) ?? 0, country: String(columns[8]), names: names))
        }
        return (places, skipped)
    }

    /// Adds names from `alternateNamesV2.txt` (alternate-name id, GeoNames id, language, name, …)
    /// to the places imported; links, postal codes and airport codes are left out.
    public static func addAlternateNames(_ url: URL, to places: inout [Imported]) throws -> Int {
        var index: [Int: Int] = [:]
        for (position, place) in places.enumerated() { index[place.geonamesID] = position }
        var added = 0
        try forEachLine(url) { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 4, let id = Int(columns[1]), let position = index[id] else { return }
            let language = columns[2]
            guard !["link", "post", "iata", "icao", "faac", "wkdt", "unlc", "abbr"].contains(language) else {
                return
            }
            if places[position].names.insert(String(columns[3])).inserted { added += 1 }
        }
        return added
    }

    /// Writes places to a user places file, atomically, regions linked to the bundled gazetteer
    /// through the nearest bundled place of the same country.
    public static func write(_ places: [Imported], to url: URL, gazetteer: Gazetteer = .bundled) throws {
        var lines: [String] = []
        let anchors = regionAnchors(in: gazetteer, countries: Set(places.map(\.country)))
        for place in places.sorted(by: { $0.geonamesID < $1.geonamesID }) {
            let region = nearestRegion(of: place, anchors: anchors[place.country] ?? []) ?? -1
            let keys = Set(place.names.map(NameKey.normalize).filter { $0.count >= 2 }).sorted()
            lines.append(
                [
                    String(place.geonamesID), place.name.replacingOccurrences(of: "\t", with: " "),
                    String(place.latitude), String(place.longitude), String(place.population), place.country,
                    String(region), keys.joined(separator: "|"),
                ].joined(separator: "\t"))
        }
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url, options: .atomic)
    }

    /// The places already in a user places file, to merge a new import with.
    public static func readImported(_ url: URL) throws -> [Imported] {
        try read(url, firstIndex: 0).map { keys, place in
            Imported(
                geonamesID: place.geonamesID ?? 0, name: place.name, latitude: place.latitude,
                longitude: place.longitude, population: place.population, country: place.country, names: keys)
        }
    }

    /// Reads a user places file: each place with its keys, indexed after the bundled places.
    static func read(_ url: URL, firstIndex: Int) throws -> [(Set<String>, GazetteerPlace)] {
        var result: [(Set<String>, GazetteerPlace)] = []
        try forEachLine(url) { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 8, let id = Int(columns[0]), let latitude = Double(columns[2]),
                let longitude = Double(columns[3]), let population = Int(columns[4]),
                let region = Int(columns[6])
            else { return }
            let place = GazetteerPlace(
                index: firstIndex + result.count, geonamesID: id, name: String(columns[1]),
                latitude: latitude,
                longitude: longitude, population: population, kind: .place, country: String(columns[5]),
                regionIndex: region < 0 ? nil : region)
            result.append((Set(columns[7].split(separator: "|").map(String.init)), place))
        }
        return result
    }

    private struct Anchor {
        var latitude: Double
        var longitude: Double
        var region: Int
    }

    /// The bundled places of the given countries that know their region, read once per import.
    private static func regionAnchors(in gazetteer: Gazetteer, countries: Set<String>) -> [String: [Anchor]] {
        var anchors: [String: [Anchor]] = [:]
        for index in 0..<gazetteer.placeCount {
            let place = gazetteer.place(index)
            guard place.kind == .place, countries.contains(place.country), let region = place.regionIndex
            else { continue }
            anchors[place.country, default: []].append(
                Anchor(latitude: place.latitude, longitude: place.longitude, region: region))
        }
        return anchors
    }

    /// The region of the nearest bundled place: a village lies in the region of the town nearby.
    private static func nearestRegion(of place: Imported, anchors: [Anchor]) -> Int? {
        var best: (distance: Double, region: Int)?
        for anchor in anchors {
            let dLat = anchor.latitude - place.latitude
            let dLon = (anchor.longitude - place.longitude) * cos(place.latitude * .pi / 180)
            let distance = dLat * dLat + dLon * dLon
            if best == nil || distance < best!.distance { best = (distance, anchor.region) }
        }
        return best?.region
    }

    private static func forEachLine(_ url: URL, _ body: (Substring) -> Void) throws {
        let data = try Data(contentsOf: url, options: .alwaysMapped)
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            body(line)
        }
    }
}
