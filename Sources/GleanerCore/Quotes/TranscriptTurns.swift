/// Speakers named by a label before a colon: interview transcripts inside a story
/// ("PENCE: Well, ...") and headlines that lead with who says it ("Pence: Flowers
/// Won't Be at Debate").
extension QuoteContext {
    /// Interview transcripts: a line "PENCE: Well, look, ..." is a direct quote of the
    /// speaker its capitalised label names.
    func transcriptTurns() -> [Quote] {
        var quotes: [Quote] = []
        var index = 0
        while index < analysis.tokens.count {
            defer { index += 1 }
            guard index == 0 || analysis.tokens[index].newlinesBefore > 0 else { continue }
            guard let (colon, speaker) = transcriptLabel(at: index), quoted[colon] == .none else { continue }
            var end = colon + 1
            while end < analysis.tokens.count, analysis.tokens[end].newlinesBefore == 0 { end += 1 }
            guard end - colon > 3 else { continue }
            let start = analysis.tokens[colon + 1].start
            let stop = analysis.tokens[end - 1].end
            quotes.append(
                Quote(text: analysis.text(start, stop), start: start, end: stop, kind: .direct, cue: nil, speaker: speaker))
        }
        return quotes
    }

    /// "PENCE:" at `index`: the colon's token and the speaker the label names.
    func transcriptLabel(at index: Int) -> (Int, Quote.Speaker)? {
        var colon = index
        while colon < min(analysis.tokens.count, index + 3), isLabelWord(analysis.tokens[colon].text) { colon += 1 }
        guard colon > index, colon < analysis.tokens.count, analysis.tokens[colon].text == ":" else { return nil }
        let label = analysis.tokens[index..<colon].map(\.text)
        let entity = entities.first { entity in
            entity.type == "PERSON" && entity.name.split(separator: " ").last.map { $0.uppercased() == label.last } == true
        }
        let labelStart = analysis.tokens[index].start
        let labelEnd = analysis.tokens[colon - 1].end
        return (
            colon,
            Quote.Speaker(
                name: entity?.name ?? analysis.text(labelStart, labelEnd), entity: entity?.id, start: labelStart, end: labelEnd)
        )
    }

    func isLabelWord(_ word: String) -> Bool {
        let letters = word.unicodeScalars.filter { $0.isAlpha }
        return letters.count >= 2 && letters.allSatisfy { $0.isUpper }
    }

    /// Lowercase words a headline label may hold right after the name that speaks: "Clinton
    /// to Planned Parenthood:", "Mukasey at RNC:", "Clinton camp:".
    static let afterLabelName: Set<String> = ["to", "at", "camp", "aides", "allies"]

    /// A headline "Pence: Gennifer Flowers Won't Be at Debate" reports what the label
    /// before its colon says: a name or a short capitalised source ("Poll:", "Obama on
    /// Climate Change:"), not a genre label ("Analysis:", "Watch:").
    func headlineReport() -> [Quote] {
        guard let headline = analysis.sentences.first?.tokens else { return [] }
        var lineEnd = headline.lowerBound + 1
        while lineEnd < analysis.tokens.count, analysis.tokens[lineEnd].newlinesBefore == 0 { lineEnd += 1 }
        let first = headline.lowerBound
        guard let colon = (first + 1..<min(lineEnd, first + 6)).first(where: { analysis.tokens[$0].text == ":" }),
            quoted[colon] == .none,
            lineEnd - colon > 3, !OpenerWords.genreLabels.contains(analysis.tokens[first].text.lowercased())
        else { return [] }
        let label = first..<colon
        let named = label.lazy.compactMap { speakers[$0] }.first { $0.tokens.upperBound <= colon }
        guard
            label.allSatisfy({ index in
                let word = analysis.tokens[index].text
                return word.unicodeScalars.first?.isUpper == true || ["on", "of", "and", "'s", "’s", "."].contains(word)
                    || (named?.tokens.upperBound == index && Self.afterLabelName.contains(word))
            })
        else { return [] }
        var speaker = named.map(speaker) ?? unnamed(first, colon)
        // A surname alone in a title-case headline, which the tagger may leave out or type as
        // a place, names the person the story names in full.
        if named?.entity.type != "PERSON", colon - first == 1 {
            let surname = analysis.tokens[first].text
            if let person = speakers.values.first(where: {
                $0.entity.type == "PERSON" && $0.entity.name.split(separator: " ").last.map(String.init) == surname
            }) {
                speaker = Quote.Speaker(
                    name: person.entity.name, entity: person.entity.id, start: speaker.start, end: speaker.end)
            }
        }
        return report(colon + 1, lineEnd, cue: ":", speaker: speaker, fragments: fragments)
    }

}
