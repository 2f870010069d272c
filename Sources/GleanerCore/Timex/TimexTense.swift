/// Which way an underspecified date points: the tense of the clause around it.
///
/// No part-of-speech tagger runs before the timex stage, so tense is read from
/// cue words: auxiliaries, irregular past forms, "-ed" words that are not
/// passive or adjectival, and words of planning. A word right before the
/// expression ("by Friday", "since March 3", "effective June 1") outranks them:
/// it says where the date lies whatever the verb's tense.
extension TimexRun {
    /// Words of intent: future only with "to"/"for" after them ("plans to", "set for"),
    /// and past again under a past perfect ("had been scheduled to expire Friday").
    static let intentCues: Set<String> = [
        "expected", "scheduled", "set", "due", "plans", "plan", "planned", "planning", "likely", "slated",
    ]

    /// Past forms that are also participles: not a past cue after "be", "is", "to"...
    static let participles: Set<String> = [
        "held", "made", "took", "gave", "left", "won", "lost", "brought", "bought", "sold", "paid", "sent", "built",
        "kept", "found", "led", "spent", "struck", "fought", "sought",
    ]

    /// Words that make the next "-ed" word passive or adjectival rather than a past tense.
    /// A modal's verb is a bare infinitive ("will succeed"), never a past.
    static let participleMarkers: Set<String> = [
        "be", "being", "to", "the", "a", "an", "is", "are", "'s", "still", "will", "would", "can", "could", "should", "must",
        "might", "shall", "'ll",
    ]

    /// Words ending in "-ed" that are no past form: "will succeed Smith on Feb. 1", "a hundred days".
    static let falsePasts: Set<String> = [
        "succeed", "proceed", "exceed", "indeed", "speed", "bleed", "breed", "hundred", "sacred", "naked", "wicked", "rugged",
    ]

    /// -1 past, +1 future, 0 unknown for the expression starting at token i.
    func tense(_ i: Int) -> Int {
        if let cue = prepositionCue(i) { return cue }
        return verbTense(i)
    }

    /// The word right before the expression, when it fixes the direction by itself.
    func prepositionCue(_ i: Int) -> Int? {
        switch w(i - 1) {
        case "by", "until", "till":
            // A deadline is ahead unless told in the past perfect ("had filed reports by Wednesday").
            let near = sentenceTokens.clamped(to: max(0, i - 6)..<(i + 6))
            return near.contains { lower[$0] == "had" } ? -1 : 1
        case "payable", "effective", "record": return 1
        // "as soon as Tuesday", "as early as next week"; "as Easter week began" is a conjunction
        // whose own verb decides.
        case "as": return w(i - 2) == "soon" || w(i - 2) == "early" ? 1 : nil
        case "since", "ended": return -1
        // "ahead of Tuesday's vote", "heading into the Nov. 8 election", "the run-up to".
        case "of" where w(i - 2) == "ahead", "into" where w(i - 2) == "heading" || w(i - 2) == "going":
            return 1
        case "the" where w(i - 2) == "of" && w(i - 3) == "ahead", "the" where w(i - 2) == "into" && w(i - 3) == "heading":
            return 1
        default: return nil
        }
    }

    /// The tense cue nearest to token i in its sentence; cues after it count double the distance
    /// because the verb governing a date usually comes first ("said on Friday").
    func verbTense(_ i: Int) -> Int {
        var best = 0
        var bestDistance = Int.max
        for j in sentenceTokens {
            let cue = tenseCue(j, before: j < i)
            guard cue != 0 else { continue }
            let d = j < i ? i - j : (j - i) * 2
            if d < bestDistance || (d == bestDistance && cue == 1) {
                bestDistance = d
                best = cue
            }
        }
        return best
    }

    var sentenceTokens: Range<Int> {
        let sentences = analysis.sentences
        return currentSentence < sentences.count ? sentences[currentSentence].tokens : 0..<0
    }

    /// The tense token j signals on its own: -1, +1 or 0. A plan points ahead of a date after it
    /// ("planned a rally on Saturday", "has scheduled a news conference Thursday"), but "On Friday,
    /// the government planned to pay" is a past plan.
    func tenseCue(_ j: Int, before: Bool) -> Int {
        let t = lower[j]
        let next = w(j + 1)
        if Self.intentCues.contains(t) {
            // "as (previously) planned" refers back to a plan rather than making one.
            let p = w(j - 1)
            let firm = before && (t == "planned" || t == "scheduled" || t == "slated") && p != "as" && !p.hasSuffix("ly")
            guard firm || (before || t != "planned") && (next == "to" || (next == "for" && t != "plans" && t != "plan"))
            else {
                return t == "planned" && isLowerWord(j) ? -1 : 0
            }
            // "had been due to expire Friday": the plan itself lies in the past.
            if w(j - 1) == "had" || (w(j - 1) == "been" && w(j - 2) == "had") || w(j - 2) == "had" { return -1 }
            return 1
        }
        if Lex.futureCues.contains(t) {
            if t == "going" && next != "to" { return 0 }
            if t == "may" && !isLowerWord(j) { return 0 }
            if t == "next" && next == "to" { return 0 }
            return 1
        }
        // "were planning to drive there on Monday": the plan, not the auxiliary, sets the direction.
        if (t == "was" || t == "were") && Self.intentCues.contains(next) { return 0 }
        // "is to resume trading Tuesday".
        if t == "to", w(j - 1) == "is" || w(j - 1) == "are", isLowerWord(j + 1), Lex.units[next] == nil { return 1 }
        let isParticiple =
            Self.participles.contains(t)
            || (t.utf8.count >= 5 && t.hasSuffix("ed") && isLowerWord(j) && !Self.falsePasts.contains(t))
        if isParticiple {
            let p = w(j - 1)
            if Self.participleMarkers.contains(p) || w(j - 2) == "be" { return 0 }
            return -1
        }
        return Lex.pastCues.contains(t) ? -1 : 0
    }
}
