/// The quotes a report is written out as: the reported clause, and the quoted words
/// inside it as partial quotes that carry the clause.
extension QuoteContext {
    /// Words outside quotation marks a clause needs to be reported speech of its own.
    static let paraphraseWords = 4

    /// A report over tokens `first..<last`, none when that is too short to be one. With
    /// quoted words inside, those words are partial quotes that carry the reported clause,
    /// and the whole clause is the indirect report when enough of it is paraphrase.
    func report(
        _ first: Int, _ last: Int, cue: String, speaker: Quote.Speaker, fragments: [Fragment],
        minimumLength: Int = 3, act: Quote.Act = .speech
    ) -> [Quote] {
        guard first >= 0, last <= analysis.tokens.count, last - first >= minimumLength else { return [] }
        let start = analysis.tokens[first].start
        let end = analysis.tokens[last - 1].end
        let inside = fragments.filter { (first..<last).contains($0.marks.lowerBound) }
        let clause = Mention(start: start, end: end, text: analysis.text(start, end))
        let quotes = inside.map {
            Quote(
                text: $0.text, start: $0.start, end: $0.end, kind: .partial, cue: cue, speaker: speaker, clause: clause, act: act)
        }
        // The clause is reported speech too, quoted words and all ("he would have “a job of
        // persuading to do” on other nations ..."), when enough of it is the reporter's
        // paraphrase: not "called the senator a “nasty guy”".
        guard isParaphrase(first, last) else { return quotes }
        return quotes + [Quote(text: clause.text, start: start, end: end, kind: .indirect, cue: cue, speaker: speaker, act: act)]
    }

    /// Whether tokens `first..<last` are the reporter's words, or hold enough of them
    /// around their quoted words (`paraphraseWords`).
    func isParaphrase(_ first: Int, _ last: Int) -> Bool {
        guard (first..<last).contains(where: { quoted[$0] != .none }) else { return true }
        let unquoted = (first..<last).filter {
            quoted[$0] == .none && analysis.tokens[$0].text.unicodeScalars.first?.isAlpha == true
        }
        return unquoted.count >= Self.paraphraseWords
    }
}
