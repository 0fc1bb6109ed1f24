import EventModel
import Foundation

/// Events per day by kind family, as an SVG drawn at build time (numbers and fixed words only).
/// Long spans are drawn per week.
enum DayChart {
    static func render(_ events: [EventFacets]) -> (svg: String, caption: String)? {
        let days = events.compactMap { $0.start.flatMap(CalendarDay.init) }
        guard let first = days.min(), let last = days.max() else { return nil }
        let span = last.dayNumber - first.dayNumber + 1
        let step = span > 120 ? 7 : 1
        let buckets = (span + step - 1) / step
        let families = EventPresentation.Family.allCases
        var counts = Array(repeating: Array(repeating: 0, count: families.count), count: buckets)
        for event in events {
            guard let day = event.start.flatMap(CalendarDay.init) else { continue }
            let bucket = (day.dayNumber - first.dayNumber) / step
            counts[bucket][families.firstIndex(of: EventPresentation.Family(event.kind))!] += 1
        }
        let maximum = max(1, counts.map { $0.reduce(0, +) }.max() ?? 1)
        let width = 800.0
        let height = 160.0
        let top = 10.0
        let bottom = 22.0
        let slot = width / Double(buckets)
        let unit = step == 7 ? "week" : "day"
        let range = "\(EventPresentation.dayLabel(first)) – \(EventPresentation.dayLabel(last))"
        var svg =
            "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"chart-title\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg +=
            "<title id=\"chart-title\">Events per \(unit) by kind, \(range); busiest \(unit): \(maximum) events</title>"
        for (index, column) in counts.enumerated() {
            var y = height - bottom
            for (family, count) in zip(families, column) where count > 0 {
                let barHeight = (height - top - bottom) * Double(count) / Double(maximum)
                y -= barHeight
                svg += String(
                    format: "<rect class=\"%@\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                    family.rawValue,
                    Double(index) * slot + slot * 0.1, y, max(slot * 0.8, 0.5), barHeight)
            }
        }
        let labels = [
            (0, first), (buckets - 1, CalendarDay(dayNumber: first.dayNumber + (buckets - 1) * step)),
        ]
        for (index, day) in labels {
            let anchor = index == 0 ? "start" : "end"
            let x = index == 0 ? 0 : width
            svg +=
                "<text class=\"axis\" x=\"\(Int(x))\" y=\"\(Int(height - 6))\" text-anchor=\"\(anchor)\">\(EventPresentation.dayLabel(day))</text>"
        }
        svg += "<text class=\"axis\" x=\"0\" y=\"\(Int(top))\">\(maximum)</text></svg>"
        let present = families.filter { family in counts.contains { $0[families.firstIndex(of: family)!] > 0 }
        }
        svg +=
            "<ul class=\"legend\">"
            + present.map { "<li class=\"\($0.rawValue)\"><span>\($0.label)</span></li>" }.joined() + "</ul>"
        return (svg, "Events per \(unit) on this page, by kind, \(range).")
    }
}
