import CLibXML2
import Foundation

/// What one pass over a page found: its element tree with the facts body scoring needs, its
/// visible text split into blocks at block-level elements, and the markup metadata is read from.
/// Subtrees that are never article text (scripts, navigation, hidden or boilerplate elements)
/// contribute no blocks.
struct PageWalk {
    struct Element {
        var parent: Int
        var tag: HTMLTag
        var classWeight: Double
        /// A hash of the class and id text (0 without either), to compare siblings by.
        var classKey: UInt64
        var textLength = 0
        var linkLength = 0
        var elementChildren = 0
    }

    struct Block {
        var text: String
        var length: Int
        var linkLength: Int
        var commas: Int
        var owner: Int
        var tag: HTMLTag
        var linkDensity: Double { length == 0 ? 0 : Double(linkLength) / Double(length) }
    }

    /// The markup metadata is read from, in document order.
    struct Metadata {
        /// Each `<meta>`'s attributes.
        var metas: [[String: String]] = []
        /// Each `<link>`'s attributes.
        var links: [[String: String]] = []
        var titles: [String] = []
        var jsonLD: [String] = []
        /// The first few `<time>` elements' attributes.
        var times: [[String: String]] = []
        /// The text of the first few `<h1>` elements.
        var headings: [String] = []
        var language: String?
        /// The text of the first few elements whose class or id names a date ("date",
        /// "published", "byline", "meta"), of `<time>` elements and of `itemprop` date elements;
        /// `strong` when the name says publication.
        var dateLines: [(text: String, strong: Bool, afterHeading: Bool)] = []
        /// The attributes of elements marked `itemprop="datePublished"` (not `<meta>`).
        var datePublishedElements: [[String: String]] = []
    }

    var elements: [Element] = []
    var blocks: [Block] = []
    var metadata = Metadata()
    /// Whether some subtree was passed over as boilerplate.
    var removedBoilerplate = false
}

/// Holds a page's `PageWalkState` for the parser's callbacks; one exclusive access per event
/// instead of one per field.
final class PageWalker {
    var state: PageWalkState

    init(rules: BoilerplateRules, classifier: ClassClassifier, skipsUnlikelyClasses: Bool) {
        state = PageWalkState(
            rules: rules, classifier: classifier, skipsUnlikelyClasses: skipsUnlikelyClasses)
    }

    static func from(_ context: UnsafeMutableRawPointer) -> PageWalker {
        Unmanaged<PageWalker>.fromOpaque(context).takeUnretainedValue()
    }
}

/// Receives the parser's events for one page and builds its `PageWalk`.
struct PageWalkState {
    private struct Entry {
        var index: Int
        var block: Bool
        var link: Bool
        var skippedRoot: Bool
    }

    private enum Capture { case title, heading, jsonLD }

    private var walk = PageWalk()
    private let rules: BoilerplateRules
    private let classifier: ClassClassifier
    /// Whether elements whose class or id names page furniture are passed over; a page whose
    /// article sits inside such a name ("pagerow" contains "pager") is walked again without it.
    private let skipsUnlikelyClasses: Bool

    private var stack: [Entry] = []
    private var ownerStack: [Int] = []
    private var skipDepth = 0
    private var linkDepth = 0
    private var tagCache: [UnsafeRawPointer: HTMLTag] = [:]

    private var buffer: [UInt8] = []
    private var bufferLength = 0
    private var bufferLinkLength = 0
    private var bufferCommas = 0
    private var lastWasSpace = true

    private var capture: (kind: Capture, depth: Int, text: [UInt8])?
    /// Open date-line captures, innermost last: a date element inside another is its own line.
    private var dateCaptures: [(depth: Int, text: [UInt8], strong: Bool, afterHeading: Bool)] = []

    init(rules: BoilerplateRules, classifier: ClassClassifier, skipsUnlikelyClasses: Bool) {
        self.rules = rules
        self.classifier = classifier
        self.skipsUnlikelyClasses = skipsUnlikelyClasses
        buffer.reserveCapacity(4096)
    }

    mutating func finish() -> PageWalk {
        while !stack.isEmpty { end() }
        flush(owner: ownerStack.last)
        return walk
    }

    // MARK: Events

