/// Reports on a noun or a participle rather than a verb with its subject (the layout
/// `ClauseReports`).
extension QuoteContext {
    /// Reports that hang on a noun or a participle rather than a verb with its subject:
    /// "Trump's claim that ...", "his argument that ..." (the owner speaks) and "“...,” the
    /// mayor said, adding that ..." or "..., arguing that ..." (the speaker of the sentence's
    /// cue before it, else its subject). The report runs to the sentence end or a quotation
    /// that is a sentence of its own.
    func clauseReports() -> [Quote] {
        var quotes: [Quote] = []
        for sentence in analysis.sentences {
            let tokens = sentence.tokens
            for cue in tokens where cue > tokens.lowerBound && cue + 1 < tokens.upperBound && quoted[cue] == .none {
                let word = analysis.tokens[cue].text.lowercased()
                let previous = analysis.tokens[cue - 1].text.lowercased()
                var found: Quote.Speaker?
                var first = cue + 1
                if SpeechCues.nouns.contains(word), analysis.tokens[cue + 1].text == "that" {
                    // The owner: "Donald Trump’s claim", "his claim".
                    if ["'s", "’s"].contains(previous) {
                        found = mention(endingBefore: cue - 1).map(speaker) ?? bareName(before: cue - 1)
                    } else if ["his", "her", "their", "its"].contains(previous) {
                        found = pronounSpeaker(cue - 1)
                    }
                } else if SpeechCues.continuing.contains(word), [",", "by"].contains(previous) {
                    let cues = (tokens.lowerBound..<cue).filter {
                        quoted[$0] == .none && SpeechCues.verbs.contains(analysis.tokens[$0].text.lowercased())
                    }
                    if let verb = cues.last {
                        found =
                            subject(before: verb) ?? mention(startingAfter: verb).map(speaker)
                            ?? bareName(after: verb)
                    }
                    found = found ?? sentenceSubject(before: cue)
                    if analysis.tokens[first].text == ":" || analysis.tokens[first].text == "," { first += 1 }
                } else if SpeechCues.objectVerbs.contains(word) {
                    // "X called for Y", "X called on Y to Z", "X cited Y"; with quoted words after
                    // "called" the naming verbs of `indirectQuotes` report them.
                    if word.hasPrefix("call") {
                        guard ["for", "on"].contains(analysis.tokens[cue + 1].text) else { continue }
                        first = cue + 2
                    }
                    guard !(first..<tokens.upperBound).contains(where: { quoted[$0] == .partial }) else { continue }
                    found = subject(before: cue) ?? phraseSubject(before: cue)
                } else {
                    continue
                }
                guard let found, first < tokens.upperBound, quoted[first] != .direct else { continue }
                var end = first
                while end < tokens.upperBound, !opensQuotation(end, in: tokens) { end += 1 }
                while end > first, quoted[end - 1] == .none,
                    [".", "!", "?", ",", ";", "\"", "”"].contains(analysis.tokens[end - 1].text)
                { end -= 1 }
                let cueText =
                    first == cue + 2
                    ? analysis.text(analysis.tokens[cue].start, analysis.tokens[cue + 1].end) : analysis.tokens[cue].text
                quotes += report(first, end, cue: cueText, speaker: found, fragments: fragments)
            }
        }
        return quotes
    }
}
