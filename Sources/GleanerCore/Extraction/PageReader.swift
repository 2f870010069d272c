/// Turns an HTML page into the text the core reads, plus what the page says about
/// itself. The core only knows this protocol: the real reader (libxml2, boilerplate
/// removal, metadata) lives in GleanerHTML, so the core embeds without a C library.
public protocol PageReader: Sendable {
    func read(_ html: String, url: String?) -> ReadPage
}

/// The markup stripper the core falls back on when no real reader is plugged in:
/// the whole page's text, no metadata beyond `<title>`.
public struct MarkupStrippingReader: PageReader {
    public init() {}

    public func read(_ html: String, url: String?) -> ReadPage {
        let page = HTMLText.extract(html)
        return ReadPage(text: page.text, textSource: .wholePage, title: page.title)
    }
}
