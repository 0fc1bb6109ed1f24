import ArgumentParser

@main
struct Sitrep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitrep",
        abstract: "Turn news articles about armed conflict into a timeline of dated, located events.",
        subcommands: [Build.self, Read.self, Extract.self, Inspect.self, Evaluate.self]
    )
}
