import EventModel
import Foundation
import Ingest

// Ingest benchmark on the article-extraction-benchmark pages (`corpus/html/aeb`): body F1 with
// the benchmark's own metric (word 4-gram shingles, precision and recall averaged over pages),
// title and date coverage, pages per second on one core, and peak memory.
//
// Usage: IngestBenchmark [AEB_FOLDER] [--repeat N] [--dump FOLDER] [--speed-only]

var arguments = Array(CommandLine.arguments.dropFirst())
var repeats = 3
var dumpFolder: String?
var speedOnly = false
if let index = arguments.firstIndex(of: "--speed-only") {
    speedOnly = true
    arguments.remove(at: index)
}
if let index = arguments.firstIndex(of: "--repeat"), index + 1 < arguments.count {
    repeats = max(1, Int(arguments[index + 1]) ?? 3)
    arguments.removeSubrange(index...(index + 1))
}
if let index = arguments.firstIndex(of: "--dump"), index + 1 < arguments.count {
    dumpFolder = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
}
let folder = arguments.first ?? "../shared/corpus/html/aeb"

struct Truth: Decodable {
    var articleBody: String
    var url: String?
}

guard let truthData = FileManager.default.contents(atPath: folder + "/ground-truth.json"),
    let truth = try? JSONDecoder().decode([String: Truth].self, from: truthData)
else {
    FileHandle.standardError.write(Data("IngestBenchmark: no ground-truth.json in \(folder)\n".utf8))
    exit(2)
}

let keys = truth.keys.sorted()
var pages: [(key: String, bytes: Data)] = []
for key in keys {
    guard let bytes = FileManager.default.contents(atPath: "\(folder)/\(key).html.gz") else { continue }
    pages.append((key, bytes))
}

/// Tokens as the benchmark's `\w+` finds them.
func tokens(_ text: String) -> [Substring] {
    text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
}

func shingles(_ text: String) -> [String: Int] {
    let words = tokens(text)
    var counts: [String: Int] = [:]
    let n = 4
    for start in 0..<max(1, words.count - n + 1) {
        let shingle = words[start..<min(words.count, start + n)].joined(separator: " ")
        if !shingle.isEmpty { counts[shingle, default: 0] += 1 }
    }
    return counts
}

func precisionRecall(truth: String, predicted: String) -> (Double, Double) {
    let expected = shingles(truth)
    let found = shingles(predicted)
    var tp = 0
    var fp = 0
    var fn = 0
    for key in Set(expected.keys).union(found.keys) {
        let e = expected[key] ?? 0
        let f = found[key] ?? 0
        tp += min(e, f)
        fp += max(0, f - e)
        fn += max(0, e - f)
    }
    if tp + fp + fn == 0 { return (1, 1) }
    let precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
    let recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
    return (precision, recall)
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

let loader = ArticleLoader()
var results: [String: Article] = [:]
var failures: [String: String] = [:]
var best = Double.infinity
for _ in 0..<repeats {
    let started = DispatchTime.now().uptimeNanoseconds
    for page in pages {
        switch loader.read(data: page.bytes, path: "\(page.key).html.gz").first {
        case .success(let article): results[page.key] = article
        case .failure(let error): failures[page.key] = error.description
        case nil: failures[page.key] = "nothing read"
        }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    best = min(best, seconds)
}

if speedOnly {
    print(String(format: "speed %.0f pages/s (best of %d runs)", Double(pages.count) / best, repeats))
    exit(0)
}

var precisionSum = 0.0
var recallSum = 0.0
var rows: [(String, Double, Double)] = []
for page in pages {
    let predicted = results[page.key]?.text ?? ""
    let (p, r) = precisionRecall(truth: truth[page.key]!.articleBody, predicted: predicted)
    precisionSum += p
    recallSum += r
    rows.append((page.key, p, r))
}
let precision = precisionSum / Double(pages.count)
let recall = recallSum / Double(pages.count)
let f1 = 2 * precision * recall / (precision + recall)

// Title and date coverage over pages whose markup carries one.
let dateCues = [
    "datepublished", "article:published_time", "pubdate", "<time", "dc.date", "publish-date", "publishdate",
    "sailthru.date", "parsely-pub-date",
]
var withTitle = 0
var titleFound = 0
var withDate = 0
var dateFound = 0
for page in pages {
    let raw = (try? String(decoding: inflate(page.bytes), as: UTF8.self)) ?? ""
    let lower = raw.lowercased()
    if lower.contains("<title") || lower.contains("og:title") || lower.contains("<h1") {
        withTitle += 1
        if results[page.key]?.title?.isEmpty == false { titleFound += 1 }
    }
    let urlHasDate = truth[page.key]?.url.flatMap(PublicationDate.fromURL) != nil
    if urlHasDate || dateCues.contains(where: lower.contains) {
        withDate += 1
        if results[page.key]?.published != nil { dateFound += 1 }
    }
}

func inflate(_ data: Data) throws -> Data {
    // The loader inflates internally; for the markup check a shell-free inflate is enough.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-dc"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(data)
    try input.fileHandleForWriting.close()
    let result = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return result
}

if let dumpFolder {
    try? FileManager.default.createDirectory(atPath: dumpFolder, withIntermediateDirectories: true)
    for row in rows.sorted(by: { $0.1 + $0.2 < $1.1 + $1.2 }) {
        let text = results[row.0]?.text ?? "(failed: \(failures[row.0] ?? "?"))"
        try? text.write(toFile: "\(dumpFolder)/\(row.0).txt", atomically: true, encoding: .utf8)
    }
    let table = rows.map { String(format: "%@\t%.3f\t%.3f", $0.0, $0.1, $0.2) }.joined(separator: "\n")
    try? table.write(toFile: "\(dumpFolder)/scores.tsv", atomically: true, encoding: .utf8)
    let worst = rows.sorted(by: { $0.1 + $0.2 < $1.1 + $1.2 }).prefix(25)
    for row in worst { print(String(format: "  %@ P=%.3f R=%.3f", String(row.0.prefix(12)), row.1, row.2)) }
}

print("Sitrep ingest on \(pages.count) pages of \(folder)")
print(String(format: "  body     F1 %.3f  (precision %.3f, recall %.3f)", f1, precision, recall))
print(
    String(
        format: "  title    %d/%d pages with a title in their markup (%.1f %%)", titleFound, withTitle,
        100 * Double(titleFound) / Double(max(withTitle, 1))))
print(
    String(
        format: "  date     %d/%d pages with a date in their markup (%.1f %%)", dateFound, withDate,
        100 * Double(dateFound) / Double(max(withDate, 1))))
print(
    String(
        format: "  speed    %.0f pages/s on one core (best of %d runs, %.2f s)", Double(pages.count) / best,
        repeats, best))
print(String(format: "  memory   %.0f MB peak resident", peakMemoryMB()))
if !failures.isEmpty { print("  failures \(failures.count): \(failures.values.sorted().prefix(3))") }
