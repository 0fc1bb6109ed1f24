import ArgumentParser
import Foundation
import Rendering

/// `sitrep templates export DIR`: the built-in templates and assets, written out for editing.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with the site's templates.",
        subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Write the built-in templates and assets into a folder, to edit and pass to --templates (files left out keep the built-in version)."
        )

        @Argument(help: "The folder to write into (made when missing).")
        var folder: String

        @Flag(help: "Overwrite files that are already there.")
        var force = false

        func run() throws {
            let files = try TemplateSet.export(to: folder, force: force)
            print("Wrote \(files.count) files into \(folder): \(files.joined(separator: ", ")).")
            print("Edit them, delete the ones you keep as they are, and build with --templates \(folder).")
        }
    }
}
