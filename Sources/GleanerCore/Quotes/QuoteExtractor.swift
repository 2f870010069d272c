/// Finds reported speech and resolves each speaker to an entity.
///
/// The stage in three steps, each a declared list below:
/// 1. `QuoteContext` reads the document once (tokens, speaking mentions, quotation marks,
///    salience);
/// 2. every layout in `layouts` finds the quotes laid out its way, and names their
///    speakers (the direct-quote layout through the `SpeakerRules.all` list);
/// 3. every refinement in `refinements` corrects each quote in turn; then quotes found
///    twice are merged, the layout earlier in `layouts` winning a tie.
///
/// Speakers are mentions the entity stage already resolved (names, pronouns,
/// descriptions), so a speaker is always a canonical entity when one is known.
/// To add a layout: write a type that conforms to `QuoteLayout` in `Layouts/` and
/// put it in `layouts` where its priority lies.
struct QuoteExtractor {
    static let layouts: [any QuoteLayout] = [
        QuotationMarks(),  // “...,” X said / X said: “...” / partial “words” in a sentence
        TranscriptTurns(),  // PENCE: Well, ...
        HeadlineLabel(),  // Pence: Flowers Won't Be at Debate
        IndirectSpeech(),  // X said (that) ... / ..., X said / according to X
        ClauseReports(),  // X's claim that ... / ..., adding that ... / X called for ...
        AttitudeReports(),  // X wants to ... / X attacked Y / X spoke about ...
    ]

    static let refinements: [any QuoteRefinement] = [
        NamedSubject(),  // "Lynch said she recalled ...": she → Lynch
        DocumentIssuer(),  // "released a statement saying": the statement → who released it
        OrganizationDescription(),  // "the company said" → the company the text is about
        BareNameLink(),  // "Gervais said" with no mention there → Ricky Gervais
        BeliefAct(),  // "expects that": a belief, not words
    ]

    /// `salience`: the document's, when the caller has read it already.
    func extract(_ analysis: DocumentAnalysis, entities: [Entity], salience: Salience? = nil) -> [FoundQuote] {
        guard !analysis.tokens.isEmpty else { return [] }
        let context = QuoteContext(analysis, entities: entities, salience: salience)
        var found: [FoundQuote] = []
        for layout in Self.layouts {
            for var quote in layout.quotes(in: context) {
                quote.explanation.layout = layout.name
                found.append(quote)
            }
        }
        let refined = found.map { found in
            var found = found
            for refinement in Self.refinements {
                let refined = refinement.refine(found.quote, in: context)
                if refined != found.quote { found.explanation.refinements.append(refinement.name) }
                found.quote = refined
            }
            return found
        }
        return Self.merged(refined)
    }

    /// Drops a quote that lies inside another one (the same words found twice).
    static func merged(_ quotes: [FoundQuote]) -> [FoundQuote] {
        // The same words found twice: the one that knows its reported clause first, then
        // the one reported as speech ("is demanding that" is both speech and a stance).
        let rank = { (quote: Quote) in (quote.start, -quote.end, quote.clause == nil ? 1 : 0, quote.act == .speech ? 0 : 1) }
        let sorted = quotes.sorted { rank($0.quote) < rank($1.quote) }
        var kept: [FoundQuote] = []
        for found in sorted {
            let quote = found.quote
            // Quoted words inside a reported clause stay quotes of their own: only a quote of
            // the same sort (between marks, or reported without them) holds it twice.
            let container = kept.last { ($0.quote.kind == .indirect) == (quote.kind == .indirect) }
            // A stand or a plan may hold someone's words ("rejected Keller's claim that ..."):
            // those stay a report of their own.
            let holdsOthers =
                container.map { [.stance, .intention].contains($0.quote.act) && $0.quote.act != quote.act } ?? false
            if let last = container?.quote, quote.start >= last.start, quote.end <= last.end, !holdsOthers { continue }
            kept.append(found)
        }
        return kept
    }
}
