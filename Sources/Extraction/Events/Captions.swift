/// Picture captions and credits printed among a story's paragraphs: "Photo: Smoke rises over the
/// city.", "File picture of a checkpoint", "Residents inspect the damage. (Agency Photo/Name)".
/// They show a scene, often of another day; they report no event.
enum Captions {
    /// Words that open a caption when a colon or a dash follows them (after an optional "file").
    static let openers: Set<String> = [
        "photo", "photos", "photograph", "picture", "pictures", "image", "images", "caption", "pic",
    ]
    /// Names in a closing credit: "(Reuters)", "(AP Photo/Name)", "(Photo: Agency)".
    static let credits: Set<String> = [
        "photo", "photos", "reuters", "afp", "ap", "getty", "epa", "anadolu", "xinhua", "efe", "ansa",
        "tass", "ria", "dpa", "pool", "handout", "images",
    ]

    /// The paragraphs of the text that are captions: opened by a caption word ("Photo:", "File
    /// picture -", "FILE PHOTO:") or short and closed by a bracketed credit.
    static func paragraphs(_ text: ArticleText) -> Set<Int> {
        var spans: [Int: Range<Int>] = [:]
        for sentence in text.sentences {
            let span = spans[sentence.paragraph] ?? sentence.tokens
            spans[sentence.paragraph] = span.lowerBound..<sentence.tokens.upperBound
        }
        return Set(spans.filter { isCaption($0.value, text.tokens) }.keys)
    }

    static func isCaption(_ span: Range<Int>, _ tokens: [Token]) -> Bool {
        guard !span.isEmpty else { return false }
        var i = span.lowerBound
        if tokens[i].lower == "file", i + 1 < span.upperBound { i += 1 }
        if openers.contains(tokens[i].lower) || (i > span.lowerBound && tokens[i].text == ":") {
            let next = i + 1
            if next < span.upperBound, [":", "-", "—", "–", "|"].contains(tokens[next].text) { return true }
            // "File picture of …", "File photo shows …".
            if i > span.lowerBound { return true }
        }
        // "… inspect the damage. (Agency Photo/Name)": a short paragraph ending in a credit.
        guard span.count <= 60, tokens[span.upperBound - 1].text == ")" else { return false }
        guard
            let open = (span.lowerBound..<(span.upperBound - 1)).last(where: { tokens[$0].text == "(" }),
            span.upperBound - 1 - open <= 8
        else { return false }
        // A credit is names only: "(AP Photo/Name)", not "(Reuters could not verify it)".
        let inside = open + 1..<(span.upperBound - 1)
        return inside.contains { credits.contains(tokens[$0].lower) }
            && inside.allSatisfy {
                tokens[$0].kind != .word || tokens[$0].isCapitalized || credits.contains(tokens[$0].lower)
            }
    }
}
