/// A time phrase between a speaker and the cue: "Clinton on Thursday said", "the
/// ministry last week warned", "Obama earlier this month told". The speaker ends where
/// the time phrase starts, so it is no part of the speaker's name or description.
extension QuoteContext {

    /// Where a time phrase ending right before `token` starts, if one does.
    func timePhraseStart(before token: Int) -> Int? {
        let sentenceStart = analysis.sentenceTokens(ofToken: max(0, token - 1)).lowerBound
        var first = token
        // A part of the day after the day: "Thursday night"; a date's number: "March 3".
        if first - 1 > sentenceStart,
            TimeWords.periods.contains(analysis.tokens[first - 1].text.lowercased())
                || analysis.tokens[first - 1].text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) })
        {
            first -= 1
        }
        guard first - 1 >= sentenceStart else { return nil }
        let word = analysis.tokens[first - 1].text.lowercased()
        if TimeWords.days.contains(word) {
            first -= 1
        } else if first < token, TimeWords.periods.contains(analysis.tokens[first].text.lowercased()),
            TimeWords.periodOpeners.contains(word)
        {
            first -= 1
            // "earlier this month"
            if first - 1 >= sentenceStart, ["earlier", "later"].contains(analysis.tokens[first - 1].text.lowercased()) {
                first -= 1
            }
        } else {
            return nil
        }
        if first - 1 >= sentenceStart, ["on", "in"].contains(analysis.tokens[first - 1].text.lowercased()) { first -= 1 }
        // Something must stand before it to be the speaker.
        return first > sentenceStart && first < token ? first : nil
    }
}
