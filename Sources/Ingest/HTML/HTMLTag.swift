/// The HTML elements body extraction treats specially; everything else is `.other` (inline).
enum HTMLTag: Sendable {
    case html, head, body, title, meta, link, script, style, noscript, template
    case a, br, p, div, section, article, main, span
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd
    case table, thead, tbody, tfoot, tr, td, th, caption
    case blockquote, pre, figure, figcaption, address, hr, center
    case nav, aside, header, footer, form, button, input, select, option, textarea, label
    case iframe, svg, math, object, embed, canvas, video, audio, picture, img, source, dialog, menu
    case time
    /// Phrasing elements that never hold a whole article: strong, em, b, i, img, …
    case inline
    case other

    init(name: String) {
        switch name.lowercased() {
        case "html": self = .html
        case "head": self = .head
        case "body": self = .body
        case "title": self = .title
        case "meta": self = .meta
        case "link": self = .link
        case "script": self = .script
        case "style": self = .style
        case "noscript": self = .noscript
        case "template": self = .template
        case "a": self = .a
        case "br": self = .br
        case "p": self = .p
        case "div": self = .div
        case "section": self = .section
        case "article": self = .article
        case "main": self = .main
        case "span": self = .span
        case "h1": self = .h1
        case "h2": self = .h2
        case "h3": self = .h3
        case "h4": self = .h4
        case "h5": self = .h5
        case "h6": self = .h6
        case "ul": self = .ul
        case "ol": self = .ol
        case "li": self = .li
        case "dl": self = .dl
        case "dt": self = .dt
        case "dd": self = .dd
        case "table": self = .table
        case "thead": self = .thead
        case "tbody": self = .tbody
        case "tfoot": self = .tfoot
        case "tr": self = .tr
        case "td": self = .td
        case "th": self = .th
        case "caption": self = .caption
        case "blockquote": self = .blockquote
        case "pre": self = .pre
        case "figure": self = .figure
        case "figcaption": self = .figcaption
        case "address": self = .address
        case "hr": self = .hr
        case "center": self = .center
        case "nav": self = .nav
        case "aside": self = .aside
        case "header": self = .header
        case "footer": self = .footer
        case "form": self = .form
        case "button": self = .button
        case "input": self = .input
        case "select": self = .select
        case "option": self = .option
        case "textarea": self = .textarea
        case "label": self = .label
        case "iframe": self = .iframe
        case "svg": self = .svg
        case "math": self = .math
        case "object": self = .object
        case "embed": self = .embed
        case "canvas": self = .canvas
        case "video": self = .video
        case "audio": self = .audio
        case "picture": self = .picture
        case "img": self = .img
        case "source": self = .source
        case "dialog": self = .dialog
        case "menu": self = .menu
        case "time": self = .time
        case "strong", "em", "b", "i", "u", "small", "sup", "sub", "cite", "code", "abbr", "mark", "q", "s",
            "font", "wbr", "kbd", "var", "bdi", "bdo", "dfn", "del", "ins":
            self = .inline
        default: self = .other
        }
    }

    /// Elements whose content is never article text.
    var isNeverContent: Bool {
        switch self {
        case .script, .style, .noscript, .template, .button, .input, .select, .option, .textarea,
            .iframe, .svg, .math, .object, .embed, .canvas, .video, .audio, .picture, .img, .source,
            .dialog, .nav, .aside, .footer, .title, .meta, .link, .menu:
            true
        default: false
        }
    }

    /// Elements that start a new block of text.
    var isBlock: Bool {
        switch self {
        case .p, .div, .section, .article, .main, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt,
            .dd, .table, .thead, .tbody, .tfoot, .tr, .td, .th, .caption, .blockquote, .pre, .figure,
            .figcaption, .address, .hr, .center, .header, .form, .body, .html, .br, .label:
            true
        default: false
        }
    }

    /// Elements judged without their class and id: inline text and paragraphs, never skipped
    /// as furniture and never containers of an article.
    var ignoresClassNames: Bool {
        switch self {
        case .a, .span, .p, .br, .inline, .h1, .h2, .h3, .h4, .h5, .h6, .time: true
        default: false
        }
    }

    var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: true
        default: false
        }
    }

    /// Readability's starting score for a candidate container.
    var baseScore: Double {
        switch self {
        case .div, .article, .main, .section: 5
        case .pre, .td, .blockquote: 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: -5
        default: 0
        }
    }
}
