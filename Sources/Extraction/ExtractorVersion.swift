/// The version of the extraction rules; the Store re-extracts every article when it changes.
///
/// The stage itself (sentences, lexicon, gazetteer, dates, events, claims, confidence) is built
/// on top of `EventModel` and reads only `Article` values.
public enum ExtractorVersion {
    public static let current = 53
}
