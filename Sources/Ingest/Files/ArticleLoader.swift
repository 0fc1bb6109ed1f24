import EventModel
import Foundation

/// Turns files and folders into articles: walks folders for supported files, inflates gzip,
/// refuses what is empty, binary or too large, and hands each file to the reader for its type.
/// One bad file is one failure in the results; the others still load.
public struct ArticleLoader: Sendable {
    /// The largest file (or inflated gzip content) read, in bytes.
    public var maximumBytes: Int
    /// Folders below an input that are not walked (the output folder, the state folder).
    public var excludedFolders: [String]

    public static let defaultMaximumBytes = 20 * 1024 * 1024
    /// The largest JSON Lines export read: its records are articles, each held to
    /// `maximumBytes`; the file that carries them may be far larger.
    public static let maximumExportBytes = 8 * 1024 * 1024 * 1024

    /// Whether a file name is a JSON Lines export (optionally gzip'd).
    public static func isExport(_ path: String) -> Bool {
        var name = (path as NSString).lastPathComponent.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        return name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson")
    }

    /// The size limit of a file: one article's, or an export's.
    func limit(for path: String) -> Int { Self.isExport(path) ? Self.maximumExportBytes : maximumBytes }
    static let supportedExtensions: Set<String> = [
        "html", "htm", "xhtml", "txt", "text", "md", "markdown", "jsonl", "ndjson",
    ]

    private let html = HTMLArticleReader()
    private let plain = PlainTextArticleReader()
    private let records = ArticleRecordReader()

    public init(maximumBytes: Int = ArticleLoader.defaultMaximumBytes, excludedFolders: [String] = []) {
        self.maximumBytes = maximumBytes
        self.excludedFolders = excludedFolders.map {
            URL(fileURLWithPath: $0).resolvingSymlinksInPath().standardizedFileURL.path
        }
    }

    /// A file found below the inputs, in a stable order, or why an input could not be used.
    public func files(in inputs: [String]) -> [Result<String, IngestError>] {
        entries(in: inputs).map { $0.map(\.path) }
    }

    /// A file found and its size and time, from the one `stat` the walk makes anyway.
    public struct FoundFile: Sendable {
        public var path: String
        public var size: Int
        public var modified: Double
    }

