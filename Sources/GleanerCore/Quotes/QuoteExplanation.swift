/// Why the quote stage reported a quote as it did: the layout that found its words,
/// the rule that named its speaker, the corrections applied after, and, when the
/// trained ranker chose the speaker, every candidate it scored. Printed by
/// `gleaner extract --explain`; never part of the output record.
public struct QuoteExplanation: Sendable, Equatable {
    /// A mention the speaker ranker scored for this quote.
    public struct ScoredCandidate: Sendable, Equatable {
        public var text: String
        public var start: Int
        public var end: Int
        public var entity: String?
        public var score: Double
    }

    public var layout: String
    /// The rule that named the speaker; nil when none did.
    public var rule: String?
    /// Corrections that changed the quote after its layout, in the order they ran.
    public var refinements: [String] = []
    /// The candidates the ranker scored, in the order it read them; empty when it did not run.
    public var ranked: [ScoredCandidate] = []

    public init(layout: String, rule: String?) {
        self.layout = layout
        self.rule = rule
    }
}

/// A quote with the explanation of how it was found, as it travels through the stage.
struct FoundQuote {
    var quote: Quote
    var explanation: QuoteExplanation

    init(_ quote: Quote, layout: String = "", rule: String?) {
        self.quote = quote
        explanation = QuoteExplanation(layout: layout, rule: rule)
    }
}

extension QuoteExplanation {
    /// The explanation as lines of text, for a person reading `gleaner extract --explain`.
    public func lines(for quote: Quote, number: Int) -> [String] {
        let words = quote.text.count > 70 ? String(quote.text.prefix(67)) + "..." : quote.text
        var lines = ["quote \(number) (\(quote.kind.rawValue), \(quote.start)-\(quote.end)): \(words)", "  layout: \(layout)"]
        let speaker = quote.speaker.map { "\($0.name)" + ($0.entity.map { " [\($0)]" } ?? "") } ?? "none"
        lines.append("  speaker: \(speaker), chosen by: \(rule ?? "no rule")" + (quote.cue.map { ", cue: \($0)" } ?? ""))
        for refinement in refinements { lines.append("  then: \(refinement)") }
        for candidate in ranked.sorted(by: { $0.score > $1.score }) {
            let score = (candidate.score * 1000).rounded() / 1000
            lines.append(
                "  ranker: \(score) \(candidate.text) (\(candidate.start)-\(candidate.end)"
                    + (candidate.entity.map { ", \($0)" } ?? "") + ")")
        }
        return lines
    }
}
