import EventModel
import Foundation

/// The events of a page on a map drawn at build time, without a tile server: Natural Earth
/// country outlines (Resources/world-*.txt, made by Scripts/world_map.py), framed on the events
/// (the world when they are spread), one dot per located event coloured by kind family and sized
/// by its killed and injured, places only near or a region's drawn as rings, each dot a link to
/// its card. The map is a picture for the eye (hidden from screen readers, its links out of the
/// tab order); the caption says in words what it shows.
enum EventMap {
    /// An outline (a country's mainland or one of its islands) in hundredths of a degree
    /// (x = longitude, y = -latitude).
    struct Outline {
        var minX: Int
        var minY: Int
        var maxX: Int
        var maxY: Int
        var path: Substring
    }

    static let world: [Outline] = load("world-110m")
    static let detailed: [Outline] = load("world-50m")

    private static func load(_ name: String) -> [Outline] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: " ", maxSplits: 5)
            guard fields.count == 6, let minX = Int(fields[1]), let minY = Int(fields[2]),
                let maxX = Int(fields[3]), let maxY = Int(fields[4])
            else { return nil }
            return Outline(minX: minX, minY: minY, maxX: maxX, maxY: maxY, path: fields[5])
        }
    }

    /// The frame of the whole world: 180° W to 180° E, 84° N to 60° S.
    static let worldFrame = (minX: -18000.0, minY: -8400.0, maxX: 18000.0, maxY: 6000.0)

    static func render(_ events: [EventFacets]) -> (svg: String, caption: String)? {
        let located = events.filter { $0.point != nil }
        guard !located.isEmpty else { return nil }
        let frame = self.frame(located.map { $0.point! })
        let isWorld = frame == worldFrame
        // Longitudes shrink by the cosine of the latitude; the world keeps a plain grid.
        let scale = isWorld ? 1.0 : max(0.2, cos(-(frame.minY + frame.maxY) / 2 / 100 * .pi / 180))
        let width = (frame.maxX - frame.minX) * scale
        let height = frame.maxY - frame.minY
        let outlines = (width / scale > 6000 ? world : detailed).filter {
            Double($0.maxX) >= frame.minX && Double($0.minX) <= frame.maxX && Double($0.maxY) >= frame.minY
                && Double($0.minY) <= frame.maxY
        }
        var svg =
            "<svg class=\"map-svg\" viewBox=\"\(fixed(frame.minX * scale)) \(fixed(frame.minY)) \(fixed(width)) \(fixed(height))\" preserveAspectRatio=\"xMidYMid meet\" aria-hidden=\"true\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg +=
            "<g transform=\"scale(\(fixed(scale, 4)) 1)\"><path class=\"land\" vector-effect=\"non-scaling-stroke\" d=\""
        for outline in outlines { svg += outline.path }
        svg += "\"/></g>"
        // Big dots first, so small ones stay on top and can be reached. Outlines of dots in the
        // map's own units (a few hundredths of its height).
        let unit = height / 60
        svg += "<g class=\"dots\" stroke-width=\"\(fixed(unit / 4, 2))\">"
        let order = located.sorted { ($0.point!.casualties, $0.id) > ($1.point!.casualties, $1.id) }
        for event in order {
            let point = event.point!
            let radius = unit * (1 + min(2.5, log10(1 + Double(point.casualties))))
            let family = EventPresentation.Family(event.kind).rawValue
            svg +=
                "<a href=\"#e-\(escape(event.id))\" tabindex=\"-1\" data-id=\"\(escape(event.id))\"><title>\(escape(point.title))</title>"
            svg +=
                "<circle class=\"\(family)\(point.ring ? " ring" : "")\"\(point.ring ? " stroke-width=\"\(fixed(unit / 2, 2))\"" : "") cx=\"\(fixed(point.lon * 100 * scale))\" cy=\"\(fixed(-point.lat * 100))\" r=\"\(fixed(radius))\"/></a>"
        }
        svg += "</g></svg>"
        return (svg, caption(events: events, located: located, isWorld: isWorld))
    }

    /// The events' box, padded, at least three degrees across, no taller than wide; the world when
    /// the events are spread over more than a continent.
    static func frame(_ points: [EventFacets.MapPoint]) -> (
        minX: Double, minY: Double, maxX: Double, maxY: Double
    ) {
        let xs = points.map { $0.lon * 100 }
        let ys = points.map { -$0.lat * 100 }
        var minX = xs.min()!
        var maxX = xs.max()!
        var minY = ys.min()!
        var maxY = ys.max()!
        if maxX - minX > 9000 || maxY - minY > 5000 { return worldFrame }
        let padX = max(150, (maxX - minX) * 0.15)
        let padY = max(150, (maxY - minY) * 0.15)
        minX -= padX
        maxX += padX
        minY -= padY
        maxY += padY
        // A wide frame: at least 1.6 times as wide as tall (after the cosine), so the map stays low.
        let scale = max(0.2, cos(-(minY + maxY) / 2 / 100 * .pi / 180))
        let wanted = (maxY - minY) * 1.6 / scale
        if maxX - minX < wanted {
            let grow = (wanted - (maxX - minX)) / 2
            minX -= grow
            maxX += grow
        } else {
            let tall = (maxX - minX) * scale / 1.6
            let grow = (tall - (maxY - minY)) / 2
            minY -= grow
            maxY += grow
        }
        return (minX.rounded(), minY.rounded(), maxX.rounded(), maxY.rounded())
    }

    /// The map in words: how many events it shows, and where the most are.
    static func caption(events: [EventFacets], located: [EventFacets], isWorld: Bool) -> String {
        var counts: [String: Int] = [:]
        for event in located {
            let place = event.point!.title.components(separatedBy: " — ").last ?? ""
            if !place.isEmpty { counts[place, default: 0] += 1 }
        }
        let top = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let named = top.prefix(8).map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
        let more = top.count > 8 ? " and \(top.count - 8) more places" : ""
        let unplaced = events.count - located.count
        return
            "Map of \(located.count) located event\(located.count == 1 ? "" : "s")\(isWorld ? " around the world" : "")"
            + (unplaced > 0 ? " (\(unplaced) more without a town or region)" : "")
            + (named.isEmpty ? "." : ": \(named)\(more).") + " Rings: places known only roughly."
            + " Outlines: Natural Earth."
    }

    private static func fixed(_ value: Double, _ digits: Int = 1) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// Text for an attribute or element of the SVG (XML's escaping, as the Atom feed's).
    static func escape(_ text: String) -> String { AtomFeed.escape(text) }
}
