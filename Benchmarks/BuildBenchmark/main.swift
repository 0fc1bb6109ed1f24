import EventModel
import Foundation
import Ingest

// Build benchmark: a realistic corpus of 10,000 articles generated from the development corpus
// (its stories re-dated by whole weeks, their towns swapped for others of the same country, and
// one story in four re-told by another outlet), then `sitrep build` run as a user runs it:
// the full build, the rebuild with nothing changed, after adding one article, after changing
// one. Prints wall time and peak memory of each run.
//
// Then the templates are changed (a copy, with one more CSS comment), so every event is rendered
// again without being read again: the rendering time of the whole timeline.
//
// Usage: BuildBenchmark [CORPUS_FOLDER] [--articles N] [--work FOLDER] [--sitrep PATH] [--templates DIR]

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    let value = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
    return value
}
let count = Int(option("--articles") ?? "") ?? 10_000
let work =
    option("--work") ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("sitrep-build-benchmark")
let executableFolder = (CommandLine.arguments[0] as NSString).deletingLastPathComponent
let sitrep = option("--sitrep") ?? (executableFolder as NSString).appendingPathComponent("sitrep")
let templates = option("--templates")
let corpus = arguments.first ?? "../shared/corpus"

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("BuildBenchmark: \(message)\n".utf8))
    exit(2)
}
guard FileManager.default.isExecutableFile(atPath: sitrep) else {
    fail("no sitrep executable at \(sitrep) (swift build -c release first)")
}

// MARK: The corpus

let sources = ["voa-dev.jsonl", "synthetic-dev.jsonl"].map { (corpus as NSString).appendingPathComponent($0) }
let stories = ArticleLoader().load(sources).compactMap { try? $0.get() }.filter { $0.published != nil }
guard !stories.isEmpty else { fail("no dated articles under \(corpus)") }

/// Towns of one country that stand in for each other when a story is re-told elsewhere.
let townGroups: [[String]] = [
    ["Kharkiv", "Sumy", "Odesa", "Dnipro", "Zaporizhzhia", "Kherson", "Mykolaiv", "Poltava", "Chernihiv"],
    ["Kursk", "Belgorod", "Bryansk", "Voronezh", "Oryol", "Rostov"],
    ["Quetta", "Peshawar", "Bannu", "Sibi", "Dera Ismail Khan", "Kohat", "Turbat"],
    ["Kabul", "Kandahar", "Herat", "Jalalabad", "Kunduz", "Ghazni"],
    ["Mogadishu", "Beledweyne", "Baidoa", "Kismayo", "Jowhar", "Galkayo"],
    ["Khartoum", "Omdurman", "El Fasher", "Nyala", "Wad Madani", "El Obeid"],
    ["Gaza", "Khan Younis", "Rafah", "Jabalia", "Deir al-Balah"],
    ["Goma", "Bukavu", "Beni", "Butembo", "Bunia", "Uvira"],
    ["Port-au-Prince", "Kenscoff", "Pétion-Ville", "Croix-des-Bouquets", "Cap-Haïtien"],
]
let outlets = ["Wire One", "Daily Front", "Border Post", "Evening Dispatch", "Field Report", "Global Desk"]

func shifted(_ date: String, weeks: Int) -> String {
    guard let day = CalendarDay(String(date.prefix(10))) else { return date }
    return day.adding(days: 7 * weeks).description
}

func swapTowns(_ text: String, by step: Int) -> String {
    guard step > 0 else { return text }
    var result = text
    for group in townGroups {
        // Through placeholders, so a swap is never swapped again.
        for (index, town) in group.enumerated() where result.contains(town) {
            result = result.replacingOccurrences(of: town, with: "\u{1}\(index)\u{2}")
        }
        for index in group.indices {
            result = result.replacingOccurrences(
                of: "\u{1}\(index)\u{2}", with: group[(index + step) % group.count])
        }
    }
    return result
}

func article(_ story: Article, variant: Int, outlet: String, retold: Bool) -> String {
    let weeks = variant / stories.count
    var text = swapTowns(story.text, by: variant % 5)
    if retold {
        // Another outlet's version: its own opening words, the same facts.
        text = "(\(outlet)) — " + text.replacingOccurrences(of: " said ", with: " told reporters ")
    }
    return """
        title: \(story.title ?? "Report")
        outlet: \(outlet)
        url: https://example.org/\(variant)\(retold ? "-b" : "")
        published: \(shifted(story.published ?? "2025-03-15", weeks: weeks))
        ---
        \(text)

        """
}

