/// Marks every node of the page that cannot be article text. A node is dropped with
/// its whole subtree; the decision looks at the node itself and, for class and id
/// words, spares any container that holds the article's heading or body, since
/// templates put words like "has-sidebar" on the wrappers of everything.
struct PagePruning {
    let dropped: [Bool]

    private static let sectioningTags: Set<HTMLTag> = [.header, .nav, .aside, .footer, .menu]

    private static let invisibleTags: Set<HTMLTag> = [.head, .script, .style, .noscript, .template, .svg, .math]

    /// Drops only what a browser would not show: the fallback when no article stands out.
    static func invisibleOnly(_ tree: HTMLTree) -> PagePruning {
        var dropped = [Bool](repeating: false, count: tree.nodes.count)
        for (index, node) in tree.nodes.enumerated() {
            dropped[index] = (node.parent >= 0 && dropped[node.parent]) || invisibleTags.contains(node.tag)
        }
        return PagePruning(dropped: dropped)
    }

    private init(dropped: [Bool]) {
        self.dropped = dropped
    }

    init(_ tree: HTMLTree) {
        let nodes = tree.nodes
        var holdsArticle = [Bool](repeating: false, count: nodes.count)
        // Script-rendered pages put the article in <noscript> for crawlers: such a
        // <noscript> (one with paragraphs) is content, an empty tracking pixel is not.
        var holdsParagraph = [Bool](repeating: false, count: nodes.count)
        // Paragraph text per subtree: a wrapper that holds most of it is the article's,
        // whatever layout words ("fixed-sidebar-layout") its class carries.
        var paragraphText = [Int](repeating: 0, count: nodes.count)
        for index in nodes.indices.reversed() {
            let node = nodes[index]
            if node.tag == .article || node.tag == .main || node.tag == .h1
                || node.attribute("itemprop")?.lowercased() == "articlebody"
            {
                holdsArticle[index] = true
            }
            if holdsArticle[index], node.parent >= 0 { holdsArticle[node.parent] = true }
            if node.isText, node.parent >= 0, nodes[node.parent].tag == .p { paragraphText[index] = node.text.utf8.count }
            if node.parent >= 0 { paragraphText[node.parent] += paragraphText[index] }
            if node.tag == .p { holdsParagraph[index] = true }
            if holdsParagraph[index], node.parent >= 0 { holdsParagraph[node.parent] = true }
        }
        var dropped = [Bool](repeating: false, count: nodes.count)
        for index in nodes.indices {
            let node = nodes[index]
            if node.parent >= 0, dropped[node.parent] {
                dropped[index] = true
                continue
            }
            guard !node.isText, node.tag != .body, node.tag != .html else { continue }
            // Page furniture elements that a broken page left open swallow the article
            // (libxml2 nests the rest of the page inside an unclosed <nav>): such an
            // element holding the article or most of the prose is kept.
            let holdsProse = paragraphText[index] * 3 >= paragraphText[0] && paragraphText[0] > 0
            let spared =
                (Self.sectioningTags.contains(node.tag) && (holdsArticle[index] || holdsProse))
                || (node.tag == .noscript && holdsParagraph[index])
            if BoilerplateRules.isDroppedByElement(node), !spared {
                dropped[index] = true
            } else if !holdsArticle[index], node.tag != .article, node.tag != .main {
                switch BoilerplateRules.verdict(node) {
                case .strongBoilerplate: dropped[index] = true
                case .weakBoilerplate: dropped[index] = paragraphText[index] * 3 < paragraphText[0]
                case .content: break
                }
            }
        }
        self.dropped = dropped
    }
}