    /// The files below the inputs with their size and time, in a stable order, or why an input
    /// could not be used.
    public func entries(in inputs: [String]) -> [Result<FoundFile, IngestError>] {
        var results: [Result<FoundFile, IngestError>] = []
        let manager = FileManager.default
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: input, isDirectory: &isDirectory) else {
                results.append(
                    .failure(IngestError(file: input, reason: .unreadable("no such file or folder"))))
                continue
            }
            guard isDirectory.boolValue else {
                let info = FileType.info(input, followingLinks: true)
                results.append(
                    .success(FoundFile(path: input, size: info?.size ?? -1, modified: info?.modified ?? 0)))
                continue
            }
            let root = URL(fileURLWithPath: input).resolvingSymlinksInPath().standardizedFileURL.path
            var visited = Set<FolderIdentity>()
            if let identity = FolderIdentity(input) { visited.insert(identity) }
            results += walk(folder: input, resolved: root, root: root, visited: &visited)
        }
        return results
    }

    /// - Parameters:
    ///   - resolved: the folder's real path (links resolved); its plain entries are inside it.
    ///   - root: the real path of the input folder; nothing outside it is read.
    ///   - visited: the folders read so far: each is read once, however many links lead to it.
    private func walk(
        folder: String, resolved folderResolved: String, root: String, visited: inout Set<FolderIdentity>
    ) -> [Result<FoundFile, IngestError>] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            return [.failure(IngestError(file: folder, reason: .unreadable("the folder cannot be listed")))]
        }
        var results: [Result<FoundFile, IngestError>] = []
        var linked: [(path: String, resolved: String)] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            // One lstat per entry; only a link needs resolving to see where it points.
            guard let entry = FileType.info(path, followingLinks: false) else { continue }
            let resolved =
                entry.type == .link
                ? URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
                : (folderResolved as NSString).appendingPathComponent(name)
            if excludedFolders.contains(where: { resolved == $0 || resolved.hasPrefix($0 + "/") }) {
                continue
            }
            let target = entry.type == .link ? FileType.info(path, followingLinks: true) : entry
            guard let target else { continue }
            let inside = resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/")
            if target.type == .folder {
                guard inside else {
                    results.append(.failure(IngestError(file: path, reason: .outsideInput)))
                    continue
                }
                // Links to folders wait until the folders themselves are read.
                if entry.type == .link {
                    linked.append((path, resolved))
                } else if let identity = FolderIdentity(path), visited.insert(identity).inserted {
                    results += walk(folder: path, resolved: resolved, root: root, visited: &visited)
                }
                continue
            }
            guard Self.isSupported(name) else { continue }
            results.append(
                inside
                    ? .success(FoundFile(path: path, size: target.size, modified: target.modified))
                    : .failure(IngestError(file: path, reason: .outsideInput)))
        }
        // A link to a folder already read (`sub/loop -> ../`) is passed over, said once.
        for (path, resolved) in linked {
            if let identity = FolderIdentity(path), visited.insert(identity).inserted {
                results += walk(folder: path, resolved: resolved, root: root, visited: &visited)
            } else {
                results.append(.failure(IngestError(file: path, reason: .loopingLink)))
            }
        }
        return results
    }

    static func isSupported(_ name: String) -> Bool {
        var name = name.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        return supportedExtensions.contains((name as NSString).pathExtension)
    }

    /// Every article in the inputs, and every failure, in a stable order.
    public func load(_ inputs: [String]) -> [Result<Article, IngestError>] {
        files(in: inputs).flatMap { found -> [Result<Article, IngestError>] in
            switch found {
            case .success(let path): read(file: path)
            case .failure(let error): [.failure(error)]
            }
        }
    }

    /// The articles in one file (a JSON Lines file holds many).
    public func read(file path: String) -> [Result<Article, IngestError>] {
        if Self.isExport(path) {
            // An export is read a record at a time, never whole.
            do throws(IngestError) {
                return records.read(lines: try exportLines(path), path: path)
            } catch {
                return [.failure(error)]
            }
        }
        let data: Data
        do {
            data = try readBytes(path)
        } catch {
            return [.failure(error)]
        }
        return read(data: data, path: path)
    }

    /// The articles in a file's bytes; `path` names the file and chooses the reader by extension.
    public func read(data raw: Data, path: String) -> [Result<Article, IngestError>] {
        do throws(IngestError) {
            var data = raw
            var name = (path as NSString).lastPathComponent.lowercased()
            if Gzip.isCompressed(data) {
                do {
                    data = try Gzip.decompress(data, limit: limit(for: path))
                } catch .tooLarge {
                    throw IngestError(
                        file: path, reason: .tooLarge(bytes: limit(for: path) + 1, limit: limit(for: path)))
                } catch {
                    throw IngestError(file: path, reason: .badGzip)
                }
                if name.hasSuffix(".gz") { name.removeLast(3) }
            } else if name.hasSuffix(".gz") {
                throw IngestError(file: path, reason: .badGzip)
            }
            if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                throw IngestError(file: path, reason: .empty)
            }
            if TextDecoding.looksBinary(data) { throw IngestError(file: path, reason: .binary) }
            switch (name as NSString).pathExtension {
            case "jsonl", "ndjson":
                return records.read(data, path: path, maximumRecordBytes: maximumBytes)
            case "html", "htm", "xhtml":
                return [.success(try html.read(data, path: path))]
            case "txt", "text", "md", "markdown":
                return [.success(try plain.read(data, path: path))]
            default:
                // Named on the command line with another extension: sniff for markup.
                let head = String(decoding: data.prefix(1024), as: UTF8.self).lowercased()
                if head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") {
                    return [.success(try html.read(data, path: path))]
                }
                return [.success(try plain.read(data, path: path))]
            }
        } catch {
            return [.failure(error)]
        }
    }

    /// The records of a JSON Lines export (optionally gzip'd), streamed.
    public func exportLines(_ path: String) throws(IngestError) -> ExportLines {
        if FileType.info(path, followingLinks: true)?.type == .folder {
            throw IngestError(file: path, reason: .unreadable("a folder"))
        }
        return try ExportLines.file(path, maximumRecordBytes: maximumBytes)
    }

    /// The records of a plain export after its first `prefix.lines` lines (`prefix.bytes` bytes).
    public func exportLines(_ path: String, after prefix: ExportPrefix) throws(IngestError) -> ExportLines {
        try ExportLines.file(
            path, from: prefix.bytes, afterLine: prefix.lines, maximumRecordBytes: maximumBytes)
    }

    /// The publication date candidates of a saved web page (optionally gzip'd) and the one
    /// chosen; nil for other files.
    public func publication(file path: String) -> PublicationChoice? {
        guard var data = try? readBytes(path) else { return nil }
        if Gzip.isCompressed(data) {
            guard let inflated = try? Gzip.decompress(data, limit: maximumBytes) else { return nil }
            data = inflated
        }
        let head = String(decoding: data.prefix(2048), as: UTF8.self).lowercased()
        guard
            head.contains("<html") || head.contains("<!doctype html") || head.contains("<head")
                || head.contains("<meta")
        else { return nil }
        return html.publication(data)
    }

    /// A file's bytes, refused when it is missing, a folder, empty or over the size limit.
    public func bytes(of path: String) -> Result<Data, IngestError> {
        do throws(IngestError) {
            return .success(try readBytes(path))
        } catch {
            return .failure(error)
        }
    }

    private func readBytes(_ path: String) throws(IngestError) -> Data {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw IngestError(file: path, reason: .unreadable("no such file"))
        }
        if let type = attributes[.type] as? FileAttributeType, type == .typeDirectory {
            throw IngestError(file: path, reason: .unreadable("a folder"))
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size == 0 { throw IngestError(file: path, reason: .empty) }
        if size > limit(for: path) {
            throw IngestError(file: path, reason: .tooLarge(bytes: size, limit: limit(for: path)))
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw IngestError(file: path, reason: .unreadable("permission denied or I/O error"))
        }
    }
}
