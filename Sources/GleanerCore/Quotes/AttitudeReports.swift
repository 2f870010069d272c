/// Attributions that are not speech: what a source wants or plans ("Clinton wants to
/// triple the size of AmeriCorps") and where it stands ("Trump attacked Machado in
/// early-morning tweets", "The city is demanding that ..."). Political analysts count
/// these as positions of their source, as PolNeAR's annotators do, so they are reports
/// of kind `indirect` whose `act` says which they are.
///
/// The verb needs a subject the speaker finders accept, through auxiliaries and
/// adverbs ("has repeatedly attacked", "is once again questioning"); a passive ("was
/// rejected by") reports nothing, since its subject is the content. The content runs
/// from the object or the "to" of the plan to the end of the clause.
extension QuoteContext {
    func attitudeReports() -> [Quote] {
        var quotes: [Quote] = []
        for sentence in analysis.sentences {
            let tokens = sentence.tokens
            for cue in tokens where cue > tokens.lowerBound && cue + 2 < tokens.upperBound && quoted[cue] == .none {
                let word = analysis.tokens[cue].text.lowercased()
                // "support" is a noun before "for" and a verb before its object.
                if let act = Self.stanceNouns[word], FunctionWords.particles.contains(analysis.tokens[cue + 1].text.lowercased())
                {
                    quotes += nounReport(at: cue, act: act, in: tokens)
                    continue
                }
                if SpeechCues.topicVerbs.contains(word) || SpeechCues.topicAdjectives.contains(word) {
                    quotes += topicReport(at: cue, in: tokens)
                    continue
                }
                let act: Quote.Act
                if SpeechCues.intentionVerbs.contains(word) {
                    act = .intention
                } else if SpeechCues.callingVerbs.contains(word) {
                    act = .speech
                } else if SpeechCues.stanceVerbs.contains(word) {
                    act = .stance
                } else {
                    continue
                }
                let first = cue + 1
                let next = analysis.tokens[first].text.lowercased()
                if act == .intention {
                    guard next == "to" else { continue }
                } else {
                    // "accused of", "backed out", "opposed to": a participle or a phrasal verb.
                    guard !FunctionWords.particles.contains(next), !FunctionWords.clauseWords.contains(next),
                        analysis.tokens[first].text.unicodeScalars.first?.isAlpha == true || quoted[first] != .none
                    else { continue }
                    // Quoted words after "attacked" are reported by the naming verbs of indirect speech.
                    if SpeechCues.namingVerbs.contains(word),
                        (first..<tokens.upperBound).contains(where: { quoted[$0] == .partial })
                    {
                        continue
                    }
                }
                guard let subjectEnd = subjectEnd(before: cue, progressive: word.hasSuffix("ing")) else { continue }
                // "plans", "support", "attack" are nouns as often as verbs ("a plan to", "85 percent
                // support"): as verbs only after an auxiliary or right after a pronoun or a name.
                let found: Quote.Speaker?
                if word.hasSuffix("ed") || word.hasSuffix("ing") || subjectEnd < cue {
                    found = subject(before: subjectEnd) ?? phraseSubject(before: subjectEnd)
                } else if FunctionWords.determiners.contains(analysis.tokens[cue - 1].text.lowercased()) {
                    continue  // "her plans to", "the attack"
                } else {
                    found =
                        mention(endingBefore: subjectEnd).map(speaker)
                        ?? (Pronouns.subject.contains(analysis.tokens[subjectEnd - 1].text.lowercased())
                            ? bareName(before: subjectEnd) : nil)
                }
                guard let found else { continue }
                // Inside someone else's report ("These statements suggest that the West has refused
                // to ...") the stance is what the report says, not a position of its own.
                // (A subject found in an earlier sentence, "... and then ...", leaves nothing to look at.)
                let subjectStart = max(tokens.lowerBound, min(tokenIndex(startingAt: found.start), cue))
                // A passive there reports nothing: "Although Assange was not charged, he has accused".
                if (tokens.lowerBound..<subjectStart).contains(where: {
                    SpeechCues.indirectVerbs.contains(analysis.tokens[$0].text.lowercased())
                        && !CueToken.followsBe($0, from: tokens.lowerBound, analysis.tokens)
                }) {
                    continue
                }
                var end = clauseEnd(from: first, in: tokens, atComma: act != .intention)
                if SpeechCues.chargeVerbs.contains(word) { end = chargeEnd(from: first, objectEnd: end, in: tokens) ?? end }
                // Quoted words in the content are reported by the speech stages, with their clause.
                guard end > first, !fragments.contains(where: { (first..<end).contains($0.marks.lowerBound) }) else { continue }
                quotes += report(
                    first, end, cue: analysis.tokens[cue].text, speaker: found, fragments: [], minimumLength: 1, act: act)
            }
        }
        return quotes
    }

