import CLibXML2
import Foundation

/// One pass over a parsed page: it splits the visible text into blocks at block-level elements,
/// records the element tree with the facts body scoring needs, and keeps the nodes metadata is
/// read from. Subtrees that are never article text (scripts, navigation, hidden or boilerplate
/// elements) are passed over.
struct PageWalk {
    struct Element {
        var parent: Int
        var tag: HTMLTag
        var classWeight: Double
        var classKey: [UInt8]?
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

    /// Nodes the metadata reader looks at, in document order.
    struct MetadataNodes {
        var metas: [xmlNodePtr] = []
        var links: [xmlNodePtr] = []
        var titles: [xmlNodePtr] = []
        var jsonLD: [xmlNodePtr] = []
        var times: [xmlNodePtr] = []
        var headings: [xmlNodePtr] = []
        var language: String?
    }

    private(set) var elements: [Element] = []
    private(set) var blocks: [Block] = []
    private(set) var metadata = MetadataNodes()
    /// Whether some subtree was passed over as boilerplate.
    private(set) var removedBoilerplate = false

    private let rules: BoilerplateRules
    private let classifier: ClassClassifier
    private var buffer: [UInt8] = []
    private var bufferLength = 0
    private var bufferLinkLength = 0
    private var bufferCommas = 0
    private var lastWasSpace = true
    private var linkDepth = 0

    init(document: HTMLDocument, rules: BoilerplateRules, classifier: ClassClassifier) {
        self.rules = rules
        self.classifier = classifier
        buffer.reserveCapacity(4096)
        guard let root = document.root else { return }
        walk(from: root, document: document)
    }

    private mutating func walk(from root: xmlNodePtr, document: HTMLDocument) {
        var ownerStack: [Int] = []
        var enteredStack: [(index: Int, block: Bool, link: Bool)] = []
        var node: xmlNodePtr? = root
        while let current = node {
            var descend = false
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let tag = document.tag(of: current)
                noteMetadata(current, tag: tag)
                if isSkipped(current, tag: tag) {
                    if tag == .br || tag == .hr { flush(owner: ownerStack.last) }
                    break
                }
                let parent = enteredStack.last?.index ?? -1
                if parent >= 0 { elements[parent].elementChildren += 1 }
                let (weight, key) = classifier.weight(of: current)
                elements.append(Element(parent: parent, tag: tag, classWeight: weight, classKey: key))
                let index = elements.count - 1
                if tag == .br {
                    flush(owner: ownerStack.last)
                    break
                }
                if tag.isBlock {
                    flush(owner: ownerStack.last)
                    ownerStack.append(index)
                }
                if tag == .a { linkDepth += 1 }
                enteredStack.append((index, tag.isBlock, tag == .a))
                descend = current.pointee.children != nil
                if !descend {
                    leave(enteredStack.removeLast(), ownerStack: &ownerStack)
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { append(content) }
            default:
                break
            }
            if descend, let child = current.pointee.children {
                node = child
                continue
            }
            // Climb until a next sibling exists, leaving each element that is finished.
            var climbing: xmlNodePtr? = current
            node = nil
            while let up = climbing {
                if up == root { break }
                if let next = up.pointee.next {
                    node = next
                    break
                }
                climbing = up.pointee.parent
                // Every node visited below the root has a parent this walk descended into.
                if climbing != nil, let entry = enteredStack.popLast() {
                    leave(entry, ownerStack: &ownerStack)
                }
            }
        }
        while let entry = enteredStack.popLast() { leave(entry, ownerStack: &ownerStack) }
        flush(owner: ownerStack.last)
    }

    private mutating func leave(_ entry: (index: Int, block: Bool, link: Bool), ownerStack: inout [Int]) {
        if entry.link { linkDepth -= 1 }
        if entry.block {
            flush(owner: entry.index)
            ownerStack.removeLast()
        }
    }

    private mutating func isSkipped(_ node: xmlNodePtr, tag: HTMLTag) -> Bool {
        if tag.isNeverContent { return true }
        switch tag {
        case .body, .html, .p, .br, .a, .span, .h1, .h2, .h3, .h4, .h5, .h6:
            return isHidden(node)
        default:
            break
        }
        if isHidden(node) { return true }
        if tag == .header {
            removedBoilerplate = true
            return true
        }
        if let role = HTMLDocument.attributeBytes("role", of: node),
            rules.skippedRoles.contains(String(decoding: ByteSearch.asciiLowercased(role), as: UTF8.self))
        {
            removedBoilerplate = true
            return true
        }
        if classifier.isUnlikely(node) {
            removedBoilerplate = true
            return true
        }
        return false
    }

    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    private func isHidden(_ node: xmlNodePtr) -> Bool {
        if node.pointee.properties == nil { return false }
        if HTMLDocument.hasAttribute("hidden", on: node) { return true }
        if let hidden = HTMLDocument.attributeBytes("aria-hidden", of: node),
            hidden.elementsEqual("true".utf8)
        {
            return true
        }
        if let style = HTMLDocument.attributeBytes("style", of: node) {
            let compact = ByteSearch.asciiLowercased(style.lazy.filter { $0 != 0x20 })
            return compact.withUnsafeBufferPointer { bytes in
                ByteSearch.contains(bytes, Self.displayNone)
                    || ByteSearch.contains(bytes, Self.visibilityHidden)
            }
        }
        return false
    }

    private mutating func noteMetadata(_ node: xmlNodePtr, tag: HTMLTag) {
        switch tag {
        case .meta: metadata.metas.append(node)
        case .link: metadata.links.append(node)
        case .title: metadata.titles.append(node)
        case .script:
            if let type = HTMLDocument.attribute("type", of: node), type.lowercased().contains("ld+json") {
                metadata.jsonLD.append(node)
            }
        case .time: if metadata.times.count < 8 { metadata.times.append(node) }
        case .h1: if metadata.headings.count < 4 { metadata.headings.append(node) }
        case .html: metadata.language = HTMLDocument.attribute("lang", of: node)
        default: break
        }
    }

    /// Appends a text node's bytes, folding runs of white space (and no-break spaces) to one space.
    private mutating func append(_ content: UnsafePointer<xmlChar>) {
        var pointer = content
        while pointer.pointee != 0 {
            let byte = pointer.pointee
            var isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
            if byte == 0xC2 && pointer[1] == 0xA0 {
                isSpace = true
                pointer += 1
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
            pointer += 1
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
        blocks.append(
            Block(
                text: text, length: bufferLength, linkLength: bufferLinkLength, commas: bufferCommas,
                owner: owner, tag: elements[owner].tag))
        var index = owner
        while index >= 0 {
            elements[index].textLength += bufferLength
            elements[index].linkLength += bufferLinkLength
            index = elements[index].parent
        }
    }
}
