import Foundation

/// A place the gazetteer knows: a populated place, a first-level region, a country or a body
/// of water.
public struct GazetteerPlace: Hashable, Sendable {
    public enum Kind: UInt8, Sendable { case place = 0, region = 1, country = 2, water = 3 }

    public var index: Int
    public var geonamesID: Int?
    public var name: String
    public var latitude: Double
    public var longitude: Double
    public var population: Int
    public var kind: Kind
    /// ISO 3166-1 alpha-2.
    public var country: String
    /// The index of its first-level region (its own index for a first-level region), if known.
    public var regionIndex: Int?
    /// A second-level district ("Kurram District", "Bakhmut Raion"): `kind` is `.region` and
    /// `regionIndex` its first-level region.
    public var isDistrict = false
}

/// GeoNames places (cities of 500+ people with their Latin and Cyrillic names), first-level
/// regions with their English forms, countries and seas, read from a compact binary file that is
/// memory-mapped, so loading costs next to nothing and pages are read as lookups touch them.
/// `Gazetteer/build_gazetteer.py` writes the file; the format is described there.
public final class Gazetteer: Sendable {
    struct FormatError: Error, CustomStringConvertible {
        var file: String
        var description: String { "'\(file)' is not a Sitrep gazetteer (bad header or truncated)" }
    }

    private let data: Data
    /// The mapped bytes; `data` keeps them alive for the gazetteer's lifetime.
    private nonisolated(unsafe) let base: UnsafeRawPointer
    public let placeCount: Int
    public let keyCount: Int
    private let placesOffset = 16
    private let keysOffset: Int
    private let stringsOffset: Int
    /// Places a user imported from GeoNames dumps (`sitrep gazetteer import`), by key.
    private let userPlaces: [String: [GazetteerPlace]]
    private let userPrefixes: Set<String>
    private let userList: [GazetteerPlace]

    /// The gazetteer bundled with Sitrep (GeoNames, CC BY 4.0).
    public static let bundled: Gazetteer = {
        guard let url = Bundle.module.url(forResource: "gazetteer", withExtension: "bin"),
            let gazetteer = try? Gazetteer(contentsOf: url)
        else { preconditionFailure("Extraction's bundled gazetteer.bin is missing or malformed") }
        return gazetteer
    }()

    /// - Parameter user: a places file written by `sitrep gazetteer import`, read beside the bundle.
    public init(contentsOf url: URL, user: URL? = nil) throws {
        data = try Data(contentsOf: url, options: .alwaysMapped)
        guard data.count >= 16, data.prefix(4) == Data("SGZ1".utf8) else { throw FormatError(file: url.path) }
        placeCount = Int(data.readUInt32(at: 4))
        keyCount = Int(data.readUInt32(at: 8))
        let stringBytes = Int(data.readUInt32(at: 12))
        keysOffset = placesOffset + placeCount * 32
        stringsOffset = keysOffset + keyCount * 12
        guard stringsOffset + stringBytes == data.count else { throw FormatError(file: url.path) }
        // A mapped Data never moves its bytes, so the address stays valid while `data` lives.
        base = data.withUnsafeBytes { $0.baseAddress! }
        var list: [GazetteerPlace] = []
        var byKey: [String: [GazetteerPlace]] = [:]
        if let user {
            for (keys, place) in try UserPlaces.read(user, firstIndex: placeCount) {
                list.append(place)
                for key in keys { byKey[key, default: []].append(place) }
            }
        }
        userList = list
        userPlaces = byKey
        var prefixes = Set<String>()
        for key in byKey.keys {
            var prefix = ""
            for word in key.split(separator: " ") {
                prefix += prefix.isEmpty ? String(word) : " " + word
                prefixes.insert(prefix)
            }
        }
        userPrefixes = prefixes
    }

    /// The bundled gazetteer with the user's imported places, if a places file exists there.
    public static func withUserPlaces(at url: URL?) -> Gazetteer {
        guard let url, FileManager.default.fileExists(atPath: url.path),
            let bundle = Bundle.module.url(forResource: "gazetteer", withExtension: "bin"),
            let gazetteer = try? Gazetteer(contentsOf: bundle, user: url)
        else { return .bundled }
        return gazetteer
    }

    /// How many places the user imported.
    public var userPlaceCount: Int { userList.count }

