/// The rules of `SpeakerRules.all`, one layout each, in their priority order.

/// “...,” X said / “...,” said X: a cue right after the closing mark, up to the sentence's
/// end ("Miller, a retired worker from a nuclear plant, said"), but right after a quote
/// that ends its own sentence ("...in 1970.” Once, I said") only the next few words.
struct CueAfterQuote: SpeakerRule {
    let name = "cue after the quote"

    func attribute(_ site: QuoteSite, in context: QuoteContext) -> QuoteContext.Attribution? {
        let analysis = context.analysis
        let quote = site.quote
        // Quoted words inside the reporter's sentence are not attributed by the next sentence.
        let quoteSentence = analysis.sentenceIndex(ofToken: quote.lowerBound)
        let closesItsSentence =
            quote.upperBound > quote.lowerBound && [".", "!", "?"].contains(analysis.tokens[quote.upperBound - 1].text)
        for cue in site.after..<min(site.lineEnd, site.after + (closesItsSentence ? 5 : 12)) {
            if site.fragment, analysis.sentenceIndex(ofToken: cue) != quoteSentence { break }
            if cue > site.after, [".", "!", "?"].contains(analysis.tokens[cue - 1].text) { break }
            // Past the first few words, only in the sentence that follows the quote: "“...,” she
            // says. Once, I laughed and said" is another speaker's.
            if cue >= site.after + 5, analysis.sentenceIndex(ofToken: cue) != analysis.sentenceIndex(ofToken: site.after) {
                break
            }
            // "“...” Mills then writes back, “You look cute.”", "“...” She went on to say:": after
            // a quote that ends its sentence, a cue that opens a report of its own is the next
            // quote's.
            if closesItsSentence, context.opensReport(after: cue) { break }
            if let found = context.attribution(atCue: cue) { return found }
        }
        return nil
    }
}

extension QuoteContext {
    /// Whether the cue at `cue` is followed by what it reports: "that", "to", a colon, or a
    /// quotation mark (past a particle such as "back" and a comma).
    func opensReport(after cue: Int) -> Bool {
        let verb = analysis.tokens[cue].text.lowercased()
        guard SpeechCues.verbs.contains(verb) || SpeechCues.phrasalCues[verb] != nil else { return false }
        var next = cue + 1
        if next < analysis.tokens.count, ["back", "on", "in", "further"].contains(analysis.tokens[next].text) { next += 1 }
        guard next < analysis.tokens.count else { return false }
        let word = analysis.tokens[next].text
        if ["that", "to", ":"].contains(word) || QuoteMarks.openingAfterColon.contains(word) && word != "”" { return true }
        return word == "," && next + 1 < analysis.tokens.count
            && QuoteMarks.openingAfterColon.contains(analysis.tokens[next + 1].text) && analysis.tokens[next + 1].text != "”"
    }
}

/// “...,” Oliver barked.: a name and one verb in the past closing the sentence.
struct UnlistedVerbAfterQuote: SpeakerRule {
    let name = "unlisted verb after the quote"

    func attribute(_ site: QuoteSite, in context: QuoteContext) -> QuoteContext.Attribution? {
        site.fragment ? nil : context.unlistedCue(after: site.after, lineEnd: site.lineEnd)
    }
}

/// X said: “...” / X said, “...”: a cue right before the opening mark.
struct CueBeforeQuote: SpeakerRule {
    let name = "cue before the quote"

    func attribute(_ site: QuoteSite, in context: QuoteContext) -> QuoteContext.Attribution? {
        site.before - 1 >= site.around.lowerBound ? context.attribution(atCue: site.before - 1) : nil
    }
}

/// "... and then boomed, “...”": a verb in the past right before the quote, with its subject.
struct PastVerbBeforeQuote: SpeakerRule {
    let name = "verb in the past before the quote"

    func attribute(_ site: QuoteSite, in context: QuoteContext) -> QuoteContext.Attribution? {
        let tokens = context.analysis.tokens
        let verb = site.before - 1
        guard !site.fragment, verb > site.around.lowerBound, tokens[verb + 1].text == "," || tokens[verb + 1].text == ":" else {
            return nil
        }
        let word = tokens[verb].text
        guard word.hasSuffix("ed"), word.count > 4, word.unicodeScalars.allSatisfy({ $0.isLower }),
            let found = context.subject(before: verb) ?? context.phraseSubject(before: verb)
        else { return nil }
        return QuoteContext.Attribution(speaker: found, cue: word)
    }
}

/// “...” ― Name: a dash and a name after the quote, with no verb.
struct DashNameAfterQuote: SpeakerRule {
    let name = "dash and name after the quote"

    func attribute(_ site: QuoteSite, in context: QuoteContext) -> QuoteContext.Attribution? {
        guard site.after < site.lineEnd, QuoteMarks.dashesAndHyphen.contains(context.analysis.tokens[site.after].text),
            let found = context.mention(startingAfter: site.after).map(context.speaker) ?? context.bareName(after: site.after)
        else { return nil }
        return QuoteContext.Attribution(speaker: found, cue: nil)
    }
}

