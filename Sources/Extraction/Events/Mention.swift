import EventModel

/// One event as read from one sentence (or a few adjacent ones), before it is finished into an
/// `Event`.
struct Mention {
    var kind: EventKind
    var strongTrigger: Bool
    var sentence: Int
    var lastSentence: Int
    /// Token position of the trigger.
    var trigger: Int
    var place: PlaceMention?
    /// The place came from context (an earlier sentence, the dateline), not from the sentence.
    var placeFromContext = false
    var date: EventDate
    var dateIsReportDate: Bool
    var initiator: Actor?
    var target: Actor?
    var weapons: [Weapon]
    var killed: CasualtyCount?
    var injured: CasualtyCount?
    var quantities: [String: Int]
    var targets: [String]
    var outcome: Outcome?
    var claimStatus: ClaimStatus
    var claimedBy: [String]
    var deniedBy: [String]
    var hedged: Bool
    var attributedTo: String?
    var background: Bool
    /// How the trigger may refer back to an event told before: "the blast" to one of its family,
    /// "that attack" or "Monday's strike" to any; "claimed the attack", "suspects in the bombing"
    /// name an event as the object of another deed and tell no new one.
    var refersBack = Reference.none

    enum Reference { case none, definite, demonstrative, object }
}
