import GleanerCore

/// The core's `PageReader` for real pages: libxml2 parses, boilerplate is pruned, the
/// article is located and turned into paragraphs, and the page's metadata is read.
/// When no article stands out, the whole page's visible text is returned and the
/// record says so (`page.textSource = "wholePage"`).
public struct HTMLPageReader: PageReader {
    /// Weighs each paragraph of the chosen article after the template rules; without
    /// one the rules alone decide.
    let blockModel: PageBlockModel?

    public init(blockModel: PageBlockModel? = nil) {
        self.blockModel = blockModel
    }

    public func read(_ html: String, url: String?) -> ReadPage {
        let tree = HTMLParser.parse(html)
        guard !tree.isEmpty else { return ReadPage(text: "", textSource: .wholePage) }
        let pruning = PagePruning(tree)
        let meta = MetaTags(tree)
        let linkedData = LinkedData(tree)

        var textSource = ReadPage.TextSource.article
        var text = BlockDecision.text(of: articleBlocks(tree, pruning: pruning))
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

        let siteName =
            meta.first(["og:site_name", "application-name", "twitter:site"]).map(Self.siteName)
            ?? linkedData.publisher
        let language =
            tree.first(.html).flatMap { tree[$0].attribute("lang") ?? tree[$0].attribute("xml:lang") }
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

    /// The paragraphs of the chosen article with the verdict on each.
    private func articleBlocks(_ tree: HTMLTree, pruning: PagePruning, content: MainContent? = nil) -> [BlockVerdict] {
        let content = content ?? MainContent(tree, pruning: pruning)
        let paragraphs = TextAssembler.paragraphs(
            tree, roots: content.roots, pruning: pruning, repetition: PageRepetition(tree))
        return BlockDecision.verdicts(paragraphs, tree: tree, model: blockModel)
    }

    /// Which containers the reader took for the article and, per paragraph, the
    /// features, the model's score and why it stayed or went: for developers tuning
    /// the reader on a page that comes out wrong, and the training script's input.
    public func explain(_ html: String) -> PageExplanation {
        let tree = HTMLParser.parse(html)
        guard !tree.isEmpty else { return PageExplanation(containers: [], blocks: []) }
        let pruning = PagePruning(tree)
        let content = MainContent(tree, pruning: pruning, keepingLeaders: true)
        func describe(_ index: Int) -> String {
            let node = tree[index]
            let id = node.attribute("id").map { "#" + $0 } ?? ""
            let classes = node.attribute("class").map { "." + $0.split(separator: " ").joined(separator: ".") } ?? ""
            return node.name + id + classes
        }
        let containers =
            content.roots.map { "article container: " + describe($0) }
            + content.leaders.map { "candidate \(Int($0.score)): " + describe($0.node) }
        let blocks = articleBlocks(tree, pruning: pruning, content: content).map { verdict in
            PageExplanation.Block(
                text: verdict.paragraph.text, element: describe(verdict.paragraph.node), kept: verdict.kept,
                reason: verdict.reason.rawValue, probability: verdict.probability,
                features: Array(zip(BlockFeatures.names, verdict.features)),
                contributions: blockModel?.contributions(verdict.features) ?? [])
        }
        return PageExplanation(containers: containers, blocks: blocks)
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
