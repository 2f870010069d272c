/// The speaker of a reporting verb: the finders the speaker rules share ("X said",
/// "said X", "X, an adviser, said", "according to X", a sentence's subject).
extension QuoteContext {
    /// “...,” Oliver barked. / “...,” the release noted. A name or a description right
    /// after the quote, then one verb in the past and the sentence's end: the verb is a cue
    /// even when no lexicon lists it.
    func unlistedCue(after: Int, lineEnd: Int) -> Attribution? {
        guard after < lineEnd else { return nil }
        var verb = after
        while verb < min(lineEnd, after + 6),
            analysis.tokens[verb].text.unicodeScalars.first.map({ $0.isUpper || $0 == "-" }) == true
                || FunctionWords.determiners.contains(analysis.tokens[verb].text.lowercased()) || speakers[verb] != nil
        {
            verb += 1
        }
        guard verb > after, verb < lineEnd else { return nil }
        let word = analysis.tokens[verb].text
        guard word.hasSuffix("ed"), word.count > 4, word.unicodeScalars.allSatisfy({ $0.isLower }),
            verb + 1 == lineEnd || [".", ",", ";", "!", "?"].contains(analysis.tokens[verb + 1].text)
        else { return nil }
        let found =
            mention(endingBefore: verb).map(speaker) ?? description(endingBefore: verb)
            ?? bareName(before: verb)
        return found.map { Attribution(speaker: $0, cue: word) }
    }

    /// "Caddell continued:", "The New York Times reports:", "Sanders made the following
    /// comment:" closing the sentence (often the paragraph) before the quote: a cue there,
    /// else the subject of that sentence.
    func colonAttribution(before quote: Range<Int>) -> Attribution? {
        var colon = quote.lowerBound - 1
        while colon >= 0, QuoteMarks.openingAfterColon.contains(analysis.tokens[colon].text) { colon -= 1 }
        guard colon > 0, analysis.tokens[colon].text == ":" else { return nil }
        let sentence = analysis.sentenceTokens(ofToken: colon)
        for cue in stride(from: colon - 1, through: sentence.lowerBound, by: -1) {
            if let found = attribution(atCue: cue) { return found }
        }
        // "A lesson from Loretta Lynch: 'Be the voice ...'": a name right before the colon.
        if let named = mention(endingBefore: colon) { return Attribution(speaker: speaker(named), cue: nil) }
        guard let subject = sentenceSubject(before: colon) else { return nil }
        let word = analysis.tokens[colon - 1].text
        return Attribution(speaker: subject, cue: word.unicodeScalars.first?.isAlpha == true ? word : nil)
    }

    /// The subject that opens the sentence of `token`, past an introductory phrase: a
    /// mention, a pronoun or a description ("several environmental groups").
    func sentenceSubject(
        before token: Int, within window: Int = 6
    ) -> Quote.Speaker? {
        let sentence = analysis.sentenceTokens(ofToken: token)
        var first = afterDateline(sentence.lowerBound).map { min($0, token) } ?? sentence.lowerBound
        while first < token, !(analysis.tokens[first].text.unicodeScalars.first?.isAlpha ?? false) { first += 1 }
        if first < token, OpenerWords.introWords.contains(analysis.tokens[first].text.lowercased()),
            let comma = (first..<min(token, first + 20)).first(where: { analysis.tokens[$0].text == "," })
        {
            first = comma + 1
            // "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton": the place's state
            // and a time phrase after it still belong to the introduction.
            while first < token, let next = introductionGoesOn(at: first, before: token) { first = next }
        }
        var index = first
        while index < min(token, first + window) {
            if let mention = speakers[index] { return speaker(personModified(by: mention) ?? mention) }
            let word = analysis.tokens[index].text
            let lower = word.lowercased()
            if Pronouns.subject.contains(lower) { return index == first ? pronounSpeaker(index) : nil }
            if SpeakerNouns.heads.contains(lower) || SpeakerNouns.groups.contains(lower) { return unnamed(first, index + 1) }
            let opensName = word.unicodeScalars.first.map { $0.isUpper || ("0"..."9").contains($0) } ?? false
            guard
                opensName || word == "," || FunctionWords.determiners.contains(lower) || FunctionWords.quantifiers.contains(lower)
                    || isModifier(lower)
            else { return nil }
            index += 1
        }
        return nil
    }

