/// Tags each token of a sentence with a BILOU label (begin, inside, last, unit, or
/// outside), greedily left to right, each decision seeing the two previous labels;
/// I-X and L-X may only follow B-X or I-X. BILOU scored 0.899 on CoNLL dev, BIO 0.898.
public struct EntityTagger: Sendable {
    /// First the sentence-level model; then, if present, the model that also sees the
    /// first pass's document-wide predictions.
    public let stages: [EntityTaggerModel]
    public let gazetteer: Gazetteer
    /// With exactly two stages, both models' rows of each feature from one look-up.
    private let pairedRows: PairedFeatureTable?

    public init(stages: [EntityTaggerModel], gazetteer: Gazetteer) {
        precondition(!stages.isEmpty, "a tagger needs at least one model")
        self.stages = stages
        self.gazetteer = gazetteer
        pairedRows = stages.count == 2 ? PairedFeatureTable(stages[0].rows, stages[1].rows) : nil
    }

    public init(model: EntityTaggerModel, gazetteer: Gazetteer) {
        self.init(stages: [model], gazetteer: gazetteer)
    }

    public func tag(_ tokens: [String], document: DocumentCase = DocumentCase()) -> [String] {
        tag(tokens, document: document, model: stages[0])
    }

    func tag(_ tokens: [String], document: DocumentCase, model: EntityTaggerModel) -> [String] {
        let features = NERFeatures(tokens: tokens, gazetteer: gazetteer, document: document)
        return Self.decode(tokens: tokens, features: features, model: model).map { model.labels[$0] }
    }

    /// Tags every sentence of a document, running each stage over the whole document.
    /// Later stages reuse the first stage's features and add the document predictions.
    public func tagDocument(_ sentences: [[String]]) -> [[String]] {
        let context = DocumentCase(sentences)
        let features = sentences.map { NERFeatures(tokens: $0, gazetteer: gazetteer, document: context) }
        if let pairedRows { return Self.tagTwoStages(sentences, features: features, stages: stages, pairedRows: pairedRows) }
        var labels = zip(sentences, features).map {
            Self.decode(tokens: $0, features: $1, model: stages[0]).map { stages[0].labels[$0] }
        }
        for model in stages.dropFirst() {
            let predicted = Self.predictedTypes(sentences, labels)
            labels = zip(sentences, features).map { tokens, sentenceFeatures in
                Self.decode(tokens: tokens, features: sentenceFeatures.addingDocumentPredictions(predicted), model: model).map {
                    model.labels[$0]
                }
            }
        }
        return labels
    }

    /// `tagDocument` for two stages: each static feature is looked up once for both
    /// models; the second stage looks up only its document-prediction features.
    private static func tagTwoStages(
        _ sentences: [[String]], features: [NERFeatures], stages: [EntityTaggerModel], pairedRows: PairedFeatureTable
    ) -> [[String]] {
        var labels: [[String]] = []
        labels.reserveCapacity(sentences.count)
        var secondRows: [StaticRows] = []
        secondRows.reserveCapacity(sentences.count)
        for (tokens, sentenceFeatures) in zip(sentences, features) {
            var first = StaticRows(tokenCount: tokens.count)
            var second = StaticRows(tokenCount: tokens.count)
            for tokenFeatures in sentenceFeatures.staticFeatures {
                for feature in tokenFeatures {
                    let rows = pairedRows.rows(feature)
                    first.rows.append(rows.first)
                    second.rows.append(rows.second)
                }
                first.ends.append(first.rows.count)
                second.ends.append(second.rows.count)
            }
            labels.append(
                decode(tokens: tokens, features: sentenceFeatures, rows: first, model: stages[0]).map { stages[0].labels[$0] })
            secondRows.append(second)
        }
        let model = stages[1]
        let predicted = predictedTypes(sentences, labels)
        for sentence in sentences.indices {
            let sentenceFeatures = features[sentence]
            let base = secondRows[sentence]
            var rows = StaticRows(tokenCount: sentences[sentence].count)
            var start = 0
            for index in 0..<sentences[sentence].count {
                rows.rows.append(contentsOf: base.rows[start..<base.ends[index]])
                start = base.ends[index]
                if let type = predicted[sentenceFeatures.lowers[index]] {
                    for feature in NERFeatures.documentPredicted(type, shape: sentenceFeatures.shapes[index]) {
                        rows.rows.append(model.rows.row(feature) ?? -1)
                    }
                }
                rows.ends.append(rows.rows.count)
            }
            labels[sentence] = decode(tokens: sentences[sentence], features: sentenceFeatures, rows: rows, model: model).map {
                model.labels[$0]
            }
        }
        return labels
    }

    /// The weight rows of a sentence's static features, token after token (-1: unseen).
    struct StaticRows {
        var rows: [Int32] = []
        /// Per token, where its rows end in `rows`.
        var ends: [Int] = []

        init(tokenCount: Int) {
            rows.reserveCapacity(tokenCount * 40)
            ends.reserveCapacity(tokenCount)
        }
    }

