/// The layouts whose quotes come from one function of the context each; their rule is
/// the cue that reported them.

/// Interview transcripts: a line "PENCE: Well, look, ..." is a direct quote of its label.
struct TranscriptTurns: QuoteLayout {
    let name = "transcript turn"

    func quotes(in context: QuoteContext) -> [FoundQuote] {
        context.transcriptTurns().map { FoundQuote($0, rule: "transcript label") }
    }
}

/// A headline "Pence: Gennifer Flowers Won't Be at Debate" reports what its label says.
struct HeadlineLabel: QuoteLayout {
    let name = "headline label"

    func quotes(in context: QuoteContext) -> [FoundQuote] {
        context.headlineReport().map { FoundQuote($0, rule: "label before the headline's colon") }
    }
}

/// Reports on a noun or a participle: "Trump's claim that ...", ", adding that ...".
struct ClauseReports: QuoteLayout {
    let name = "clause report"

    func quotes(in context: QuoteContext) -> [FoundQuote] {
        context.clauseReports().map { FoundQuote($0, rule: "owner or subject of the cue") }
    }
}

/// Plans, stands and topics: "Clinton wants to ...", "Trump attacked Machado".
struct AttitudeReports: QuoteLayout {
    let name = "attitude report"

    func quotes(in context: QuoteContext) -> [FoundQuote] {
        context.attitudeReports().map { FoundQuote($0, rule: "subject of the cue") }
    }
}
