import Crypto
import EventModel
import Foundation

/// Finishes an article every reader produced: its content id, word count and warnings.
enum ArticleAssembler {
    /// Fewer words than this earns a "too little text" warning.
    static let minimumWords = 50

    static func assemble(
        paragraphs: [String], metadata: ArticleMetadata, warnings extra: [String] = []
    ) -> Article {
        let text = paragraphs.joined(separator: "\n\n")
        var metadata = metadata
        metadata.wordCount = wordCount(text)
        metadata.id = contentID(metadata: metadata, text: text)
        var warnings = metadata.warnings + extra
        if metadata.published == nil { warnings.append("no publication date") }
        if metadata.wordCount < minimumWords {
            warnings.append("too little text (\(metadata.wordCount) words)")
        }
        metadata.warnings = warnings
        return Article(metadata: metadata, text: text)
    }

    /// A SHA-256 prefix of what the article says: its URL, title, publication time and text.
    static func contentID(metadata: ArticleMetadata, text: String) -> ArticleID {
        var hasher = SHA256()
        for part in [metadata.url ?? "", metadata.title ?? "", metadata.published ?? "", text] {
            hasher.update(data: Data(part.utf8))
            hasher.update(data: Data([0]))
        }
        let hex = hasher.finalize().prefix(8).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }
        return ArticleID(hex.joined())
    }

    /// Words as the benchmark counts them: runs of letters, digits and underscores.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isWord: Bool
            if value < 0x80 {
                isWord =
                    (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
                    || (value >= 0x30 && value <= 0x39) || value == 0x5F
            } else {
                isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if isWord && !inWord { count += 1 }
            inWord = isWord
        }
        return count
    }
}
