/// Reported speech without quote marks: "X said (that) ...", "..., X said", "according to X".
///
/// Each sentence is cut into segments that may hold a report (`ReportSegment`); in each,
/// the tokens are read in order and every rule of `IndirectCueRules.all` is asked about
/// the token in turn. The first rule that answers decides: a report and the end of the
/// segment, a report and a later token to go on from ("X announced ... and said ..."),
/// or the end of the segment with nothing.
struct IndirectSpeech: QuoteLayout {
    let name = "indirect speech"

    func quotes(in context: QuoteContext) -> [FoundQuote] {
        var quotes: [FoundQuote] = []
        for sentence in context.analysis.sentences {
            for segment in ReportSegment.segments(of: sentence.tokens, in: context) {
                for report in reports(in: segment, context) {
                    quotes += context.report(
                        report.first, report.last, cue: report.cue, speaker: report.speaker, fragments: context.fragments
                    )
                    .map { FoundQuote($0, rule: report.rule) }
                }
            }
        }
        return quotes
    }

    /// The reports of one segment, read cue by cue.
    func reports(in segment: ReportSegment, _ context: QuoteContext) -> [IndirectReport] {
        var reports: [IndirectReport] = []
        // A report cut short by a second one ("X announced ... and said ...") resumes here.
        var resume = segment.start
        tokens: for cue in segment.range where context.quoted[cue] == .none && cue >= resume {
            let token = CueToken(cue, in: segment, context)
            for rule in IndirectCueRules.all {
                guard let outcome = rule.read(token, in: segment, context) else { continue }
                switch outcome {
                case .done(let report):
                    if let report = report.flatMap({ segment.clipped($0, cue: cue, context) }) { reports.append(report) }
                    break tokens
                case .resume(let report, let next):
                    if let report = report.flatMap({ segment.clipped($0, cue: cue, context) }) { reports.append(report) }
                    resume = next
                    continue tokens
                }
            }
        }
        return reports
    }
}

/// A report an indirect-speech rule found: tokens `first..<last`, its cue and speaker.
struct IndirectReport {
    var first: Int
    var last: Int
    var cue: String
    var speaker: Quote.Speaker
    var rule: String
}

/// What a rule decided at a token: a report (or none) and the segment's end, or a
/// report (or none) and the token to read on from.
enum CueOutcome {
    case done(IndirectReport?)
    case resume(IndirectReport?, at: Int)
}

/// A stretch of a sentence that may hold one report: the part before its first
/// quotation, and the part after its last one.
struct ReportSegment {
    let range: Range<Int>
    /// The range's end without its closing punctuation.
    let end: Int
    /// The quotation the segment runs up to, if it does.
    let firstDirect: Int?
    /// The first token to read a cue at.
    let start: Int

    static func segments(of sentence: Range<Int>, in context: QuoteContext) -> [ReportSegment] {
        let tokens = context.analysis.tokens
        // The reported clause ends where a quotation of its own begins ("X stressed that
        // on February 25, “...”"); quoted words inside it ("that the statement was
        // “true.”", "he would have “a job of persuading to do” on other nations") stay in
        // the clause, which is then reported speech with quoted words.
        let firstQuotation = sentence.first { context.opensQuotation($0, in: sentence) }
        var segments = [
            ReportSegment(
                sentence.lowerBound..<(firstQuotation ?? sentence.upperBound), firstDirect: firstQuotation,
                start: sentence.lowerBound, context)
        ]
        // After its last quotation a sentence may report again: "“...,” said Mr. Kamin, who
        // emphasized that ...". The quotation's own cue ("said Mr. Kamin") is no report.
        if firstQuotation != nil, let lastQuotation = sentence.last(where: { context.quoted[$0] == .direct }) {
            let after = (lastQuotation + 1)..<sentence.upperBound
            let ownCue = after.prefix(6).first { SpeechCues.verbs.contains(tokens[$0].text.lowercased()) }
            segments.append(ReportSegment(after, firstDirect: nil, start: ownCue.map { $0 + 1 } ?? after.lowerBound, context))
        }
        return segments.filter { $0.range.count >= 4 }
    }

    init(_ range: Range<Int>, firstDirect: Int?, start: Int, _ context: QuoteContext) {
        self.range = range
        self.firstDirect = firstDirect
        self.start = start
        var end = range.upperBound
        while end > range.lowerBound, context.quoted[end - 1] == .none,
            [".", "!", "?", "\"", "”"].contains(context.analysis.tokens[end - 1].text)
        {
            end -= 1
        }
        self.end = end
    }

