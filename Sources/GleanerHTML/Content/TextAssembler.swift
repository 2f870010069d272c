/// Turns chosen subtrees into plain text: one paragraph per block element, `\n\n`
/// between paragraphs so the text pipeline sees the page's real paragraphs, and
/// paragraphs that are mostly links (lists of related stories left inside the
/// article's container) left out.
struct TextAssembler {
    struct Paragraph {
        var text: String
        var linkShare: Double
        var isHeading: Bool
    }

    /// A paragraph whose text is more than this share of link text is navigation.
    private static let maximumLinkShare = 0.5

    static func paragraphs(_ tree: HTMLTree, roots: [Int], pruning: PagePruning) -> [Paragraph] {
        let nodes = tree.nodes
        var paragraphs: [Paragraph] = []
        var current = ""
        var currentLinks = 0
        var currentLength = 0
        var currentIsHeading = false

        func flush() {
            let text = collapseWhitespace(current)
            if !text.isEmpty {
                paragraphs.append(
                    Paragraph(
                        text: text, linkShare: currentLength == 0 ? 0 : Double(currentLinks) / Double(currentLength),
                        isHeading: currentIsHeading))
            }
            current = ""
            currentLinks = 0
            currentLength = 0
            currentIsHeading = false
        }

        for root in roots {
            // Where the open links and blocks end: text after a block's end is a new paragraph.
            var linkEnds: [Int] = []
            var blockEnds: [Int] = []
            var index = root
            let end = nodes[root].end
            flush()
            while index < end {
                let node = nodes[index]
                while let last = linkEnds.last, last <= index { linkEnds.removeLast() }
                while let last = blockEnds.last, last <= index {
                    blockEnds.removeLast()
                    flush()
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
                } else if node.tag == .br || node.tag.isBlock {
                    flush()
                    if node.tag.isBlock { blockEnds.append(node.end) }
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