    /// Where an introductory phrase that goes on past its comma ends: a place mention
    /// closed by a comma ("Salem, New Hampshire,") or another introductory phrase ("on
    /// Sunday,"); nil when the subject starts at `first`.
    func introductionGoesOn(at first: Int, before token: Int) -> Int? {
        if let place = speakers[first], ["GPE", "LOC"].contains(place.entity.type), place.tokens.upperBound < token,
            analysis.tokens[place.tokens.upperBound].text == ","
        {
            return place.tokens.upperBound + 1
        }
        guard OpenerWords.introWords.contains(analysis.tokens[first].text.lowercased()) else { return nil }
        return (first..<min(token, first + 6)).first(where: { analysis.tokens[$0].text == "," }).map { $0 + 1 }
    }

    /// A lowercase word that may stand between a determiner and a head noun.
    func isModifier(_ word: String) -> Bool {
        word.hasSuffix("al") || word.hasSuffix("ic") || word.hasSuffix("an") || word.hasSuffix("ive") || word.hasSuffix("ior")
            || word.hasSuffix("-old") || word.hasSuffix("'s") || word.hasSuffix("’s")
            || ["former", "top", "senior", "chief"].contains(word)
    }

    /// The speaker of a reporting verb at `cue`, when the token is one and a speaker stands next to it.
    func attribution(
        atCue cue: Int, fragment: Bool = false
    ) -> Attribution? {
        guard let cueText = cueText(at: cue, fragment: fragment) else { return nil }
        let word = analysis.tokens[cue].text.lowercased()
        // "..., saying “...”": the participle's speaker is the subject of its sentence.
        if word.hasSuffix("ing"), cue > 0, analysis.tokens[cue - 1].text == "," {
            // "“...,” Trump said, adding, “...”": the speaker of the cue before the comma.
            // "Hollande said Tuesday in Paris, noting": past a time and a place too, back to the
            // previous comma, quotation mark or the sentence's start.
            let clauseStart = analysis.sentenceTokens(ofToken: cue).lowerBound
            for previous in stride(from: cue - 2, through: max(clauseStart, cue - 8), by: -1) {
                let text = analysis.tokens[previous].text
                if previous < cue - 3, [",", ";"].contains(text) || QuoteMarks.closingMarks.contains(text) { break }
                guard previous > 0, text.lowercased() != word, SpeechCues.verbs.contains(text.lowercased()),
                    let found = attribution(atCue: previous)
                else { continue }
                return Attribution(speaker: found.speaker, cue: cueText)
            }
            return sentenceSubject(before: cue - 1).map { Attribution(speaker: $0, cue: cueText) }
        }
        // "Mr. McConnell deflected questions about Mr. Trump before saying, “...”", "was
        // prompted to say": the verb has no subject of its own; the sentence's speaks, not
        // the name right before the verb.
        if cue > 0, let subject = nonFiniteSubject(cue) {
            return Attribution(speaker: subject, cue: cueText)
        }
        // "The nominee outlined his plan and vowed to punish “...”": a second verb of the
        // sentence's subject.
        // "I laughed and said": a pronoun before a one-word first verb is the subject.
        let pronounFirst =
            cue > 2 && analysis.tokens[cue - 2].text.hasSuffix("ed")
            && Pronouns.subject.contains(analysis.tokens[cue - 3].text.lowercased())
        if cue > 2, ["and", "but"].contains(analysis.tokens[cue - 1].text.lowercased()),
            let subject = pronounFirst ? pronounSpeaker(cue - 3) : sentenceSubject(before: cue - 1)
        {
            return Attribution(speaker: subject, cue: cueText)
        }
        // The subject before the cue first, a pronoun included ("he told The Huffington
        // Post"); after the cue only a subject, not the audience of "told" or "asked".
        let audience = SpeechCues.audienceVerbs.contains(word) || cueText.hasSuffix(" it")
        guard
            let found = mention(endingBefore: cue).map(speaker) ?? description(endingBefore: cue)
                ?? appositiveSubject(before: cue) ?? bareName(before: cue)
                ?? adverbialSubject(before: cue)
                ?? (audience || !invertible(cue)
                    ? nil
                    : mention(startingAfter: cue).map(speaker) ?? description(startingAfter: cue)
                        ?? bareName(after: cue))
        else { return nil }
        return Attribution(speaker: found, cue: cueText)
    }

