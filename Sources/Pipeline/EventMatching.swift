import EventModel
import Foundation

/// How a predicted event is paired with a gold event: the reference scorer's rules
/// (`../shared/tools/common.py`, `pair_info` and `match_events`), so that `sitrep evaluate`
/// and `score_events.py` give the same counts.
///
/// A pair is a candidate only when its kinds, dates and places all agree:
/// - kind: the same (score 1), or the same ACLED sub-event type or a sibling pair (0.5);
/// - date: the gold's unknown, or the ranges overlapping within a day (a prediction without a
///   date only in an article without a publication date);
/// - place: the gold's unknown; within 50 km; the same country for a country-level gold; the
///   same country and region (or within 150 km) for a region-level one; or the same name.
///
/// Among candidates a maximum-weight assignment takes as many pairs as possible, then the best
/// scores (+0.5 within 25 km, +0.5 the same first day), then required gold events, then the
/// words of the quotes shared with the gold's evidence and the agreement of the other fields.
public enum EventMatching {
    /// ACLED sub-event types each kind stands for (`CROSSWALK` in common.py).
    static let subtypes: [String: Set<String>] = [
        "armed_clash": ["Armed clash"],
        "territory_captured": ["Government regains territory", "Non-state actor overtakes territory"],
        "territory_transferred": ["Non-violent transfer of territory"],
        "incursion": ["Armed clash"],
        "air_strike": ["Air/drone strike"], "drone_strike": ["Air/drone strike"],
        "missile_strike": ["Shelling/artillery/missile attack"],
        "shelling": ["Shelling/artillery/missile attack"],
        "explosive_device": ["Remote explosive/landmine/IED"], "suicide_bombing": ["Suicide bomb"],
        "grenade_attack": ["Grenade"], "chemical_attack": ["Chemical weapon"],
        "attack_on_civilians": ["Attack"],
        "abduction": ["Abduction/forced disappearance"], "sexual_violence": ["Sexual violence"],
        "weapons_disrupted": ["Disrupted weapons use"], "arrest": ["Arrests"],
        "looting": ["Looting/property destruction"], "base_established": ["Headquarters or base established"],
        "group_change": ["Change to group/activity"], "agreement": ["Agreement"],
        "strategic_other": ["Other"],
        "peaceful_protest": ["Peaceful protest"], "protest_with_intervention": ["Protest with intervention"],
        "excessive_force_against_protesters": ["Excessive force against protesters"],
        "violent_demonstration": ["Violent demonstration"], "mob_violence": ["Mob violence"],
    ]

    /// Kinds one report may name differently.
    static let siblings: Set<Set<String>> = [
        ["missile_strike", "shelling"], ["drone_strike", "air_strike"],
        ["territory_captured", "territory_transferred"], ["armed_clash", "incursion"],
    ]

    /// 1 for the same kind; 0.5 for a sibling or a shared ACLED sub-event type; else 0.
    public static func kindScore(_ predicted: String, subtype: String?, gold: String) -> Double {
        if predicted == gold { return 1 }
        if siblings.contains([predicted, gold]) { return 0.5 }
        guard let goldTypes = subtypes[gold], !goldTypes.isEmpty else { return 0 }
        var predictedTypes = subtypes[predicted] ?? []
        if let subtype { predictedTypes.insert(subtype) }
        return predictedTypes.isDisjoint(with: goldTypes) ? 0 : 0.5
    }

    // MARK: Dates

