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
        let keys = events.map(MergeKey.init)
        return clusters(keys).map { members in Self.combine(members.map { events[$0] }) }
            .sorted { ($0.date.start ?? "", $0.id) > ($1.date.start ?? "", $1.id) }
    }

    /// The clusters of events, each as indices into `keys`, its earliest report first. This is the
    /// whole merge decision; the Store uses it to re-combine only the clusters that changed.
    ///
    /// Events are taken earliest report first and join the first cluster they are compatible with,
    /// a cluster standing for its best-specified member. Clusters are indexed by day, so an event
    /// is compared only with clusters whose dates can overlap its own.
    public func clusters(_ keys: [MergeKey]) -> [[Int]] {
        let ordered = keys.indices.sorted {
            (keys[$0].firstReported ?? "", keys[$0].id) < (keys[$1].firstReported ?? "", keys[$1].id)
        }
        var clusters: [[Int]] = []
        var representatives: [Representative] = []
        // Clusters by country (places in two countries never nest), then by day.
        var byDay: [String: [Int: [Int]]] = [:]
        var wide: [Int] = []
        func register(_ index: Int) {
            let best = representatives[index].best
            guard let span = best.days else { return }
            if span.count > Self.indexedSpan {
                if !wide.contains(index) { wide.append(index) }
                return
            }
            for day in span where byDay[best.bucket, default: [:]][day]?.last != index {
                byDay[best.bucket, default: [:]][day, default: []].append(index)
            }
        }
        for position in ordered {
            let key = keys[position]
            var candidates: [Int]
            if let span = key.days, span.count <= Self.indexedSpan {
                let buckets: [String] =
                    switch key.bucket {
                    case MergeKey.unplaced: [MergeKey.unplaced]
                    case MergeKey.unknownCountry: byDay.keys.filter { $0 != MergeKey.unplaced }
                    default: [key.bucket, MergeKey.unknownCountry]
                    }
                candidates = wide
                for bucket in buckets {
                    guard let days = byDay[bucket] else { continue }
                    for day in span { candidates += days[day] ?? [] }
                }
                candidates.sort()
            } else if key.days != nil {
                candidates = representatives.indices.filter { representatives[$0].days != nil }
            } else {
                candidates = []
            }
            if let index = candidates.first(where: {
                Self.compatible(representatives[$0].best, key)
                    && !representatives[$0].articles.contains(key.article)
            }) {
                clusters[index].append(position)
                representatives[index].add(key)
                register(index)
            } else {
                clusters.append([position])
                representatives.append(Representative(key))
                register(representatives.count - 1)
            }
        }
        return clusters
    }

    /// Dates longer than this many days are not indexed day by day.
    static let indexedSpan = 62

    /// What a cluster is compared by: its best-specified member and the articles it came from
    /// (within one article the extractor has already told its events apart).
    struct Representative {
        var best: MergeKey
        var articles: Set<String>

        init(_ key: MergeKey) {
            best = key
            articles = [key.article]
        }

        var days: ClosedRange<Int>? { best.days }

        mutating func add(_ key: MergeKey) {
            articles.insert(key.article)
            if key.outranks(best) { best = key }
        }
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

    /// The kinds a report of this kind may be merged with (its own among them).
    public static func kinds(mergingWith kind: EventKind) -> [EventKind] {
        EventKind.allCases.filter { group(of: $0) == group(of: kind) }
    }

    /// Every kind, in groups whose reports never merge with another group's.
    public static var kindsApart: [[EventKind]] {
        var seen = Set<Int>()
        return EventKind.allCases.compactMap { kind in
            seen.insert(group(of: kind)).inserted ? kinds(mergingWith: kind) : nil
        }
    }

    /// Whether two reports could ever be one event, whatever else is merged with them: the same
    /// kind group, days that overlap, and places that could nest (both unplaced, the same
    /// country, or one country unknown). Every pair `compatible` holds for passes, so the reports
    /// linked by it fall apart into groups that `clusters` treats each on its own: clustering
    /// one group alone gives the clusters clustering everything gives it.
    public static func mayMerge(_ a: MergeKey, _ b: MergeKey) -> Bool {
        guard a.group == b.group, let aDays = a.days, let bDays = b.days, aDays.overlaps(bDays) else {
            return false
        }
        if a.bucket == b.bucket { return true }
        return (a.bucket == MergeKey.unknownCountry && b.bucket != MergeKey.unplaced)
            || (b.bucket == MergeKey.unknownCountry && a.bucket != MergeKey.unplaced)
    }

    static func kindsCompatible(_ a: EventKind, _ b: EventKind) -> Bool { group(of: a) == group(of: b) }

    /// Its group in `kindGroups`, or a number of its own.
    static func group(of kind: EventKind) -> Int {
        groupOf[kind] ?? (100 + EventKind.allCases.firstIndex(of: kind)!)
    }

    private static let groupOf: [EventKind: Int] = {
        var table: [EventKind: Int] = [:]
        for (index, group) in kindGroups.enumerated() {
            for kind in group { table[kind] = index }
        }
        return table
    }()

    static func compatible(_ a: MergeKey, _ b: MergeKey) -> Bool {
        guard a.group == b.group else { return false }
        guard let aStart = a.start, let aEnd = a.end, let bStart = b.start, let bEnd = b.end,
            aStart <= bEnd && bStart <= aEnd
        else { return false }
        guard placesNest(a.place, b.place) else { return false }
        if let aCountry = a.initiatorCountry, let bCountry = b.initiatorCountry, aCountry != bCountry {
            return false
        }
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
        specificity(place: event.location?.precision, date: event.date.precision)
    }

    /// How precisely a report places and dates its event: place first, then date.
    public static func specificity(place precision: PlacePrecision?, date: DatePrecision) -> Int {
        let place: Int =
            switch precision {
            case .exact?: 5
            case .near?: 4
            case .water?: 3
            case .region?: 2
            case .country?: 1
            default: 0
            }
        let date: Int =
            switch date {
            case .day: 3
            case .range, .week: 2
            case .unknown: 0
            default: 1
            }
        return place * 10 + date
    }

    /// One event from the reports of one cluster, its earliest report first.
    public static func combine(_ members: [Event]) -> Event {
        guard members.count > 1 else { return members[0] }
        // The earliest report names the event; the best-specified one describes it.
        let first = members[0]
        let best = members.max { MergeKey($1).outranks(MergeKey($0)) }!
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
