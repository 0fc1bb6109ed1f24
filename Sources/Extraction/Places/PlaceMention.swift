import EventModel

/// A place named in a text, resolved against the gazetteer.
public struct PlaceMention: Hashable, Sendable {
    public var text: String
    /// Offsets in Unicode scalars of the text: `start..<end`, the name and any cue before it.
    public var start: Int
    public var end: Int
    /// Token positions of the name itself.
    public var tokenRange: Range<Int>
    public var place: Place
    public var kind: GazetteerPlace.Kind
    /// The name is possessive ("Russia's army"): it names an actor more than a location.
    public var isPossessive: Bool
    /// Other places the name could have meant (a measure of ambiguity).
    public var alternatives: Int
}
