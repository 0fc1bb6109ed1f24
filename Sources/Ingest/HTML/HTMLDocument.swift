import CLibXML2
import Foundation

/// A page parsed by libxml2's HTML parser; frees the tree when released.
final class HTMLDocument {
    let pointer: htmlDocPtr
    private var tagCache: [UnsafeRawPointer: HTMLTag] = [:]

    /// Parses UTF-8 bytes the caller has already decoded; nil when libxml2 builds no tree.
    init?(utf8 text: String) {
        var text = text
        let filtered = text.withUTF8 { HTMLPrefilter.strip($0) }
        let parsed: htmlDocPtr? = filtered.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                let options =
                    Int32(
                        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                            | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
                    | Int32(XML_PARSE_HUGE.rawValue)
                return htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
            }
        }
        guard let parsed else { return nil }
        pointer = parsed
    }

    deinit { xmlFreeDoc(pointer) }

    var root: xmlNodePtr? { xmlDocGetRootElement(pointer) }

    /// The tag of an element node; names are interned by the parser, so they are cached by address.
    func tag(of node: xmlNodePtr) -> HTMLTag {
        guard let name = node.pointee.name else { return .other }
        let key = UnsafeRawPointer(name)
        if let known = tagCache[key] { return known }
        let tag = HTMLTag(name: String(cString: name))
        tagCache[key] = tag
        return tag
    }

    /// The value of an attribute (names are lower case after parsing).
    static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let attrName = current.pointee.name, strcmp(attrName, name) == 0 {
                guard
                    let value = xmlNodeGetContent(
                        UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
                else { return "" }
                defer { sitrep_xml_free(value) }
                return String(cString: value)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// The raw bytes of an attribute's value, pointing into the tree (valid while it lives).
    static func attributeBytes(_ name: String, of node: xmlNodePtr) -> UnsafeBufferPointer<UInt8>? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let attrName = current.pointee.name, strcmp(attrName, name) == 0 {
                guard let text = current.pointee.children, text.pointee.next == nil,
                    let content = text.pointee.content
                else { return UnsafeBufferPointer(start: nil, count: 0) }
                return UnsafeBufferPointer(start: content, count: strlen(content))
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Whether an element carries an attribute at all.
    static func hasAttribute(_ name: String, on node: xmlNodePtr) -> Bool {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let attrName = current.pointee.name, strcmp(attrName, name) == 0 { return true }
            attribute = current.pointee.next
        }
        return false
    }

    /// The whole text below a node, as libxml2 joins it.
    static func textContent(of node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { sitrep_xml_free(content) }
        return String(cString: content)
    }
}
