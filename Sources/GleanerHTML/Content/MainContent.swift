/// Finds the article in a pruned page, in the manner of Readability: every paragraph of
/// real prose gives points to its container and, less, to the containers above it;
/// containers full of links lose their points; class and id words tilt the choice.
/// The best container, plus the siblings that look like more of the same article
/// (a lede set apart from the body, a continuation after an ad slot), is the article.
struct MainContent {
    /// The chosen subtrees, in document order; empty when the page has no prose.
    let roots: [Int]
    /// The five best-scoring containers, kept only for `explain` (sorting every
    /// candidate is work no page read needs).
    private(set) var leaders: [(node: Int, score: Double)] = []

    /// A paragraph under this many characters says little about where the article is.
    private static let minimumParagraph = 25

    init(_ tree: HTMLTree, pruning: PagePruning, keepingLeaders: Bool = false) {
        let nodes = tree.nodes
        let count = nodes.count
        guard count > 0 else {
            roots = []
            return
        }
        // Bottom-up sums: text and link text per subtree, comma counts per paragraph.
        var textLength = [Int](repeating: 0, count: count)
        var linkLength = [Int](repeating: 0, count: count)
        var insideLink = [Bool](repeating: false, count: count)
        for index in nodes.indices where nodes[index].parent >= 0 {
            insideLink[index] = insideLink[nodes[index].parent] || nodes[index].tag == .a
        }
        for index in nodes.indices.reversed() where !pruning.dropped[index] {
            let node = nodes[index]
            if node.isText {
                let length = UTF8Space.visibleLength(node.text)
                textLength[index] = length
                if insideLink[index] { linkLength[index] = length }
            }
            if node.parent >= 0 {
                textLength[node.parent] += textLength[index]
                linkLength[node.parent] += linkLength[index]
            }
        }

        // Each block's own text (not that of nested blocks) is one paragraph.
        var blockOf = [Int](repeating: -1, count: count)
        var ownText = [Int](repeating: 0, count: count)
        var ownCommas = [Int](repeating: 0, count: count)
        for index in nodes.indices where !pruning.dropped[index] {
            let node = nodes[index]
            let parent = node.parent
            if node.tag.isBlock {
                blockOf[index] = index
            } else if parent >= 0 {
                blockOf[index] = blockOf[parent]
            }
            if node.isText, !insideLink[index], blockOf[index] >= 0 {
                ownText[blockOf[index]] += textLength[index]
                ownCommas[blockOf[index]] += node.text.utf8.reduce(0) { $0 + ($1 == 0x2C ? 1 : 0) }
            }
        }

        var score = [Double](repeating: 0, count: count)
        var isCandidate = [Bool](repeating: false, count: count)
        for index in nodes.indices where !pruning.dropped[index] && ownText[index] >= Self.minimumParagraph {
            let node = nodes[index]
            let points = 1 + Double(ownCommas[index]) + min(Double(ownText[index]) / 100, 3)
            // Text straight inside a div is its own container; a <p>'s container is its parent.
            var container = Self.isParagraphTag(node.tag) ? node.parent : index
            var share = 1.0
            for level in 0..<3 {
                guard container >= 0 else { break }
                if !isCandidate[container] {
                    isCandidate[container] = true
                    score[container] = Self.initialScore(nodes[container])
                }
                score[container] += points * share
                share = level == 0 ? 0.5 : 1.0 / 3.0
                container = nodes[container].parent
            }
        }

        var best = -1
        var bestScore = 0.0
        // The body collects a share of every paragraph on the page: it is the article
        // only when no container inside it scores at all.
        var bestOuter = -1
        for index in nodes.indices where isCandidate[index] {
            let density = textLength[index] == 0 ? 1 : Double(linkLength[index]) / Double(textLength[index])
            score[index] *= 1 - density
            let isOuter = nodes[index].tag == .body || nodes[index].tag == .html
            if isOuter {
                if score[index] > 0, bestOuter < 0 || score[index] > score[bestOuter] { bestOuter = index }
            } else if score[index] > bestScore {
                bestScore = score[index]
                best = index
            }
        }
        if best < 0, bestOuter >= 0 {
            best = bestOuter
            bestScore = score[bestOuter]
        }
        if keepingLeaders {
            leaders = nodes.indices.filter { isCandidate[$0] }.map { ($0, score[$0]) }.sorted { $0.1 > $1.1 }.prefix(5).map { $0 }
        }
        guard best >= 0 else {
            roots = []
            return
        }
        // Several near-best containers under one ancestor are parts of one article.
        let rivals = nodes.indices.filter { isCandidate[$0] && $0 != best && score[$0] >= bestScore * 0.5 }
            .sorted { score[$0] > score[$1] }.prefix(4)
        if rivals.count >= 2 {
            var ancestor = nodes[best].parent
            while ancestor >= 0, nodes[ancestor].tag != .body {
                if rivals.filter({ tree.isAncestor(ancestor, of: $0) }).count >= 2 {
                    best = ancestor
                    bestScore = max(bestScore, score[ancestor])
                    break
                }
                ancestor = nodes[ancestor].parent
            }
        }
        // A container that scores close to the best one's holds more of the same
        // article (a body split by an inline box): climb while the parent keeps up.
        var lastScore = bestScore
        var ancestor = nodes[best].parent
        while ancestor >= 0, nodes[ancestor].tag != .body, nodes[ancestor].tag != .html {
            if isCandidate[ancestor] {
                if score[ancestor] < bestScore / 3 { break }
                if score[ancestor] > lastScore {
                    best = ancestor
                    bestScore = score[ancestor]
                    break
                }
                lastScore = score[ancestor]
            }
            ancestor = nodes[ancestor].parent
        }

        var chosen = [best]
        let parent = nodes[best].parent
        if parent >= 0 {
            let threshold = max(8, bestScore * 0.1)
            chosen = []
            for sibling in tree.children(of: parent) where !pruning.dropped[sibling] {
                if sibling == best {
                    chosen.append(sibling)
                    continue
                }
                let density = textLength[sibling] == 0 ? 1 : Double(linkLength[sibling]) / Double(textLength[sibling])
                if isCandidate[sibling], score[sibling] >= threshold {
                    chosen.append(sibling)
                } else if Self.isParagraphTag(nodes[sibling].tag) {
                    let length = textLength[sibling]
                    if length > 80, density < 0.25 { chosen.append(sibling) }
                }
            }
        }
        roots = Self.lede(tree, before: chosen, pruning: pruning, textLength: textLength, linkLength: linkLength) + chosen
    }

