/// Subjects the entity stage knows nothing of, or that stand apart from their cue: a
/// noun phrase ("Several cast members said"), a relative "who", a name before an
/// appositive ("Mr. King, 82, told"), the source of "according to".
extension QuoteContext {
    /// The subject right before a cue: a resolved mention, a description, a bare name.
    func subject(before cue: Int) -> Quote.Speaker? {
        if cue > 0, analysis.tokens[cue - 1].text == ",", analysis.tokens[cue].text.hasSuffix("ing") {
            return sentenceSubject(before: cue - 1)
        }
        return mention(endingBefore: cue).map(speaker) ?? description(endingBefore: cue)
            ?? appositiveSubject(before: cue) ?? bareName(before: cue)
    }

    /// The source of "according to" that no mention or description covers, up to the next
    /// punctuation: "According to exit polls, ...", "according to a new report by Politico."
    func sourcePhrase(after to: Int, before end: Int) -> Quote.Speaker? {
        var last = to + 1
        while last < min(end, to + 12),
            analysis.tokens[last].text.unicodeScalars.first.map({ $0.isAlpha || ("0"..."9").contains($0) }) == true
                || ["-", "'s", "’s"].contains(analysis.tokens[last].text)
        {
            last += 1
        }
        guard last > to + 1, last == end || [",", ".", ";", "—", "--"].contains(analysis.tokens[last].text) else { return nil }
        return unnamed(to + 1, last)
    }

    /// A relative "who" as the speaker: the name or phrase it stands for, at the offsets
    /// of the "who" itself, which is where the report's subject is written (as with a
    /// resolved pronoun).
    func relative(_ who: Int, standsFor antecedent: Quote.Speaker) -> Quote.Speaker {
        Quote.Speaker(
            name: antecedent.name, entity: antecedent.entity, start: analysis.tokens[who].start, end: analysis.tokens[who].end)
    }

    /// The noun phrase that ends before `end` and opens with a determiner or quantifier,
    /// within six words: "some senior party members" in "some senior party members, who".
    func phraseBefore(_ end: Int) -> Range<Int>? {
        let sentenceStart = analysis.sentenceTokens(ofToken: end).lowerBound
        var first = end - 1
        while first >= max(sentenceStart, end - 6) {
            let word = analysis.tokens[first].text
            let lower = word.lowercased()
            guard word.unicodeScalars.allSatisfy({ $0.isAlpha || $0 == "-" }), !FunctionWords.clauseWords.contains(lower),
                !Pronouns.subject.contains(lower)
            else { return nil }
            if (FunctionWords.determiners.contains(lower) || FunctionWords.quantifiers.contains(lower))
                && !FunctionWords.demonstratives.contains(lower)
            {
                return first + 1 < end ? first..<end : nil
            }
            first -= 1
        }
        return nil
    }

