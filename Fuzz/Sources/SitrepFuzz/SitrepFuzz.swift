import EventModel
import Extraction
import Foundation
import Ingest

/// One fuzz target, chosen by `SITREP_FUZZ_TARGET`: `html` (the HTML reader), `text` (plain text
/// with front matter), `jsonl` (JSON Lines records), `gzip` (inflation, through the loader),
/// `dates` (the date tagger) or `extract` (the whole extractor on text). Every input must give a
/// result or an error, never a crash, a hang or a sanitizer report.
enum Target: String {
    case html, text, jsonl, gzip, dates, extract

    static let chosen: Target = {
        let name = ProcessInfo.processInfo.environment["SITREP_FUZZ_TARGET"] ?? "html"
        guard let target = Target(rawValue: name) else { fatalError("unknown SITREP_FUZZ_TARGET \(name)") }
        return target
    }()
}

let extractor = EventExtractor()
let tagger = DateTagger()
let loader = ArticleLoader()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    switch Target.chosen {
    case .html:
        _ = try? HTMLArticleReader().read(data, path: "fuzz.html")
    case .text:
        _ = try? PlainTextArticleReader().read(data, path: "fuzz.txt")
    case .jsonl:
        _ = ArticleRecordReader().read(data, path: "fuzz.jsonl")
    case .gzip:
        _ = loader.read(data: data, path: "fuzz.txt.gz")
    case .dates:
        let text = String(decoding: data, as: UTF8.self)
        _ = tagger.tag(text, reference: CalendarDay("2025-03-15"))
    case .extract:
        let text = String(decoding: data, as: UTF8.self)
        let article = Article(
            metadata: ArticleMetadata(
                id: ArticleID("fuzz"), published: "2025-03-15", publishedSource: .commandLine),
            text: text)
        _ = extractor.extract(from: article)
    }
    return 0
}

// SwiftPM links an executable target's entry point as `SitrepFuzz_main`; it hands over to
// libFuzzer's driver with the callback above.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("SitrepFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzz)
}