    /// What someone talked about or how they feel about it: "Clinton spoke out Tuesday
    /// about the death of Terence Crutcher" (speech), "Graham has been critical of Trump"
    /// (a stance). The content is the preposition's object, to the clause end.
    func topicReport(
        at cue: Int, in sentence: Range<Int>
    ) -> [Quote] {
        let word = analysis.tokens[cue].text.lowercased()
        let adjective = SpeechCues.topicAdjectives.contains(word) && !SpeechCues.topicVerbs.contains(word)
        // Past a few words of manner or time: "spoke emotionally of", "spoke out Tuesday about".
        guard
            let preposition = (cue + 1..<min(sentence.upperBound, cue + 4)).first(where: {
                SpeechCues.topicPrepositions.contains(analysis.tokens[$0].text.lowercased())
            }),
            (cue + 1..<preposition).allSatisfy({ index in
                let between = analysis.tokens[index].text
                return between.hasSuffix("ly") || ["out", "often", "again", "also", "publicly"].contains(between.lowercased())
                    || between.unicodeScalars.first?.isUpper == true
            })
        else { return [] }
        // An adjective needs its "be": "was critical of"; "worried" alone is a verb.
        if adjective,
            !(sentence.lowerBound..<cue).suffix(3).contains(where: {
                FunctionWords.beForms.contains(analysis.tokens[$0].text.lowercased())
            })
        {
            return []
        }
        guard let found = subject(pastAuxiliariesBefore: cue, progressive: true) else { return [] }
        let first = preposition + 1
        // "spoke on Monday": when, not what.
        guard first < sentence.upperBound, !Self.isTimeWord(analysis.tokens[first].text) else { return [] }
        let end = clauseEnd(from: first, in: sentence, atComma: true)
        guard end > first, !(first..<end).contains(where: { quoted[$0] != .none }) else { return [] }
        return report(
            first, end, cue: analysis.text(analysis.tokens[cue].start, analysis.tokens[preposition].end), speaker: found,
            fragments: [], minimumLength: 1, act: adjective || word.hasPrefix("worr") ? .belief : .speech)
    }

    /// A report on a noun: "Trump's criticism of the deal", "her comments about women",
    /// "Trump is raising questions about his microphone". The owner speaks, else the
    /// subject of the verb the noun is the object of; with neither, nothing is reported.
    func nounReport(
        at noun: Int, act: Quote.Act, in sentence: Range<Int>
    ) -> [Quote] {
        let word = analysis.tokens[noun].text.lowercased()
        let preposition = analysis.tokens[noun + 1].text.lowercased()
        guard
            ["support", "calls"].contains(word)
                ? preposition == "for" : SpeechCues.topicPrepositions.contains(preposition) || preposition == "for"
        else { return [] }
        // Back over the noun's modifiers to its owner or its verb: "has serious concerns", "his
        // recent comments", "Trump's implicit criticism".
        var head = noun - 1
        while head > sentence.lowerBound, noun - head <= 3,
            FunctionWords.nounModifiers.contains(analysis.tokens[head].text.lowercased())
                || (analysis.tokens[head].text.unicodeScalars.first?.isLower == true
                    && analysis.tokens[head].text.hasSuffix("ly"))
                || [
                    "serious", "new", "recent", "repeated", "public", "strong", "harsh", "sharp", "growing", "fresh", "early",
                    "latest",
                ]
                .contains(analysis.tokens[head].text.lowercased())
        {
            head -= 1
        }
        guard head >= sentence.lowerBound else { return [] }
        let owner = analysis.tokens[head].text
        var found: Quote.Speaker?
        if ["his", "her", "their", "its"].contains(owner.lowercased()) {
            found = pronounSpeaker(head)
            // "Trump offered his early assessment of": the subject of the verb before the
            // pronoun is its owner (unless the pronoun is resolved to someone else), written
            // where the report names its source.
            if let subject = ownerSubject(beforePossessive: head), found?.entity == nil || subject.entity == found?.entity {
                found = subject
            }
        } else if ["'s", "’s"].contains(owner), head > sentence.lowerBound {
            found = mention(endingBefore: head).map(speaker) ?? bareName(before: head)
        } else if owner.unicodeScalars.first?.isLower == true, !FunctionWords.determiners.contains(owner.lowercased()),
            !FunctionWords.particles.contains(owner.lowercased())
        {
            found = subject(pastAuxiliariesBefore: head, progressive: true)
        }
        guard let found else { return [] }
        let first = noun + 2
        let end = clauseEnd(from: first, in: sentence, atComma: true)
        guard end > first, !(first..<end).contains(where: { quoted[$0] != .none }) else { return [] }
        return report(
            first, end, cue: analysis.text(analysis.tokens[noun].start, analysis.tokens[noun + 1].end), speaker: found,
            fragments: [], minimumLength: 1, act: act)
    }

