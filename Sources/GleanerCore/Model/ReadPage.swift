/// An HTML page as read: `text` is the article (or the whole page, when no article was
/// found), with `\n\n` between paragraphs; the rest is the page's metadata.
public struct ReadPage: Sendable, Equatable {
    public enum TextSource: String, Sendable {
        /// The main content, boilerplate removed.
        case article
        /// The article text the page declares in its schema.org data (script-rendered pages).
        case structuredData
        /// No article found: the visible text of the whole page.
        case wholePage
    }

    public var text: String
    public var textSource: TextSource
    public var title: String?
    public var publishedAt: String?
    public var authors: [String]
    public var siteName: String?
    public var canonicalURL: String?
    public var description: String?
    public var language: String?

    public init(
        text: String, textSource: TextSource, title: String? = nil, publishedAt: String? = nil, authors: [String] = [],
        siteName: String? = nil, canonicalURL: String? = nil, description: String? = nil, language: String? = nil
    ) {
        self.text = text
        self.textSource = textSource
        self.title = title
        self.publishedAt = publishedAt
        self.authors = authors
        self.siteName = siteName
        self.canonicalURL = canonicalURL
        self.description = description
        self.language = language
    }

    /// The record's `page` object: metadata that has no top-level field of its own.
    var json: JSONValue {
        .object([
            JSONMember("textSource", .string(textSource.rawValue)),
            JSONMember("authors", .array(authors.map(JSONValue.string))),
            JSONMember("siteName", siteName.map(JSONValue.string) ?? .null),
            JSONMember("canonicalUrl", canonicalURL.map(JSONValue.string) ?? .null),
            JSONMember("description", description.map(JSONValue.string) ?? .null),
            JSONMember("declaredLanguage", language.map(JSONValue.string) ?? .null),
        ])
    }
}
