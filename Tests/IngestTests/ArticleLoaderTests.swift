import EventModel
import Foundation
import Testing

@testable import Ingest

struct ArticleLoaderTests {
    private let story = """
        title: A test story
        published: 2025-03-15
        ---
        Shelling hit the town on Saturday, officials said, and two people were hurt in the attack.
        """

    private func failure(_ results: [Result<Article, IngestError>]) throws -> IngestError {
        let first = try #require(results.first)
        guard case .failure(let error) = first else {
            Issue.record("expected a failure, got \(first)")
            throw CancellationError()
        }
        return error
    }

    @Test func emptyAndBlankFilesAreRefusedByName() throws {
        let folder = try TemporaryFolder()
        let empty = try folder.write("", to: "empty.txt")
        let blank = try folder.write("  \n\n \t\n", to: "blank.html")
        let loader = ArticleLoader()
        #expect(try failure(loader.read(file: empty)) == IngestError(file: empty, reason: .empty))
        #expect(try failure(loader.read(file: blank)) == IngestError(file: blank, reason: .empty))
        #expect(
            IngestError(file: empty, reason: .empty).description
                == "cannot read '\(empty)': the file is empty")
    }

    @Test func binaryJunkIsRefused() throws {
        let folder = try TemporaryFolder()
        var junk = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37) })
        junk[10] = 0
        let path = try folder.write(junk, to: "junk.html")
        #expect(try failure(ArticleLoader().read(file: path)) == IngestError(file: path, reason: .binary))
    }

    @Test func filesOverTheLimitAreRefusedWithTheirSize() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(String(repeating: "word ", count: 400), to: "big.txt")
        let loader = ArticleLoader(maximumBytes: 1024)
        #expect(
            try failure(loader.read(file: path))
                == IngestError(file: path, reason: .tooLarge(bytes: 2000, limit: 1024)))
    }

    @Test func theLimitOfAnExportIsPerRecord() throws {
        let folder = try TemporaryFolder()
        func record(_ id: Int, words: Int) -> String {
            let text = String(repeating: "Shelling hit the town on Saturday, officials said. ", count: words)
            return #"{"id":"r\#(id)","published":"2025-03-15","text":"\#(text)"}"#
        }
        // 3 records of about 700 bytes and one of 2,600: the file is over the 1,024-byte limit,
        // one record is.
        let lines = [record(1, words: 13), record(2, words: 13), record(3, words: 50), record(4, words: 13)]
        let path = try folder.write(lines.joined(separator: "\n"), to: "export.jsonl")
        let results = ArticleLoader(maximumBytes: 1024).read(file: path)
        #expect(results.count == 4)
        #expect(
            results.compactMap { try? $0.get() }.map(\.path) == ["\(path)#r1", "\(path)#r2", "\(path)#r4"])
        guard case .failure(let error) = results[2], case .badRecord(let line, let why) = error.reason else {
            Issue.record("the big record was not refused on its own")
            return
        }
        #expect(line == 3 && why.hasPrefix("too large"))
        // Any other file over the limit is still refused whole.
        let page = try folder.write(String(repeating: "word ", count: 400), to: "big.txt")
        guard case .failure(let big) = try #require(ArticleLoader(maximumBytes: 1024).read(file: page).first),
            case .tooLarge = big.reason
        else {
            Issue.record("a text over the limit was read")
            return
        }
    }

    @Test func gzipThatInflatesPastTheLimitIsRefused() throws {
        let folder = try TemporaryFolder()
        let bomb = try gzipped(Data(repeating: UInt8(ascii: "a"), count: 200_000))
        let path = try folder.write(bomb, to: "bomb.txt.gz")
        let error = try failure(ArticleLoader(maximumBytes: 10_000).read(file: path))
        guard case .tooLarge = error.reason else {
            Issue.record("expected tooLarge, got \(error)")
            return
        }
    }

    @Test func brokenGzipIsRefused() throws {
        let folder = try TemporaryFolder()
        var broken = try gzipped(Data(story.utf8))
        broken.replaceSubrange(12..<24, with: Data(repeating: 0xFF, count: 12))
        let path = try folder.write(broken, to: "story.txt.gz")
        #expect(try failure(ArticleLoader().read(file: path)) == IngestError(file: path, reason: .badGzip))
    }

    @Test func undecodableTextIsRefused() throws {
        let folder = try TemporaryFolder()
        // A UTF-16 byte-order mark followed by an odd number of bytes with a lone surrogate.
        let path = try folder.write(Data([0xFF, 0xFE, 0x00, 0xD8, 0x41]), to: "utf16.txt")
        #expect(
            try failure(ArticleLoader().read(file: path)) == IngestError(file: path, reason: .undecodable))
    }

    @Test func missingInputsAreReported() throws {
        let results = ArticleLoader().load(["/nonexistent/sitrep/input"])
        #expect(
            try failure(results)
                == IngestError(
                    file: "/nonexistent/sitrep/input", reason: .unreadable("no such file or folder")))
    }

    @Test func gzipFilesAreReadTransparently() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(try gzipped(Data(story.utf8)), to: "story.txt.gz")
        let article = try #require(try ArticleLoader().read(file: path).first?.get())
        #expect(article.title == "A test story")
        #expect(article.text.hasPrefix("Shelling hit the town"))
    }

    @Test func foldersAreWalkedRecursivelyInOrderForSupportedFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write(story, to: "b/inner.md")
        try folder.write(story.replacingOccurrences(of: "Saturday", with: "Friday"), to: "a.txt")
        try folder.write(Data([0x89, 0x50, 0x4E, 0x47]), to: "picture.png")
        try folder.write(story, to: ".hidden.txt")
        let found = ArticleLoader().files(in: [folder.url.path]).compactMap { try? $0.get() }
        #expect(found.map { ($0 as NSString).lastPathComponent } == ["a.txt", "inner.md"])
    }

    @Test func excludedFoldersAreNotWalked() throws {
        let folder = try TemporaryFolder()
        try folder.write(story, to: "in/story.txt")
        try folder.write(story, to: "in/Output/copy.txt")
        let loader = ArticleLoader(excludedFolders: [folder.url.appendingPathComponent("in/Output").path])
        let found = loader.files(in: [folder.url.appendingPathComponent("in").path]).compactMap {
            try? $0.get()
        }
        #expect(found.map { ($0 as NSString).lastPathComponent } == ["story.txt"])
    }

    @Test func linksPointingOutsideTheInputAreRefused() throws {
        let outside = try TemporaryFolder()
        let secret = try outside.write(story, to: "secret.txt")
        let folder = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("link.txt").path, withDestinationPath: secret)
        let results = ArticleLoader().files(in: [folder.url.path])
        #expect(results.count == 1)
        guard case .failure(let error) = results.first else {
            Issue.record("a link out of the input was followed")
            return
        }
        #expect(error.reason == .outsideInput)
    }

    @Test func eachFolderIsReadOnceWhateverLinksLeadToIt() throws {
        let folder = try TemporaryFolder()
        try folder.write(story, to: "in/a.txt")
        try folder.write(story, to: "in/sub/b.txt")
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("in/sub/loop").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("in/again").path, withDestinationPath: "sub")
        try folder.write(story, to: "elsewhere/c.txt")
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("in/out").path,
            withDestinationPath: folder.url.appendingPathComponent("elsewhere").path)
        let results = ArticleLoader().files(in: [folder.url.appendingPathComponent("in").path])
        let found = results.compactMap { try? $0.get() }.map { ($0 as NSString).lastPathComponent }
        #expect(found.sorted() == ["a.txt", "b.txt"])
        let reasons = results.compactMap { result -> IngestError.Reason? in
            if case .failure(let error) = result { error.reason } else { nil }
        }
        // The folder itself is read ("in/sub/b.txt"); the links to folders already read ("in/again",
        // "in/sub/loop") are passed over, and the one out of the input ("in/out") is refused.
        #expect(results.contains { (try? $0.get())?.hasSuffix("in/sub/b.txt") ?? false })
        #expect(reasons.filter { $0 == .loopingLink }.count == 2)
        #expect(reasons.filter { $0 == .outsideInput }.count == 1)
    }

    @Test func oneBadFileDoesNotStopTheOthers() throws {
        let folder = try TemporaryFolder()
        try folder.write(story, to: "1-good.txt")
        try folder.write("", to: "2-empty.txt")
        try folder.write(story.replacingOccurrences(of: "two", with: "three"), to: "3-good.txt")
        let results = ArticleLoader().load([folder.url.path])
        #expect(results.count == 3)
        #expect(results.compactMap { try? $0.get() }.count == 2)
    }
}
