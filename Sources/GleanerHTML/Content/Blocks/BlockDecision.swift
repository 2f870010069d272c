/// Which paragraphs of the chosen article stay. The template rules go first (a
/// paragraph that is mostly links, a lone label, furniture at the article's edges),
/// then the block model weighs each remaining paragraph. Every paragraph gets its
/// verdict and reason, which `--explain-page` prints.
struct BlockVerdict {
    enum Reason: String {
        case kept = "kept"
        case links = "mostly links"
        case template = "template label or edge furniture"
        case model = "block model"
    }

    var paragraph: TextAssembler.Paragraph
    var features: [Double]
    /// The model's probability that the paragraph is article text; nil without a model.
    var probability: Double?
    var reason: Reason

    var kept: Bool { reason == .kept }
}

enum BlockDecision {
    static func verdicts(_ paragraphs: [TextAssembler.Paragraph], tree: HTMLTree, model: PageBlockModel?) -> [BlockVerdict] {
        let linked = paragraphs.map { !$0.isHeading && $0.linkShare > TextAssembler.maximumLinkShare }
        let candidates = paragraphs.indices.filter { !linked[$0] }
        let survivors = ArticleEdges.trim(candidates.map { paragraphs[$0] })
        // trim only removes, in order: walk both lists to see which candidates it kept.
        var trimmed = [Bool](repeating: true, count: paragraphs.count)
        var next = 0
        for index in candidates where next < survivors.count {
            if survivors[next].node == paragraphs[index].node, survivors[next].text == paragraphs[index].text {
                trimmed[index] = false
                next += 1
            }
        }
        let features = BlockFeatures.compute(
            paragraphs, tree: tree, ruledOut: paragraphs.indices.map { linked[$0] || trimmed[$0] })
        return paragraphs.indices.map { index in
            let probability = model?.probability(features[index])
            let reason: BlockVerdict.Reason =
                if linked[index] { .links } else if trimmed[index] {
                    .template
                } else if let probability, let model, probability < model.threshold { .model } else { .kept }
            return BlockVerdict(paragraph: paragraphs[index], features: features[index], probability: probability, reason: reason)
        }
    }

    static func text(of verdicts: [BlockVerdict]) -> String {
        verdicts.filter(\.kept).map(\.paragraph.text).joined(separator: "\n\n")
    }
}
