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

    /// The best candidate; on a tie the first, as in training.
    func best(_ candidates: [SpeakerCandidate], _ features: SpeakerFeatures, quote: Quote) -> SpeakerCandidate? {
        var best: (SpeakerCandidate, Double)?
        for candidate in candidates {
            let value = score(features.features(candidate, quoteStart: quote.start, quoteEnd: quote.end))
            if best == nil || value > best!.1 { best = (candidate, value) }
        }
        return best?.0
    }

    /// Gives each direct or partial quote with no speaker the best-ranked mention around it.
    public func fillSpeakers(_ quotes: [Quote], entities: [Entity], scalars: [Unicode.Scalar]) -> [Quote] {
        let speakers = Set(quotes.compactMap { $0.speaker?.entity })
        let features = SpeakerFeatures(scalars: scalars, speakers: speakers)
        let byID = Dictionary(entities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return quotes.map { quote in
            guard quote.speaker == nil, quote.kind != .indirect,
                let chosen = best(SpeakerCandidate.around(quote, entities, features), features, quote: quote),
                let id = chosen.entity, let entity = byID[id]
            else { return quote }
            var filled = quote
            filled.speaker = Quote.Speaker(name: entity.name, entity: id, start: chosen.start, end: chosen.end)
            return filled
        }
    }
}