    /// A subject the entity stage knows nothing of, for an indirect report: the noun phrase
    /// right before the cue from the sentence start or a clause boundary ("Several cast
    /// members said", "Experts on North Korea said", "..., while 73 percent said"), the
    /// relative "who" ("an architect who said"), or the sentence's subject for a second verb
    /// ("Mr. Schultz supported Democrats ... and said").
    func phraseSubject(before cue: Int) -> Quote.Speaker? {
        let cue = timePhraseStart(before: cue) ?? cue
        let sentenceStart = analysis.sentenceTokens(ofToken: cue).lowerBound
        var head = cue - 1
        while head > sentenceStart,
            analysis.tokens[head].text.hasSuffix("ly") || SpeechCues.adverbsBeforeCue.contains(analysis.tokens[head].text)
        {
            head -= 1
        }
        guard head >= sentenceStart else { return nil }
        let headWord = analysis.tokens[head].text.lowercased()
        if headWord == "who" || headWord == "which" {
            // "Tomas Weller, who stressed that ...": the name the relative clause hangs on speaks.
            if head > sentenceStart + 1, analysis.tokens[head - 1].text == ",",
                let named = (1...6).lazy.compactMap({ length in head - 1 - length >= 0 ? speakers[head - 1 - length] : nil })
                    .first(where: { $0.tokens.upperBound == head - 1 })
            {
                return relative(head, standsFor: speaker(named))
            }
            // "Trump is a ... bully who has pledged", "Graham—who had endorsed": the subject
            // the phrase before "who" is said of.
            if let subject = copulaAntecedent(of: head) { return relative(head, standsFor: subject) }
            // "some senior party members, who said ...", "a diver who said": the phrase speaks.
            let end = analysis.tokens[head - 1].text == "," ? head - 1 : head
            if head > sentenceStart + 1, let phrase = phraseBefore(end) {
                return relative(head, standsFor: unnamed(phrase.lowerBound, phrase.upperBound))
            }
            return unnamed(head, head + 1)
        }
        if ["and", "but"].contains(headWord) {
            guard head > sentenceStart else { return nil }
            if let subject = sentenceSubject(before: head) { return subject }
            // A name the entity stage missed: "Mr. Schultz generally supported ... and said".
            var end = sentenceStart
            while end < head, analysis.tokens[end].text.unicodeScalars.first?.isUpper == true { end += 1 }
            let opening = analysis.tokens[sentenceStart].text.lowercased()
            // A conjunction that opens the sentence is no name: "But on Tuesday, he stood ...
            // and urged" has the subject after it and its introduction.
            if FunctionWords.phraseBoundaries.contains(opening) || FunctionWords.subordinators.contains(opening) {
                return subject(afterConjunction: sentenceStart, before: head)
            }
            guard !FunctionWords.quantifiers.contains(opening), !FunctionWords.determiners.contains(opening),
                !OpenerWords.introWords.contains(opening)
            else { return nil }
            return end > sentenceStart && end < head ? unnamed(sentenceStart, end) : nil
        }
        guard analysis.tokens[head].text.unicodeScalars.allSatisfy({ $0.isAlpha || $0 == "." || $0 == "-" }),
            !FunctionWords.clauseWords.contains(headWord), !FunctionWords.phraseBoundaries.contains(headWord),
            !Pronouns.subject.contains(headWord)
        else { return nil }
        var first = head
        while first > sentenceStart, head - first < 8 {
            let word = analysis.tokens[first - 1].text
            let lower = word.lowercased()
            if FunctionWords.phraseBoundaries.contains(lower)
                && !(lower == "and" && head - first < 7 && first - 1 > sentenceStart
                    && !FunctionWords.phraseBoundaries.contains(analysis.tokens[first - 2].text.lowercased())
                    && analysis.tokens[first - 2].text.unicodeScalars.first?.isUpper == true)
            {
                break
            }
            guard
                word.unicodeScalars.allSatisfy({
                    $0.isAlpha || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’"
                }),
                !FunctionWords.clauseWords.contains(lower) || FunctionWords.phraseLinks.contains(lower)
            else { return nil }
            first -= 1
        }
        guard first == sentenceStart || FunctionWords.phraseBoundaries.contains(analysis.tokens[first - 1].text.lowercased())
        else { return nil }
        // "These statements suggest" names a text, not a speaker.
        let opening = analysis.tokens[first].text
        guard
            opening.unicodeScalars.first.map({ $0.isUpper || ("0"..."9").contains($0) }) == true
                || FunctionWords.determiners.contains(opening.lowercased())
                || FunctionWords.quantifiers.contains(opening.lowercased())
                || (first...head).contains(where: {
                    SpeakerNouns.groups.contains(analysis.tokens[$0].text)
                        || SpeakerNouns.heads.contains(analysis.tokens[$0].text)
                })
                || (first == head && isAgentPlural(analysis.tokens[head].text)),
            !FunctionWords.demonstratives.contains(opening.lowercased())
        else { return nil }
        return unnamed(first, head + 1)
    }

