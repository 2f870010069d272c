import GleanerCore

/// The core's `PageReader` for real pages: libxml2 parses, boilerplate is pruned, the
/// article is located and turned into paragraphs, and the page's metadata is read.
/// When no article stands out, the whole page's visible text is returned and the
/// record says so (`page.textSource = "wholePage"`).
public struct HTMLPageReader: PageReader {
    public init() {}

    public func read(_ html: String, url: String?) -> ReadPage {
        let tree = HTMLParser.parse(html)
        guard !tree.isEmpty else { return ReadPage(text: "", textSource: .wholePage) }
        let pruning = PagePruning(tree)
        let meta = MetaTags(tree)
        let linkedData = LinkedData(tree)

        var textSource = ReadPage.TextSource.article
        let content = MainContent(tree, pruning: pruning)
        var text = TextAssembler.text(of: TextAssembler.paragraphs(tree, roots: content.roots, pruning: pruning))
        // A page that renders its article by script has a thin DOM and the text in its
        // structured data; the longer of the two is the article.
        if let body = linkedData.articleBody, UTF8Space.visibleLength(body) > 2 * UTF8Space.visibleLength(text) {
            textSource = .structuredData
            text = Self.paragraphs(of: body)
        }
        if text.isEmpty {
            textSource = .wholePage
            let body = tree.first(.body) ?? 0
            text = TextAssembler.text(of: TextAssembler.paragraphs(tree, roots: [body], pruning: .invisibleOnly(tree)))
        }

        let siteName = meta.first(["og:site_name", "application-name", "twitter:site"]).map(Self.siteName)
            ?? linkedData.publisher
        let language = tree.first(.html).flatMap { tree[$0].attribute("lang") ?? tree[$0].attribute("xml:lang") }
            ?? meta.first(["content-language", "og:locale", "language"])
        return ReadPage(
            text: text, textSource: textSource,
            title: PageTitle.find(tree, meta: meta, linkedData: linkedData, siteName: siteName),
            publishedAt: PublicationDate(language: language).find(tree, meta: meta, linkedData: linkedData, url: url),
            authors: Authors.find(tree, meta: meta, linkedData: linkedData),
            siteName: siteName,
            canonicalURL: meta.links["canonical"] ?? meta.first(["og:url"]),
            description: meta.first(["description", "og:description", "twitter:description"]),
            language: language.map { collapseWhitespace($0) }.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Which containers the reader took for the article, as `tag#id.class`: for
    /// developers tuning the rules on a page that comes out wrong.
    public func explain(_ html: String) -> [String] {
        let tree = HTMLParser.parse(html)
        let content = MainContent(tree, pruning: PagePruning(tree), keepingLeaders: true)
        func describe(_ index: Int) -> String {
            let node = tree[index]
            let id = node.attribute("id").map { "#" + $0 } ?? ""
            let classes = node.attribute("class").map { "." + $0.split(separator: " ").joined(separator: ".") } ?? ""
            return node.name + id + classes
        }
        return content.roots.map { "article container: " + describe($0) }
            + content.leaders.map { "candidate \(Int($0.score)): " + describe($0.node) }
    }

    /// Structured-data text keeps its line breaks as paragraph breaks.
    private static func paragraphs(of body: String) -> String {
        body.split(whereSeparator: \.isNewline).map { collapseWhitespace(String($0)) }.filter { !$0.isEmpty }
            .joined(separator: "\n\n")
    }

    /// "@nytimes" → "nytimes": Twitter handles stand in for site names on some pages.
    private static func siteName(_ raw: String) -> String {
        raw.hasPrefix("@") ? String(raw.dropFirst()) : raw
    }
}
