/// "The town released a statement saying ...", "His office put out a statement
/// calling ...": a document someone issued speaks for them, so the speaker is whoever
/// issued it, the subject of the issuing verb.
extension QuoteExtractor {
    static let documentNouns: Set<String> = [
        "statement", "letter", "release", "memo", "email", "e-mail", "tweet", "post", "message", "note", "video", "ad",
    ]
    static let issuingVerbs: Set<String> = [
        "issued", "released", "sent", "posted", "published", "put", "wrote", "tweeted", "distributed", "circulated", "aired",
        "issues", "releases", "sends", "posts", "publishes", "puts", "writes",
    ]

    func issuer(_ quote: Quote, _ analysis: DocumentAnalysis, _ speakers: [Int: SpeakerMention]) -> Quote {
        guard let speaker = quote.speaker, speaker.entity == nil else { return quote }
        let words = speaker.name.split(separator: " ").map { $0.lowercased() }
        guard words.count == 2, ["a", "an", "the"].contains(words[0]), Self.documentNouns.contains(words[1]) else { return quote }
        var verb = tokenIndex(startingAt: speaker.start, analysis) - 1
        // "put out a statement"
        if verb > 0, analysis.tokens[verb].text == "out" { verb -= 1 }
        guard verb > 0, Self.issuingVerbs.contains(analysis.tokens[verb].text.lowercased()) else { return quote }
        guard let found = mention(endingBefore: verb, speakers, analysis).map(self.speaker) ?? description(endingBefore: verb, analysis)
            ?? sentenceSubject(before: verb, speakers, analysis)
        else { return quote }
        var issued = quote
        issued.speaker = found
        return issued
    }
}