    /// The name or pronoun after a sentence's opening conjunction and the introduction up
    /// to its comma: "But on Tuesday, he stood", "And Clinton slammed".
    func subject(afterConjunction conjunction: Int, before end: Int) -> Quote.Speaker? {
        var first = conjunction + 1
        if let comma = (first..<min(end, first + 8)).first(where: { analysis.tokens[$0].text == "," }) { first = comma + 1 }
        guard first < end else { return nil }
        if let named = speakers[first], named.tokens.upperBound < end { return speaker(named) }
        return Pronouns.subject.contains(analysis.tokens[first].text.lowercased()) ? pronounSpeaker(first) : nil
    }

    /// A bare plural that names people by what they do or hold: "environmentalists worry",
    /// "protesters were frustrated".
    func isAgentPlural(_ word: String) -> Bool {
        guard word.count > 6, word.unicodeScalars.allSatisfy({ $0.isAlpha && $0.isLower }) else { return false }
        return ["ists", "ers", "ors", "ans", "ents", "ics"].contains { word.hasSuffix($0) }
    }

    /// The name before an appositive or a party label that separates it from its cue:
    /// "Rep. Jim Jordan (R-Ohio), an oversight panel member, said", "Mr. King, 82, told",
    /// "Ms. Moore (D-Wis.) said". Tried back over up to four commas of the sentence.
    func appositiveSubject(before cue: Int) -> Quote.Speaker? {
        // "..., recently put it": past one adverb.
        if cue > 2,
            analysis.tokens[cue - 1].text.hasSuffix("ly") || SpeechCues.skippableBeforeCue.contains(analysis.tokens[cue - 1].text)
        {
            return appositiveSubject(before: cue - 1)
        }
        guard cue > 1, [",", ")"].contains(analysis.tokens[cue - 1].text) else { return nil }
        let sentenceStart = analysis.sentenceTokens(ofToken: cue).lowerBound
        var boundary = cue - 1
        var commas = 0
        while boundary > sentenceStart, boundary > cue - 40, commas < 4 {
            var end = boundary
            if analysis.tokens[end].text == ")" {
                while end > sentenceStart, analysis.tokens[end].text != "(" { end -= 1 }
            } else {
                commas += 1
            }
            // Skip a party label right before the comma: "Jordan (R-Ohio),".
            if end > sentenceStart, analysis.tokens[end - 1].text == ")" {
                end -= 1
                while end > sentenceStart, analysis.tokens[end].text != "(" { end -= 1 }
            }
            if end > sentenceStart {
                for length in 1...6 where end - length >= 0 {
                    if let mention = speakers[end - length], mention.tokens.upperBound == end,
                        opensSegment(mention.tokens.lowerBound)
                    {
                        return speaker(mention)
                    }
                }
                if let name = bareName(before: end), !Pronouns.subject.contains(name.name.lowercased()),
                    opensSegment(tokenIndex(startingAt: name.start))
                {
                    return name
                }
            }
            // Past the appositive to the comma before it; quotes and cues end the search.
            var previous = end - 1
            while previous > sentenceStart, analysis.tokens[previous].text != "," {
                let word = analysis.tokens[previous].text
                if QuoteMarks.closingMarks.contains(word) && !isPossessive(previous) || word == "“"
                    || SpeechCues.verbs.contains(word.lowercased())
                {
                    return nil
                }
                previous -= 1
            }
            guard previous > sentenceStart, analysis.tokens[previous].text == "," else { return nil }
            boundary = previous
        }
        return nil
    }

    /// An apostrophe that closes a plural possessive ("veterans' families"), not a quote.
    func isPossessive(_ token: Int) -> Bool {
        guard token > 0, token + 1 < analysis.tokens.count, ["'", "’"].contains(analysis.tokens[token].text) else { return false }
        let owner = analysis.tokens[token - 1]
        return owner.end == analysis.tokens[token].start && owner.text.hasSuffix("s")
            && analysis.tokens[token + 1].start > analysis.tokens[token].end
            && analysis.tokens[token + 1].text.unicodeScalars.first?.isAlpha == true
    }
}
