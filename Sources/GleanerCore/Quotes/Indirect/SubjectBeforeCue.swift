/// "X said (that) content", "content, X said.", "Acts of protest, Mr. Obama said, are
/// acts of patriotism": the subject before the cue speaks, past auxiliaries and adverbs
/// ("has long said", "is warning", "were also frustrated"); not past a passive "was
/// told", whose subject was spoken to. The report is the words before the subject when
/// the cue closes the sentence or splits it, else the clause after the cue.
struct SubjectBeforeCue: IndirectCueRule {
    let name = "subject before the cue"

    func read(_ token: CueToken, in segment: ReportSegment, _ context: QuoteContext) -> CueOutcome? {
        let cue = token.index
        guard token.reports,
            let found = context.subject(before: cue) ?? context.phraseSubject(before: cue)
                ?? context.subject(pastAuxiliariesBefore: cue, progressive: token.word.hasSuffix("ing") || token.stateOfMind)
        else { return nil }
        let report = { (first: Int, last: Int) in
            IndirectReport(first: first, last: last, cue: token.text, speaker: found, rule: name)
        }
        if let last = reportBefore(found, token, in: segment, context) { return .done(report(segment.range.lowerBound, last)) }
        guard let contentStart = context.contentStart(after: token, before: segment.end) else { return .done(nil) }
        // Before a quotation, only a clause of its own counts ("that the Russian side
        // resorted “...”"), not an introductory phrase ("that on February 25, “...”").
        let end = segment.end
        let introducesQuote = segment.firstDirect != nil && end > contentStart && context.analysis.tokens[end - 1].text == ","
        // A second report of the sentence ends this one: "..., and said ...", "but he said ...".
        if let next = (min(end, contentStart + 2)..<end).first(where: { context.isSecondReport(at: $0) }) {
            var cut = next
            if Pronouns.subject.contains(context.analysis.tokens[cut - 1].text.lowercased()) { cut -= 1 }
            while cut > contentStart, [",", "and", "but"].contains(context.analysis.tokens[cut - 1].text.lowercased()) {
                cut -= 1
            }
            return .resume(introducesQuote ? nil : report(contentStart, cut), at: next)
        }
        if !introducesQuote { return .done(report(contentStart, end)) }
        // "She said the plan leaves out fathers, and when pressed, replied, “...”": the
        // report before the reporter's own clause stands.
        return .done(context.reportAside(after: contentStart, before: end).map { report(contentStart, $0) })
    }

    /// Where the report before the subject ends, when it stands there: "content, X said."
    /// (with any title before the name: ", Russian Deputy Foreign Minister X said") when
    /// the cue closes the sentence ("..., X said on Saturday.", not "X reassured that ..."),
    /// or when the cue splits the sentence and the part before is the longer.
    func reportBefore(_ found: Quote.Speaker, _ token: CueToken, in segment: ReportSegment, _ context: QuoteContext) -> Int? {
        let tokens = context.analysis.tokens
        let range = segment.range
        let cue = token.index
        var comma = context.tokenIndex(startingAt: found.start) - 1
        while comma > range.lowerBound, tokens[comma].text != ",",
            tokens[comma].text.unicodeScalars.first?.isUpper == true
                || FunctionWords.determiners.contains(tokens[comma].text.lowercased())
        {
            comma -= 1
        }
        // A comma inside a closing mark: "... ''makes me smart,'' Trump said."
        var contentEnd = comma
        var mark = comma
        while mark > range.lowerBound, context.quoted[mark] != .none, QuoteMarks.closingMarks.contains(tokens[mark].text) {
            mark -= 1
        }
        if mark < comma, tokens[mark].text == "," { contentEnd = comma + 1 } else { mark = comma }
        guard segment.firstDirect == nil, mark > range.lowerBound + 2, tokens[mark].text == "," else { return nil }
        let closesSentence = segment.end - (cue + 1) <= 4 && context.analysis.text(found.start, found.end).lowercased() != "who"
        if closesSentence { return contentEnd }
        // "Acts of protest, Mr. Obama said, are acts of patriotism ...": the report runs on
        // both sides; the longer side stands for it.
        if let resume = (cue + 1..<min(segment.end, cue + 5)).first(where: { tokens[$0].text == "," }),
            mark - range.lowerBound > segment.end - (resume + 1)
        {
            return contentEnd
        }
        return nil
    }
}

