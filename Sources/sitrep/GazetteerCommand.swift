import ArgumentParser
import Extraction
import Foundation
import Pipeline

/// `sitrep gazetteer`: manage the places Sitrep knows beyond its bundled gazetteer.
struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Add places from GeoNames dumps for villages the bundled gazetteer lacks.",
        subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Import populated places from GeoNames dumps (UA.txt, allCountries.txt) and alternateNamesV2.txt."
        )

        @Argument(help: "GeoNames files: country or allCountries dumps, and alternateNamesV2.txt.")
        var files: [String]

        @Option(help: "The state folder the places are kept in.")
        var state: String = ".sitrep"

        func run() throws {
            for file in files where !FileManager.default.fileExists(atPath: file) {
                throw ValidationError("cannot read '\(file)': no such file")
            }
            let report = try Pipeline.importGazetteer(files, state: state)
            print(
                "Imported \(report.places) new places and \(report.alternateNames) alternate names into "
                    + "\(Pipeline.userPlacesFile(state: state).path)"
                    + (report.skippedLines > 0
                        ? "; \(report.skippedLines) lines were not GeoNames records" : ""))
        }
    }
}
