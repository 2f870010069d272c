/// A quotation-mark span the quote stage keeps: where its words are, whether it opens
/// its sentence (a direct quote) or stands inside the reporter's sentence (partial),
/// and the speaker a transcript label inside it names ("PENCE: Well, ...").
struct MarkedQuote {
    /// The tokens inside the marks, past a transcript label.
    var inside: Range<Int>
    /// Code-point offsets of the quoted words, marks excluded.
    var contentStart: Int
    var contentEnd: Int
    var startsSentence: Bool
    var wordCount: Int
    var labelled: Quote.Speaker?
    var paragraph: Int
}

extension QuoteContext {
    /// Words from which quoted words are a clause of their own rather than a fragment.
    static let clauseLength = 5

    /// Reads the quotation marks once: which tokens they cover, the fragments, the spans.
    func readMarks() -> (quoted: [QuotedToken], fragments: [Fragment], quotes: [MarkedQuote]) {
        var quotedTokens = [QuotedToken](repeating: .none, count: analysis.tokens.count)
        var fragments: [Fragment] = []
        var quotes: [MarkedQuote] = []
        guard !analysis.tokens.isEmpty else { return (quotedTokens, fragments, quotes) }
        for span in QuoteMarks.spans(in: analysis.scalars) {
            var contentStart = span.contentStart
            let contentEnd = span.close
            var inside = tokenRange(from: contentStart, to: contentEnd)
            guard !inside.isEmpty else { continue }
            let markToken = tokenRange(from: span.open, to: span.open).lowerBound
            let before = markToken - 1
            // A quote opens a sentence after a sentence end, a colon or a comma ("X said, “...”"),
            // or at a paragraph start; anywhere else it is a fragment of the reporter's sentence.
            let wordCount = inside.filter { analysis.tokens[$0].text.unicodeScalars.first?.isAlpha == true }.count
            // A show, a book or a song by name (“Face the Nation,” “Morning Joe”) is no
            // one's words; in the title-case headline every phrase looks like one.
            if analysis.sentenceIndex(ofToken: inside.lowerBound) > 0, isTitle(inside) { continue }
            let startsSentence =
                before < 0 || analysis.tokens[markToken].newlinesBefore > 0
                || QuoteMarks.quoteOpensSentenceAfter.contains(analysis.tokens[before].text)
                || analysis.sentenceIndex(ofToken: before) != analysis.sentenceIndex(ofToken: inside.lowerBound)
            // A short fragment ("was “true.”") is reported within its clause; a quoted clause
            // of its own ("to protect people “who have been ...”") is a quote by itself.
            let fragment = !startsSentence && wordCount < Self.clauseLength
            for index in tokenRange(from: span.open, to: span.end) { quotedTokens[index] = fragment ? .partial : .direct }
            // A quoted transcript turn, "PENCE: Well, ...": the label is the speaker.
            var labelled: Quote.Speaker?
            if let (colon, speaker) = transcriptLabel(at: inside.lowerBound), colon + 1 < inside.upperBound {
                labelled = speaker
                inside = (colon + 1)..<inside.upperBound
                contentStart = analysis.tokens[colon + 1].start
            }
            let paragraph = analysis.paragraphOfSentence[analysis.sentenceIndex(ofToken: inside.lowerBound)]
            if fragment {
                let words = trimmed(contentStart, contentEnd)
                if !words.text.isEmpty {
                    fragments.append(
                        Fragment(
                            marks: tokenRange(from: span.open, to: span.end), start: words.start, end: words.end, text: words.text
                        ))
                }
            }
            quotes.append(
                MarkedQuote(
                    inside: inside, contentStart: contentStart, contentEnd: contentEnd, startsSentence: startsSentence,
                    wordCount: wordCount, labelled: labelled, paragraph: paragraph))
        }
        return (quotedTokens, fragments, quotes)
    }

    /// Words in title case, two to six of them: “Fox News Sunday,” “A Change Is Gonna
    /// Come,” “Make Your Kid a Millionaire.” Short function words may stay lowercase.
    func isTitle(_ words: Range<Int>) -> Bool {
        let letters = words.map { analysis.tokens[$0].text }.filter { $0.unicodeScalars.first?.isAlpha == true }
        guard (2...6).contains(letters.count) else { return false }
        let capitalized = letters.filter { $0.unicodeScalars.first?.isUpper == true }
        return capitalized.count >= 2
            && letters.allSatisfy { $0.unicodeScalars.first?.isUpper == true || FunctionWords.titleSmallWords.contains($0) }
    }

}