func generate(into folder: String) throws {
    try? FileManager.default.removeItem(atPath: folder)
    var written = 0
    var variant = 0
    while written < count {
        let story = stories[variant % stories.count]
        let outlet = outlets[variant % outlets.count]
        let batch = (folder as NSString).appendingPathComponent(String(format: "batch-%03d", written / 500))
        try FileManager.default.createDirectory(atPath: batch, withIntermediateDirectories: true)
        try Data(article(story, variant: variant, outlet: outlet, retold: false).utf8).write(
            to: URL(fileURLWithPath: (batch as NSString).appendingPathComponent("a\(variant).txt")))
        written += 1
        if variant % 4 == 0 && written < count {
            let other = outlets[(variant + 3) % outlets.count]
            try Data(article(story, variant: variant, outlet: other, retold: true).utf8).write(
                to: URL(fileURLWithPath: (batch as NSString).appendingPathComponent("b\(variant).txt")))
            written += 1
        }
        variant += 1
    }
}

// MARK: Running sitrep

struct Run {
    var seconds: Double
    var peakMB: Double
    var summary: String
}

func build(_ arguments: [String]) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: sitrep)
    process.arguments = ["build"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    let start = DispatchTime.now().uptimeNanoseconds
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
    guard process.terminationStatus == 0 else { fail("sitrep build failed: \(lines.last ?? "")") }
    return Run(seconds: seconds, peakMB: Double(usage.ru_maxrss) / 1024, summary: String(lines.last ?? ""))
}

let articles = (work as NSString).appendingPathComponent("articles")
let out = (work as NSString).appendingPathComponent("Output")
let state = (work as NSString).appendingPathComponent("state")
let generateStart = DispatchTime.now().uptimeNanoseconds
try generate(into: articles)
try? FileManager.default.removeItem(atPath: out)
try? FileManager.default.removeItem(atPath: state)
print(
    "Corpus: \(count) articles from \(stories.count) development stories in \(articles) (\(String(format: "%.1f", Double(DispatchTime.now().uptimeNanoseconds - generateStart) / 1e9)) s to write)"
)
let common = [articles, "--out", out, "--state", state] + (templates.map { ["--templates", $0] } ?? [])

let full = try build(common)
print(
    String(format: "full build        %7.2f s   peak %4.0f MB   %@", full.seconds, full.peakMB, full.summary))
let idle = try build(common)
print(String(format: "nothing changed   %7.2f s                  %@", idle.seconds, idle.summary))

// Three articles arrive one after another, each followed by a build (as `sitrep watch` does).
var addTimes: [Double] = []
for step in 1...3 {
    let extra = (articles as NSString).appendingPathComponent("batch-000/added-\(step).txt")
    try Data(article(stories[step], variant: count + step, outlet: "Late Edition", retold: false).utf8).write(
        to: URL(fileURLWithPath: extra))
    let added = try build(common)
    addTimes.append(added.seconds)
    print(
        String(
            format: "one article added %7.2f s   (%.0fx faster than full)   %@", added.seconds,
            full.seconds / added.seconds, added.summary))
}
print(String(format: "median of the three: %.2f s", addTimes.sorted()[1]))

let changedFile = (articles as NSString).appendingPathComponent("batch-001/a600.txt")
if var text = try? String(contentsOfFile: changedFile, encoding: .utf8) {
    text += "\nThe death toll rose to 12, officials said on Sunday.\n"
    try Data(text.utf8).write(to: URL(fileURLWithPath: changedFile))
    let changed = try build(common)
    print(String(format: "one article changed %5.2f s   %@", changed.seconds, changed.summary))
}
let idleAgain = try build(common)
print(String(format: "nothing changed   %7.2f s   %@", idleAgain.seconds, idleAgain.summary))
// A stylesheet of the user's replaces the built-in one.
let overrides = (work as NSString).appendingPathComponent("templates-override")
try FileManager.default.createDirectory(
    atPath: (overrides as NSString).appendingPathComponent("assets"), withIntermediateDirectories: true)
try Data("/* the user's stylesheet */\nbody { margin: 0 }\n".utf8).write(
    to: URL(fileURLWithPath: (overrides as NSString).appendingPathComponent("assets/style.css")))
let rendered = try build(common + ["--templates", overrides])
print(
    String(
        format: "templates changed %7.2f s   (every event rendered again)   %@", rendered.seconds,
        rendered.summary))
let index = (out as NSString).appendingPathComponent("index.html")
let indexSize = (try? FileManager.default.attributesOfItem(atPath: index)[.size] as? NSNumber)?.intValue ?? 0
let pages =
    (try? FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".html") }.count) ?? 0
print(String(format: "first page        index.html %.2f MB; %d pages in all", Double(indexSize) / 1e6, pages))
print(String(format: "peak memory of any build: %.0f MB", try build(common).peakMB))
