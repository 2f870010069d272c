/// Interview transcripts inside a story: "PENCE: Well, ..." lines.
extension QuoteExtractor {
    /// Interview transcripts: a line "PENCE: Well, look, ..." is a direct quote of the
    /// speaker its capitalised label names.
    func transcriptTurns(_ analysis: DocumentAnalysis, entities: [Entity], quoted: [QuotedToken]) -> [Quote] {
        var quotes: [Quote] = []
        var index = 0
        while index < analysis.tokens.count {
            defer { index += 1 }
            guard index == 0 || analysis.tokens[index].newlinesBefore > 0 else { continue }
            guard let (colon, speaker) = transcriptLabel(at: index, analysis, entities: entities), quoted[colon] == .none else { continue }
            var end = colon + 1
            while end < analysis.tokens.count, analysis.tokens[end].newlinesBefore == 0 { end += 1 }
            guard end - colon > 3 else { continue }
            let start = analysis.tokens[colon + 1].start
            let stop = analysis.tokens[end - 1].end
            quotes.append(Quote(text: analysis.text(start, stop), start: start, end: stop, kind: .direct, cue: nil, speaker: speaker))
        }
        return quotes
    }

    /// "PENCE:" at `index`: the colon's token and the speaker the label names.
    func transcriptLabel(at index: Int, _ analysis: DocumentAnalysis, entities: [Entity]) -> (Int, Quote.Speaker)? {
        var colon = index
        while colon < min(analysis.tokens.count, index + 3), isLabelWord(analysis.tokens[colon].text) { colon += 1 }
        guard colon > index, colon < analysis.tokens.count, analysis.tokens[colon].text == ":" else { return nil }
        let label = analysis.tokens[index..<colon].map(\.text)
        let entity = entities.first { entity in
            entity.type == "PERSON" && entity.name.split(separator: " ").last.map { $0.uppercased() == label.last } == true
        }
        let labelStart = analysis.tokens[index].start
        let labelEnd = analysis.tokens[colon - 1].end
        return (colon, Quote.Speaker(name: entity?.name ?? analysis.text(labelStart, labelEnd), entity: entity?.id, start: labelStart, end: labelEnd))
    }

    func isLabelWord(_ word: String) -> Bool {
        let letters = word.unicodeScalars.filter { $0.isAlpha }
        return letters.count >= 2 && letters.allSatisfy { $0.isUpper }
    }
}
