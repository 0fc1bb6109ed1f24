import Crypto
import Foundation

/// The SHA-256 of a file's bytes, in hex: what the Store compares to see a file really changed.
public enum ContentHash {
    public static func of(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    public static func of(_ text: String) -> String { hex(SHA256.hash(data: Array(text.utf8))) }

    /// A hash built up from pieces, for what is read a piece at a time.
    public struct Running {
        private var hasher = SHA256()
        public init() {}
        public mutating func add(_ text: String) { hasher.update(data: Array(text.utf8)) }
        public mutating func add(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }
        public func hex() -> String { ContentHash.hex(hasher.finalize()) }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(_ digest: SHA256.Digest) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
