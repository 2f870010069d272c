/// Issue 12: a linear ranker over the mentions around a direct quote the rules left
/// without a speaker. The rules stay wherever they name someone: letting the ranker
/// override them lost on PolNeAR dev (scripts/train-speaker-ranker), filling their
/// gaps won on train and dev.
public struct SpeakerRanker: Sendable {
    public let weights: [String: Double]

    public init(weights: [String: Double]) {
        self.weights = weights
    }

    /// Weights as `scripts/train-speaker-ranker --write` prints them: `feature<TAB>weight`
    /// per line, `#` comments.
    public init(tsv: String) {
        var weights: [String: Double] = [:]
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            if fields.count == 2, let weight = Double(fields[1]) { weights[String(fields[0])] = weight }
        }
        self.weights = weights
    }

    func score(_ names: [String]) -> Double {
        names.reduce(0) { $0 + (weights[$1] ?? 0) }
    }

    /// Every candidate with its score, in the order given.
    func scored(_ candidates: [SpeakerCandidate], _ features: SpeakerFeatures, quote: Quote) -> [(SpeakerCandidate, Double)] {
        candidates.map { ($0, score(features.features($0, quoteStart: quote.start, quoteEnd: quote.end))) }
    }

    /// The best candidate; on a tie the first, as in training.
    static func best(_ scored: [(SpeakerCandidate, Double)]) -> SpeakerCandidate? {
        var best: (SpeakerCandidate, Double)?
        for (candidate, value) in scored where best == nil || value > best!.1 { best = (candidate, value) }
        return best?.0
    }

    /// "Sam Lau, the communications director for the Iowa Democratic Party said": a body
    /// named right after a person's role ("for", "of", "at") is whom the person speaks
    /// for, and the person speaks. The ranker scores mentions one by one and cannot see it.
    static func speaker(for chosen: SpeakerCandidate, among candidates: [SpeakerCandidate], _ features: SpeakerFeatures)
        -> SpeakerCandidate
    {
        guard chosen.entityType == "ORG" else { return chosen }
        let person = candidates.first { candidate in
            guard candidate.entityType == "PERSON", candidate.entity != nil, candidate.end <= chosen.start,
                chosen.start - candidate.end <= 12
            else { return false }
            let between = features.text(candidate.end, chosen.start).lowercased().split(separator: " ").joined(separator: " ")
            return rolePrepositions.contains(between)
        }
        return person ?? chosen
    }

    private static let rolePrepositions: Set<String> = ["for", "of", "at", "with", "for the", "of the", "at the", "with the"]

    /// Gives each direct or partial quote with no speaker the best-ranked mention around it.
    public func fillSpeakers(_ quotes: [Quote], entities: [Entity], scalars: [Unicode.Scalar]) -> [Quote] {
        fill(quotes.map { FoundQuote($0, rule: nil) }, entities: entities, scalars: scalars).map(\.quote)
    }

    /// `fillSpeakers`, keeping in each filled quote's explanation the candidates and their scores.
    func fill(_ quotes: [FoundQuote], entities: [Entity], scalars: [Unicode.Scalar]) -> [FoundQuote] {
        let speakers = Set(quotes.compactMap { $0.quote.speaker?.entity })
        let features = SpeakerFeatures(scalars: scalars, speakers: speakers)
        let byID = Dictionary(entities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return quotes.map { found in
            let quote = found.quote
            guard quote.speaker == nil, quote.kind != .indirect else { return found }
            let scored = scored(SpeakerCandidate.around(quote, entities, features), features, quote: quote)
            guard let best = Self.best(scored) else { return found }
            let chosen = Self.speaker(for: best, among: scored.map(\.0), features)
            guard let id = chosen.entity, let entity = byID[id] else { return found }
            var filled = found
            filled.quote.speaker = Quote.Speaker(name: entity.name, entity: id, start: chosen.start, end: chosen.end)
            filled.explanation.rule =
                chosen == best ? "speaker ranker" : "speaker ranker, then the person whose role names the body it chose"
            filled.explanation.ranked = scored.map { candidate, score in
                QuoteExplanation.ScoredCandidate(
                    text: features.text(candidate.start, candidate.end), start: candidate.start, end: candidate.end,
                    entity: candidate.entity, score: score)
            }
            return filled
        }
    }
}
