/// A place, nationality or organization in front of a person's title and name is a
/// modifier of that person: in "Ohio Gov. John Kasich", "Democratic Sen. Amy Klobuchar",
/// "Vodafone spokesman Mike Caudwell" the person speaks, not Ohio.
extension QuoteContext {
    /// The person a non-person mention modifies, when only capitalised title words (or a
    /// lowercase role noun) stand between them.
    func personModified(by mention: SpeakerMention) -> SpeakerMention? {
        guard mention.entity.type != "PERSON" else { return nil }
        var next = mention.tokens.upperBound
        while next < min(analysis.tokens.count, mention.tokens.upperBound + 4), analysis.tokens[next].newlinesBefore == 0 {
            if let person = speakers[next] {
                return person.entity.type == "PERSON" && next > mention.tokens.upperBound ? person : nil
            }
            let text = analysis.tokens[next].text
            let lower = text.lowercased()
            guard
                text.unicodeScalars.first?.isUpper == true && text.unicodeScalars.allSatisfy({ $0.isAlpha || $0 == "." })
                    || SpeakerNouns.heads.contains(lower) && !SpeakerNouns.groups.contains(lower)
            else { return nil }
            next += 1
        }
        return nil
    }
}
