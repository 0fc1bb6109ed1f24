import EventModel
import Foundation
import Rendering

// Rendering benchmark: renders N merged events (default 10,000) into the site and feeds — every
// event's card, CSV row, GeoJSON feature and events.json fragment, then every page and feed —
// and reports the time, the size of the first page and peak memory. The events come from an
// events.json, such as the one BuildBenchmark leaves behind.
//
// Usage: RenderBenchmark EVENTS_JSON [--events N] [--templates DIR]

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
    return value
}
let count = Int(option("--events") ?? "") ?? 10_000
let templates = option("--templates")
let input =
    arguments.first
    ?? (NSTemporaryDirectory() as NSString).appendingPathComponent(
        "sitrep-build-benchmark/Output/events.json")
guard let data = FileManager.default.contents(atPath: input) else {
    FileHandle.standardError.write(
        Data("RenderBenchmark: cannot read \(input) (run BuildBenchmark first)\n".utf8))
    exit(2)
}
let document = try SitrepJSON.decode(EventsDocument.self, from: data)
let events = Array(document.events.prefix(count))

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

let renderer = SiteRenderer(
    templates: try TemplateSet(overrides: templates), siteURL: "https://example.org/timeline/")
let start = DispatchTime.now().uptimeNanoseconds
let rendered = try renderer.render(events)
let eventsDone = DispatchTime.now().uptimeNanoseconds
var files = try renderer.site(
    events: rendered, feed: Array(events.prefix(renderer.feedSize)), articleCount: document.articles.count)
files["events.json"] = EventsJSON.document(articles: [], events: rendered.map(\.json))
let end = DispatchTime.now().uptimeNanoseconds
let bytes = files.values.reduce(0) { $0 + $1.count }
print("Rendering \(events.count) events of \(input)")
print(
    String(
        format: "  events   %.2f s (card, CSV row, GeoJSON feature and JSON fragment of each)",
        Double(eventsDone - start) / 1e9))
print(
    String(
        format: "  site     %.2f s (%d files, %.0f MB: pages, feeds, CSV, GeoJSON, events.json)",
        Double(end - eventsDone) / 1e9, files.count, Double(bytes) / 1e6))
print(String(format: "  total    %.2f s", Double(end - start) / 1e9))
print(
    String(
        format: "  index.html %.2f MB; peak memory %.0f MB", Double(files["index.html"]?.count ?? 0) / 1e6,
        peakMemoryMB()))
