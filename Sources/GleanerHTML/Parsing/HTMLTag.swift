/// The elements the reader treats differently; everything else is `.other`.
public enum HTMLTag: UInt8, Sendable {
    case text, other
    case html, head, body, title, meta, link, script, style, noscript, template, svg, math, iframe, canvas
    case object, embed, video, audio, picture, source, img, figure, figcaption
    case article, main, section, div, span, header, footer, nav, aside, address
    case p, br, hr, h1, h2, h3, h4, h5, h6, blockquote, pre, code
    case ul, ol, li, dl, dt, dd, table, thead, tbody, tfoot, tr, td, th, caption
    case a, b, i, em, strong, u, small, sup, sub, time, abbr, cite, q, mark
    case form, input, button, select, option, textarea, label, fieldset, dialog, menu

    private static let byName: [String: HTMLTag] = {
        var table: [String: HTMLTag] = [:]
        var raw: UInt8 = HTMLTag.html.rawValue
        while let tag = HTMLTag(rawValue: raw) {
            table[String(describing: tag)] = tag
            raw += 1
        }
        return table
    }()

    public init(name: String) {
        self = Self.byName[name] ?? .other
    }

    public var isHeading: Bool {
        switch self {
        case .h1, .h2, .h3, .h4, .h5, .h6: true
        default: false
        }
    }

    /// Elements that start a new line of text: the assembler breaks paragraphs on them.
    public var isBlock: Bool {
        switch self {
        case .html, .body, .article, .main, .section, .div, .header, .footer, .nav, .aside, .address,
            .p, .hr, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote, .pre, .ul, .ol, .li, .dl, .dt, .dd,
            .table, .thead, .tbody, .tfoot, .tr, .caption, .figure, .figcaption, .form, .fieldset, .dialog, .menu,
            .title, .td, .th:
            true
        default:
            false
        }
    }
}
