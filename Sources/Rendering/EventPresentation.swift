import EventModel
import Foundation

/// How an event reads on the site: labels for its kind, date, place, actors, weapons, casualties
/// and claim, its icon, and the words of its quotes to highlight. Values only — the templates
/// escape every one of them.
enum EventPresentation {
    /// The six colour families of the timeline, after ACLED's event types.
    enum Family: String, CaseIterable {
        case remote, battle, civilians, protest, strategic, communication

        init(_ kind: EventKind) {
            switch kind.family {
            case .remoteViolence: self = .remote
            case .battles: self = .battle
            case .violenceAgainstCivilians: self = .civilians
            case .protestsAndRiots: self = .protest
            case .strategicDevelopments: self = .strategic
            case .communication: self = .communication
            }
        }

        var label: String {
            switch self {
            case .remote: "Explosions and remote violence"
            case .battle: "Battles"
            case .civilians: "Violence against civilians"
            case .protest: "Protests and riots"
            case .strategic: "Strategic developments"
            case .communication: "Statements, diplomacy and aid"
            }
        }

        /// A 24×24 stroke icon, decorative (the label says the kind).
        var icon: String {
            let paths: String =
                switch self {
                case .remote:
                    "<path d=\"M12 2l2.4 5.6L20 6l-2.6 5.2L22 14l-5.6 1.2L16 21l-4-4-4 4-.4-5.8L2 14l4.6-2.8L4 6l5.6 1.6z\"/>"
                case .battle: "<path d=\"M4 20L20 4M14 4h6v6M10 20H4v-6M4 4l16 16\"/>"
                case .civilians: "<circle cx=\"12\" cy=\"6\" r=\"3\"/><path d=\"M5 21v-4a7 7 0 0114 0v4\"/>"
                case .protest: "<path d=\"M4 10v4l12 5V5L4 10zM16 8a4 4 0 010 8M8 15l1 5h3l-1-4\"/>"
                case .strategic: "<path d=\"M3 21h18M5 21V9l7-5 7 5v12M9 21v-6h6v6\"/>"
                case .communication: "<path d=\"M4 5h16v10H9l-5 4z\"/>"
                }
            return
                "<svg viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\" focusable=\"false\">\(paths)</svg>"
        }
    }

