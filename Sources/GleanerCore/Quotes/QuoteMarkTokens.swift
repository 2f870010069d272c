/// The quotation marks and the punctuation around them as tokens, each set named by
/// what the stage reads it for. They differ on purpose: a comma may stand between a
/// quote and its cue, an apostrophe opens a quote only in some archives.
extension QuoteMarks {
    /// Tokens after which a quotation mark opens a sentence of its own ("X said, “...").
    static let quoteOpensSentenceAfter: Set<String> = [".", "?", "!", ":", ",", ";", "—", "―", "--"]
    /// Closing marks and commas between a quote's last word and its cue (“...,” said X).
    static let afterClosingQuote: Set<String> = [",", "”", "\"", "»", "“", "'"]
    /// Opening marks, colons and commas between a cue and the quote's first word (X said: “).
    static let beforeOpeningQuote: Set<String> = [":", ",", "“", "\"", "«", "'", "”"]
    /// Opening marks between a colon and the quote ("X continued: ''...").
    static let openingAfterColon: Set<String> = ["“", "\"", "«", "'", "''", "”", "‘"]
    /// Opening marks between a dash and the quote ("Mitt Romney -- ''...").
    static let openingAfterDash: Set<String> = ["“", "\"", "«", "'", "''", "‘"]
    /// Marks that close a quote: a comma inside them still ends the report (''...,'' X said).
    static let closingMarks: Set<String> = ["'", "”", "\"", "’", "»"]
    /// Dashes that join a name and a quote, or a dateline and its story.
    static let dashes: Set<String> = ["—", "–", "--", "―"]
    /// The same with a hyphen, which a plain-text byline uses (“...” - Name).
    static let dashesAndHyphen: Set<String> = dashes.union(["-"])
}
