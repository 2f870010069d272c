/// Who speaks: mentions the entity stage resolved, descriptions ("the senior diplomat"),
/// bare names and pronouns next to a cue.
extension QuoteContext {
    static func speakerMentions(_ analysis: DocumentAnalysis, _ entities: [Entity]) -> [Int: SpeakerMention] {
        var tokenAt: [Int: Int] = [:]
        for (index, token) in analysis.tokens.enumerated() { tokenAt[token.start] = index }
        var byFirstToken: [Int: SpeakerMention] = [:]
        for entity in entities where ["PERSON", "ORG", "GPE", "NORP"].contains(entity.type) {
            for mention in entity.mentions {
                // "described his views", "thanked him": a possessive or an object names
                // someone, but never as the one who speaks.
                guard let first = tokenAt[mention.start], !Pronouns.nonSubject.contains(mention.text.lowercased()) else {
                    continue
                }
                var last = first
                while last + 1 < analysis.tokens.count, analysis.tokens[last + 1].end <= mention.end { last += 1 }
                let candidate = SpeakerMention(tokens: first..<(last + 1), start: mention.start, end: mention.end, entity: entity)
                if let existing = byFirstToken[first], existing.tokens.count >= candidate.tokens.count { continue }
                byFirstToken[first] = candidate
            }
        }
        return byFirstToken
    }

    func mention(endingBefore token: Int) -> SpeakerMention? {
        if let start = timePhraseStart(before: token), let found = mention(endingBefore: start) { return found }
        // A party label or an aside between the name and the cue: "Sen. Marco Rubio (R-Fla.) said".
        if token > 2, analysis.tokens[token - 1].text == ")",
            let open = (max(0, token - 8)..<(token - 1)).last(where: { analysis.tokens[$0].text == "(" }), open > 0,
            let found = speakers.isEmpty ? nil : mention(endingBefore: open)
        {
            return found
        }
        for gap in 0...1 where token - gap > 0 {
            let skipped = analysis.tokens[token - 1].text
            // "Ryabkov also said", "the US side requested", "The mayor, Piet Vos, warned".
            if gap == 1,
                !skipped.hasSuffix("ly") && !SpeechCues.skippableBeforeCue.contains(skipped.lowercased()) && skipped != ","
            {
                break
            }
            let end = token - gap
            for length in 1...6 where end - length >= 0 {
                if let mention = speakers[end - length], mention.tokens.upperBound == end {
                    // ", a permanent member of the Security Council, said": a name inside an
                    // appositive is not the one it describes.
                    if skipped == ",", gap == 1, !opensSegment(mention.tokens.lowerBound) { return nil }
                    // "Sanders wins R.I., vows to press on": the name is the object of the
                    // verb before it, and the second verb shares that verb's subject.
                    if skipped == ",", gap == 1, let subject = subject(ofVerbBefore: mention) { return subject }
                    return mention
                }
            }
        }
        return nil
    }

    /// The name before a verb that takes `object`: "Sanders" in "Sanders wins R.I.," (a
    /// verb in the present or past, lowercase, no preposition or determiner).
    func subject(ofVerbBefore object: SpeakerMention) -> SpeakerMention? {
        let verb = object.tokens.lowerBound - 1
        guard verb > 0 else { return nil }
        let word = analysis.tokens[verb].text
        guard word.count > 2, word.unicodeScalars.allSatisfy({ $0.isAlpha && $0.isLower }),
            word.hasSuffix("s") || word.hasSuffix("ed"),
            !FunctionWords.prepositions.contains(word), !FunctionWords.determiners.contains(word),
            !FunctionWords.clauseWords.contains(word), !FunctionWords.phraseLinks.contains(word),
            let subject = mention(rightBefore: verb), opensSegment(subject.tokens.lowerBound)
        else { return nil }
        return subject
    }

    /// Whether a mention opens the sentence or the part between two commas it stands in:
    /// "Council chair Maria Olsen, a former adviser to the European Commission, said" has
    /// its subject first, and a name inside the appositive is not the one it describes.
    func opensSegment(_ token: Int) -> Bool {
        let sentenceStart = analysis.sentenceTokens(ofToken: token).lowerBound
        var previous = token - 1
        var described = false
        while previous >= sentenceStart {
            let word = analysis.tokens[previous].text
            if word == "," { return !described }
            if QuoteMarks.closingMarks.contains(word) || word == "“" { return true }
            if word.unicodeScalars.first?.isLower == true, !["the", "a", "an"].contains(word) { described = true }
            previous -= 1
        }
        return true
    }