    /// Whether a cue may have its subject after it: only where nothing before it could be
    /// its subject ("“...,” said Vale", "..., said the mayor"). After a word the words
    /// after the cue are its object or the reported clause ("Beck has described Trump as
    /// “...”", "criticized the record, said she “...”"), and a naming verb never inverts.
    func invertible(_ cue: Int) -> Bool {
        guard !SpeechCues.namingVerbs.contains(analysis.tokens[cue].text.lowercased()) else { return false }
        guard cue > 0, analysis.sentenceTokens(ofToken: cue).lowerBound != cue else { return true }
        return analysis.tokens[cue - 1].text.unicodeScalars.first.map { !$0.properties.isAlphabetic } ?? true
    }

    /// The speaker of a participle after a preposition ("before saying", "upon saying")
    /// or of an infinitive ("was prompted to say"): the sentence's subject, or for the
    /// infinitive the name or pronoun right before its verb group.
    func nonFiniteSubject(_ cue: Int) -> Quote.Speaker? {
        let word = analysis.tokens[cue].text.lowercased()
        let before = analysis.tokens[cue - 1].text.lowercased()
        if word.hasSuffix("ing"), ["before", "after", "upon", "by", "while", "when", "in"].contains(before) {
            return sentenceSubject(before: cue - 1)
        }
        guard before == "to", cue > 1, ["say", "tell", "ask", "add", "write", "declare", "note"].contains(word) else {
            return nil
        }
        // "Mr. Trump was prompted to say", "she went on to say", "Trump wanted to add".
        var end = cue - 1
        while end > max(0, cue - 5) {
            let previous = analysis.tokens[end - 1].text.lowercased()
            guard
                FunctionWords.finiteVerbs.contains(previous) || previous.hasSuffix("ed") || previous.hasSuffix("ly")
                    || ["went", "on", "be", "been", "also", "then"].contains(previous)
            else { break }
            end -= 1
        }
        guard end < cue - 1 else { return nil }
        if Pronouns.subject.contains(analysis.tokens[end - 1].text.lowercased()) { return pronounSpeaker(end - 1) }
        return mention(endingBefore: end).map(speaker)
    }

    /// A pronoun, a bare name or a description before an adverb before the cue.
    func adverbialSubject(before cue: Int) -> Quote.Speaker? {
        guard cue > 1 else { return nil }
        let adverb = analysis.tokens[cue - 1].text.lowercased()
        guard SpeechCues.cueAdverbs.contains(adverb) || (adverb.hasSuffix("ly") && adverb.count > 3) else { return nil }
        return description(endingBefore: cue - 1) ?? bareName(before: cue - 1)
    }

    /// The cue a token starts, if any: a reporting verb, "put it" ("as the memo put it"),
    /// "reads" ("the letter reads"), and for quoted words inside the reporter's sentence a
    /// naming verb ("called Trump a “pathological liar”").
    func cueText(at cue: Int, fragment: Bool) -> String? {
        let text = analysis.tokens[cue].text
        let word = text.lowercased()
        // A capital inside a body sentence is a name ("the United States has become"), not a
        // verb; the title-case headline is the exception ("Obama Says ...").
        if text != word, analysis.sentenceIndex(ofToken: cue) > 0, analysis.sentenceTokens(ofToken: cue).lowerBound != cue {
            return nil
        }
        if SpeechCues.verbs.contains(word) { return SpeechCues.beliefVerbs.contains(word) ? nil : text }
        if SpeechCues.participles.contains(word), cue > 0, analysis.tokens[cue - 1].text == "," || isNameEnd(cue - 1) {
            return text
        }
        if ["put", "puts", "putting"].contains(word), cue + 1 < analysis.tokens.count, analysis.tokens[cue + 1].text == "it" {
            return text + " it"
        }
        // "Hillary shot back, “...”", "Trump went on", "Sanders chimed in".
        if let particle = SpeechCues.phrasalCues[word], cue + 1 < analysis.tokens.count,
            analysis.tokens[cue + 1].text.lowercased() == particle
        {
            return text + " " + analysis.tokens[cue + 1].text
        }
        if SpeechCues.quoteVerbs.contains(word) || (fragment && SpeechCues.namingVerbs.contains(word)) { return text }
        return nil
    }