    /// A report cut to one clause: a semicolon ends it ("X said the timing was not
    /// intentional; they only learned ..." reports the first clause, "...; the vote is
    /// final, X said" the last), and so does the reporter's own aside after the cue. None
    /// when it ends in a colon: "Friday, Trump said:" introduces a quotation.
    func clipped(_ report: IndirectReport, cue: Int, _ context: QuoteContext) -> IndirectReport? {
        var report = report
        if report.last > report.first, context.analysis.tokens[report.last - 1].text == ":" { return nil }
        let semicolons = (report.first..<max(report.first, report.last)).filter {
            context.analysis.tokens[$0].text == ";" && context.quoted[$0] == .none
        }
        if cue < report.first, let semicolon = semicolons.first { report.last = semicolon }
        if cue < report.first, let aside = context.reportAside(after: report.first, before: report.last) { report.last = aside }
        if cue >= report.last, let semicolon = semicolons.last { report.first = semicolon + 1 }
        return report
    }
}

extension QuoteContext {
    /// Whether a quotation starts at `token` that is a sentence of its own: its first mark
    /// opens the sentence or follows a comma, a colon or a dash ("X said, “...”"), or it
    /// runs on from an earlier sentence. A quotation in the middle of the reporter's words
    /// ("said he would have “a job of persuading to do” on other nations") is not.
    func opensQuotation(_ token: Int, in sentence: Range<Int>) -> Bool {
        guard quoted[token] == .direct else { return false }
        guard token > sentence.lowerBound, quoted[token - 1] != .direct else { return token == sentence.lowerBound }
        return analysis.tokens[token].newlinesBefore > 0
            || QuoteMarks.quoteOpensSentenceAfter.contains(analysis.tokens[token - 1].text)
    }
}

/// The token a rule reads, with what the rules ask of it.
struct CueToken {
    let index: Int
    let text: String
    let word: String
    /// "that" (or "out that") right after the word.
    let beforeThat: Bool
    /// An adjective of a state of mind before "that": "were frustrated that".
    let stateOfMind: Bool
    /// A participle after a form of "be" ("Clinton was declared the winner", "are thought
    /// to involve", "was told that"): its subject is what was said or who heard it, never
    /// the one who spoke.
    let passive: Bool
    /// Whether the word reports a clause: a speech or belief verb, a verb before "that",
    /// a state of mind, a progressive after "be" ("is stressing"); not a passive.
    let reports: Bool

    init(_ cue: Int, in segment: ReportSegment, _ context: QuoteContext) {
        let tokens = context.analysis.tokens
        index = cue
        text = tokens[cue].text
        word = text.lowercased()
        let next = cue + 1 < segment.end ? tokens[cue + 1].text : ""
        beforeThat = next == "that" || (next == "out" && cue + 2 < segment.end && tokens[cue + 2].text == "that")
        let afterBe = cue > segment.range.lowerBound && FunctionWords.beForms.contains(tokens[cue - 1].text.lowercased())
        stateOfMind = SpeechCues.thatAdjectives.contains(word) && beforeThat
        // Only a word that could report (or name a passive declaration) can be read as a
        // passive one; the walk back over adverbs is spared for every other token.
        let couldReport =
            SpeechCues.indirectVerbs.contains(word) || SpeechCues.thatVerbs.contains(word)
            || SpeechCues.passiveReportVerbs.contains(word)
        passive =
            couldReport && !stateOfMind && !word.hasSuffix("ing")
            && Self.followsBe(cue, from: segment.range.lowerBound, tokens)
        reports =
            !passive
            && (SpeechCues.indirectVerbs.contains(word) || (SpeechCues.thatVerbs.contains(word) && beforeThat) || stateOfMind
                || (SpeechCues.progressives.contains(word) && afterBe))
    }

    /// Whether a form of "be" stands before the word, past adverbs and negations ("was
    /// later told", "is widely expected", "was not charged"). Not "'s", which is as often
    /// "has" ("he's said").
    static func followsBe(_ cue: Int, from start: Int, _ tokens: [Token]) -> Bool {
        var before = cue - 1
        while before > start,
            SpeechCues.cueAdverbs.contains(tokens[before].text.lowercased()) || tokens[before].text.hasSuffix("ly")
                || ["not", "n't", "n’t"].contains(tokens[before].text.lowercased())
        {
            before -= 1
        }
        guard before >= start else { return false }
        let word = tokens[before].text.lowercased()
        return FunctionWords.beForms.contains(word) && !["'s", "’s"].contains(word)
    }
}
