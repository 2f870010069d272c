/// Quotes between quotation marks: a direct quote opens its sentence ("“...,” X said",
/// "X said: “...”"), a partial one stands inside the reporter's sentence (was “true.”).
/// The speaker is a transcript label inside the marks, else the first of
/// `SpeakerRules.all` that names one, else the speaker of the previous quote when this
/// one follows it in the same or the next paragraph.
struct QuotationMarks: QuoteLayout {
    let name = "quotation marks"

    func quotes(in context: QuoteContext) -> [FoundQuote] {
        var quotes: [FoundQuote] = []
        var previous: (paragraph: Int, speaker: Quote.Speaker?, cue: String?)?
        for marked in context.marked {
            var (attribution, rule) =
                marked.labelled.map { (QuoteContext.Attribution(speaker: $0, cue: nil), "transcript label") }
                ?? context.attribute(QuoteSite(marked.inside, fragment: !marked.startsSentence, in: context))
            // Scare quotes and titles: short, and nobody is said to have said them.
            if marked.wordCount < 4 && attribution.speaker == nil { continue }
            if marked.wordCount < 2 { continue }
            if attribution.speaker == nil, let last = previous, last.paragraph >= marked.paragraph - 1, marked.startsSentence {
                attribution.speaker = last.speaker
                // The same report goes on: its cue too, so the pieces read as one attribution.
                if last.paragraph == marked.paragraph, attribution.cue == nil { attribution.cue = last.cue }
                rule = "continues the previous quote's speaker"
            }
            var refinements: [String] = []
            if let found = attribution.speaker {
                attribution.speaker = context.anchored(
                    found, context: context.contextTokens(around: marked.inside), quote: marked.inside)
                if attribution.speaker != found { refinements.append("anchored to its mention nearest the quote") }
            }
            let text = context.trimmed(marked.contentStart, marked.contentEnd)
            guard !text.text.isEmpty else { continue }
            let quote = Quote(
                text: text.text, start: text.start, end: text.end, kind: marked.startsSentence ? .direct : .partial,
                cue: attribution.cue, speaker: attribution.speaker)
            var found = FoundQuote(quote, rule: attribution.speaker == nil ? nil : rule)
            found.explanation.refinements = refinements
            quotes.append(found)
            if attribution.speaker != nil { previous = (marked.paragraph, attribution.speaker, attribution.cue) }
        }
        return quotes
    }
}
