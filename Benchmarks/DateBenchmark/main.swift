import EventModel
import Extraction
import Foundation

// TempEval-3 platinum benchmark for Sitrep's date tagger: for each document the creation time
// (DCT) is the publication date; every TIMEX3 the tagger finds is matched to the gold ones by
// overlapping extent, and a match counts when the TIMEX3 values are equal. Prints value
// precision, recall and F1 (HeidelTime, TempEval-3's best, scores value F1 0.78), extent F1, and
// with --misses the gold expressions missed or valued differently.
//
// Usage: DateBenchmark [TML_FOLDER] [--misses]

var arguments = Array(CommandLine.arguments.dropFirst())
let showMisses = arguments.contains("--misses")
arguments.removeAll { $0 == "--misses" }
let folder = arguments.first ?? "../shared/corpus/timeml/te3-platinum"

struct GoldTimex {
    var start: Int
    var end: Int
    var value: String
    var text: String
}

/// The text of a TimeML document with its TIMEX3 annotations, offsets in Unicode scalars.
func parse(_ document: String) -> (dct: String, text: String, timexes: [GoldTimex])? {
    guard let dctStart = document.range(of: "<DCT>"), let dctEnd = document.range(of: "</DCT>"),
        let valueRange = document[dctStart.upperBound..<dctEnd.lowerBound].range(of: "value=\"")
    else { return nil }
    let dct = String(document[valueRange.upperBound...].prefix(10))
    guard let textStart = document.range(of: "<TEXT>"), let textEnd = document.range(of: "</TEXT>") else {
        return nil
    }
    let body = document[textStart.upperBound..<textEnd.lowerBound]
    var text = ""
    var offset = 0
    var timexes: [GoldTimex] = []
    var open: (start: Int, value: String)?
    var index = body.startIndex
    while index < body.endIndex {
        if body[index] == "<", let close = body[index...].firstIndex(of: ">") {
            let tag = body[index...close]
            if tag.hasPrefix("<TIMEX3"), let v = tag.range(of: "value=\"") {
                let value = tag[v.upperBound...].prefix { $0 != "\"" }
                open = (offset, String(value))
            } else if tag.hasPrefix("</TIMEX3"), let started = open {
                let scalars = Array(text.unicodeScalars)
                let phrase = String(String.UnicodeScalarView(scalars[started.start..<offset]))
                timexes.append(
                    GoldTimex(start: started.start, end: offset, value: started.value, text: phrase))
                open = nil
            }
            index = body.index(after: close)
            continue
        }
        var character = String(body[index])
        if body[index] == "&", let semicolon = body[index...].prefix(8).firstIndex(of: ";") {
            let entity = String(body[index...semicolon])
            let known = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&apos;": "'"]
            if let replacement = known[entity] {
                character = replacement
                index = body.index(after: semicolon)
                text += character
                offset += character.unicodeScalars.count
                continue
            }
        }
        text += character
        offset += character.unicodeScalars.count
        index = body.index(after: index)
    }
    return (dct, text, timexes)
}

let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
    $0.hasSuffix(".tml")
}.sorted()
guard !files.isEmpty else {
    FileHandle.standardError.write(Data("DateBenchmark: no .tml files in \(folder)\n".utf8))
    exit(2)
}

let tagger = DateTagger()
var goldCount = 0
var systemCount = 0
var extentMatches = 0
var valueMatches = 0
var misses: [String] = []
var started = DispatchTime.now().uptimeNanoseconds
for file in files {
    guard let contents = try? String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8),
        let (dct, text, gold) = parse(contents), let reference = CalendarDay(dct)
    else { continue }
    let found = tagger.tag(text, reference: reference)
    goldCount += gold.count
    systemCount += found.count
    var used = Set<Int>()
    for expected in gold {
        guard
            let match = found.indices.first(where: {
                !used.contains($0) && found[$0].start < expected.end && expected.start < found[$0].end
            })
        else {
            misses.append("\(file): missed '\(expected.text)' = \(expected.value)")
            continue
        }
        used.insert(match)
        extentMatches += 1
        if found[match].value == expected.value {
            valueMatches += 1
        } else {
            misses.append(
                "\(file): '\(expected.text)' = \(expected.value), found '\(found[match].text)' = \(found[match].value)"
            )
        }
    }
    for index in found.indices where !used.contains(index) {
        misses.append("\(file): spurious '\(found[index].text)' = \(found[index].value)")
    }
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9

func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
let extentPrecision = Double(extentMatches) / Double(max(systemCount, 1))
let extentRecall = Double(extentMatches) / Double(max(goldCount, 1))
let valuePrecision = Double(valueMatches) / Double(max(systemCount, 1))
let valueRecall = Double(valueMatches) / Double(max(goldCount, 1))
if showMisses { misses.forEach { print($0) } }
print(
    "Sitrep dates on TempEval-3 platinum (\(files.count) documents, \(goldCount) gold TIMEX3, \(systemCount) found)"
)
print(
    String(
        format: "  extent (relaxed) P %.3f  R %.3f  F1 %.3f", extentPrecision, extentRecall,
        f1(extentPrecision, extentRecall)))
print(
    String(
        format: "  value            P %.3f  R %.3f  F1 %.3f   (HeidelTime 0.78)", valuePrecision, valueRecall,
        f1(valuePrecision, valueRecall)))
print(
    String(
        format: "  value accuracy on matched extents %.3f",
        Double(valueMatches) / Double(max(extentMatches, 1))))
print(String(format: "  %.1f ms for all documents", seconds * 1000))
