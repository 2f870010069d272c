/// What a relative "who" stands for when no name ends right before it: the subject a
/// copula or a dash says the phrase before "who" of ("Donald Trump is a serial liar and
/// bully who has pledged", "Trump — a blowhard billionaire who has embraced"), or the
/// name a dash or parenthesis sets the "who" apart from ("Graham—who had endorsed",
/// "David Duke (who endorses").
extension QuoteContext {
    func copulaAntecedent(of who: Int) -> Quote.Speaker? {
        let sentenceStart = analysis.sentenceTokens(ofToken: who).lowerBound
        guard who > sentenceStart + 1 else { return nil }
        if isAsideMark(who - 1), let named = mention(rightBefore: who - 1) { return speaker(named) }
        // Back over the phrase the "who" hangs on: words, commas and links of a list of
        // nouns ("a serial liar, rampant xenophobe, racist, misogynist, birther and bully").
        var link = who - 1
        if analysis.tokens[link].text == "," { link -= 1 }
        while link > sentenceStart, who - link <= 24 {
            let word = analysis.tokens[link].text
            let lower = word.lowercased()
            if isAsideMark(link)
                || (FunctionWords.beForms.contains(lower) && !["'s", "’s", "be", "been", "being"].contains(lower))
            {
                break
            }
            guard
                word == "," || word.unicodeScalars.allSatisfy({ $0.isAlpha || $0 == "-" || $0 == "." || $0 == "'" || $0 == "’" }),
                !FunctionWords.clauseWords.contains(lower) || FunctionWords.phraseLinks.contains(lower),
                !Pronouns.subject.contains(lower), !SpeechCues.verbs.contains(lower)
            else { return nil }
            link -= 1
        }
        // The phrase opens with a determiner: "is a ...", "— the ...", never "is expected".
        guard link > sentenceStart, link + 1 < who,
            ["a", "an", "the", "one"].contains(analysis.tokens[link + 1].text.lowercased()),
            isAsideMark(link) || FunctionWords.beForms.contains(analysis.tokens[link].text.lowercased())
        else { return nil }
        if let named = mention(rightBefore: link) { return speaker(named) }
        // "Editor's note: Trump incites violence and is a serial liar ... who": the name
        // that opens the clause (after a colon, if any) is the subject of both verbs.
        guard analysis.tokens[link - 1].text == "and" else { return nil }
        let clause = (sentenceStart..<link).last(where: { analysis.tokens[$0].text == ":" }).map { $0 + 1 } ?? sentenceStart
        return speakers[clause].map(speaker)
    }

    /// A dash or an opening parenthesis standing apart: "Trump — a", "Graham—who", "Duke (who".
    func isAsideMark(_ token: Int) -> Bool {
        let word = analysis.tokens[token].text
        if ["—", "―", "--", "–", "("].contains(word) { return true }
        // A hyphen between spaces is a dash: "Donald Trump - who".
        return word == "-" && token > 0 && analysis.tokens[token - 1].end < analysis.tokens[token].start
    }

    /// The speaker mention whose last token is right before `token`.
    func mention(rightBefore token: Int) -> SpeakerMention? {
        for length in 1...6 where token - length >= 0 {
            if let found = speakers[token - length], found.tokens.upperBound == token { return found }
        }
        return nil
    }
}
