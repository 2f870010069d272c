/// The quotes a report is written out as: the reported clause, and the quoted words
/// inside it as partial quotes that carry the clause.
extension QuoteContext {
    /// A report over tokens `first..<last`, none when that is too short to be one. With
    /// quoted words inside, those words are partial quotes that carry the reported clause,
    /// and the clause's longest unquoted run is the indirect report.
    func report(
        _ first: Int, _ last: Int, cue: String, speaker: Quote.Speaker, fragments: [Fragment],
        minimumLength: Int = 3, act: Quote.Act = .speech
    ) -> [Quote] {
        guard first >= 0, last <= analysis.tokens.count, last - first >= minimumLength else { return [] }
        let start = analysis.tokens[first].start
        let end = analysis.tokens[last - 1].end
        let inside = fragments.filter { (first..<last).contains($0.marks.lowerBound) }
        guard !inside.isEmpty else {
            return [
                Quote(
                    text: analysis.text(start, end), start: start, end: end, kind: .indirect, cue: cue, speaker: speaker, act: act
                )
            ]
        }
        let clause = Mention(start: start, end: end, text: analysis.text(start, end))
        var quotes = inside.map {
            Quote(
                text: $0.text, start: $0.start, end: $0.end, kind: .partial, cue: cue, speaker: speaker, clause: clause, act: act)
        }
        // The clause's own words, without marks, are reported speech too: its longest run
        // between the quoted words ("the repair plan was" before ''a scandal.'').
        var runs: [Range<Int>] = []
        var runStart = first
        for fragment in inside {
            runs.append(runStart..<max(runStart, fragment.marks.lowerBound))
            runStart = max(runStart, fragment.marks.upperBound)
        }
        runs.append(runStart..<max(runStart, last))
        if var run = runs.max(by: { $0.count < $1.count }) {
            while !run.isEmpty, analysis.tokens[run.upperBound - 1].text.unicodeScalars.first?.isAlpha != true {
                run = run.lowerBound..<(run.upperBound - 1)
            }
            while !run.isEmpty, analysis.tokens[run.lowerBound].text.unicodeScalars.first?.isAlpha != true {
                run = (run.lowerBound + 1)..<run.upperBound
            }
            if run.count >= 3 {
                let runStart = analysis.tokens[run.lowerBound].start
                let runEnd = analysis.tokens[run.upperBound - 1].end
                quotes.append(
                    Quote(
                        text: analysis.text(runStart, runEnd), start: runStart, end: runEnd, kind: .indirect, cue: cue,
                        speaker: speaker, act: act))
            }
        }
        return quotes
    }
}
