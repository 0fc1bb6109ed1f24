import Crypto
import Foundation
import Mustache

/// The site's templates (`page`, `timeline`, `event`, `about` `.mustache`) and assets: built in,
/// each overridable by a file of the same name in a folder the user gives. A template that does not parse stops the build before anything is
/// written, with the file, line and column.
public struct TemplateSet: Sendable {
    /// A template that could not be read or parsed.
    public struct TemplateError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var column: Int?
        public var reason: String
        public var description: String {
            let position = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
            return "template error in \(file)\(position): \(reason)"
        }
    }

    public static let names = ["page", "timeline", "event", "about"]

    let templates: [String: MustacheTemplate]
    /// Files under `assets/`, by path relative to it.
    let assets: [String: Data]
    /// A digest of every template and asset: rendered pieces kept from a build with other
    /// templates are not reused.
    public let fingerprint: String

    /// The built-in templates and assets, shipped inside the executable's resources.
    public static var builtInFolder: URL? {
        Bundle.module.url(forResource: "Templates", withExtension: nil)
    }

    /// The built-in templates, each replaced by the file of its name in `overrides` when there is
    /// one (a folder with only `event.mustache` changes only the cards); assets likewise.
    public init(overrides: String? = nil) throws {
        guard let builtIn = Self.builtInFolder?.path else {
            throw TemplateError(
                file: "Templates", reason: "the built-in templates are missing from the installation")
        }
        if let overrides {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: overrides, isDirectory: &isFolder),
                isFolder.boolValue
            else {
                throw TemplateError(file: overrides, reason: "no such templates folder")
            }
        }
        let folders = [overrides, builtIn].compactMap { $0 }
        var templates: [String: MustacheTemplate] = [:]
        var hasher = SHA256()
        for name in Self.names {
            let file = "\(name).mustache"
            let path =
                folders.map { ($0 as NSString).appendingPathComponent(file) }
                .first { FileManager.default.fileExists(atPath: $0) } ?? file
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TemplateError(file: path, reason: "the template is missing")
            }
            hasher.update(data: Data(name.utf8))
            hasher.update(data: data)
            templates[name] = try Self.parse(data, path: path)
        }
        var assets: [String: Data] = [:]
        for folder in folders.reversed() {
            let assetFolder = (folder as NSString).appendingPathComponent("assets")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: assetFolder)) ?? []
            for name in names where !name.hasPrefix(".") {
                let path = (assetFolder as NSString).appendingPathComponent(name)
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder),
                    !isFolder.boolValue,
                    let data = FileManager.default.contents(atPath: path)
                else { continue }
                assets[name] = data
            }
        }
        for name in assets.keys.sorted() {
            hasher.update(data: Data(name.utf8))
            hasher.update(data: assets[name]!)
        }
        self.templates = templates
        self.assets = assets
        fingerprint = hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Writes the built-in templates and assets into `folder` for editing; refuses to overwrite a
    /// file unless `force`. - Returns: the files written.
    public static func export(to folder: String, force: Bool) throws -> [String] {
        guard let builtIn = builtInFolder else {
            throw TemplateError(
                file: "Templates", reason: "the built-in templates are missing from the installation")
        }
        let manager = FileManager.default
        var files = names.map { "\($0).mustache" }
        let assetNames =
            (try? manager.contentsOfDirectory(atPath: builtIn.appendingPathComponent("assets").path)) ?? []
        files += assetNames.filter { !$0.hasPrefix(".") }.sorted().map { "assets/\($0)" }
        let existing = files.filter {
            manager.fileExists(atPath: (folder as NSString).appendingPathComponent($0))
        }
        if !force, let first = existing.first {
            throw TemplateError(
                file: (folder as NSString).appendingPathComponent(first),
                reason:
                    "the file exists (\(existing.count) of the \(files.count) would be overwritten); use --force"
            )
        }
        try manager.createDirectory(
            atPath: (folder as NSString).appendingPathComponent("assets"), withIntermediateDirectories: true)
        for file in files {
            let data = try Data(contentsOf: builtIn.appendingPathComponent(file))
            try data.write(
                to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(file)), options: .atomic)
        }
        return files
    }

    private static func parse(_ data: Data, path: String) throws -> MustacheTemplate {
        guard let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(file: path, reason: "the template is not UTF-8 text")
        }
        do {
            // Every template escapes as HTML, with Sitrep's escaper (the same five characters as
            // Mustache's, a byte at a time).
            return try MustacheTemplate(string: Self.pragma + text)
        } catch let error as MustacheTemplate.ParserError {
            let line = error.context.lineNumber
            let column =
                line == 1 ? error.context.columnNumber - Self.pragma.count : error.context.columnNumber
            throw TemplateError(
                file: path, line: line, column: max(column, 1), reason: Self.explain(error.error))
        } catch {
            throw TemplateError(file: path, reason: "\(error)")
        }
    }

    private static let pragma: String = {
        MustacheContentTypes.register(FastHTML(), named: "SITREP_HTML")
        return "{{% CONTENT_TYPE: SITREP_HTML}}"
    }()

    /// HTML escaping of `&`, `<`, `>`, `"` and `'` over UTF-8 bytes.
    struct FastHTML: MustacheContentType {
        func escapeText(_ text: String) -> String {
            var needs = false
            for byte in text.utf8
            where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
                needs = true
                break
            }
            guard needs else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count + 16)
            for byte in text.utf8 {
                switch byte {
                case 0x26: out += Array("&amp;".utf8)
                case 0x3C: out += Array("&lt;".utf8)
                case 0x3E: out += Array("&gt;".utf8)
                case 0x22: out += Array("&quot;".utf8)
                case 0x27: out += Array("&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    func render(_ name: String, _ context: [String: Any]) -> String {
        templates[name]?.render(context) ?? ""
    }

    /// Every variable and section name the templates use, for tests that check the data has them.
    public func tagNames() -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for (name, template) in templates {
            let text = template.description
            var names = Set<String>()
            var rest = text[...]
            while let open = rest.range(of: "{{") {
                guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else { break }
                var tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if tag.hasPrefix("{") { tag.removeFirst() }
                if let first = tag.first, "#^/&".contains(first) { tag.removeFirst() }
                tag = tag.trimmingCharacters(in: .whitespaces)
                // "." is the value of the section it stands in, not a name of the data.
                if !tag.isEmpty && tag != "." && !tag.hasPrefix("!") && !tag.hasPrefix(">")
                    && !tag.hasPrefix("%")
                {
                    names.insert(tag)
                }
                rest = rest[close.upperBound...]
            }
            result[name] = names
        }
        return result
    }

    private static func explain(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect:
            return "a section is closed with another name than it was opened with"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        default: return "\(error)"
        }
    }
}
