/// "Hillary Clinton was declared the winner ... by news organizations": a passive speech
/// verb whose agent follows "by" reports the clause before the "by", and the agent speaks.
/// Only a verb that declares (`SpeechCues.passiveReportVerbs`), and only an agent
/// that can speak: a name, or a phrase whose head is a speaker noun ("by news
/// organizations"), never a time or a margin ("by Tuesday", "by a wide margin").
struct PassiveAgent: IndirectCueRule {
    let name = "agent of a passive speech verb"

    func read(_ token: CueToken, in segment: ReportSegment, _ context: QuoteContext) -> CueOutcome? {
        let tokens = context.analysis.tokens
        let cue = token.index
        guard token.passive, SpeechCues.passiveReportVerbs.contains(token.word),
            let by = (cue + 1..<min(segment.end, cue + 20)).first(where: { tokens[$0].text == "by" }),
            !(cue + 1..<by).contains(where: {
                context.quoted[$0] != .none || ["that", "who", "which", ";", ":"].contains(tokens[$0].text.lowercased())
            }),
            let agent = context.agent(after: by, before: segment.end)
        else { return nil }
        var last = by
        while last > segment.range.lowerBound, [",", "—", "--"].contains(tokens[last - 1].text) { last -= 1 }
        return .done(IndirectReport(first: segment.range.lowerBound, last: last, cue: token.text, speaker: agent, rule: name))
    }
}

extension QuoteContext {
    /// The agent after a passive's "by": a mention, or up to five words ending in a
    /// speaker noun before a time, a clause or punctuation ("news organizations early
    /// Tuesday night").
    func agent(after by: Int, before end: Int) -> Quote.Speaker? {
        guard by + 1 < end else { return nil }
        if let named = speakers[by + 1] {
            return ["PERSON", "ORG"].contains(named.entity.type) ? speaker(named) : nil
        }
        var last = by + 1
        var head: Int?
        while last < min(end, by + 6), analysis.tokens[last].text.unicodeScalars.allSatisfy({ $0.isAlpha || $0 == "-" }) {
            let lower = analysis.tokens[last].text.lowercased()
            if TimeWords.days.contains(lower) || TimeWords.periods.contains(lower) || FunctionWords.clauseWords.contains(lower)
                || FunctionWords.prepositions.contains(lower) || ["early", "late", "last", "this", "next"].contains(lower)
            {
                break
            }
            if isSpeakerNoun(lower) { head = last }
            last += 1
        }
        guard let head else { return nil }
        return unnamed(by + 1, head + 1)
    }

    /// A noun that names who can speak, singular or plural: "organizations", "officials".
    func isSpeakerNoun(_ word: String) -> Bool {
        SpeakerNouns.heads.contains(word) || SpeakerNouns.groups.contains(word) || isAgentPlural(word)
            || (word.hasSuffix("s") && SpeakerNouns.heads.contains(String(word.dropLast())))
    }
}
