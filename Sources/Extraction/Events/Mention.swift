import EventModel

/// One event as read from one clause (or joined from a few), before it is finished into an
/// `Event`.
struct Mention: Sendable {
    var kind: EventKind
    var strongTrigger: Bool
    var sentence: Int
    var lastSentence: Int
    /// Token range of the trigger.
    var trigger: Range<Int>
    /// The clause it was read from.
    var segment: Range<Int>
    var place: PlaceMention?
    /// The place came from context (an earlier sentence, the scene, the article's country).
    var placeFromContext = false
    var date: EventDate
    /// The date is the report's (or the story's) for want of one in the clause.
    var dateIsReportDate: Bool
    var initiator: Actor?
    var target: Actor?
    var weapons: [Weapon]
    var killed: CasualtyCount?
    var injured: CasualtyCount?
    var captured: CasualtyCount?
    var quantities: [String: Int]
    var targets: [String]
    var outcome: Outcome?
    /// More than 30 days before publication.
    var background: Bool
    /// Told in a clause of time or cause ("after a bombing on Tuesday killed 51").
    var isAside = false
    /// "another", "a second", "separately": a new event, not the one told before.
    var isNew = false
    /// Told with an indefinite article ("a bomb exploded"): a first telling.
    var indefinite = false
    /// Named by a noun ("the arrest", "an airstrike") rather than a verb.
    var byNoun = false
    /// How the trigger may refer back to an event told before: "the blast" to one of its family,
    /// "that attack" or "Monday's strike" to any; "claimed the attack", "suspects in the bombing"
    /// name an event as the object of another deed and tell no new one.
    var refersBack = Reference.none
    /// "The bodies of six civilians were found on Wednesday": the killing found, perhaps days
    /// after it was done.
    var discovery = false

    enum Reference { case none, definite, demonstrative, object }
}
