import ArgumentParser
import Foundation

@main
struct Sitrep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitrep",
        abstract: "Turn news articles about armed conflict into a timeline of dated, located events.",
        subcommands: [
            Build.self, Watch.self, Read.self, Extract.self, Inspect.self, Evaluate.self,
            GazetteerCommand.self, TemplatesCommand.self,
        ]
    )

    /// Runs the command with Sitrep's exit codes: 0 ok, 1 failure, 2 usage.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // Help and version requests print their text and succeed.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue == 0 ? 0 : 1)
        }
    }
}