    static func kindLabel(_ kind: EventKind) -> String {
        let words = kind.rawValue.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    private static let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// "15 Mar 2025".
    static func dayLabel(_ day: CalendarDay) -> String { "\(day.day) \(months[day.month - 1]) \(day.year)" }

    /// "Saturday 15 March 2025", for a day's heading.
    static func longDayLabel(_ day: CalendarDay) -> String {
        let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return "\(weekdays[day.weekday - 1]) \(day.day) \(names[day.month - 1]) \(day.year)"
    }

    /// "March 2025" for "2025-03".
    static func monthLabel(_ key: String) -> String {
        guard let day = CalendarDay(key + "-01") else { return "Undated" }
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return "\(names[day.month - 1]) \(day.year)"
    }

    /// "15 Mar 2025", "14–15 Mar 2025, overnight", "28 Feb – 2 Mar 2025", "week of 10 Mar 2025",
    /// "Mar 2025".
    static func dateLabel(_ date: EventDate) -> String {
        guard let start = date.start.flatMap({ CalendarDay(String($0.prefix(10))) }) else {
            return date.text.map { "undated (“\($0)”)" } ?? "undated"
        }
        let end = date.end.flatMap { CalendarDay(String($0.prefix(10))) } ?? start
        var label: String
        switch date.precision {
        case .month: label = "\(months[start.month - 1]) \(start.year)"
        case .year: label = "\(start.year)"
        case .week: label = "week of \(dayLabel(start))"
        case .season:
            label = "\(dayLabel(start)) – \(dayLabel(end))"
        default:
            if start == end {
                label = dayLabel(start)
            } else if start.year == end.year && start.month == end.month {
                label = "\(start.day)–\(end.day) \(months[end.month - 1]) \(end.year)"
            } else if start.year == end.year {
                label = "\(start.day) \(months[start.month - 1]) – \(dayLabel(end))"
            } else {
                label = "\(dayLabel(start)) – \(dayLabel(end))"
            }
        }
        if let text = date.text?.lowercased(), text.contains("overnight") || text.contains("last night") {
            label += ", overnight"
        }
        return label
    }

    /// "near Tokmak, Zaporizhia Oblast", "Idlib Governorate, Syria", "Syria".
    static func placeLabel(_ place: Place?) -> String? {
        guard let place else { return nil }
        let country = place.country.map(countryName)
        switch place.precision {
        case .country: return country ?? place.name
        case .region, .water: return [place.name, country].compactMap { $0 }.joined(separator: ", ")
        case .near:
            return ["near \(place.name)", place.admin1].compactMap { $0 }.joined(separator: ", ")
        default:
            return [place.name, place.admin1 ?? country].compactMap { $0 }.joined(separator: ", ")
        }
    }

    static func countryName(_ code: String) -> String { countryNames[code] ?? code }

    /// English names of every ISO region, looked up once.
    private static let countryNames: [String: String] = {
        let locale = Locale(identifier: "en_US")
        var names: [String: String] = [:]
        for region in Locale.Region.isoRegions where region.identifier.count == 2 {
            names[region.identifier] = locale.localizedString(forRegionCode: region.identifier)
        }
        return names
    }()

    /// A link to the place on OpenStreetMap, zoomed to its precision.
    static func mapLink(_ place: Place?) -> String? {
        guard let place, let lat = place.lat, let lon = place.lon else { return nil }
        let zoom =
            switch place.precision {
            case .exact: 12
            case .near: 11
            case .region, .water: 7
            default: 5
            }
        let latText = fixed(lat, 4)
        let lonText = fixed(lon, 4)
        return
            "https://www.openstreetmap.org/?mlat=\(latText)&mlon=\(lonText)#map=\(zoom)/\(latText)/\(lonText)"
    }

    static func actorsLabel(_ actors: [Actor]) -> String? {
        guard !actors.isEmpty else { return nil }
        return actors.map { actor in
            actor.role == .other ? actor.name : "\(actor.name) (\(actor.role.rawValue))"
        }.joined(separator: "; ")
    }

    static func weaponsLabel(_ weapons: [Weapon]) -> String? {
        guard !weapons.isEmpty else { return nil }
        return weapons.map { weapon in
            let kind = weapon.weaponClass.rawValue.replacingOccurrences(of: "_", with: " ")
            let name = weapon.name.map { "\($0) (\(kind))" } ?? kind
            return weapon.count.map { "\($0) × \(name)" } ?? name
        }.joined(separator: ", ")
    }

    /// "3 killed (up to 4 reported), 14 injured including 2 children".
    static func casualtiesLabel(_ casualties: Casualties?) -> String? {
        guard let casualties, !casualties.isEmpty else { return nil }
        var parts: [String] = []
        for (word, count) in [
            ("killed", casualties.killed), ("injured", casualties.injured), ("missing", casualties.missing),
            ("captured", casualties.captured),
        ] {
            guard let count else { continue }
            var part = "\(count.value) \(word)"
            if let max = count.max, max > count.value { part += " (up to \(max) reported)" }
            if let children = count.children, children > 0 {
                part += " including \(children) \(children == 1 ? "child" : "children")"
            }
            parts.append(part)
        }
        return parts.joined(separator: ", ")
    }

    static func claimLabel(_ claim: Claim) -> String {
        let by = claim.claimedBy.joined(separator: ", ")
        let denied = claim.deniedBy.joined(separator: ", ")
        switch claim.status {
        case .reported: return "reported"
        case .claimed: return by.isEmpty ? "claimed" : "claimed by \(by)"
        case .disputed:
            return "disputed"
                + (by.isEmpty ? "" : ": claimed by \(by)")
                + (denied.isEmpty ? "" : (by.isEmpty ? ": " : "; ") + "denied by \(denied)")
        case .denied: return denied.isEmpty ? "denied" : "denied by \(denied)"
        case .confirmed: return "confirmed" + (by.isEmpty ? "" : " (claimed by \(by))")
        }
    }

    static func confidenceLevel(_ value: Double) -> String {
        value >= 0.75 ? "high" : value >= 0.5 ? "medium" : "low"
    }

    static func number(_ value: Double) -> String { fixed(value, 2) }

    /// A number with a fixed count of decimals ("0.80", "-12.5000"), as "%.Nf" prints it.
    static func fixed(_ value: Double, _ decimals: Int, sign: Bool = false) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        var fraction = String(Int(scaled) - whole * Int(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        let prefix = value < 0 && scaled != 0 ? "-" : (sign ? "+" : "")
        return prefix + String(whole) + (decimals > 0 ? "." + fraction : "")
    }

    /// Only http(s) links are shown; anything else ("javascript:", "data:") is dropped.
    static func safeLink(_ url: String?) -> String? {
        guard let url, let scheme = URLComponents(string: url)?.scheme?.lowercased(),
            scheme == "http" || scheme == "https"
        else { return nil }
        return url
    }

    /// The quote cut into runs, the event's own words (its date, place and casualty phrases)
    /// marked.
    static func quoteRuns(_ quote: String, marking phrases: [String]) -> [(text: String, mark: Bool)] {
        var ranges: [Range<String.Index>] = []
        for phrase in phrases where phrase.count >= 3 {
            var from = quote.startIndex
            while let found = quote.range(
                of: phrase, options: [.caseInsensitive, .literal], range: from..<quote.endIndex)
            {
                if !ranges.contains(where: { $0.overlaps(found) }) { ranges.append(found) }
                from = found.upperBound
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var runs: [(String, Bool)] = []
        var position = quote.startIndex
        for range in ranges {
            if position < range.lowerBound {
                runs.append((String(quote[position..<range.lowerBound]), false))
            }
            runs.append((String(quote[range]), true))
            position = range.upperBound
        }
        if position < quote.endIndex { runs.append((String(quote[position...]), false)) }
        return runs
    }
}