/// "Caddell continued:", "The New York Times reports:" closing the sentence before the quote.
struct ColonIntroduction: SpeakerRule {
    let name = "colon introduction"

    func attribute(_ site: QuoteSite, in context: QuoteContext) -> QuoteContext.Attribution? {
        context.colonAttribution(before: site.quote)
    }
}

/// "including the former candidate Mitt Romney -- ''It is disqualifying ...'' --": a
/// person's name right before a dash that opens the quote.
struct NameDashBeforeQuote: SpeakerRule {
    let name = "name and dash before the quote"

    func attribute(_ site: QuoteSite, in context: QuoteContext) -> QuoteContext.Attribution? {
        let tokens = context.analysis.tokens
        var dash = site.quote.lowerBound - 1
        while dash > site.around.lowerBound, QuoteMarks.openingAfterDash.contains(tokens[dash].text) { dash -= 1 }
        guard dash > 0, dash < site.quote.lowerBound - 1, QuoteMarks.dashes.contains(tokens[dash].text),
            let named = context.mention(endingBefore: dash), named.tokens.upperBound == dash, named.entity.type == "PERSON",
            // Not the object of a preposition: "seemed supportive of Mr. Trump -- ''...''".
            !(max(0, named.tokens.lowerBound - 2)..<named.tokens.lowerBound).contains(where: {
                FunctionWords.prepositions.contains(tokens[$0].text.lowercased())
            })
        else { return nil }
        return QuoteContext.Attribution(speaker: context.speaker(named), cue: nil)
    }
}

/// Any cue in the sentences the quote touches, nearest first; the first with a speaker
/// wins, else the nearest cue is kept with no speaker.
struct NearestCue: SpeakerRule {
    let name = "nearest cue"

    func attribute(_ site: QuoteSite, in context: QuoteContext) -> QuoteContext.Attribution? {
        context.nearestAttribution(context: site.around, quote: site.quote, fragment: site.fragment)
    }
}

/// A headline says who speaks first: Hillary Clinton Speaks ‘Directly To White People’.
struct HeadlineSubject: SpeakerRule {
    let name = "headline subject"

    func attribute(_ site: QuoteSite, in context: QuoteContext) -> QuoteContext.Attribution? {
        guard context.analysis.sentenceIndex(ofToken: site.quote.lowerBound) == 0, context.analysis.paragraphOfSentence[0] == 0,
            let subject = context.sentenceSubject(before: site.quote.lowerBound, within: 3)
        else { return nil }
        return QuoteContext.Attribution(speaker: subject, cue: site.cueWithoutSpeaker)
    }
}

/// A quoted clause inside a sentence about a person, with no cue: "He offered “my
/// thoughts and prayers for all of the victims' families.”" The person speaks.
struct PersonSubjectOfFragment: SpeakerRule {
    let name = "person subject of the quote's sentence"

    func attribute(_ site: QuoteSite, in context: QuoteContext) -> QuoteContext.Attribution? {
        guard site.fragment, site.quote.count >= 4,
            let subject = context.sentenceSubject(before: site.quote.lowerBound, within: 2),
            subject.entity.flatMap({ context.entityTypes[$0] }) == "PERSON"
                || ["he", "she"].contains(context.analysis.text(subject.start, subject.end).lowercased())
        else { return nil }
        return QuoteContext.Attribution(speaker: subject, cue: nil)
    }
}

/// The same, when a person is named in the sentence's first three words.
struct PersonOpeningFragmentSentence: SpeakerRule {
    let name = "person opening the quote's sentence"

    func attribute(_ site: QuoteSite, in context: QuoteContext) -> QuoteContext.Attribution? {
        guard site.fragment, site.quote.count >= 4,
            let person = context.openingWords(of: site.quote).lazy.compactMap({ context.speakers[$0] })
                .first(where: { $0.entity.type == "PERSON" })
        else { return nil }
        return QuoteContext.Attribution(speaker: context.speaker(person), cue: nil)
    }
}

/// The same, when "he" or "she" opens the sentence.
struct PronounOpeningFragmentSentence: SpeakerRule {
    let name = "pronoun opening the quote's sentence"

    func attribute(_ site: QuoteSite, in context: QuoteContext) -> QuoteContext.Attribution? {
        guard site.fragment, site.quote.count >= 4, let first = context.openingWords(of: site.quote).first,
            ["he", "she"].contains(context.analysis.tokens[first].text.lowercased())
        else { return nil }
        return QuoteContext.Attribution(speaker: context.pronounSpeaker(first), cue: nil)
    }
}

extension QuoteContext {
    /// The first three tokens of a quote's sentence, up to the quote.
    func openingWords(of quote: Range<Int>) -> Range<Int> {
        let sentenceStart = analysis.sentenceTokens(ofToken: quote.lowerBound).lowerBound
        return sentenceStart..<min(quote.lowerBound, sentenceStart + 3)
    }
}
