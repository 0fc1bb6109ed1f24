import Foundation

/// Turns raw bytes into text: byte-order mark, then a declared charset, then UTF-8 if valid,
/// then Windows-1252.
enum TextDecoding {
    struct Decoded {
        var text: String
        /// The bytes were not valid in the declared or assumed encoding and were repaired.
        var repaired: Bool
    }

    /// Whether the bytes look like binary data rather than text: NUL bytes or many control bytes
    /// near the start (UTF-16 with a byte-order mark is text).
    static func looksBinary(_ data: Data) -> Bool {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return false }
        let sample = data.prefix(4096)
        var control = 0
        for byte in sample {
            if byte == 0 { return true }
            if byte < 0x09 || (byte > 0x0D && byte < 0x20) { control += 1 }
        }
        return control * 10 > sample.count
    }

    /// Decodes `data`; `declared` is a charset found in the document (HTML `<meta charset>`).
    static func decode(_ data: Data, declared: String? = nil) -> Decoded? {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            return decodeUTF8(data.dropFirst(3))
        }
        if data.starts(with: [0xFF, 0xFE]) {
            return String(data: data.dropFirst(2), encoding: .utf16LittleEndian).map {
                Decoded(text: $0, repaired: false)
            }
        }
        if data.starts(with: [0xFE, 0xFF]) {
            return String(data: data.dropFirst(2), encoding: .utf16BigEndian).map {
                Decoded(text: $0, repaired: false)
            }
        }
        let charset = declared?.lowercased().trimmingCharacters(in: .whitespaces)
        switch charset {
        case "windows-1252", "cp1252", "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1":
            // Browsers treat all of these as Windows-1252.
            if let text = String(data: data, encoding: .windowsCP1252) {
                return Decoded(text: text, repaired: false)
            }
        case "iso-8859-2", "latin2":
            if let text = String(data: data, encoding: .isoLatin2) {
                return Decoded(text: text, repaired: false)
            }
        case "windows-1251", "cp1251":
            if let text = String(data: data, encoding: .windowsCP1251) {
                return Decoded(text: text, repaired: false)
            }
        case "shift_jis", "shift-jis", "sjis":
            if let text = String(data: data, encoding: .shiftJIS) {
                return Decoded(text: text, repaired: false)
            }
        case "euc-jp":
            if let text = String(data: data, encoding: .japaneseEUC) {
                return Decoded(text: text, repaired: false)
            }
        default:
            break
        }
        return decodeUTF8(data[...])
    }

    /// Valid UTF-8 as is; otherwise Windows-1252 when the bytes hold no valid multi-byte
    /// sequences at all, or UTF-8 with the broken bytes replaced.
    private static func decodeUTF8(_ bytes: Data.SubSequence) -> Decoded? {
        if let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: text, repaired: false)
        }
        if !containsUTF8Sequences(bytes), let text = String(data: Data(bytes), encoding: .windowsCP1252) {
            return Decoded(text: text, repaired: true)
        }
        return Decoded(text: String(decoding: bytes, as: UTF8.self), repaired: true)
    }

    /// Whether some well-formed two-to-four byte UTF-8 sequence occurs in the bytes.
    private static func containsUTF8Sequences(_ bytes: Data.SubSequence) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int =
                switch lead {
                case 0xC2...0xDF: 2
                case 0xE0...0xEF: 3
                case 0xF0...0xF4: 4
                default: 1
                }
            if length > 1, index + length <= bytes.endIndex,
                bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 })
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// The charset an HTML document declares in its first 4 KB: `<meta charset=…>` or
    /// `<meta http-equiv="Content-Type" content="…; charset=…">`.
    static func declaredCharset(inHTML data: Data) -> String? {
        let needle = Array("charset=".utf8)
        return data.prefix(4096).withUnsafeBytes { raw -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count > needle.count else { return nil }
            var index = 0
            while index + needle.count <= bytes.count {
                var matched = 0
                while matched < needle.count,
                    bytes[index + matched] | 0x20 == needle[matched] | 0x20
                        || (needle[matched] == 0x3D && bytes[index + matched] == 0x3D)
                {
                    matched += 1
                }
                if matched == needle.count { break }
                index += 1
            }
            guard index + needle.count <= bytes.count else { return nil }
            var start = index + needle.count
            while start < bytes.count, bytes[start] == 0x22 || bytes[start] == 0x27 || bytes[start] == 0x20 {
                start += 1
            }
            var end = start
            while end < bytes.count, end - start < 40 {
                let byte = bytes[end] | 0x20
                let allowed =
                    (byte >= 0x61 && byte <= 0x7A) || (bytes[end] >= 0x30 && bytes[end] <= 0x39)
                    || bytes[end] == 0x2D
                    || bytes[end] == 0x5F
                guard allowed else { break }
                end += 1
            }
            guard end > start else { return nil }
            return String(decoding: ByteSearch.asciiLowercased(bytes[start..<end]), as: UTF8.self)
        }
    }
}
