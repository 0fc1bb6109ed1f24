import Foundation

/// The one JSON encoder and decoder every output goes through, so that the same values always
/// give the same bytes.
public enum SitrepJSON {
    /// A new encoder with sorted keys, pretty printing and unescaped slashes.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }

    /// Encodes a value deterministically, ending with a newline.
    public static func encode(_ value: some Encodable) throws -> Data {
        var data = try makeEncoder().encode(value)
        data.append(0x0A)
        return data
    }

    /// Decodes a value written by ``encode(_:)`` or by hand following the schema.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(type, from: data)
    }
}