    /// The mention that starts right after `token` ("said Ryabkov", "said the diplomat").
    func mention(startingAfter token: Int) -> SpeakerMention? {
        var next = token + 1
        // Titles and descriptions before the name: "said Deputy Foreign Minister Sergey Ryabkov";
        // a number or a lowercase role only before a person's name that closes the clause
        // ("said 9/11 widow Terry Strada.").
        var loose = false
        while next < analysis.tokens.count, next <= token + 8 {
            if let mention = speakers[next] {
                guard loose else {
                    let head = headOfPhrase(startingWith: mention)
                    // "said Trump is “unelectable”": the name is the reported clause's
                    // subject, not an inverted speaker.
                    let after = head.tokens.upperBound
                    if after < analysis.tokens.count, FunctionWords.finiteVerbs.contains(analysis.tokens[after].text) {
                        return nil
                    }
                    return head
                }
                let after = mention.tokens.upperBound
                // A party label may follow the name: "said former Rep. George Miller (D-Calif.)".
                let closes =
                    after >= analysis.tokens.count || [".", ",", ";", "!", "?", "("].contains(analysis.tokens[after].text)
                if mention.entity.type == "PERSON" && closes { return mention }
                // A name inside the role ("said former Obama adviser David Axelrod"): read on.
                next = after
                continue
            }
            let text = analysis.tokens[next].text
            if text.unicodeScalars.first?.isUpper == true
                || ["the", "a", "an", "one", "another", "'s", "’s"].contains(text.lowercased())
            {
                next += 1
                continue
            }
            let lower = text.lowercased()
            // "said another leading Supreme Court advocate, Andrew J. Pincus of the law firm":
            // the name in apposition to the description.
            if text == ",", loose || next > token + 1, next + 1 < analysis.tokens.count, let named = speakers[next + 1],
                named.entity.type == "PERSON"
            {
                return named
            }
            let role =
                (text.unicodeScalars.first.map { ("0"..."9").contains($0) } ?? false)
                || (text.unicodeScalars.allSatisfy { $0.isAlpha || $0 == "-" } && !FunctionWords.clauseWords.contains(lower)
                    && !SpeechCues.indirectVerbs.contains(lower) && !Pronouns.subject.contains(lower)
                    && !FunctionWords.determiners.contains(lower))
            guard role else { break }
            loose = true
            next += 1
        }
        return nil
    }

    /// The name a phrase after a cue ends with, past what the tagger took for a first name:
    /// "said Marquette pollster Charles Franklin.", "said a Nevada Democrat.".
    func headOfPhrase(startingWith mention: SpeakerMention) -> SpeakerMention {
        var next = mention.tokens.upperBound
        while next < min(analysis.tokens.count, mention.tokens.upperBound + 5), analysis.tokens[next].newlinesBefore == 0 {
            if let later = speakers[next] {
                let after = later.tokens.upperBound
                let closes = after >= analysis.tokens.count || [".", ",", ";", "!", "?"].contains(analysis.tokens[after].text)
                return closes ? later : personModified(by: mention) ?? mention
            }
            let text = analysis.tokens[next].text
            let lower = text.lowercased()
            guard text.unicodeScalars.allSatisfy({ $0.isAlpha || $0 == "-" || $0 == "." }),
                !FunctionWords.clauseWords.contains(lower), !Pronouns.subject.contains(lower),
                !SpeechCues.indirectVerbs.contains(lower)
            else { break }
            next += 1
        }
        return mention
    }

