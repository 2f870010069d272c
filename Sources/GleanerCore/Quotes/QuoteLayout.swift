/// One way news lays out reported speech ("“...,” X said", "X said that ...", a
/// transcript's "PENCE: ..."): it reads the document's `QuoteContext` and returns the
/// quotes it finds, each with the rule that named its speaker. A layout sees nothing
/// another layout found; the stage merges their quotes (see `QuoteExtractor`).
protocol QuoteLayout: Sendable {
    /// The name `gleaner extract --explain` prints for quotes of this layout.
    var name: String { get }
    func quotes(in context: QuoteContext) -> [FoundQuote]
}

/// A correction applied to every quote after the layouts, in `QuoteExtractor.refinements`
/// order: a pronoun pointed at a name, a document at its issuer, an act reclassified.
protocol QuoteRefinement: Sendable {
    /// The name `gleaner extract --explain` prints when the refinement changed a quote.
    var name: String { get }
    func refine(_ quote: Quote, in context: QuoteContext) -> Quote
}
