/// "the company said", "the council warned": a description whose head names a kind of
/// organization speaks for the organization the text has been about, so the quote
/// carries that entity's canonical name. The offsets stay on the description, which
/// is where the report writes its subject.
extension QuoteContext {

    func linkedDescription(_ quote: Quote) -> Quote {
        guard let speaker = quote.speaker, speaker.entity == nil else { return quote }
        let words = speaker.name.split(separator: " ").map { $0.lowercased() }
        // A description is lowercase past its article: "The Trump Organization" is a name.
        let written = speaker.name.split(separator: " ").dropFirst()
        guard words.count >= 2, words.count <= 4, words[0] == "the", let head = words.last,
            written.allSatisfy({ $0.unicodeScalars.first?.isLower == true })
        else { return quote }
        let generic = SpeakerNouns.genericOrganizations.contains(head)
        guard generic || SpeakerNouns.namedOrganizations.contains(head) else { return quote }
        let token = tokenIndex(startingAt: speaker.start)
        guard token < analysis.tokens.count else { return quote }
        let sentence = analysis.sentenceIndex(ofToken: token)
        let paragraph = analysis.paragraphOfSentence[sentence]
        var best: (mention: SpeakerMention, score: Int)?
        for mention in speakers.values where mention.entity.type == "ORG" && mention.tokens.upperBound <= token {
            let mentionSentence = analysis.sentenceIndex(ofToken: mention.tokens.lowerBound)
            let named = mention.entity.name.lowercased().split(separator: " ").contains { $0 == head }
            // A generic head picks up the organization the last sentences were about; a
            // named head ("the council") may reach back to wherever the name stood.
            guard
                named
                    || generic && (sentence - mentionSentence <= 2 || analysis.paragraphOfSentence[mentionSentence] == paragraph)
            else { continue }
            if !salience.quoted[token] && salience.quoted[mention.tokens.lowerBound] { continue }
            let score = salience.score(mention.tokens) - 2 * min(sentence - mentionSentence, 5) + (named ? 3 : 0)
            if best.map({ score > $0.score || score == $0.score && mention.tokens.lowerBound > $0.mention.tokens.lowerBound })
                ?? true
            {
                best = (mention, score)
            }
        }
        guard let entity = best?.mention.entity else { return quote }
        var linked = quote
        linked.speaker = Quote.Speaker(name: entity.name, entity: entity.id, start: speaker.start, end: speaker.end)
        return linked
    }
}
