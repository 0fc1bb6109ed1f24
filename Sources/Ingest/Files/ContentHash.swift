import Crypto
import Foundation

/// The SHA-256 of a file's bytes, in hex: what the Store compares to see a file really changed.
public enum ContentHash {
    public static func of(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
