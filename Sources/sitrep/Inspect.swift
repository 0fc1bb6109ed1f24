import ArgumentParser
import EventModel
import Extraction
import Foundation
import Ingest
import Pipeline

/// `sitrep inspect`: why — every date expression and place mention with offsets, every event with
/// its confidence factors.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how Sitrep read one article: dates, places and events with their reasons.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json }

    @Argument(help: "One article file.")
    var file: String

    @Option(help: "Publication date (YYYY-MM-DD) when the article carries none.")
    var published: String?

    @Option(help: "json.")
    var format: Format = .json

    @Option(help: "The state folder; places imported with 'sitrep gazetteer import' are read from it.")
    var state: String = ".sitrep"

    func run() throws {
        let results = Pipeline().readEach([file])
        guard let first = results.first else { throw ValidationError("nothing to read in '\(file)'") }
        var article: Article
        switch first {
        case .success(let read): article = read
        case .failure(let failure):
            Terminal.warn(failure.description)
            throw ExitCode.failure
        }
        if article.published == nil, let published {
            article.metadata.published = published
            article.metadata.publishedSource = .commandLine
        }
        let analysis = EventExtractor(gazetteer: .withUserPlaces(at: Pipeline.userPlacesFile(state: state)))
            .analyze(article)
        var document = InspectDocument(analysis)
        document.publication = ArticleLoader().publication(file: file)
        FileHandle.standardOutput.write(try SitrepJSON.encode(document))
    }
}

/// The JSON `sitrep inspect` prints.
struct InspectDocument: Encodable {
    struct DateEntry: Encodable {
        var text: String
        var start: Int
        var end: Int
        var type: String
        var value: String
        var date: EventDate?
    }

    struct PlaceEntry: Encodable {
        var text: String
        var start: Int
        var end: Int
        var place: Place
        var precision: PlacePrecision
        var alternatives: Int
    }

    var article: Article
    /// A web page's publication date candidates and why one won.
    var publication: PublicationChoice?
    var reference: String?
    var dates: [DateEntry]
    var places: [PlaceEntry]
    var events: [Event]

    init(_ analysis: ArticleAnalysis) {
        article = analysis.article
        reference = analysis.reference?.description
        dates = analysis.dates.map {
            DateEntry(
                text: $0.text, start: $0.start, end: $0.end, type: $0.kind.rawValue, value: $0.value,
                date: $0.date)
        }
        places = analysis.places.map {
            PlaceEntry(
                text: $0.text, start: $0.start, end: $0.end, place: $0.place, precision: $0.place.precision,
                alternatives: $0.alternatives)
        }
        events = analysis.events
    }
}
