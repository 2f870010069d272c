/// Which way an underspecified date points: the tense of the clause around it.
extension TimexRun {
    // MARK: tense

    /// -1 past, +1 future, 0 unknown: the tense cue nearest to token i in its sentence.
    func tense(_ i: Int) -> Int {
        let sentences = analysis.sentences
        guard currentSentence < sentences.count else { return 0 }
        let range = sentences[currentSentence].tokens
        var best = 0
        var bestDistance = Int.max
        for j in range {
            let t = lower[j]
            var cue = 0
            if Lex.futureCues.contains(t) {
                cue = 1
                if t == "going" && w(j + 1) != "to" { cue = 0 }
                if t == "may" && !isLowerWord(j) { cue = 0 }
                if (t == "expected" || t == "scheduled" || t == "set" || t == "due" || t == "plans" || t == "likely"
                    || t == "planning")
                    && w(j + 1) != "to" && w(j + 1) != "for" && w(j + 1) != "on"
                {
                    cue = 0
                }
            } else if Lex.pastCues.contains(t) {
                cue = -1
            } else if t.utf8.count >= 5 && t.hasSuffix("ed") && isLowerWord(j) {
                cue = -1
                if w(j - 1) == "be" || w(j - 2) == "be" || w(j - 1) == "to" || w(j - 1) == "the" || w(j - 1) == "a"
                    || w(j - 1) == "is" || w(j - 1) == "are" || w(j - 1) == "'s"
                {
                    cue = 0
                }
            }
            guard cue != 0 else { continue }
            let d = j < i ? i - j : (j - i) * 2
            if d < bestDistance || (d == bestDistance && cue == 1) {
                bestDistance = d
                best = cue
            }
        }
        return best
    }
}
