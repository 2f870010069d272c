/// Turns chosen subtrees into plain text: one paragraph per block element, `\n\n`
/// between paragraphs so the text pipeline sees the page's real paragraphs, and
/// paragraphs that are mostly links (lists of related stories left inside the
/// article's container) left out.
struct TextAssembler {
    struct Paragraph {
        var text: String
        var linkShare: Double
        var isHeading: Bool
        /// The innermost block element the text came from, and the chosen root it lies in:
        /// where the block model reads the paragraph's class words and position.
        var node: Int = -1
        var root: Int = -1
        /// The most times one of the paragraph's text runs occurs on the whole page
        /// (1 = nowhere else): teasers and bios are repeated, prose rarely is.
        var repeats: Int = 1
    }

    /// A paragraph whose text is more than this share of link text is navigation.
    static let maximumLinkShare = 0.5

    static func paragraphs(
        _ tree: HTMLTree, roots: [Int], pruning: PagePruning, repetition: PageRepetition? = nil
    ) -> [Paragraph] {
        let nodes = tree.nodes
        var paragraphs: [Paragraph] = []
        var current = ""
        var currentLinks = 0
        var currentLength = 0
        var currentIsHeading = false
        var currentRepeats = 1
        var currentRoot = -1
        // The open blocks, innermost last: text after a block's end is a new paragraph.
        var blocks: [Int] = []

        func flush() {
            let text = collapseWhitespace(current)
            if !text.isEmpty {
                paragraphs.append(
                    Paragraph(
                        text: text, linkShare: currentLength == 0 ? 0 : Double(currentLinks) / Double(currentLength),
                        isHeading: currentIsHeading, node: blocks.last ?? currentRoot, root: currentRoot,
                        repeats: currentRepeats))
            }
            current = ""
            currentLinks = 0
            currentLength = 0
            currentIsHeading = false
            currentRepeats = 1
        }

        for root in roots {
            // Where the open links end, for the paragraph's link share.
            var linkEnds: [Int] = []
            var index = root
            let end = nodes[root].end
            flush()
            blocks.removeAll()
            currentRoot = root
            while index < end {
                let node = nodes[index]
                while let last = linkEnds.last, last <= index { linkEnds.removeLast() }
                while let last = blocks.last, nodes[last].end <= index {
                    flush()
                    blocks.removeLast()
                }
                if pruning.dropped[index] {
                    index = node.end
                    continue
                }
                if node.isText {
                    current += node.text
                    let length = UTF8Space.visibleLength(node.text)
                    currentLength += length
                    if !linkEnds.isEmpty { currentLinks += length }
                    if let repetition { currentRepeats = max(currentRepeats, repetition.count(ofNode: index)) }
                } else if node.tag == .br || node.tag.isBlock {
                    flush()
                    if node.tag.isBlock { blocks.append(index) }
                    if node.tag.isHeading { currentIsHeading = true }
                } else if node.tag == .a {
                    linkEnds.append(node.end)
                } else if node.tag == .img {
                    current += " "
                }
                index += 1
            }
            flush()
        }
        return paragraphs
    }

    static func text(of paragraphs: [Paragraph]) -> String {
        ArticleEdges.trim(paragraphs.filter { $0.isHeading || $0.linkShare <= maximumLinkShare }).map(\.text)
            .joined(separator: "\n\n")
    }
}
