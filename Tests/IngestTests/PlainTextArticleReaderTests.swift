import EventModel
import Foundation
import TestSupport
import Testing

@testable import Ingest

struct PlainTextArticleReaderTests {
    private func seed(_ prefix: String) throws -> Article {
        let name = prefix == "000" ? "000_0b0464a6efbcf63f.txt" : "001_d33219e54e74d3a5.txt"
        return try PlainTextArticleReader().read(try Fixtures.data(name), path: name)
    }

    private let boilerplate = [
        "Leave a Reply", "Your email address will not be published", "Required fields are marked",
        "We are having trouble retrieving the article content", "Please enable JavaScript",
        "Thank you for your patience", "Already a subscriber", "Want all of The Times", "Source: Elections",
    ]

    @Test func mirrorCopyKeepsEveryParagraphAndDropsTheCommentForm() throws {
        let article = try seed("000")
        #expect(article.title == "Russia Presses Offensive in Kursk Amid Cease-Fire Talks With U.S.")
        let paragraphs = article.paragraphs
        #expect(paragraphs.count == 15)
        #expect(paragraphs.first?.hasPrefix("Moscow is pressing its offensive") == true)
        #expect(
            paragraphs.last?.hasPrefix("Russia’s Defense Ministry also said that Russian engineering forces")
                == true)
        #expect(article.text.contains("The missiles struck a residential district in Kryvyi Rih"))
        #expect(
            article.text.contains("A total of 161 explosions were reported in the region over the last night")
        )
        for line in boilerplate { #expect(!article.text.contains(line), "left in: \(line)") }
        #expect(
            !article.text.contains("Russia Presses Offensive"), "the headline is the title, not body text")
        #expect(article.warnings.contains("boilerplate removed (2 paragraphs)"))
        #expect(article.warnings.contains("no publication date"))
        #expect(article.published == nil)
    }

    @Test func paywalledCopyKeepsEveryParagraphAndDropsThePaywall() throws {
        let article = try seed("001")
        let paragraphs = article.paragraphs
        #expect(paragraphs.count == 9)
        #expect(
            paragraphs.first?.hasPrefix("Moscow said it had retaken two villages outside the town of Sudzha")
                == true)
        #expect(paragraphs.last?.hasSuffix("“There is no encirclement of our troops.”") == true)
        #expect(article.text.contains("But President Volodymyr Zelensky of Ukraine denied"))
        for line in boilerplate { #expect(!article.text.contains(line), "left in: \(line)") }
        #expect(article.warnings.contains("boilerplate removed (7 paragraphs)"))
    }

    @Test func frontMatterGivesMetadata() throws {
        let text = """
            title: Missile strike on the port
            published: 2025-03-15T08:30:00+02:00
            outlet: The Example Times
            url: https://example.org/strike
            author: A. Reporter
            ---
            A missile struck the port overnight, officials said on Saturday.

            Two cranes were destroyed.
            """
        let article = try PlainTextArticleReader().read(text: text, path: "strike.md")
        #expect(article.title == "Missile strike on the port")
        #expect(article.published == "2025-03-15T08:30:00+02:00")
        #expect(article.publishedSource == .frontMatter)
        #expect(article.outlet == "The Example Times")
        #expect(article.url == "https://example.org/strike")
        #expect(article.author == "A. Reporter")
        #expect(
            article.paragraphs == [
                "A missile struck the port overnight, officials said on Saturday.",
                "Two cranes were destroyed.",
            ])
        #expect(article.wordCount == 14)
        #expect(article.warnings == ["too little text (14 words)"])
    }

    @Test func unsafeURLsInFrontMatterAreDropped() throws {
        let text = "url: javascript:alert(1)\n---\nA plain paragraph of text about a strike.\n"
        let article = try PlainTextArticleReader().read(text: text, path: "x.txt")
        #expect(article.url == nil)
    }

    @Test func hardWrappedLinesAreJoinedIntoParagraphs() {
        let text =
            "Russian forces shelled the town\nof Kupiansk on Monday, killing two\npeople, officials said.\n\nSecond paragraph."
        #expect(
            PlainTextArticleReader.paragraphs(in: text) == [
                "Russian forces shelled the town of Kupiansk on Monday, killing two people, officials said.",
                "Second paragraph.",
            ])
    }

    @Test func theIDFollowsTheContent() throws {
        let reader = PlainTextArticleReader()
        let first = try reader.read(text: "A paragraph about shelling in the east.", path: "a.txt")
        let again = try reader.read(text: "A paragraph about shelling in the east.", path: "elsewhere/b.txt")
        let other = try reader.read(text: "A paragraph about shelling in the west.", path: "a.txt")
        #expect(first.id == again.id)
        #expect(first.id != other.id)
        #expect(first.id.rawValue.count == 16)
    }

    @Test func aFileOfBoilerplateHasNoText() {
        #expect(throws: IngestError(file: "x.txt", reason: .noText)) {
            try PlainTextArticleReader().read(
                text: "Leave a Reply\n\nPlease enable JavaScript in your browser.", path: "x.txt")
        }
    }
}

extension PlainTextArticleReaderTests {
    @Test func aLoneHeadlineLikeLineIsTheTextToo() throws {
        let article = try PlainTextArticleReader().read(
            Data("Russian drones hit Odesa on Monday, killing two\n".utf8), path: "note.txt")
        #expect(article.title == "Russian drones hit Odesa on Monday, killing two")
        #expect(article.text.contains("killing two"))
    }
}

/// The quick test for white space to fold agrees with folding itself.
struct WhiteSpaceFoldingTests {
    @Test func textNeedsFoldingExactlyWhenFoldingChangesIt() {
        let pieces = [
            "a", "Kyiv", " ", "  ", "\t", "\n", "\u{A0}", "\u{2009}", "\u{202F}", "\u{3000}", "\u{1680}",
            "\u{85}", "é", "“", "—", "x\u{301}", "\u{200B}", ".",
        ]
        var generator = SeededGenerator(state: 42)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let folded = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(
                PlainTextArticleReader.needsFolding(text) == (folded != text), "\(Array(text.unicodeScalars))"
            )
        }
    }
}