    /// A speaker nobody named ("the city council", "a spokesman", "officials"): kept as
    /// written, with no entity, so the quote is still attributed.
    func description(endingBefore token: Int) -> Quote.Speaker? {
        guard token > 0 else { return nil }
        if let start = timePhraseStart(before: token), let found = description(endingBefore: start) { return found }
        let last = token - 1
        if SpeakerNouns.groups.contains(analysis.tokens[last].text.lowercased()) {
            // "government officials said", "some cybersecurity experts said": the group's
            // modifiers and quantifier belong to it.
            var first = last
            while first > max(0, last - 3) {
                let lower = analysis.tokens[first - 1].text.lowercased()
                guard analysis.tokens[first - 1].text.unicodeScalars.allSatisfy({ $0.isAlpha && $0.isLower || $0 == "-" }),
                    !FunctionWords.clauseWords.contains(lower), !Pronouns.subject.contains(lower),
                    !SpeechCues.indirectVerbs.contains(lower),
                    !FunctionWords.demonstratives.contains(lower)
                else { break }
                first -= 1
                if FunctionWords.determiners.contains(lower) || FunctionWords.quantifiers.contains(lower) { break }
            }
            return unnamed(first, token)
        }
        guard SpeakerNouns.heads.contains(analysis.tokens[last].text.lowercased()) || isAgentNoun(analysis.tokens[last].text)
        else { return nil }
        var first = last
        var owner: Int?
        while first > max(0, token - 8) {
            let word = analysis.tokens[first - 1].text
            if FunctionWords.determiners.contains(word.lowercased()) { return unnamed(first - 1, token) }
            // "the board's annual report", "Obama's former campaign strategist", "the
            // bespectacled, 71-year-old diplomat".
            if ["'s", "’s"].contains(word) {
                owner = first - 1
            } else if word == "," {
                guard first - 1 > 0, analysis.tokens[first - 2].text.unicodeScalars.first?.isLower == true else { break }
            } else if word.unicodeScalars.first.map({ $0.isAlpha || ("0"..."9").contains($0) && word.contains("-") }) != true {
                break
            }
            first -= 1
        }
        // No article: a named owner opens it ("Ivana Trump's brief said").
        guard let owner, owner > first, analysis.tokens[first].text.unicodeScalars.first?.isUpper == true else { return nil }
        return unnamed(first, token)
    }

    /// A lowercase noun that names someone by what they do ("one questioner claimed",
    /// "the organizer said"): a head of a description only after a determiner.
    func isAgentNoun(_ word: String) -> Bool {
        guard word.count > 5, word.unicodeScalars.allSatisfy({ $0.isAlpha && $0.isLower }) else { return false }
        return ["er", "or", "ist"].contains { word.hasSuffix($0) }
            && !["other", "number", "matter", "order", "border", "corner"].contains(word)
    }

    func description(startingAfter token: Int) -> Quote.Speaker? {
        let first = token + 1
        guard first < analysis.tokens.count else { return nil }
        if SpeakerNouns.groups.contains(analysis.tokens[first].text.lowercased()) { return unnamed(first, first + 1) }
        guard FunctionWords.determiners.contains(analysis.tokens[first].text.lowercased()) else { return nil }
        var end = first + 1
        while end < min(analysis.tokens.count, first + 7), analysis.tokens[end].text.unicodeScalars.first?.isAlpha == true,
            !SpeechCues.verbs.contains(analysis.tokens[end].text.lowercased()),
            !FunctionWords.clauseWords.contains(analysis.tokens[end].text.lowercased())
        {
            end += 1
        }
        // Only an inverted attribution closing its clause: "..., said the spokesman.", "...,
        // said one Democratic source on the panel."
        let closingAt = { (index: Int) in
            index >= analysis.tokens.count || [".", ",", ";", "!", "?", "”", "\""].contains(analysis.tokens[index].text)
        }
        var closes = closingAt(end)
        if !closes, end < analysis.tokens.count,
            ["on", "in", "at", "of", "for", "with", "to"].contains(analysis.tokens[end].text)
        {
            closes =
                (end + 1..<min(analysis.tokens.count, end + 6)).contains { closingAt($0) }
                && (end + 1..<min(analysis.tokens.count, end + 6)).prefix { !closingAt($0) }.allSatisfy {
                    analysis.tokens[$0].text.unicodeScalars.first?.isAlpha == true
                        && !FunctionWords.clauseWords.contains(analysis.tokens[$0].text)
                }
        }
        let head = analysis.tokens[end - 1].text.lowercased()
        return end > first + 1 && closes && (SpeakerNouns.heads.contains(head) || isAgentNoun(head)) ? unnamed(first, end) : nil
    }

