import EventModel
import Foundation
import Testing

@testable import Ingest

struct HTMLArticleReaderTests {
    private let reader = HTMLArticleReader()

    private static let paragraphs = [
        "KYIV, Ukraine — Russian forces struck the port of Odesa overnight with drones and missiles, damaging grain silos and injuring four people, the regional governor said on Saturday.",
        "The attack, the third on the port this week, set fire to a warehouse holding 2,000 tonnes of wheat, according to the governor, who said that air defences shot down 19 of the 25 drones.",
        "Ukraine’s military said that it had also repelled an assault near Pokrovsk, where fighting has intensified in recent days as Russian troops try to cut a main supply road.",
    ]

    /// A page with the furniture news sites wrap around an article.
    private func page(head: String = "", bodyExtra: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB"><head>
        <meta charset="utf-8">
        <title>Drones hit Odesa port | The Example Post</title>
        <meta property="article:modified_time" content="2025-03-01T09:00:00Z">
        \(head)
        <style>.x { color: red } </style>
        <script>var html = "<p>not text</p>"; if (a < b) { document.write("</div>") }</script>
        </head><body>
        <header class="site-header"><a href="/">The Example Post</a><nav><a href="/world">World</a> <a href="/europe">Europe</a></nav></header>
        <div id="cookie-consent">We use cookies to improve your experience. Accept cookies?</div>
        <main><article class="story">
        <h1>Drones hit Odesa port</h1>
        <div class="byline">By A. Reporter</div>
        <div class="story-body">
        <p>\(Self.paragraphs[0])</p>
        <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
        <p>\(Self.paragraphs[1])</p>
        <div class="ad-slot">Advertisement</div>
        <p>\(Self.paragraphs[2])</p>
        <p style="display: none">Hidden teaser text that no reader sees on the page at all.</p>
        <div class="newsletter-signup"><p>Sign up for our daily newsletter for the latest news.</p></div>
        </div>
        \(bodyExtra)
        </article>
        <aside class="related"><h2>Related</h2><ul><li><a href="/a">Another story about the war in Ukraine and Russia</a></li><li><a href="/b">Yet another story</a></li></ul></aside>
        <section id="comments"><h3>Comments</h3><p>What a terrible story, I think everyone should read this comment.</p></section>
        </main>
        <footer class="site-footer"><p>© 2025 The Example Post. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
        </body></html>
        """
    }

    @Test func keepsTheArticleAndDropsThePageFurniture() throws {
        let html = page(
            head: """
                <meta property="og:title" content="Drones hit Odesa port">
                <meta property="og:site_name" content="The Example Post">
                <meta property="article:published_time" content="2025-03-15T07:45:00+02:00">
                <meta name="author" content="A. Reporter">
                <link rel="canonical" href="https://example.org/world/odesa-port">
                """)
        let article = try reader.read(Data(html.utf8), path: "odesa.html")
        #expect(article.paragraphs.map(String.init) == Self.paragraphs)
        #expect(article.title == "Drones hit Odesa port")
        #expect(article.outlet == "The Example Post")
        #expect(article.url == "https://example.org/world/odesa-port")
        #expect(article.author == "A. Reporter")
        #expect(article.language == "en-GB")
        #expect(article.published == "2025-03-15T07:45:00+02:00")
        #expect(article.publishedSource == .meta)
        #expect(article.warnings.contains("boilerplate removed"))
    }

    @Test func aModifiedDateIsOnlyAFlaggedLastResort() throws {
        let article = try reader.read(Data(page().utf8), path: "odesa.html")
        #expect(article.published == "2025-03-01T09:00:00Z")
        #expect(article.publishedSource == .copyright)
        #expect(article.warnings.contains { $0.contains("last-modified") })
        // Any publication cue beats it.
        let dated = try reader.read(
            Data(
                page(head: #"<meta property="article:published_time" content="2025-02-27T10:00:00Z">"#).utf8),
            path: "odesa.html")
        #expect(dated.published == "2025-02-27T10:00:00Z")
        #expect(!dated.warnings.contains { $0.contains("last-modified") })
        // Without og:title the document title is used, its site suffix removed.
        #expect(article.title == "Drones hit Odesa port")
    }

    @Test(arguments: [
        (
            #"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"H","datePublished":"2025-03-14T21:00:00Z","publisher":{"@type":"Organization","name":"LD Post"},"author":[{"@type":"Person","name":"B. Writer"}]}</script>"#,
            "2025-03-14T21:00:00Z", PublishedSource.jsonld
        ),
        (#"<meta itemprop="datePublished" content="2025-03-13">"#, "2025-03-13", .meta),
        (#"<meta name="parsely-pub-date" content="2025-03-12T10:00:00Z">"#, "2025-03-12T10:00:00Z", .meta),
    ])
    func publicationTimeComesFromTheBestCue(head: String, expected: String, source: PublishedSource) throws {
        let article = try reader.read(Data(page(head: head).utf8), path: "p.html")
        #expect(article.published == expected)
        #expect(article.publishedSource == source)
    }

    @Test func timeElementsAndURLsAreLaterCues() throws {
        let timed = try reader.read(
            Data(page(bodyExtra: #"<time datetime="2025-03-11T06:00:00Z">11 March</time>"#).utf8),
            path: "t.html")
        #expect(timed.published == "2025-03-11T06:00:00Z")
        #expect(timed.publishedSource == .timeElement)
        let dated = try reader.read(
            Data(page(head: #"<link rel="canonical" href="https://example.org/2025/03/10/odesa">"#).utf8),
            path: "u.html")
        #expect(dated.published == "2025-03-10")
        #expect(dated.publishedSource == .url)
    }

    @Test(arguments: [
        // The visible publication line beats a UTC timestamp near midnight a day away.
        (
            #"<meta property="article:published_time" content="2025-03-15T23:30:00Z">"#,
            #"<span class="published">16 March 2025</span>"#, "2025-03-16", PublishedSource.text
        ),
        // So does the URL's day.
        (
            #"<meta property="article:published_time" content="2025-03-15T01:10:00Z"><link rel="canonical" href="https://example.org/2025/03/14/odesa">"#,
            "", "2025-03-14", .url
        ),
        // Away from midnight the timestamp stands.
        (
            #"<meta property="article:published_time" content="2025-03-15T12:30:00Z">"#,
            #"<span class="published">16 March 2025</span>"#, "2025-03-15T12:30:00Z", .meta
        ),
        // Without markup, a date line after the headline; the header's day (before it) loses.
        (
            "", #"<p class="post-date">Publié le 12 mars 2025</p>"#, "2025-03-12", .text
        ),
    ])
    func theDayShownToReadersWins(head: String, line: String, expected: String, source: PublishedSource)
        throws
    {
        let html = page(head: head, bodyExtra: line).replacingOccurrences(
            of: #"<header class="site-header">"#,
            with: #"<header class="site-header"><span class="today-date">Monday, 17 March 2025</span>"#)
        let article = try reader.read(
            Data(html.replacingOccurrences(of: "article:modified_time", with: "x").utf8), path: "d.html")
        #expect(article.published == expected)
        #expect(article.publishedSource == source)
    }

    @Test func aPageWithoutTextStillTellsItsDate() {
        let html =
            #"<html><head><meta property="article:published_time" content="2025-03-15"></head><body><nav>Menu</nav></body></html>"#
        #expect {
            try reader.read(Data(html.utf8), path: "empty.html")
        } throws: { error in
            guard let error = error as? IngestError else { return false }
            return error.reason == .noText && error.published == "2025-03-15"
                && error.publishedSource == .meta
        }
    }

    @Test func jsonLDFillsInWhatTheMarkupLacks() throws {
        let body = (0..<8).map {
            "Sentence \($0) of the article body says that the shelling of the town continued."
        }
        .joined(separator: " ")
        let html = """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Shelling goes on","articleBody":"\(body)","publisher":{"name":"LD News"}}</script></head>
            <body><div id="app">Loading…</div></body></html>
            """
        let article = try reader.read(Data(html.utf8), path: "spa.html")
        #expect(article.text == body)
        #expect(article.title == "Shelling goes on")
        #expect(article.outlet == "LD News")
    }

    @Test func declaredWindows1252IsDecoded() throws {
        var bytes = Data("<html><head><meta charset=\"windows-1252\"></head><body><p>The caf".utf8)
        bytes.append(0xE9)
        bytes.append(
            contentsOf: Data(
                " on the square was hit by shelling on Monday, residents said.</p></body></html>".utf8))
        let article = try reader.read(bytes, path: "latin.html")
        #expect(article.text == "The café on the square was hit by shelling on Monday, residents said.")
        #expect(!article.warnings.contains("encoding repaired"))
    }

    @Test func undeclaredLatinBytesAreRepaired() throws {
        var bytes = Data("<html><body><p>The caf".utf8)
        bytes.append(0xE9)
        bytes.append(
            contentsOf: Data(
                " near the market was damaged in an overnight drone attack.</p></body></html>".utf8))
        let article = try reader.read(bytes, path: "latin.html")
        #expect(article.text == "The café near the market was damaged in an overnight drone attack.")
        #expect(article.warnings.contains("encoding repaired"))
    }

    @Test func deeplyNestedMarkupKeepsItsText() throws {
        let depth = 400
        let html =
            "<html><body>" + String(repeating: "<div>", count: depth)
            + "<p>Deep inside the page, the report says that clashes continued near the border all week.</p>"
            + String(repeating: "</div>", count: depth)
            + "<p>After the nesting, the report adds that two villages were evacuated by the authorities.</p></body></html>"
        let article = try reader.read(Data(html.utf8), path: "deep.html")
        #expect(article.text.contains("clashes continued near the border"))
        #expect(article.text.contains("two villages were evacuated"))
    }

    @Test func aPageWithoutTextIsRefused() {
        #expect(throws: IngestError(file: "e.html", reason: .noText)) {
            try reader.read(
                Data("<html><body><script>x()</script><nav><a href=/>Home</a></nav></body></html>".utf8),
                path: "e.html")
        }
    }

    @Test(arguments: ["05844573ca7e", "374ac9a59a85", "04a6711caa7c"])
    func benchmarkPagesComeOutNearTheirTrueBody(key: String) throws {
        struct Truth: Decodable { var articleBody: String }
        let truths = try JSONDecoder().decode(
            [String: Truth].self, from: try Fixtures.data("aeb/ground-truth.json"))
        let truth = try #require(truths[key])
        let path = try Fixtures.url("aeb/\(key).html.gz").path
        let article = try #require(try ArticleLoader().read(file: path).first?.get())
        let scores = shingleScores(truth: truth.articleBody, predicted: article.text)
        #expect(scores.precision > 0.85)
        #expect(scores.recall > 0.9)
        #expect(article.title?.isEmpty == false)
        #expect(article.published?.hasPrefix("2019-11-") == true)
    }
}
