/// Finds the article body among a page's text blocks by content scoring in the manner of
/// Readability: paragraphs score their containers, link-heavy containers lose, the best
/// container and its worthy siblings are kept, then link lists and boilerplate lines are dropped.
struct BodyExtractor {
    var rules: BoilerplateRules

    struct Body {
        var paragraphs: [String]
        /// Paragraphs inside the chosen container that were dropped as boilerplate.
        var droppedBoilerplate: Int

        var wordCount: Int {
            paragraphs.reduce(0) { total, paragraph in total + paragraph.utf8.count { $0 == 0x20 } + 1 }
        }
    }

    func extract(from walk: PageWalk) -> Body {
        let elements = walk.elements
        let blocks = walk.blocks
        guard !elements.isEmpty, !blocks.isEmpty else { return Body(paragraphs: [], droppedBoilerplate: 0) }

        var scores = [Double?](repeating: nil, count: elements.count)
        func initialize(_ index: Int) {
            if scores[index] == nil {
                scores[index] = elements[index].tag.baseScore + elements[index].classWeight
            }
        }
        for block in blocks where block.length >= 25 && !block.tag.isHeading {
            let contentScore = 1 + Double(block.commas) + min(Double(block.length) / 100, 3)
            var index = Self.isParagraphLike(block.tag) ? elements[block.owner].parent : block.owner
            var level = 0
            while index >= 0 && level < 5 {
                initialize(index)
                let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
                scores[index]! += contentScore / divider
                index = elements[index].parent
                level += 1
            }
        }
        var top = -1
        var topScore = -Double.infinity
        var final = [Double](repeating: -Double.infinity, count: elements.count)
        for index in elements.indices {
            guard let score = scores[index] else { continue }
            let element = elements[index]
            let density =
                element.textLength == 0 ? 0 : Double(element.linkLength) / Double(element.textLength)
            final[index] = score * (1 - density)
            if final[index] > topScore {
                topScore = final[index]
                top = index
            }
        }
        guard top >= 0 else {
            return keep(blocks: blocks, where: { _ in true })
        }
        top = lift(top, final: final, elements: elements)

        // Siblings of the chosen container that look like more of the article join it.
        // Readability also takes a short sibling paragraph without links that ends a sentence.
        var endsSentence = [Bool](repeating: false, count: elements.count)
        for block in blocks where block.text.hasSuffix(".") { endsSentence[block.owner] = true }
        var selected = Set([top])
        let parent = elements[top].parent
        if parent >= 0 {
            let threshold = max(10, final[top] * 0.2)
            for index in elements.indices where elements[index].parent == parent && index != top {
                var bonus = 0.0
                let key = elements[top].classKey
                if key != 0 && key == elements[index].classKey { bonus = final[top] * 0.2 }
                if final[index] + bonus >= threshold {
                    selected.insert(index)
                } else if elements[index].tag == .p {
                    let length = elements[index].textLength
                    let density =
                        length == 0 ? 1 : Double(elements[index].linkLength) / Double(length)
                    if length > 80 && density < 0.25 {
                        selected.insert(index)
                    } else if length > 0 && density == 0 && endsSentence[index] {
                        selected.insert(index)
                    }
                }
            }
        }
        var inside = [Bool](repeating: false, count: elements.count)
        for index in elements.indices {
            let parent = elements[index].parent
            inside[index] = selected.contains(index) || (parent >= 0 && inside[parent])
        }
        return keep(blocks: blocks, where: { inside[$0.owner] })
    }

    /// Moves the chosen container up when its ancestors hold the other strong candidates too, or
    /// when it is its parent's only child.
    private func lift(_ chosen: Int, final: [Double], elements: [PageWalk.Element]) -> Int {
        var top = chosen
        let strong = final.indices.filter { $0 != top && final[$0] >= final[top] * 0.75 }
        if strong.count >= 2 {
            var ancestor = elements[top].parent
            while ancestor >= 0 && elements[ancestor].tag != .body {
                let contained = strong.filter { isDescendant($0, of: ancestor, elements: elements) }.count
                if contained >= 2 {
                    top = ancestor
                    break
                }
                ancestor = elements[ancestor].parent
            }
        }
        // Readability's climb: an ancestor that scores higher than the chosen one holds more of
        // the article (a body split into chunks between ads), as long as scores stay high.
        var lastScore = final[top]
        let threshold = lastScore / 3
        var ancestor = elements[top].parent
        while ancestor >= 0 && elements[ancestor].tag != .body {
            let score = final[ancestor]
            if score == -.infinity {
                ancestor = elements[ancestor].parent
                continue
            }
            if score < threshold { break }
            if score > lastScore {
                top = ancestor
                break
            }
            lastScore = score
            ancestor = elements[ancestor].parent
        }
        while elements[top].parent >= 0 {
            let parent = elements[top].parent
            if elements[parent].tag == .body || elements[parent].elementChildren != 1 { break }
            top = parent
        }
        return top
    }

    private func isDescendant(_ index: Int, of ancestor: Int, elements: [PageWalk.Element]) -> Bool {
        var current = elements[index].parent
        while current >= 0 {
            if current == ancestor { return true }
            if current < ancestor { return false }
            current = elements[current].parent
        }
        return false
    }

    /// After this many words the article has begun, and an end marker closes it.
    static let articleStartedWords = 100

    /// A paragraph of running text: long, few links, ending a sentence.
    static func isProse(_ block: PageWalk.Block) -> Bool {
        guard block.linkDensity < 0.2, block.text.utf8.count(where: { $0 == 0x20 }) >= 11,
            !block.text.hasSuffix("..."), let last = block.text.unicodeScalars.last
        else { return false }
        return ".!?\"”»):".unicodeScalars.contains(last)
    }

    private static func isParagraphLike(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .p, .li, .td, .th, .pre, .blockquote, .dd, .dt, .h1, .h2, .h3, .h4, .h5, .h6, .caption,
            .figcaption:
            true
        default: false
        }
    }

    private func keep(blocks: [PageWalk.Block], where isInside: (PageWalk.Block) -> Bool) -> Body {
        var paragraphs: [String] = []
        var dropped = 0
        var words = 0
        // After a heading such as "Related" come teasers and links; prose resumes the article
        // (the heading opened a box inside it) and anything else is dropped.
        var inFurniture = false
        for block in blocks where isInside(block) {
            if words >= Self.articleStartedWords && rules.isEndMarker(paragraph: block.text) {
                inFurniture = true
                dropped += 1
                continue
            }
            if inFurniture {
                guard Self.isProse(block) else {
                    dropped += 1
                    continue
                }
                inFurniture = false
            }
            if block.linkDensity > 0.5 && !block.tag.isHeading {
                dropped += 1
                continue
            }
            if rules.isBoilerplate(paragraph: block.text) {
                dropped += 1
                continue
            }
            paragraphs.append(block.text)
            words += block.text.utf8.count { $0 == 0x20 } + 1
        }
        return Body(paragraphs: paragraphs, droppedBoilerplate: dropped)
    }
}