    /// The day a value starts with (`YYYY-MM-DD`), as a day number.
    static func day(_ value: String?) -> Int? {
        guard let text = value?.trimmingCharacters(in: .whitespacesAndNewlines), text.utf8.count >= 10 else {
            return nil
        }
        let digits = Array(text.utf8.prefix(10))
        let shape = digits.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (48...57).contains(byte)
        }
        guard shape else { return nil }
        return CalendarDay(String(text.prefix(10)))?.dayNumber
    }

    /// `[start, end]` as day numbers, a missing side taking the other's value.
    static func interval(start: String?, end: String?) -> ClosedRange<Int>? {
        let s = day(start)
        let e = day(end)
        guard let first = s ?? e, let last = e ?? s else { return nil }
        return min(first, last)...max(first, last)
    }

    static func goldInterval(_ date: GoldFile.GoldDate?) -> ClosedRange<Int>? {
        guard let date, date.precision != "unknown" else { return nil }
        return interval(start: date.start, end: date.end)
    }

    static func overlap(_ a: ClosedRange<Int>, _ b: ClosedRange<Int>) -> Bool {
        a.lowerBound <= b.upperBound + 1 && a.upperBound >= b.lowerBound - 1
    }

    // MARK: Places

    static func distanceKm(_ predicted: Place?, _ gold: GoldFile.GoldPlace?) -> Double? {
        guard let lat1 = predicted?.lat, let lon1 = predicted?.lon, lat1.isFinite, lon1.isFinite,
            let lat2 = gold?.lat, let lon2 = gold?.lon, lat2.isFinite, lon2.isFinite
        else { return nil }
        let p1 = lat1 * .pi / 180
        let p2 = lat2 * .pi / 180
        let dp = p2 - p1
        let dl = (lon2 - lon1) * .pi / 180
        let a = pow(sin(dp / 2), 2) + cos(p1) * cos(p2) * pow(sin(dl / 2), 2)
        return 2 * 6371.0088 * asin(min(1.0, a.squareRoot()))
    }

    static let genericPlaceWords: Set<String> = [
        "oblast", "region", "province", "governorate", "state", "district", "krai", "kray", "raion",
        "rayon", "county", "prefecture", "municipality", "republic", "of", "the", "city", "gov",
    ]

    /// A name without accents, case, punctuation or generic words ("Chernihiv Oblast" → "sumy").
    public static func normalizedPlace(_ name: String?) -> String {
        guard let name else { return "" }
        let decomposed = name.decomposedStringWithCompatibilityMapping.unicodeScalars.filter {
            $0.properties.canonicalCombiningClass == .notReordered
        }
        let plain = String(String.UnicodeScalarView(decomposed)).lowercased()
            .replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "'", with: "")
        var words: [String] = []
        var current = ""
        for scalar in plain.unicodeScalars {
            let kept =
                ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar)
                || (0x400...0x4FF).contains(scalar.value)
            if kept {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.filter { !genericPlaceWords.contains($0) }.joined(separator: " ")
    }

    static func country(_ code: String?) -> String? {
        guard let code = code?.trimmingCharacters(in: .whitespacesAndNewlines), !code.isEmpty else {
            return nil
        }
        return code.uppercased()
    }

    /// Whether a predicted place can be the gold's (`place_compatible`).
    public static func placeCompatible(_ predicted: Place?, _ gold: GoldFile.GoldPlace?) -> Bool {
        guard let gold else { return true }
        guard let predicted else { return false }
        let distance = distanceKm(predicted, gold)
        if let distance, distance <= 50 { return true }
        let goldCountry = country(gold.country)
        let predictedCountry = country(predicted.country)
        if gold.precision == "country", goldCountry != nil, predictedCountry == goldCountry { return true }
        if gold.precision == "region" || gold.precision == "country", goldCountry != nil,
            predictedCountry == goldCountry
        {
            if normalizedPlace(predicted.admin1) == normalizedPlace(gold.admin1) { return true }
            if let distance, distance <= 150 { return true }
        }
        let goldName = normalizedPlace(gold.name)
        return !goldName.isEmpty && goldName == normalizedPlace(predicted.name)
            && (goldCountry == nil || predictedCountry == nil || goldCountry == predictedCountry
                || gold.precision == "water")
    }

    /// Within 25 km; both unlocated counts.
    static func placeClose(_ predicted: Place?, _ gold: GoldFile.GoldPlace?) -> Bool {
        guard gold != nil else { return predicted == nil }
        return distanceKm(predicted, gold).map { $0 <= 25 } ?? false
    }

    // MARK: Pairs

    public struct PairInfo: Sendable {
        public var kindScore: Double
        public var placeClose: Bool
        public var startExact: Bool
        public var distanceKm: Double?

        public var score: Double { kindScore + (placeClose ? 0.5 : 0) + (startExact ? 0.5 : 0) }
    }

    /// The pair's scores, or nil when kind, date or place disagree.
    public static func pairInfo(_ event: Event, _ gold: GoldFile.GoldEvent, undatedArticle: Bool) -> PairInfo?
    {
        let kind = kindScore(event.kind.rawValue, subtype: event.acled?.subEventType, gold: gold.kind)
        guard kind > 0 else { return nil }
        let goldDays = goldInterval(gold.date)
        let predictedDays = interval(start: event.date.start, end: event.date.end)
        if goldDays != nil && predictedDays == nil && !undatedArticle { return nil }
        if let goldDays, let predictedDays, !overlap(predictedDays, goldDays) { return nil }
        guard placeCompatible(event.location, gold.location) else { return nil }
        return PairInfo(
            kindScore: kind, placeClose: placeClose(event.location, gold.location),
            startExact: day(gold.date?.start) == day(event.date.start),
            distanceKm: distanceKm(event.location, gold.location))
    }

    /// Words of three letters or more, in lower case.
    static func words(_ text: String) -> Set<String> {
        var result = Set<String>()
        var current = String.UnicodeScalarView()
        func flush() {
            if current.count > 2 { result.insert(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber:
                current.append(scalar)
            default:
                if scalar == "_" { current.append(scalar) } else { flush() }
            }
        }
        flush()
        return result
    }

    /// The share of the shorter text's words found in the other.
    static func textOverlap(_ a: String, _ b: String) -> Double {
        let x = words(a)
        let y = words(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        return Double(x.intersection(y).count) / Double(min(x.count, y.count))
    }

    /// How well the fields outside the pair score agree, 0…1 (`secondary_agreement`).
    static func secondaryAgreement(_ event: Event, _ gold: GoldFile.GoldEvent) -> Double {
        let distance = distanceKm(event.location, gold.location)
        let closeness =
            distance.map { 1.0 - min($0, 50.0) / 50.0 }
            ?? (event.location == nil && gold.location == nil ? 1 : 0)
        let parts: [Double] = [
            day(event.date.end) == day(gold.date?.end) ? 1 : 0,
            event.casualties?.killed?.value == gold.killed ? 1 : 0,
            event.casualties?.injured?.value == gold.injured ? 1 : 0,
            event.claim.status.rawValue == gold.claimStatus ? 1 : 0,
            normalizedPlace(event.location?.name) == normalizedPlace(gold.location?.name) ? 1 : 0,
            closeness,
        ]
        return parts.reduce(0, +) / Double(parts.count)
    }

    static func tiebreak(_ event: Event, _ gold: GoldFile.GoldEvent) -> Double {
        let quotes = event.sources.map(\.quote).joined(separator: " ")
        return (2 * textOverlap(quotes, gold.evidence) + secondaryAgreement(event, gold)) / 3
    }

    /// One-to-one pairs (prediction index, gold index, scores) of one article's events.
    public static func match(_ events: [Event], _ golds: [GoldFile.GoldEvent], undatedArticle: Bool)
        -> [(event: Int, gold: Int, info: PairInfo)]
    {
        let infos: [[PairInfo?]] = events.map { event in
            golds.map { pairInfo(event, $0, undatedArticle: undatedArticle) }
        }
        guard infos.contains(where: { $0.contains { $0 != nil } }) else { return [] }
        let k = Double(min(events.count, golds.count) + 1)
        let big = 2.0 * k + 1.0
        let requiredBonus = 0.001
        let eps = 0.9 * requiredBonus / k
        var weights = [[Double]](repeating: [Double](repeating: 0, count: golds.count), count: events.count)
        for i in events.indices {
            for j in golds.indices {
                guard let info = infos[i][j] else { continue }
                let tie = min(1.0, max(0.0, tiebreak(events[i], golds[j])))
                weights[i][j] = big + info.score + (golds[j].required ? requiredBonus : 0) + eps * tie
            }
        }
        return Hungarian.maximumWeight(weights).compactMap { i, j in
            infos[i][j].map { (i, j, $0) }
        }
    }
}
