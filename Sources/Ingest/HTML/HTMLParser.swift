import CLibXML2
import Foundation

/// Runs libxml2's HTML parser over decoded UTF-8 bytes and hands its events to a `PageWalk`
/// instead of building a tree: no nodes are allocated, so a page parses in about half the time.
///
/// The parser recovers from broken markup, closes elements the page left open and emits
/// balanced start and end events, so the walk sees the same structure a tree would have.
enum HTMLParser {
    /// Walks a page's bytes (already UTF-8; `<script>`, `<style>` and comments may be stripped).
    static func walk(
        _ bytes: [UInt8], rules: BoilerplateRules, classifier: ClassClassifier, skipsUnlikelyClasses: Bool
    )
        -> PageWalk?
    {
        guard !bytes.isEmpty, bytes.count < Int32.max else { return nil }
        let walker = PageWalker(
            rules: rules, classifier: classifier, skipsUnlikelyClasses: skipsUnlikelyClasses)
        let parsed = bytes.withUnsafeBufferPointer { buffer -> Bool in
            buffer.withMemoryRebound(to: CChar.self) { chars -> Bool in
                guard let context = htmlCreateMemoryParserCtxt(chars.baseAddress, Int32(chars.count)) else {
                    return false
                }
                defer { htmlFreeParserCtxt(context) }
                let options =
                    Int32(
                        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                            | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue)
                    | Int32(XML_PARSE_HUGE.rawValue)
                _ = htmlCtxtUseOptions(context, options)
                // An explicit encoder keeps a page's own <meta charset> from switching encodings.
                if let utf8 = xmlFindCharEncodingHandler("UTF-8") { _ = xmlSwitchToEncoding(context, utf8) }
                guard let sax = context.pointee.sax else { return false }
                memset(sax, 0, MemoryLayout<htmlSAXHandler>.size)
                sax.pointee.initialized = 1
                sax.pointee.startElement = { context, name, attributes in
                    guard let context, let name else { return }
                    PageWalker.from(context).state.start(name, attributes)
                }
                sax.pointee.endElement = { context, name in
                    guard let context else { return }
                    PageWalker.from(context).state.end()
                }
                sax.pointee.characters = { context, text, length in
                    guard let context, let text else { return }
                    PageWalker.from(context).state.characters(text, Int(length))
                }
                sax.pointee.ignorableWhitespace = sax.pointee.characters
                sax.pointee.cdataBlock = sax.pointee.characters
                let unmanaged = Unmanaged.passUnretained(walker)
                context.pointee.userData = unmanaged.toOpaque()
                _ = withExtendedLifetime(walker) { htmlParseDocument(context) }
                return true
            }
        }
        guard parsed else { return nil }
        return walker.state.finish()
    }
}