extension QuoteContext {
    /// Where the clause a cue reports starts: after "that", past an audience ("told
    /// reporters"), a time ("said Friday as he entered") or a place ("says at a campaign
    /// stop in Toledo, Ohio, that"); nil when the cue reports no clause after it.
    func contentStart(after token: CueToken, before end: Int) -> Int? {
        let cue = token.index
        let word = token.word
        let tokens = analysis.tokens
        var contentStart = cue + 1
        // "stressed her support of the raid that killed ...": a relative "that" is no report's start.
        if contentStart < end,
            let that = (contentStart..<max(contentStart, min(end - 3, contentStart + 7))).first(where: {
                tokens[$0].text == "that"
            }),
            !(contentStart..<that).contains(where: { ["and", "but"].contains(tokens[$0].text) }),
            !isRelativeThat(that)
        {
            return that
        }
        // "continued to stay away" reports nothing; "“...,” she continued" does.
        if SpeechCues.quoteOnlyVerbs.contains(word) { return nil }
        if !SpeechCues.verbs.contains(word) && !SpeechCues.findingVerbs.contains(word) {
            // A belief verb reports only with its clause: "expected that ...", "agreed it
            // was ..." (a pronoun and a finite verb), not "which Moscow expected from
            // Washington" or "expected it to rain".
            guard contentStart + 1 < end, Pronouns.subject.contains(tokens[contentStart].text.lowercased()),
                FunctionWords.finiteVerbs.contains(tokens[contentStart + 1].text.lowercased())
            else { return nil }
            return contentStart
        }
        if word.hasPrefix("tel") || word == "told" {
            while contentStart < end, SpeechCues.audiences.contains(tokens[contentStart].text.lowercased()) { contentStart += 1 }
            contentStart = clauseAfterAudience(from: contentStart, before: end) ?? contentStart
        }
        if contentStart < end, [":", ","].contains(tokens[contentStart].text) { contentStart += 1 }
        if SpeechCues.placeCues.contains(word) {
            guard let past = pastWhenAndWhere(from: contentStart, cue: cue, before: end) else { return nil }
            contentStart = past
        }
        // "the show that aired", "showed up": a noun or a phrasal verb.
        if SpeechCues.findingVerbs.contains(word), contentStart < end,
            FunctionWords.determiners.contains(tokens[cue - 1].text.lowercased())
                || ["up", "off"].contains(tokens[contentStart].text.lowercased())
        {
            return nil
        }
        return contentStart
    }

    /// Where the clause starts after a long audience of "told": "told a largely female
    /// audience at a gathering in Washington she will protect ...". A subject pronoun and
    /// a finite verb open it, within `audienceLength` words, before any other punctuation
    /// than a comma; nil when no such clause follows.
    func clauseAfterAudience(from start: Int, before end: Int) -> Int? {
        let tokens = analysis.tokens
        for index in start..<max(start, min(end - 1, start + Self.audienceLength)) {
            let word = tokens[index].text.lowercased()
            if quoted[index] != .none || [";", ":", ".", "—", "--"].contains(word) { return nil }
            if index > start, Pronouns.subject.contains(word),
                FunctionWords.finiteVerbs.contains(tokens[index + 1].text.lowercased())
            {
                return index
            }
        }
        return nil
    }

    /// Words an audience after "told" may run to before its clause.
    static let audienceLength = 20

    /// "said in a phone interview.", "responded to requests for comment": where or to
    /// whom, not what; a clause after the phrase still reports ("said on Tuesday the plan
    /// was dead"). "said Friday as he entered the talks", "said when she resigned": when,
    /// not what. The first token past them, nil when no clause follows.
    func pastWhenAndWhere(from start: Int, cue: Int, before end: Int) -> Int? {
        let tokens = analysis.tokens
        var contentStart = start
        while contentStart < end, TimeWords.afterCue.contains(tokens[contentStart].text.lowercased()) { contentStart += 1 }
        if contentStart > cue + 1, contentStart < end, tokens[contentStart].text == "," { contentStart += 1 }
        if contentStart < end, ["as", "while", "because", "since"].contains(tokens[contentStart].text.lowercased()) {
            guard let comma = (contentStart..<end).first(where: { tokens[$0].text == "," }), comma + 3 < end else { return nil }
            contentStart = comma + 1
        }
        if contentStart < end, FunctionWords.placePrepositions.contains(tokens[contentStart].text.lowercased()),
            !(contentStart..<end).contains(where: { FunctionWords.finiteVerbs.contains(tokens[$0].text.lowercased()) })
        {
            // "says at a campaign stop in Toledo, Ohio, that it means ...": the clause past the place.
            guard let that = (contentStart..<end).first(where: { tokens[$0].text == "that" }) else { return nil }
            contentStart = that
        }
        return contentStart
    }
}
