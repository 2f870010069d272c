import GleanerCore

/// The schema.org objects a page declares in `<script type="application/ld+json">`:
/// the most reliable source of headline, date, author and publisher when present.
/// Blocks are often broken (trailing commas, HTML entities); a block that does not
/// parse is skipped, never fatal.
struct LinkedData {
    private(set) var headline: String?
    private(set) var datePublished: String?
    private(set) var authors: [String] = []
    private(set) var publisher: String?
    /// The article's full text, which script-rendered pages declare here and nowhere else.
    private(set) var articleBody: String?

    private static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "report", "scholarlyarticle", "techarticle", "backgroundnewsarticle", "liveblogposting", "posting",
        "socialmediaposting", "discussionforumposting", "review",
    ]

    init(_ tree: HTMLTree) {
        var pages: [JSONValue] = []
        for index in tree.all(.script) where tree[index].attribute("type")?.lowercased().contains("ld+json") == true {
            let source = tree.rawText(of: index)
            guard let value = try? JSONParser.parse(Array(source.utf8), maxDepth: 64) else { continue }
            var pending = [value]
            // Objects nest (@graph, mainEntity, arrays): visit them all without recursion.
            while let next = pending.popLast() {
                switch next {
                case .array(let items):
                    pending += items.reversed()
                case .object(let members):
                    let types = Self.types(of: next)
                    if types.contains(where: Self.articleTypes.contains) {
                        absorb(next)
                    } else if types.contains("webpage") {
                        pages.append(next)
                    }
                    for member in members where member.key == "@graph" || member.key == "mainEntity" {
                        pending.append(member.value)
                    }
                default:
                    break
                }
            }
        }
        // A WebPage object speaks for the page only when no article object did.
        for page in pages where headline == nil && datePublished == nil {
            absorb(page)
        }
    }

    private mutating func absorb(_ object: JSONValue) {
        if headline == nil { headline = object["headline"]?.stringValue ?? object["name"]?.stringValue }
        if datePublished == nil { datePublished = object["datePublished"]?.stringValue ?? object["dateCreated"]?.stringValue }
        if authors.isEmpty, let author = object["author"] ?? object["creator"] { authors = Self.names(author) }
        if articleBody == nil { articleBody = object["articleBody"]?.stringValue ?? object["text"]?.stringValue }
        if publisher == nil, let publisherValue = object["publisher"] { publisher = Self.names(publisherValue).first }
    }

    private static func types(of object: JSONValue) -> [String] {
        switch object["@type"] {
        case .string(let type): [type.lowercased()]
        case .array(let items): items.compactMap { $0.stringValue?.lowercased() }
        default: []
        }
    }

    private static func names(_ value: JSONValue) -> [String] {
        switch value {
        case .string(let name): [name]
        case .object: value["name"]?.stringValue.map { [$0] } ?? []
        case .array(let items): items.flatMap(names)
        default: []
        }
    }
}