    mutating func start(
        _ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        let tag = self.tag(name)
        let attrs = ElementAttributes(attributes)
        noteMetadata(tag, attributes)
        noteDateLine(tag, attrs, attributes)
        if skipDepth > 0 || tag == .br || tag == .hr {
            if tag == .br || tag == .hr { flush(owner: ownerStack.last) }
            stack.append(Entry(index: -1, block: false, link: false, skippedRoot: false))
            return
        }
        let verdict =
            tag.ignoresClassNames
            ? (weight: 0.0, unlikely: false, key: UInt64(0)) : classifier.classify(attrs)
        if isSkipped(tag: tag, attributes: attrs, unlikelyClass: verdict.unlikely) {
            if tag.isBlock { flush(owner: ownerStack.last) }
            skipDepth += 1
            stack.append(Entry(index: -1, block: false, link: false, skippedRoot: true))
            return
        }
        let parent = stack.last(where: { $0.index >= 0 })?.index ?? -1
        if parent >= 0 { walk.elements[parent].elementChildren += 1 }
        walk.elements.append(
            PageWalk.Element(parent: parent, tag: tag, classWeight: verdict.weight, classKey: verdict.key))
        let index = walk.elements.count - 1
        if tag.isBlock {
            flush(owner: ownerStack.last)
            ownerStack.append(index)
        }
        if tag == .a { linkDepth += 1 }
        stack.append(Entry(index: index, block: tag.isBlock, link: tag == .a, skippedRoot: false))
    }

    mutating func end() {
        guard let entry = stack.popLast() else { return }
        if let open = capture, open.depth == stack.count {
            finishCapture(open.kind, open.text)
            capture = nil
        }
        if let open = dateCaptures.last, open.depth == stack.count {
            dateCaptures.removeLast()
            let text = String(decoding: open.text, as: UTF8.self)
                .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            // A date line is short; a caption or a paragraph that holds a date is not one.
            if !text.isEmpty && text.count <= 120 {
                walk.metadata.dateLines.append((text, open.strong, open.afterHeading))
            }
        }
        if entry.skippedRoot { skipDepth -= 1 }
        if entry.link { linkDepth -= 1 }
        if entry.block {
            flush(owner: entry.index)
            ownerStack.removeLast()
        }
    }

    mutating func characters(_ text: UnsafePointer<xmlChar>, _ length: Int) {
        if capture != nil {
            capture!.text.append(contentsOf: UnsafeBufferPointer(start: text, count: length))
        }
        for index in dateCaptures.indices where dateCaptures[index].text.count < 300 {
            dateCaptures[index].text.append(
                contentsOf: UnsafeBufferPointer(start: text, count: min(length, 300)))
        }
        if skipDepth == 0 { append(text, length) }
    }

    // MARK: Decisions

    private mutating func tag(_ name: UnsafePointer<xmlChar>) -> HTMLTag {
        // Names are interned in the parser's dictionary, so an address names a tag for this page.
        let key = UnsafeRawPointer(name)
        if let known = tagCache[key] { return known }
        let tag = HTMLTag(name: String(cString: name))
        tagCache[key] = tag
        return tag
    }

    private mutating func isSkipped(tag: HTMLTag, attributes: ElementAttributes, unlikelyClass: Bool) -> Bool
    {
        if tag.isNeverContent { return true }
        if isHidden(attributes) { return true }
        switch tag {
        case .body, .html, .head, .p, .a, .span, .h1, .h2, .h3, .h4, .h5, .h6, .inline, .time:
            return false
        case .header:
            walk.removedBoilerplate = true
            return true
        default:
            break
        }
        if let role = attributes.role, !role.isEmpty,
            rules.skippedRoles.contains(String(decoding: ByteSearch.asciiLowercased(role), as: UTF8.self))
        {
            walk.removedBoilerplate = true
            return true
        }
        if skipsUnlikelyClasses && unlikelyClass {
            walk.removedBoilerplate = true
            return true
        }
        return false
    }

    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    private func isHidden(_ attributes: ElementAttributes) -> Bool {
        if attributes.hidden { return true }
        if let hidden = attributes.ariaHidden, hidden.elementsEqual("true".utf8) { return true }
        if let style = attributes.style, !style.isEmpty {
            let compact = ByteSearch.asciiLowercased(style.lazy.filter { $0 != 0x20 })
            return compact.withUnsafeBufferPointer { bytes in
                ByteSearch.contains(bytes, Self.displayNone)
                    || ByteSearch.contains(bytes, Self.visibilityHidden)
            }
        }
        return false
    }

    // MARK: Metadata

