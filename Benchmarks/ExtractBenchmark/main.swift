import EventModel
import Extraction
import Foundation
import Ingest

// Extraction benchmark: articles per second on one core, gazetteer load time and peak memory,
// over the development corpus's text articles (VOA and synthetic JSON Lines, the seeds).
//
// Usage: ExtractBenchmark [CORPUS_FOLDER] [--repeat N]

var arguments = Array(CommandLine.arguments.dropFirst())
var repeats = 20
if let index = arguments.firstIndex(of: "--repeat"), index + 1 < arguments.count {
    repeats = max(1, Int(arguments[index + 1]) ?? 20)
    arguments.removeSubrange(index...(index + 1))
}
let corpus = arguments.first ?? "../shared/corpus"

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

let loadStart = DispatchTime.now().uptimeNanoseconds
let gazetteer = Gazetteer.bundled
let probe = gazetteer.places(named: "kryvyi rih").count
let loadSeconds = seconds(since: loadStart)

let inputs =
    ["voa-dev.jsonl", "synthetic-dev.jsonl"].map { (corpus as NSString).appendingPathComponent($0) }
    + [((corpus as NSString).deletingLastPathComponent as NSString).appendingPathComponent("seeds")]
var articles = ArticleLoader().load(inputs).compactMap { try? $0.get() }
for index in articles.indices where articles[index].published == nil {
    articles[index].metadata.published = "2025-03-15"
}
guard !articles.isEmpty else {
    FileHandle.standardError.write(Data("ExtractBenchmark: no articles under \(corpus)\n".utf8))
    exit(2)
}
let words = articles.reduce(0) { $0 + $1.wordCount }

let setupStart = DispatchTime.now().uptimeNanoseconds
let extractor = EventExtractor(gazetteer: gazetteer)
_ = extractor.extract(from: articles[0])
let setupSeconds = seconds(since: setupStart)

var events = 0
var best = Double.infinity
for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    var count = 0
    for article in articles { count += extractor.extract(from: article).count }
    best = min(best, seconds(since: start))
    events = count
}
print("Sitrep extraction on \(articles.count) text articles (\(words) words) of \(corpus)")
print(
    String(
        format: "  gazetteer  %.1f ms to load (%d places, %d names; probe %d)", loadSeconds * 1000,
        gazetteer.placeCount, gazetteer.keyCount, probe))
print(String(format: "  lexicons   %.1f ms to load and warm up", setupSeconds * 1000))
print(
    String(
        format: "  speed      %.0f articles/s on one core (best of %d runs, %.1f ms per pass, %d events)",
        Double(articles.count) / best, repeats, best * 1000, events))
print(String(format: "  memory     %.0f MB peak resident", peakMemoryMB()))
