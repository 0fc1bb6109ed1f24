import EventModel
import Foundation

/// Clusters events read from many articles into one event per incident: a compatible kind, dates
/// that overlap, the same or a nested place, compatible actors. A merged event keeps every source,
/// the lowest casualty figure (with the highest as `max`), an upgraded claim status and a
/// confidence raised by independent corroboration. Its id is its earliest report's, so adding an
/// article about something else never changes it.
public struct EventMerger: Sendable {
    public static let version = 1

    public init() {}

    public func merge(_ events: [Event]) -> [Event] {
        // A stable order: earliest report first, then by id, so clusters form the same way every time.
        let ordered = events.sorted { ($0.firstReported ?? "", $0.id) < ($1.firstReported ?? "", $1.id) }
        var clusters: [[Event]] = []
        var representatives: [Event] = []
        for event in ordered {
            if let index = representatives.firstIndex(where: { Self.compatible($0, event) }) {
                clusters[index].append(event)
                representatives[index] = Self.combine(clusters[index])
            } else {
                clusters.append([event])
                representatives.append(event)
            }
        }
        return representatives.sorted { ($0.date.start ?? "", $0.id) > ($1.date.start ?? "", $1.id) }
    }

    // MARK: Compatibility

    /// Kinds one report may name differently: a missile strike and shelling of the same place, a
    /// capture and a withdrawal.
    static let kindGroups: [Set<EventKind>] = [
        [.missileStrike, .shelling, .airStrike, .droneStrike],
        [.explosiveDevice, .suicideBombing],
        [.territoryCaptured, .territoryTransferred],
        [.armedClash, .incursion],
        [.attackOnCivilians, .abduction],
        [
            .peacefulProtest, .protestWithIntervention, .excessiveForceAgainstProtesters,
            .violentDemonstration,
        ],
    ]

    static func kindsCompatible(_ a: EventKind, _ b: EventKind) -> Bool {
        a == b || kindGroups.contains { $0.contains(a) && $0.contains(b) }
    }

    static func compatible(_ a: Event, _ b: Event) -> Bool {
        guard kindsCompatible(a.kind, b.kind) else { return false }
        // Within one article the extractor has already told its events apart.
        let aArticles = Set(a.sources.map(\.articleID))
        guard !b.sources.contains(where: { aArticles.contains($0.articleID) }) else { return false }
        guard let aStart = a.date.start, let aEnd = a.date.end, let bStart = b.date.start,
            let bEnd = b.date.end,
            aStart <= bEnd && bStart <= aEnd
        else { return false }
        guard placesNest(a.location, b.location) else { return false }
        let aCountry = a.actors.first { $0.role == .initiator }?.country
        let bCountry = b.actors.first { $0.role == .initiator }?.country
        if let aCountry, let bCountry, aCountry != bCountry { return false }
        return true
    }

    /// The same place, one inside the other (a town in the region or country named elsewhere),
    /// or within 25 km.
    static func placesNest(_ a: Place?, _ b: Place?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        if a.country != nil && b.country != nil && a.country != b.country { return false }
        if a.name == b.name { return true }
        if let distance = a.distanceKm(to: b), distance <= 25, a.precision != .country,
            b.precision != .country
        {
            return true
        }
        if a.precision == .country || b.precision == .country { return true }
        if a.precision == .region, b.admin1 == a.name { return true }
        if b.precision == .region, a.admin1 == b.name { return true }
        return false
    }

    // MARK: Combining

    static func specificity(_ event: Event) -> Int {
        let place: Int =
            switch event.location?.precision {
            case .exact?: 5
            case .near?: 4
            case .water?: 3
            case .region?: 2
            case .country?: 1
            default: 0
            }
        let date: Int =
            switch event.date.precision {
            case .day: 3
            case .range, .week: 2
            case .unknown: 0
            default: 1
            }
        return place * 10 + date
    }

    static func combine(_ members: [Event]) -> Event {
        guard members.count > 1 else { return members[0] }
        // The earliest report names the event; the best-specified one describes it.
        let first = members[0]
        let best = members.max {
            (specificity($0), $1.confidence, $1.id) < (specificity($1), $0.confidence, $0.id)
        }!
        var merged = best
        merged.id = first.id
        merged.firstReported = members.compactMap(\.firstReported).min()
        var sources: [Source] = []
        for member in members {
            for source in member.sources
            where !sources.contains(where: { $0.articleID == source.articleID && $0.quote == source.quote }) {
                sources.append(source)
            }
        }
        merged.sources = sources.sorted {
            ($0.published ?? "", $0.articleID) < ($1.published ?? "", $1.articleID)
        }
        merged.casualties = combineCasualties(members.compactMap(\.casualties))
        merged.claim = combineClaims(members)
        merged.weapons =
            best.weapons.isEmpty ? members.first { !$0.weapons.isEmpty }?.weapons ?? [] : best.weapons
        merged.targets = Array(Set(members.flatMap(\.targets))).sorted()
        merged.tags = Array(Set(members.flatMap(\.tags))).sorted()
        let outlets = Set(sources.compactMap { $0.outlet?.lowercased() })
        var factors = best.confidenceFactors
        var confidence = members.map(\.confidence).max() ?? best.confidence
        if outlets.count > 1 {
            let gain = 0.05 * Double(outlets.count - 1)
            factors.append(ConfidenceFactor(factor: "reported by \(outlets.count) outlets", weight: gain))
            confidence += gain
        }
        merged.confidenceFactors = factors
        merged.confidence = (min(0.95, confidence) * 100).rounded() / 100
        return merged
    }

    /// The lowest figure of each kind (ACLED's rule), the highest kept as `max`.
    static func combineCasualties(_ all: [Casualties]) -> Casualties? {
        guard !all.isEmpty else { return nil }
        func pick(_ counts: [CasualtyCount]) -> CasualtyCount? {
            guard var lowest = counts.min(by: { $0.value < $1.value }) else { return nil }
            let highest = counts.map { $0.max ?? $0.value }.max() ?? lowest.value
            if highest > lowest.value { lowest.max = highest }
            return lowest
        }
        return Casualties(
            killed: pick(all.compactMap(\.killed)), injured: pick(all.compactMap(\.injured)),
            missing: pick(all.compactMap(\.missing)), captured: pick(all.compactMap(\.captured)))
    }

    /// One side claims and another denies: disputed. Independent outlets, or both sides, agree:
    /// confirmed.
    static func combineClaims(_ members: [Event]) -> Claim {
        let claimedBy = Array(Set(members.flatMap(\.claim.claimedBy))).sorted()
        let deniedBy = Array(Set(members.flatMap(\.claim.deniedBy))).sorted()
        if members.contains(where: { $0.claim.status == .disputed })
            || (!claimedBy.isEmpty && !deniedBy.isEmpty)
        {
            return Claim(status: .disputed, claimedBy: claimedBy, deniedBy: deniedBy)
        }
        let outlets = Set(members.flatMap { $0.sources.compactMap { $0.outlet?.lowercased() } })
        if outlets.count > 1 && members.allSatisfy({ $0.claim.status != .denied }) {
            return Claim(status: .confirmed, claimedBy: claimedBy, deniedBy: [])
        }
        if members.contains(where: { $0.claim.status == .confirmed }) {
            return Claim(status: .confirmed, claimedBy: claimedBy, deniedBy: deniedBy)
        }
        let status =
            members.contains { $0.claim.status == .claimed } ? ClaimStatus.claimed : members[0].claim.status
        return Claim(status: status, claimedBy: claimedBy, deniedBy: deniedBy)
    }
}