    /// The subject of the verb right before a possessive pronoun: "Ryan withdrew his
    /// support" has Ryan.
    func ownerSubject(beforePossessive pronoun: Int) -> Quote.Speaker? {
        guard pronoun > 1 else { return nil }
        let verb = analysis.tokens[pronoun - 1].text
        // "One month after withdrawing his support": a participle after a preposition has
        // no subject before it.
        let before = analysis.tokens[pronoun - 2].text.lowercased()
        guard verb.unicodeScalars.allSatisfy({ $0.isAlpha && $0.isLower }),
            !verb.hasSuffix("ing")
                || !(FunctionWords.prepositions.contains(before) || FunctionWords.subordinators.contains(before)),
            !FunctionWords.determiners.contains(verb), !FunctionWords.particles.contains(verb),
            !FunctionWords.prepositions.contains(verb), !FunctionWords.clauseWords.contains(verb)
        else { return nil }
        return subject(pastAuxiliariesBefore: pronoun - 1, progressive: true)
    }

    /// Where the charge of "accused X of Y" ends: at the clause end, past when it happened
    /// ("of pushing to indict him while she was secretary of state") and past an aside on
    /// the object when a comma cut it short (", which was toppled in November, of allowing
    /// bribery"). Nil when no "of"/"for" charge follows the object.
    func chargeEnd(from first: Int, objectEnd: Int, in sentence: Range<Int>) -> Int? {
        let charge: Set<String> = ["of", "for"]
        if (first..<objectEnd).contains(where: { charge.contains(analysis.tokens[$0].text.lowercased()) }) {
            return clauseEnd(from: first, in: sentence, atComma: true, adverbials: false)
        }
        guard
            let preposition = (objectEnd..<min(sentence.upperBound, objectEnd + 25)).first(where: {
                quoted[$0] == .none && charge.contains(analysis.tokens[$0].text.lowercased())
                    && analysis.tokens[$0 - 1].text == ","
            }),
            !(objectEnd..<preposition).contains(where: { quoted[$0] != .none || [";", ":"].contains(analysis.tokens[$0].text) })
        else { return nil }
        let end = clauseEnd(from: preposition + 1, in: sentence, atComma: true, adverbials: false)
        return end > preposition + 1 ? end : nil
    }

    /// A weekday, a month, a part of the day or a number: the start of a time, not a topic.
    static func isTimeWord(_ word: String) -> Bool {
        TimeWords.afterCue.contains(word.lowercased()) || TimeWords.months.contains(word.lowercased())
            || word.unicodeScalars.first.map { ("0"..."9").contains($0) } == true
    }

