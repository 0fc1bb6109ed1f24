import CLibXML2
import Foundation

/// The attributes body extraction looks at, gathered in one pass over an element's attribute
/// list; values point into the parser's buffers and live only during the start event.
struct ElementAttributes {
    var classes: UnsafeBufferPointer<UInt8>?
    var id: UnsafeBufferPointer<UInt8>?
    var style: UnsafeBufferPointer<UInt8>?
    var role: UnsafeBufferPointer<UInt8>?
    var ariaHidden: UnsafeBufferPointer<UInt8>?
    var itemprop: UnsafeBufferPointer<UInt8>?
    var hidden = false

    /// Reads the parser's NULL-terminated list of name and value pointers.
    init(_ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard let list else { return }
        var index = 0
        while let name = list[index] {
            let value = list[index + 1]
            index += 2
            switch Self.name(name) {
            case .classes: classes = Self.value(value)
            case .id: id = Self.value(value)
            case .style: style = Self.value(value)
            case .role: role = Self.value(value)
            case .ariaHidden: ariaHidden = Self.value(value)
            case .hidden: hidden = true
            case .itemprop: itemprop = Self.value(value)
            case .other: break
            }
        }
    }

    private enum Name { case classes, id, style, role, ariaHidden, hidden, itemprop, other }

    /// Compares the NUL-terminated name byte by byte: no strings are made.
    private static func name(_ p: UnsafePointer<xmlChar>) -> Name {
        switch p[0] {
        case UInt8(ascii: "c"):
            return p[1] == 0x6C && p[2] == 0x61 && p[3] == 0x73 && p[4] == 0x73 && p[5] == 0
                ? .classes : .other
        case UInt8(ascii: "i"):
            if p[1] == 0x64 && p[2] == 0 { return .id }
            return equals(p, itempropName) ? .itemprop : .other
        case UInt8(ascii: "s"):
            return p[1] == 0x74 && p[2] == 0x79 && p[3] == 0x6C && p[4] == 0x65 && p[5] == 0 ? .style : .other
        case UInt8(ascii: "r"):
            return p[1] == 0x6F && p[2] == 0x6C && p[3] == 0x65 && p[4] == 0 ? .role : .other
        case UInt8(ascii: "h"):
            return equals(p, hiddenName) ? .hidden : .other
        case UInt8(ascii: "a"):
            return equals(p, ariaHiddenName) ? .ariaHidden : .other
        default:
            return .other
        }
    }

    private static let hiddenName = Array("hidden".utf8) + [0]
    private static let itempropName = Array("itemprop".utf8) + [0]
    private static let ariaHiddenName = Array("aria-hidden".utf8) + [0]

    /// Whether the NUL-terminated `p` spells `name` (which ends with its NUL).
    private static func equals(_ p: UnsafePointer<xmlChar>, _ name: [UInt8]) -> Bool {
        for (offset, byte) in name.enumerated() where p[offset] != byte { return false }
        return true
    }

    private static func value(_ value: UnsafePointer<xmlChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let value else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: value, count: strlen(value))
    }
}
