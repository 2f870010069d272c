/// "The town released a statement saying ...", "His office put out a statement
/// calling ...": a document someone issued speaks for them, so the speaker is whoever
/// issued it, the subject of the issuing verb.
extension QuoteContext {

    func issuer(_ quote: Quote) -> Quote {
        guard let speaker = quote.speaker, speaker.entity == nil else { return quote }
        let words = speaker.name.split(separator: " ").map { $0.lowercased() }
        guard words.count == 2, ["a", "an", "the"].contains(words[0]), SpeakerNouns.documents.contains(words[1]) else {
            return quote
        }
        var verb = tokenIndex(startingAt: speaker.start) - 1
        // "put out a statement"
        if verb > 0, analysis.tokens[verb].text == "out" { verb -= 1 }
        guard verb > 0, SpeechCues.issuingVerbs.contains(analysis.tokens[verb].text.lowercased()) else { return quote }
        guard
            let found = mention(endingBefore: verb).map(self.speaker) ?? description(endingBefore: verb)
                ?? sentenceSubject(before: verb)
        else { return quote }
        var issued = quote
        issued.speaker = found
        return issued
    }
}