    /// The token right after the verb's subject, walking back over auxiliaries and
    /// adverbs; nil for a passive ("was rejected", "has been endorsed"), whose subject is
    /// what the verb is about. A form of "be" before a verb in -ing is progressive.
    func subjectEnd(before verb: Int, progressive: Bool) -> Int? {
        let sentenceStart = analysis.sentenceTokens(ofToken: verb).lowerBound
        var index = verb
        while index > sentenceStart {
            let word = analysis.tokens[index - 1].text.lowercased()
            if FunctionWords.beForms.contains(word) {
                guard progressive else { return nil }
            } else if !FunctionWords.verbModifiers.contains(word) && !(word.hasSuffix("ly") && word.count > 3) {
                break
            }
            index -= 1
        }
        return index > sentenceStart ? index : nil
    }

    /// The subject of the verb at `verb` past its auxiliaries and adverbs ("Graham has been
    /// critical of", "Trump is raising questions"); nil for a passive.
    func subject(pastAuxiliariesBefore verb: Int, progressive: Bool) -> Quote.Speaker? {
        guard let subjectEnd = subjectEnd(before: verb, progressive: progressive) else { return nil }
        return subject(before: subjectEnd) ?? phraseSubject(before: subjectEnd)
    }

    static let dashes: Set<String> = ["—", "―", "--"]

    /// The dash that closes an aside opened at `open`, within `asideLength` words and
    /// before other punctuation than commas, when the clause goes on after it.
    func closingDash(after open: Int, in sentence: Range<Int>) -> Int? {
        for index in (open + 1)..<min(sentence.upperBound, open + Self.asideLength) {
            let word = analysis.tokens[index].text
            if Self.dashes.contains(word) {
                let next = index + 1 < sentence.upperBound ? analysis.tokens[index + 1].text : "."
                return index > open + 1 && next.unicodeScalars.first?.isAlpha == true ? index : nil
            }
            if quoted[index] != .none || [";", ":", ".", "(", ")"].contains(word) { return nil }
        }
        return nil
    }

    /// Words an aside between dashes may hold.
    static let asideLength = 12

    /// Where a report that starts at `first` ends: a semicolon, a colon or a dash (not a
    /// pair around an aside), a comma before a clause of its own (any comma `atComma`: the
    /// object of a stance ends there, and before when and why unless not `adverbials`), a
    /// quotation that is a sentence of its own, or the sentence end.
    func clauseEnd(from first: Int, in sentence: Range<Int>, atComma: Bool, adverbials: Bool = true) -> Int {
        var end = first
        while end < sentence.upperBound, !opensQuotation(end, in: sentence) {
            let word = analysis.tokens[end].text
            if quoted[end] == .none {
                // A pair of dashes holds an aside the clause goes on after: "to ban all
                // Muslims — 1.6 billion members of a religion — from entering the U.S."
                if Self.dashes.contains(word), end > first, let close = closingDash(after: end, in: sentence) {
                    end = close + 1
                    continue
                }
                if [";", ":", "—", "―", "--", "("].contains(word) { break }
                if word == ",",
                    atComma
                        || end + 1 < sentence.upperBound
                            && OpenerWords.clauseOpeners.contains(analysis.tokens[end + 1].text.lowercased())
                {
                    break
                }
                // The object of a stance ends before when and why: "attacked Machado since the debate".
                if atComma, adverbials, end > first, OpenerWords.adverbialOpeners.contains(word.lowercased()) { break }
            }
            end += 1
        }
        while end > first, quoted[end - 1] == .none, [".", "!", "?", ",", ";", "\"", "”"].contains(analysis.tokens[end - 1].text)
        { end -= 1 }
        return end
    }

    /// Nouns of what someone said, thinks or stands for, cues before a topic preposition
    /// and with an owner ("Trump's criticism of", "her comments about") or a subject
    /// ("Trump is raising questions about", "I have serious concerns about"). `support`
    /// and `calls` take "for" only.
    static let stanceNouns: [String: Quote.Act] = [
        "comment": .speech, "comments": .speech, "remarks": .speech, "calls": .speech, "questions": .speech, "warnings": .speech,
        "concerns": .belief, "concern": .belief, "doubts": .belief, "fears": .belief, "worries": .belief, "thoughts": .belief,
        "misgivings": .belief, "criticism": .stance, "praise": .stance, "support": .stance, "proposal": .stance,
        "stance": .stance, "position": .stance, "assessment": .stance, "disdain": .stance, "contempt": .stance,
        "enthusiasm": .stance, "skepticism": .stance,
    ]
}
