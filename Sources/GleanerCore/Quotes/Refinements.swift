/// The corrections of `QuoteExtractor.refinements`, applied to every quote in that order.

/// "Lynch said she recalled thinking, “...”": a pronoun speaker whose name spoke
/// earlier in the sentence is that name.
struct NamedSubject: QuoteRefinement {
    let name = "pronoun pointed at the sentence's speaking subject"

    func refine(_ quote: Quote, in context: QuoteContext) -> Quote { context.named(quote) }
}

/// "The town released a statement saying ...": whoever issued the document speaks.
struct DocumentIssuer: QuoteRefinement {
    let name = "document pointed at its issuer"

    func refine(_ quote: Quote, in context: QuoteContext) -> Quote { context.issuer(quote) }
}

/// "the company said": the organization the text has been about speaks.
struct OrganizationDescription: QuoteRefinement {
    let name = "description linked to its organization"

    func refine(_ quote: Quote, in context: QuoteContext) -> Quote { context.linkedDescription(quote) }
}

struct BeliefAct: QuoteRefinement {
    let name = "belief cue"

    /// A report on a belief verb or a state of mind ("expects that", "agreed it was", "were
    /// frustrated that") reports a belief, not words.
    func refine(_ quote: Quote, in context: QuoteContext) -> Quote {
        guard quote.act == .speech, let cue = quote.cue?.lowercased(),
            SpeechCues.beliefVerbs.contains(cue) && !SpeechCues.verbs.contains(cue) || SpeechCues.thatAdjectives.contains(cue)
        else { return quote }
        var quote = quote
        quote.act = .belief
        return quote
    }
}

extension QuoteContext {
    /// A pronoun speaker whose name is the subject of a cue earlier in the same sentence
    /// points at the name: in "Lynch said she recalled thinking, “...”" Lynch speaks.
    func named(_ quote: Quote) -> Quote {
        guard let speaker = quote.speaker, let entity = speaker.entity,
            Pronouns.subject.contains(speaker.name.lowercased())
                || Pronouns.subject.contains(analysis.text(speaker.start, speaker.end).lowercased())
        else { return quote }
        let token = tokenIndex(startingAt: speaker.start)
        guard token < analysis.tokens.count else { return quote }
        // "..., but she said that “...”": a pronoun opening a clause of its own speaks for
        // itself, even when the name before it spoke in the same sentence.
        let opensClause = token > 0 && ["but", "and", ";"].contains(analysis.tokens[token - 1].text.lowercased())
        for index in analysis.sentenceTokens(ofToken: token).lowerBound..<token where !opensClause || speaker.start > quote.start
        {
            guard let mention = speakers[index], mention.entity.id == entity, mention.tokens.upperBound < token,
                analysis.tokens[mention.tokens.lowerBound].text.unicodeScalars.first?.isUpper == true,
                !Pronouns.subject.contains(analysis.text(mention.start, mention.end).lowercased()),
                SpeechCues.indirectVerbs.contains(analysis.tokens[mention.tokens.upperBound].text.lowercased())
            else { continue }
            var renamed = quote
            renamed.speaker = self.speaker(mention)
            return renamed
        }
        // "Kerr Putney, the police chief, said that ..., but he said that the footage “...”",
        // "Clinton says she appreciated what she calls a “...”": a pronoun after the
        // sentence's subject has spoken in that sentence is that subject, unless it opens a
        // clause of its own before the quote ("..., but he said that “...”").
        let sentenceStart = analysis.sentenceTokens(ofToken: token).lowerBound
        guard token > sentenceStart,
            speaker.start > quote.start || !["but", "and", ";"].contains(analysis.tokens[token - 1].text.lowercased()),
            let subject = sentenceSubject(before: token), subject.start < speaker.start,
            fits(pronoun: analysis.tokens[token].text.lowercased(), subject)
        else { return quote }
        let subjectStart = tokenIndex(startingAt: subject.start)
        let subjectEnd = tokenIndex(endingAt: subject.end) + 1
        guard subjectEnd < token, subjectEnd > sentenceStart, quoted[subjectStart] == .none,
            (subjectEnd..<token).contains(where: { SpeechCues.indirectVerbs.contains(analysis.tokens[$0].text.lowercased()) })
        else { return quote }
        var renamed = quote
        renamed.speaker = subject
        return renamed
    }
}