    /// A capitalised word that is not a sentence opener: the end of a name.
    func isNameEnd(_ token: Int) -> Bool {
        isCapitalizedWord(analysis.tokens[token].text) && analysis.sentenceTokens(ofToken: token).lowerBound != token
    }

    func nearestAttribution(
        context: Range<Int>, quote: Range<Int>, fragment: Bool
    ) -> Attribution {
        // Cues outside the quote, nearest to it first; the nearest with a speaker wins.
        var unattributed: Attribution?
        let candidates = context.filter { !quote.contains($0) && ($0 < quote.lowerBound - 1 || $0 > quote.upperBound) }
            .sorted { distance($0, quote) < distance($1, quote) }
        for cue in candidates {
            let word = analysis.tokens[cue].text.lowercased()
            if word == "according", cue + 1 < analysis.tokens.count, analysis.tokens[cue + 1].text == "to",
                let found = mention(startingAfter: cue + 1).map(speaker) ?? description(startingAfter: cue + 1)
                    ?? bareName(after: cue + 1)
            {
                return Attribution(speaker: found, cue: "according to")
            }
            guard let cueText = cueText(at: cue, fragment: fragment) else { continue }
            if let found = attribution(atCue: cue, fragment: fragment) { return found }
            if unattributed == nil { unattributed = Attribution(speaker: nil, cue: cueText) }
        }
        return unattributed ?? Attribution(speaker: nil, cue: nil)
    }

    func distance(_ token: Int, _ quote: Range<Int>) -> Int {
        token < quote.lowerBound ? quote.lowerBound - token : token - quote.upperBound
    }

    /// Whether a pronoun can stand for a subject: "he"/"she" for a person or a bare
    /// capitalised name, "it"/"they" for an organization, a country or a description.
    func fits(pronoun: String, _ subject: Quote.Speaker) -> Bool {
        let text = analysis.text(subject.start, subject.end)
        let written = text.lowercased()
        if Pronouns.subject.contains(written) { return written == pronoun }
        let type = subject.entity.flatMap { entityTypes[$0] }
        let described = FunctionWords.determiners.contains(written.split(separator: " ").first.map(String.init) ?? "")
        switch pronoun {
        case "he", "she":
            if let type { return type == "PERSON" }
            return text.unicodeScalars.first?.isUpper == true && !described
        case "it", "they":
            if let type { return type != "PERSON" }
            return described
        default: return false
        }
    }

    /// The tokens of the sentences a quote touches, which hold its attribution.
    func contextTokens(around quote: Range<Int>) -> Range<Int> {
        let first = analysis.sentenceTokens(ofToken: max(0, quote.lowerBound - 1))
        let last = analysis.sentenceTokens(ofToken: min(analysis.tokens.count - 1, quote.upperBound))
        return min(first.lowerBound, quote.lowerBound)..<max(last.upperBound, quote.upperBound)
    }

    /// A speaker named outside the quote's sentences (carried over from the previous quote,
    /// or found past them) is pointed at its mention nearest the quote inside them, when
    /// there is one: “...,” Blige sings to Clinton.
    func anchored(
        _ found: Quote.Speaker, context: Range<Int>, quote: Range<Int>
    ) -> Quote.Speaker {
        guard let entity = found.entity, !context.contains(tokenIndex(startingAt: found.start)) else { return found }
        let nearest = speakers.values.filter { mention in
            mention.entity.id == entity && context.contains(mention.tokens.lowerBound)
                && (mention.tokens.upperBound <= quote.lowerBound || mention.tokens.lowerBound >= quote.upperBound)
        }.min { distance($0.tokens.lowerBound, quote) < distance($1.tokens.lowerBound, quote) }
        return nearest.map(speaker) ?? found
    }
}