    /// A pronoun the entity stage left alone: "it"/"they" for an organization or
    /// country ("the ministry ... it said"), "he"/"she" for a person, taken from the
    /// mentions of such an entity in the paragraph before or the two sentences before, the most salient first
    /// (see `Salience`: a report's subject, not a name quoted or after a preposition),
    /// less two for each sentence back; else the pronoun as written.
    func pronounSpeaker(_ token: Int) -> Quote.Speaker {
        let word = analysis.tokens[token].text.lowercased()
        let wanted: Set<String> =
            ["it", "they"].contains(word) ? ["ORG", "GPE"] : ["he", "she"].contains(word) ? ["PERSON"] : []
        let sentence = analysis.sentenceIndex(ofToken: token)
        // The two sentences before, or the paragraph before if it starts earlier: a long
        // quote can fill the sentences between the name and the pronoun.
        let previousParagraph = analysis.paragraphOfSentence[sentence] - 1
        let paragraphStart = analysis.paragraphOfSentence.firstIndex { $0 >= previousParagraph } ?? sentence
        let earliest = analysis.sentences[min(max(0, sentence - 2), paragraphStart)].tokens.lowerBound
        var best: (mention: SpeakerMention, score: Int)?
        var candidate = token - 1
        while candidate >= earliest, !wanted.isEmpty {
            defer { candidate -= 1 }
            guard let mention = pronounAntecedents[candidate], wanted.contains(mention.entity.type) else { continue }
            if !salience.quoted[token] && salience.quoted[mention.tokens.lowerBound] { continue }
            let score = salience.score(mention.tokens) - 2 * (sentence - analysis.sentenceIndex(ofToken: candidate))
            if best.map({ score > $0.score }) ?? true { best = (mention, score) }
        }
        if let mention = best?.mention {
            return Quote.Speaker(
                name: mention.entity.name, entity: mention.entity.id, start: analysis.tokens[token].start,
                end: analysis.tokens[token].end)
        }
        return unnamed(token, token + 1)
    }

    /// A pronoun or a capitalised name the entity stage did not resolve, right before
    /// the cue ("she said", "Caddell said") or right after it ("said Caddell").
    func bareName(before token: Int) -> Quote.Speaker? {
        guard token > 0 else { return nil }
        if Pronouns.subject.contains(analysis.tokens[token - 1].text.lowercased()) { return pronounSpeaker(token - 1) }
        // Within the sentence: a title-case headline above is not part of the name.
        let sentenceStart = analysis.sentenceTokens(ofToken: token - 1).lowerBound
        var first = token
        while first > max(sentenceStart, token - 4), isCapitalizedWord(analysis.tokens[first - 1].text) { first -= 1 }
        guard first < token, first == sentenceStart || !isCapitalizedWord(analysis.tokens[first - 1].text) else { return nil }
        // A capitalised word at the very start of a sentence is no evidence of a name
        // ("Asked about it, ..."), unless a cue follows it right away ("DuVernay said").
        if token - first == 1, analysis.sentenceTokens(ofToken: first).lowerBound == first,
            !SpeechCues.verbs.contains(analysis.tokens[token].text.lowercased())
                || FunctionWords.quantifiers.contains(analysis.tokens[first].text.lowercased())
        {
            return nil
        }
        return unnamed(first, token)
    }

    func bareName(after token: Int) -> Quote.Speaker? {
        let first = token + 1
        guard first < analysis.tokens.count else { return nil }
        if Pronouns.subject.contains(analysis.tokens[first].text.lowercased()) {
            // "said he." speaks; "said she felt ..." is the subject of the reported clause.
            let next = first + 1 < analysis.tokens.count ? analysis.tokens[first + 1].text : "."
            return next.unicodeScalars.first?.isAlpha == true ? nil : pronounSpeaker(first)
        }
        var end = first
        while end < min(analysis.tokens.count, first + 4), isCapitalizedWord(analysis.tokens[end].text) { end += 1 }
        return end > first ? unnamed(first, end) : nil
    }

    func isCapitalizedWord(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.isUpper else { return false }
        return !OpenerWords.notNames.contains(word)
    }

    func unnamed(_ first: Int, _ end: Int) -> Quote.Speaker {
        let start = analysis.tokens[first].start
        let stop = analysis.tokens[end - 1].end
        return Quote.Speaker(name: analysis.text(start, stop), entity: nil, start: start, end: stop)
    }

    func speaker(_ mention: SpeakerMention) -> Quote.Speaker {
        Quote.Speaker(name: mention.entity.name, entity: mention.entity.id, start: mention.start, end: mention.end)
    }
}