    private mutating func noteMetadata(
        _ tag: HTMLTag, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        switch tag {
        case .meta: walk.metadata.metas.append(Self.dictionary(attributes))
        case .link: walk.metadata.links.append(Self.dictionary(attributes))
        case .title: if capture == nil { capture = (.title, stack.count, []) }
        case .script:
            if let type = Self.dictionary(attributes)["type"], type.lowercased().contains("ld+json") {
                capture = (.jsonLD, stack.count, [])
            }
        case .time:
            if walk.metadata.times.count < 8 { walk.metadata.times.append(Self.dictionary(attributes)) }
        case .h1:
            if walk.metadata.headings.count < 4 && capture == nil { capture = (.heading, stack.count, []) }
        case .html: walk.metadata.language = Self.dictionary(attributes)["lang"]
        default: break
        }
    }

    /// Class and id words of elements that show a page's date to its readers.
    private static let strongDateCues = [
        "publi", "posted", "byline", "dateline", "datum", "fecha", "entry-date", "post-date", "pubdate",
        "created",
    ].map { Array($0.utf8) }
    private static let dateCues = ["date", "time", "meta", "tagline"].map { Array($0.utf8) }
    private static let datePublishedName = Array("datepublished".utf8)

    /// Starts capturing the text of an element that may show the page's date.
    private mutating func noteDateLine(
        _ tag: HTMLTag, _ attributes: ElementAttributes,
        _ raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard dateCaptures.count < 8, walk.metadata.dateLines.count < 32, tag != .script, tag != .style else {
            return
        }
        var strong = false
        var named = tag == .time
        if let itemprop = attributes.itemprop,
            ByteSearch.asciiLowercased(itemprop).elementsEqual(Self.datePublishedName)
        {
            if tag != .meta, walk.metadata.datePublishedElements.count < 4 {
                walk.metadata.datePublishedElements.append(Self.dictionary(raw))
            }
            strong = true
            named = true
        }
        for name in [attributes.classes, attributes.id] {
            guard let name, !name.isEmpty, !named || !strong else { continue }
            let lower = ByteSearch.asciiLowercased(name)
            lower.withUnsafeBufferPointer { bytes in
                if Self.strongDateCues.contains(where: { ByteSearch.contains(bytes, $0) }) {
                    strong = true
                    named = true
                } else if Self.dateCues.contains(where: { ByteSearch.contains(bytes, $0) }) {
                    named = true
                }
            }
        }
        if named { dateCaptures.append((stack.count, [], strong, !walk.metadata.headings.isEmpty)) }
    }

    private mutating func finishCapture(_ kind: Capture, _ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch kind {
        case .title: walk.metadata.titles.append(text)
        case .heading: walk.metadata.headings.append(text)
        case .jsonLD: walk.metadata.jsonLD.append(text)
        }
    }

    private static func dictionary(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [String:
        String]
    {
        var result: [String: String] = [:]
        guard let attributes else { return result }
        var index = 0
        while let name = attributes[index] {
            let value = attributes[index + 1].map { String(cString: $0) } ?? ""
            result[String(cString: name).lowercased()] = value
            index += 2
        }
        return result
    }

    // MARK: Text

    /// Appends text, folding runs of white space (and no-break spaces) to one space.
    private mutating func append(_ text: UnsafePointer<xmlChar>, _ length: Int) {
        var index = 0
        while index < length {
            let byte = text[index]
            var isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
            if byte == 0xC2 && index + 1 < length && text[index + 1] == 0xA0 {
                isSpace = true
                index += 1
            }
            if isSpace {
                if !lastWasSpace {
                    buffer.append(0x20)
                    lastWasSpace = true
                }
            } else {
                buffer.append(byte)
                lastWasSpace = false
                if byte & 0xC0 != 0x80 {
                    bufferLength += 1
                    if linkDepth > 0 { bufferLinkLength += 1 }
                    if byte == 0x2C { bufferCommas += 1 }
                }
            }
            index += 1
        }
    }

    private mutating func flush(owner: Int?) {
        defer {
            buffer.removeAll(keepingCapacity: true)
            bufferLength = 0
            bufferLinkLength = 0
            bufferCommas = 0
            lastWasSpace = true
        }
        guard bufferLength > 0, let owner else { return }
        if buffer.last == 0x20 { buffer.removeLast() }
        let text = String(decoding: buffer, as: UTF8.self)
        walk.blocks.append(
            PageWalk.Block(
                text: text, length: bufferLength, linkLength: bufferLinkLength, commas: bufferCommas,
                owner: owner, tag: walk.elements[owner].tag))
        var index = owner
        while index >= 0 {
            walk.elements[index].textLength += bufferLength
            walk.elements[index].linkLength += bufferLinkLength
            index = walk.elements[index].parent
        }
    }
}