    /// The commonest entity type of each lowercased word inside predicted entities.
    static func predictedTypes(_ sentences: [[String]], _ labels: [[String]]) -> [String: String] {
        var votes: [String: [String: Int]] = [:]
        for (tokens, sentenceLabels) in zip(sentences, labels) {
            for span in BIO.spans(sentenceLabels) {
                for index in span.tokens { votes[tokens[index].lowercasedASCIIFast(), default: [:]][span.type, default: 0] += 1 }
            }
        }
        return votes.mapValues { counts in counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key }
    }

    /// Each token's static features are scored first (they do not depend on the tags),
    /// then the tags are chosen left to right adding the tag-history rows; every label's
    /// sum takes its terms in the same order as one pass over all the features would.
    static func decode(tokens: [String], features: NERFeatures, model: EntityTaggerModel) -> [Int] {
        var rows = StaticRows(tokenCount: tokens.count)
        for tokenFeatures in features.staticFeatures {
            for feature in tokenFeatures { rows.rows.append(model.rows.row(feature) ?? -1) }
            rows.ends.append(rows.rows.count)
        }
        return decode(tokens: tokens, features: features, rows: rows, model: model)
    }

    static func decode(tokens: [String], features: NERFeatures, rows: StaticRows, model: EntityTaggerModel) -> [Int] {
        let count = tokens.count
        let width = model.labels.count
        var labels: [Int] = []
        labels.reserveCapacity(count)
        guard count > 0 else { return labels }
        var staticScores = [Float](repeating: 0, count: count * width)
        var scores = [Float](repeating: 0, count: width)
        model.withWeights { weights in
            staticScores.withUnsafeMutableBufferPointer { staticBuffer in
                let all = staticBuffer.baseAddress!
                rows.rows.withUnsafeBufferPointer { staticRows in
                    var start = 0
                    for index in 0..<count {
                        let target = all + index * width
                        let end = rows.ends[index]
                        for position in start..<end { weights.addRow(staticRows[position], into: target) }
                        start = end
                    }
                }
                scores.withUnsafeMutableBufferPointer { scoreBuffer in
                    let scores = scoreBuffer.baseAddress!
                    for index in 0..<count {
                        let source = all + index * width
                        for label in 0..<width { scores[label] = source[label] }
                        let previous = index > 0 ? labels[index - 1] : model.outside
                        let beforePrevious = index > 1 ? labels[index - 2] : model.outside
                        weights.addRow(model.previousTagRows[previous], into: scores)
                        weights.addRow(model.previousTwoTagRows[previous * width + beforePrevious], into: scores)
                        var tagWord = FeatureHash(state: model.tagWordSeeds[previous])
                        var lower = features.lowers[index]
                        lower.withUTF8 { tagWord.mix(utf8: $0) }
                        if let row = model.rows.row(tagWord.value) { weights.addRow(row, into: scores) }
                        var best = model.outside
                        var bestScore = -Float.infinity
                        let allowed = previous * width
                        for label in 0..<width where model.allowedAfter[allowed + label] && scores[label] > bestScore {
                            best = label
                            bestScore = scores[label]
                        }
                        labels.append(best)
                    }
                }
            }
        }
        return labels
    }
}

/// A labelled span of tokens decoded from BIO tags.
public struct TaggedSpan: Sendable, Equatable, Hashable {
    public var type: String
    public var tokens: Range<Int>
}

/// Entity spans from tag sequences. Reads BIO (IOB2) and BILOU alike: B starts,
/// I continues, L ends, U is a one-token entity; a stray I or L starts a new span.
public enum BIO {
    public static func spans(_ labels: [String]) -> [TaggedSpan] {
        var spans: [TaggedSpan] = []
        var current: (type: String, start: Int)?
        func close(_ end: Int) {
            if let open = current { spans.append(TaggedSpan(type: open.type, tokens: open.start..<end)) }
            current = nil
        }
        for (index, label) in labels.enumerated() {
            // Most tokens are outside any entity: "O" only closes the open span.
            if label == "O" {
                close(index)
                continue
            }
            let prefix = label.prefix(2)
            let type = String(label.dropFirst(2))
            if prefix == "I-" || prefix == "L-", let open = current, open.type == type {
                if prefix == "L-" { close(index + 1) }
                continue
            }
            close(index)
            switch prefix {
            case "U-": spans.append(TaggedSpan(type: type, tokens: index..<(index + 1)))
            case "L-": spans.append(TaggedSpan(type: type, tokens: index..<(index + 1)))
            case "B-", "I-": current = (type, index)
            default: break
            }
        }
        close(labels.count)
        return spans
    }

    /// BIO to BILOU: the last token of an entity becomes L-, a lone one U-.
    public static func bilou(_ labels: [String]) -> [String] {
        labels.enumerated().map { index, label in
            guard label != "O" else { return label }
            let type = label.dropFirst(2)
            let next = index + 1 < labels.count ? labels[index + 1] : "O"
            let continues = next == "I-" + type
            if label.hasPrefix("B-") { return (continues ? "B-" : "U-") + type }
            return (continues ? "I-" : "L-") + type
        }
    }
}
