/// One way a report without marks hangs on a token: "according to X", a naming verb
/// before quoted words, "..., said X", "X said (that) ...". A rule returns nil when the
/// token is not its kind of cue, so the next rule is asked.
protocol IndirectCueRule: Sendable {
    /// The name `gleaner extract --explain` prints for reports this rule found.
    var name: String { get }
    func read(_ token: CueToken, in segment: ReportSegment, _ context: QuoteContext) -> CueOutcome?
}

enum IndirectCueRules {
    /// In priority order: the first rule that answers for a token decides.
    static let all: [any IndirectCueRule] = [
        AccordingTo(),  // According to X, ... / ..., according to X.
        NamingVerb(),  // Trump called the senator a “nasty guy”
        InvertedCue(),  // ..., said one GOP source in the room.
        PassiveAgent(),  // X was declared the winner by news organizations
        SubjectBeforeCue(),  // X said (that) ... / ..., X said. / X said, ..., ...
        SpeakerAfterCue(),  // ..., said X.
    ]
}

/// "According to X, content." or "content, according to X."
struct AccordingTo: IndirectCueRule {
    let name = "according to"

    func read(_ token: CueToken, in segment: ReportSegment, _ context: QuoteContext) -> CueOutcome? {
        let cue = token.index
        let tokens = context.analysis.tokens
        guard token.word == "according", cue + 1 < segment.end, tokens[cue + 1].text == "to",
            let found = context.mention(startingAfter: cue + 1).map(context.speaker) ?? context.description(
                startingAfter: cue + 1)
                ?? context.sourcePhrase(after: cue + 1, before: segment.end)
        else { return nil }
        let afterSource = context.tokenIndex(endingAt: found.end) + 1
        if cue == segment.range.lowerBound {
            let first = afterSource < segment.end && tokens[afterSource].text == "," ? afterSource + 1 : afterSource
            return .done(IndirectReport(first: first, last: segment.end, cue: "according to", speaker: found, rule: name))
        }
        let last = cue > segment.range.lowerBound && tokens[cue - 1].text == "," ? cue - 1 : cue
        return .done(IndirectReport(first: segment.range.lowerBound, last: last, cue: "according to", speaker: found, rule: name))
    }
}

/// "Trump called the senator a “nasty guy”": naming verbs report only quoted words.
/// Past auxiliaries and adverbs too: "Johnson's doctor is calling the candidate “fit.”",
/// "Reid has been steadily pounding Trump as a “con artist”".
struct NamingVerb: IndirectCueRule {
    let name = "naming verb before quoted words"

    func read(_ token: CueToken, in segment: ReportSegment, _ context: QuoteContext) -> CueOutcome? {
        let cue = token.index
        guard SpeechCues.namingVerbs.contains(token.word) || SpeechCues.portrayingVerbs.contains(token.word),
            (cue + 1..<segment.end).contains(where: { context.quoted[$0] == .partial }),
            let found = context.subject(before: cue)
                ?? context.subjectEnd(before: cue, progressive: token.word.hasSuffix("ing")).flatMap({ subjectAt in
                    subjectAt < cue ? context.subject(before: subjectAt) ?? context.phraseSubject(before: subjectAt) : nil
                })
        else { return nil }
        return .done(IndirectReport(first: cue + 1, last: segment.end, cue: token.text, speaker: found, rule: name))
    }
}

/// "content, said one GOP source in the room.": the phrase after the cue speaks,
/// whatever stands before the comma.
struct InvertedCue: IndirectCueRule {
    let name = "speaker phrase after a cue that closes the report"

    func read(_ token: CueToken, in segment: ReportSegment, _ context: QuoteContext) -> CueOutcome? {
        let cue = token.index
        guard token.reports, cue > segment.range.lowerBound + 2, context.analysis.tokens[cue - 1].text == ",",
            SpeechCues.verbs.contains(token.word), !token.word.hasSuffix("ing"),
            let inverted = context.mention(startingAfter: cue).map(context.speaker) ?? context.description(startingAfter: cue),
            context.closesClause(after: context.tokenIndex(endingAt: inverted.end), segment.end)
        else { return nil }
        return .done(
            IndirectReport(first: segment.range.lowerBound, last: cue - 1, cue: token.text, speaker: inverted, rule: name))
    }
}

/// "content, said X.": a speaker right after a cue that follows the report.
struct SpeakerAfterCue: IndirectCueRule {
    let name = "speaker after the cue"

    func read(_ token: CueToken, in segment: ReportSegment, _ context: QuoteContext) -> CueOutcome? {
        let cue = token.index
        guard token.reports, cue > segment.range.lowerBound + 2, context.analysis.tokens[cue - 1].text == ",",
            let found = context.mention(startingAfter: cue)
        else { return nil }
        return .done(
            IndirectReport(
                first: segment.range.lowerBound, last: cue - 1, cue: token.text, speaker: context.speaker(found), rule: name))
    }
}
