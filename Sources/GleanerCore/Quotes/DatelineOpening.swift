/// A dateline opening a paragraph ("WASHINGTON —", "WASHINGTON, Dec. 8 (UPI) —",
/// "Washington (AFP) –") tells where the story was filed, not who acts: the sentence's
/// subject comes after its dash.
extension QuoteContext {
    /// The first token after a dateline that opens the sentence at `sentenceStart`, if one does.
    func afterDateline(_ sentenceStart: Int) -> Int? {
        let tokens = analysis.tokens
        guard sentenceStart < tokens.count, tokens[sentenceStart].text.unicodeScalars.first?.isUpper == true else { return nil }
        var index = sentenceStart
        while index < min(tokens.count, sentenceStart + 12) {
            let text = tokens[index].text
            if QuoteMarks.dashes.contains(text) { return index > sentenceStart && index + 1 < tokens.count ? index + 1 : nil }
            // Place names, a date, an agency in brackets: capitalised words, numbers, punctuation.
            let first = text.unicodeScalars.first
            guard first.map({ $0.isUpper || ("0"..."9").contains($0) }) == true || [",", ".", "(", ")"].contains(text),
                index == sentenceStart || tokens[index].newlinesBefore == 0
            else { return nil }
            index += 1
        }
        return nil
    }
}
