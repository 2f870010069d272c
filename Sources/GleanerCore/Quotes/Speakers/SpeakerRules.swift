/// Where a quote between marks stands, as the speaker rules read it: its tokens, the
/// sentences around it, and the first tokens past its marks on either side.
struct QuoteSite {
    /// The quoted tokens, marks excluded.
    let quote: Range<Int>
    /// The tokens of the sentences the quote touches, which hold its attribution.
    let around: Range<Int>
    /// Whether the quote stands inside the reporter's sentence rather than opening one.
    let fragment: Bool
    /// The end of the line after the quote (at most 14 tokens on): the attribution after a
    /// quote may sit in what the splitter took for a new sentence (“... president.” ― Name).
    let lineEnd: Int
    /// The first token after the closing marks and commas.
    let after: Int
    /// The first of the marks, colons and commas that open the quote.
    let before: Int
    /// A cue a rule found with no speaker next to it: the quote keeps it when no rule names one.
    var cueWithoutSpeaker: String?

    init(_ quote: Range<Int>, fragment: Bool, in context: QuoteContext) {
        let tokens = context.analysis.tokens
        self.quote = quote
        self.fragment = fragment
        around = context.contextTokens(around: quote)
        var lineEnd = quote.upperBound + 1
        while lineEnd < min(tokens.count, quote.upperBound + 14), tokens[lineEnd].newlinesBefore == 0 { lineEnd += 1 }
        self.lineEnd = min(lineEnd, tokens.count)
        var after = quote.upperBound
        while after < self.lineEnd, QuoteMarks.afterClosingQuote.contains(tokens[after].text) { after += 1 }
        self.after = after
        var before = quote.lowerBound - 1
        while before > around.lowerBound, QuoteMarks.beforeOpeningQuote.contains(tokens[before - 1].text) { before -= 1 }
        self.before = before
    }
}

/// One way a quote between marks names its speaker: "“...,” X said", "X said: “...”",
/// "“...” ― X". A rule returns nil when its layout is not there.
protocol SpeakerRule: Sendable {
    /// The name `gleaner extract --explain` prints for a speaker this rule chose.
    var name: String { get }
    func attribute(_ site: QuoteSite, in context: QuoteContext) -> QuoteContext.Attribution?
}

enum SpeakerRules {
    /// In priority order: the news layouts next to the marks first, then the nearest cue
    /// in the quote's sentences, then the subject of a sentence with no cue at all.
    static let all: [any SpeakerRule] = [
        CueAfterQuote(),  // “...,” X said / “...,” said X
        UnlistedVerbAfterQuote(),  // “...,” Oliver barked.
        CueBeforeQuote(),  // X said: “...” / X said, “...”
        PastVerbBeforeQuote(),  // ... and then boomed, “...”
        DashNameAfterQuote(),  // “...” ― Name
        ColonIntroduction(),  // Caddell continued: “...” (the cue in the sentence before the colon)
        NameDashBeforeQuote(),  // the former candidate Mitt Romney -- “...”
        NearestCue(),  // any cue in the quote's sentences, nearest first
        HeadlineSubject(),  // Hillary Clinton Speaks ‘Directly To White People’
        PersonSubjectOfFragment(),  // He offered “my thoughts and prayers ...”
        PersonOpeningFragmentSentence(),  // a person named in the sentence's first words
        PronounOpeningFragmentSentence(),  // he/she opening the sentence
    ]
}

extension QuoteContext {
    /// The first rule's speaker, with that rule's name; with none, the first cue found.
    func attribute(_ site: QuoteSite) -> (Attribution, rule: String?) {
        var site = site
        for rule in SpeakerRules.all {
            guard let found = rule.attribute(site, in: self) else { continue }
            if found.speaker != nil { return (found, rule.name) }
            site.cueWithoutSpeaker = site.cueWithoutSpeaker ?? found.cue
        }
        return (Attribution(speaker: nil, cue: site.cueWithoutSpeaker), nil)
    }
}
