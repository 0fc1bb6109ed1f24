/// Substring search over bytes, for the hot loops where `String.contains` costs too much.
enum ByteSearch {
    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let count = needle.count
        guard count > 0 else { return true }
        guard haystack.count >= count else { return false }
        let first = needle[0]
        var index = 0
        let last = haystack.count - count
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < count && haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == count { return true }
            }
            index += 1
        }
        return false
    }

    /// ASCII letters lower-cased; other bytes unchanged.
    static func asciiLowercased<C: Collection<UInt8>>(_ bytes: C) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }
}
