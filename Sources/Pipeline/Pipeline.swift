import EventModel
import Extraction
import Foundation
import Ingest
import Merging
import Rendering

/// The one place that knows every stage. A build is a list of named steps; the runner prints
/// `[i/n] step` and stamps the step's name onto anything it reports.
public struct Pipeline: Sendable {
    /// A file (or JSON Lines record) that could not be read, and why.
    public struct ReadFailure: Error, Hashable, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        /// The date of a page whose text could not be found.
        public var published: String?
        public var publishedSource: PublishedSource?
        public var description: String { "cannot read '\(path)': \(reason)" }

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

        init(_ error: IngestError) {
            path = error.file
            reason = error.reason.description
            published = error.published
            publishedSource = error.publishedSource
        }
    }

    /// What reading the inputs produced.
    public struct ReadReport: Sendable {
        public var articles: [Article]
        public var failures: [ReadFailure]
        /// Articles whose content repeats one read before (same id); they are kept once.
        public var duplicates: [String]
    }

    private let loader: ArticleLoader

    /// - Parameter excludedFolders: folders below an input that are never read (the output).
    public init(excludedFolders: [String] = []) {
        loader = ArticleLoader(excludedFolders: excludedFolders)
    }

    /// Every article and every failure, in input order.
    public func readEach(_ inputs: [String]) -> [Result<Article, ReadFailure>] {
        loader.load(inputs).map { $0.mapError(ReadFailure.init) }
    }

    /// The events of each article, not merged across articles, in one document.
    /// - Parameter published: the publication date for articles that carry none.
    public func extract(
        _ inputs: [String], published: String? = nil, extractor: EventExtractor = EventExtractor()
    )
        -> (document: EventsDocument, report: ReadReport)
    {
        let report = read(inputs)
        var articles: [ArticleMetadata] = []
        var events: [Event] = []
        for var article in report.articles {
            if article.published == nil, let published {
                article.metadata.published = published
                article.metadata.publishedSource = .commandLine
                article.metadata.warnings.removeAll { $0 == "no publication date" }
            }
            articles.append(article.metadata)
            events += extractor.extract(from: article)
        }
        return (EventsDocument(articles: articles, events: events), report)
    }

    /// An extractor that also knows the places imported into the state folder.
    public static func extractor(state: String) -> EventExtractor {
        EventExtractor(gazetteer: .withUserPlaces(at: userPlacesFile(state: state)))
    }

    /// One event per incident across all articles (see `EventMerger`).
    public static func merge(_ events: [Event]) -> [Event] { EventMerger().merge(events) }

    /// The file `sitrep gazetteer import` keeps the user's places in, inside the state folder.
    public static func userPlacesFile(state: String) -> URL {
        URL(fileURLWithPath: StateLocation(state).places)
    }

    /// Adds the populated places of GeoNames dumps (`UA.txt`, `allCountries.txt`) and the names of
    /// `alternateNamesV2.txt` to the user's places in the state folder.
    public static func importGazetteer(_ files: [String], state: String) throws -> UserPlaces.ImportReport {
        let target = userPlacesFile(state: state)
        var places =
            FileManager.default.fileExists(atPath: target.path) ? try UserPlaces.readImported(target) : []
        var report = UserPlaces.ImportReport()
        let alternates = files.filter {
            ($0 as NSString).lastPathComponent.lowercased().hasPrefix("alternatenames")
        }
        for file in files where !alternates.contains(file) {
            let (found, skipped) = try UserPlaces.readDump(URL(fileURLWithPath: file))
            report.skippedLines += skipped
            var byID = Dictionary(places.map { ($0.geonamesID, $0) }, uniquingKeysWith: { first, _ in first })
            for place in found {
                if var known = byID[place.geonamesID] {
                    known.names.formUnion(place.names)
                    byID[place.geonamesID] = known
                } else {
                    byID[place.geonamesID] = place
                    report.places += 1
                }
            }
            places = Array(byID.values)
        }
        for file in alternates {
            report.alternateNames += try UserPlaces.addAlternateNames(URL(fileURLWithPath: file), to: &places)
        }
        try UserPlaces.write(places, to: target)
        return report
    }

    /// Reads every input file and folder; one bad file is reported and the others still load.
    public func read(_ inputs: [String]) -> ReadReport {
        var report = ReadReport(articles: [], failures: [], duplicates: [])
        var seen: [ArticleID: String] = [:]
        for result in readEach(inputs) {
            switch result {
            case .success(let article):
                if let first = seen[article.id] {
                    report.duplicates.append("\(article.path ?? "?") repeats \(first)")
                    continue
                }
                seen[article.id] = article.path ?? article.id.rawValue
                report.articles.append(article)
            case .failure(let failure):
                report.failures.append(failure)
            }
        }
        return report
    }
}
