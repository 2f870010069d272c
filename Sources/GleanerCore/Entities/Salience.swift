/// How strongly a mention stands out as what a later "he", "she", "it" or "the
/// spokesman" refers to, read from its place in its sentence. Reporters continue the
/// subject of a report ("X said ...", "said X", "X, spokesman for Y, said"): that is
/// the mention a following "he said" picks up. A name inside quotation marks belongs
/// to someone else's words, and a name after a preposition ("spokesman for Vodafone")
/// or in front of a possessive ("Vodafone's office") is background, so recency alone
/// picks the wrong one.
struct Salience {
    let document: DocumentAnalysis
    /// Whether each token lies between quotation marks.
    let quoted: [Bool]

    init(_ document: DocumentAnalysis) {
        self.document = document
        var quoted = [Bool](repeating: false, count: document.tokens.count)
        let spans = QuoteMarks.spans(in: document.scalars)
        var span = 0
        for (index, token) in document.tokens.enumerated() {
            while span < spans.count, spans[span].close <= token.start { span += 1 }
            if span < spans.count, token.start >= spans[span].contentStart, token.start < spans[span].close {
                quoted[index] = true
            }
        }
        self.quoted = quoted
    }

    static let prepositions: Set<String> = [
        "for", "of", "with", "to", "at", "by", "from", "against", "about", "on", "in", "into", "behind", "than", "like",
        "toward", "towards", "over", "under", "between", "among", "including", "and", "or", "nor", "versus",
    ]

    /// Higher for a better antecedent; 0 for a plain mention.
    func score(_ mention: Range<Int>) -> Int {
        let tokens = document.tokens
        let sentence = document.sentenceTokens(ofToken: mention.lowerBound)
        var score = 0
        if mention.lowerBound > sentence.lowerBound {
            let before = tokens[mention.lowerBound - 1].text.lowercased()
            // "spokesman for Vodafone", "her rival and Obama": not the one the sentence is about.
            if Self.prepositions.contains(before) { score -= 2 }
        }
        if mention.upperBound < sentence.upperBound, ["'s", "’s", "'", "’"].contains(tokens[mention.upperBound].text) {
            score -= 1
        }
        if isReportSubject(mention, sentence) {
            score += 3
        } else if opensClause(mention, sentence) {
            score += 1
        }
        return score
    }

    /// "X said", "X also told", "X, a spokesman for Y, said", "said Deputy Minister X".
    func isReportSubject(_ mention: Range<Int>, _ sentence: Range<Int>) -> Bool {
        let tokens = document.tokens
        var next = mention.upperBound
        // An appositive between the name and its verb.
        if next < sentence.upperBound, tokens[next].text == "," {
            var close = next + 1
            while close < min(sentence.upperBound, next + 14), tokens[close].text != "," { close += 1 }
            if close < sentence.upperBound, tokens[close].text == "," { next = close + 1 }
        }
        for offset in 0..<2 where next + offset < sentence.upperBound {
            let word = tokens[next + offset].text.lowercased()
            if SpeechCues.indirectVerbs.contains(word) { return true }
            guard
                word.hasSuffix("ly")
                    || ["also", "has", "had", "have", "then", "later", "again", "once", "previously"].contains(word)
            else { break }
        }
        // "said X" with titles between: capitalised words, an article, role nouns
        // ("said former Obama adviser X"); "said it took X" has X as an object.
        var previous = mention.lowerBound - 1
        var skipped = 0
        while previous >= sentence.lowerBound, skipped <= 4 {
            let word = tokens[previous].text
            let lower = word.lowercased()
            if SpeechCues.verbs.contains(lower) { return true }
            guard
                word.unicodeScalars.first?.isUpper == true || Self.titleWords.contains(lower)
                    || SpeakerNouns.heads.contains(lower)
            else { return false }
            previous -= 1
            skipped += 1
        }
        return false
    }

    /// Lowercase words that may stand in a title between a cue and a name.
    static let titleWords: Set<String> = [
        "the", "a", "an", "former", "deputy", "acting", "senior", "then", "vice", "top", "chief", "state",
    ]

    /// A mention that opens its sentence or the clause after a comma, past capitalised
    /// titles and a determiner: the grammatical subject, in news prose.
    func opensClause(_ mention: Range<Int>, _ sentence: Range<Int>) -> Bool {
        var previous = mention.lowerBound - 1
        while previous >= sentence.lowerBound {
            let word = document.tokens[previous].text
            if word == "," || word == ";" { return true }
            guard word.unicodeScalars.first?.isUpper == true || ["the", "a", "an"].contains(word) else { return false }
            previous -= 1
        }
        return true
    }
}
