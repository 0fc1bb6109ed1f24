import Foundation

/// Messages for people: warnings and errors go to standard error, one line each.
enum Terminal {
    /// A line on standard output, written at once (not held in a buffer when the output is a
    /// pipe or a log file, as under a service manager).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("sitrep: \(message)\n".utf8))
    }
}