    /// The standfirst and lead-image caption that templates set between the headline and
    /// the body's container: prose paragraphs after the first <h1> and before the article.
    private static func lede(
        _ tree: HTMLTree, before chosen: [Int], pruning: PagePruning, textLength: [Int], linkLength: [Int]
    ) -> [Int] {
        guard let first = chosen.first, let heading = tree.first(.h1), tree[heading].end <= first,
            !chosen.contains(where: { tree.isAncestor($0, of: heading) })
        else { return [] }
        var lede: [Int] = []
        var index = tree[heading].end
        while index < first {
            let node = tree[index]
            if pruning.dropped[index] || tree.isAncestor(index, of: first) {
                index = pruning.dropped[index] ? node.end : index + 1
                continue
            }
            if node.tag == .p || node.tag == .figcaption {
                if textLength[index] >= 60, linkLength[index] * 4 < textLength[index] { lede.append(index) }
                index = node.end
                continue
            }
            index += 1
        }
        return lede
    }

    private static func isParagraphTag(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .p, .pre, .blockquote, .li, .td, .th, .dd, .dt, .h1, .h2, .h3, .h4, .h5, .h6, .figcaption, .address: true
        default: false
        }
    }

    private static func initialScore(_ node: HTMLTree.Node) -> Double {
        var base: Double
        switch node.tag {
        case .article, .main: base = 10
        case .div, .section: base = 5
        case .pre, .td, .blockquote: base = 3
        case .form, .ul, .ol, .dl, .dd, .dt, .li, .address: base = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: base = -5
        default: base = 0
        }
        base += Double(max(-1, min(2, BoilerplateRules.nameWeight(node)))) * 25
        return base
    }
}
