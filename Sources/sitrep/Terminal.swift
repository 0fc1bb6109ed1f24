import Foundation

/// Messages for people: warnings and errors go to standard error, one line each.
enum Terminal {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("sitrep: \(message)\n".utf8))
    }
}