    /// The place at an index.
    public func place(_ index: Int) -> GazetteerPlace {
        if index >= placeCount { return userList[index - placeCount] }
        let base = placesOffset + index * 32
        let id = Int(Int32(bitPattern: data.readUInt32(at: base)))
        let region = Int(Int32(bitPattern: data.readUInt32(at: base + 26)))
        let countryBytes = data[data.startIndex + base + 24..<data.startIndex + base + 26]
        return GazetteerPlace(
            index: index, geonamesID: id == 0 ? nil : id,
            name: string(
                at: Int(data.readUInt32(at: base + 16)), length: Int(data.readUInt16(at: base + 20))),
            latitude: Double(Float(bitPattern: data.readUInt32(at: base + 4))),
            longitude: Double(Float(bitPattern: data.readUInt32(at: base + 8))),
            population: Int(data.readUInt32(at: base + 12)),
            kind: GazetteerPlace.Kind(rawValue: data[data.startIndex + base + 22]) ?? .place,
            country: String(decoding: countryBytes, as: UTF8.self), regionIndex: region < 0 ? nil : region,
            isDistrict: data[data.startIndex + base + 23] == 2)
    }

    /// The places a normalized name (see ``NameKey``) names, the most populous first.
    public func places(named key: String) -> [GazetteerPlace] {
        let bundled = indices(named: key).map(place)
        guard let user = userPlaces[key] else { return bundled }
        let known = Set(bundled.compactMap(\.geonamesID))
        return (bundled + user.filter { $0.geonamesID.map { !known.contains($0) } ?? true })
            .sorted { $0.population > $1.population }
    }

    /// Whether any place has this normalized name or a longer one starting with it and a space,
    /// so that a reader can stop extending a phrase early.
    public func hasPrefix(_ key: String) -> Bool {
        if userPrefixes.contains(key) { return true }
        var key = key
        return key.withUTF8 { bytes in
            let position = lowerBound(bytes)
            guard position < keyCount else { return false }
            let found = keyBytes(position)
            guard found.count >= bytes.count, Self.compare(found, bytes, bytes.count) == 0
            else { return false }
            return found.count == bytes.count || found[bytes.count] == 0x20
        }
    }

    func indices(named key: String) -> [Int] {
        var key = key
        return key.withUTF8 { bytes in
            var position = lowerBound(bytes)
            var result: [Int] = []
            while position < keyCount {
                let found = keyBytes(position)
                guard found.count == bytes.count, Self.compare(found, bytes, bytes.count) == 0
                else { break }
                result.append(Int(read32(keysOffset + position * 12 + 8)))
                position += 1
            }
            return result
        }
    }

    private static func compare(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, _ count: Int
    ) -> Int32 {
        guard count > 0, let left = a.baseAddress, let right = b.baseAddress else { return 0 }
        return memcmp(left, right, count)
    }

    private func read32(_ offset: Int) -> UInt32 {
        UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    private func read16(_ offset: Int) -> UInt16 {
        UInt16(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
    }

    private func keyBytes(_ position: Int) -> UnsafeBufferPointer<UInt8> {
        let entry = keysOffset + position * 12
        let offset = Int(read32(entry))
        let length = Int(read16(entry + 4))
        let start = (base + stringsOffset + offset).assumingMemoryBound(to: UInt8.self)
        return UnsafeBufferPointer(start: start, count: length)
    }

    /// The first key position not before `key`, comparing bytes unsigned as the file is sorted.
    private func lowerBound(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var low = 0
        var high = keyCount
        while low < high {
            let middle = (low + high) / 2
            let found = keyBytes(middle)
            let common = min(found.count, key.count)
            var order = Self.compare(found, key, common)
            if order == 0 { order = found.count < key.count ? -1 : (found.count == key.count ? 0 : 1) }
            if order < 0 {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    private func string(at offset: Int, length: Int) -> String {
        let start = data.startIndex + stringsOffset + offset
        return String(decoding: data[start..<start + length], as: UTF8.self)
    }
}

extension Data {
    fileprivate func readUInt32(at offset: Int) -> UInt32 {
        let start = startIndex + offset
        return UInt32(self[start]) | UInt32(self[start + 1]) << 8 | UInt32(self[start + 2]) << 16
            | UInt32(self[start + 3]) << 24
    }

    fileprivate func readUInt16(at offset: Int) -> UInt16 {
        let start = startIndex + offset
        return UInt16(self[start]) | UInt16(self[start + 1]) << 8
    }
}
