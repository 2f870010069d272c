/// Reported speech without quote marks: "X said (that) ...", "..., X said", "according to X",
/// reports on nouns and participles ("Trump's claim that ...", ", adding that ...").
extension QuoteExtractor {
    func indirectQuotes(
        _ analysis: DocumentAnalysis, speakers: [Int: SpeakerMention], quoted: [QuotedToken], fragments: [Fragment]
    ) -> [Quote] {
        var quotes: [Quote] = []
        for sentence in analysis.sentences {
            // The reported clause ends where a quotation of its own begins ("X stressed that
            // on February 25, “...”"); quoted fragments inside it ("that the statement was
            // “true.”") stay in the clause, which is then reported speech with quoted words.
            let firstQuotation = sentence.tokens.first { quoted[$0] == .direct }
            var segments: [(range: Range<Int>, firstDirect: Int?, resume: Int)] = [
                (sentence.tokens.lowerBound..<(firstQuotation ?? sentence.tokens.upperBound), firstQuotation, sentence.tokens.lowerBound)
            ]
            // After its last quotation a sentence may report again: "“...,” said Mr. Kamin, who
            // emphasized that ...". The quotation's own cue ("said Mr. Kamin") is no report.
            if firstQuotation != nil, let lastQuotation = sentence.tokens.last(where: { quoted[$0] == .direct }) {
                let after = (lastQuotation + 1)..<sentence.tokens.upperBound
                let ownCue = after.prefix(6).first { SpeechCues.verbs.contains(analysis.tokens[$0].text.lowercased()) }
                segments.append((after, nil, ownCue.map { $0 + 1 } ?? after.lowerBound))
            }
            for (range, firstDirect, start) in segments where range.count >= 4 {
                var end = range.upperBound
                while end > range.lowerBound, quoted[end - 1] == .none, [".", "!", "?", "\"", "”"].contains(analysis.tokens[end - 1].text) { end -= 1 }
                // A semicolon ends the report: "X said the timing was not intentional; they only
                // learned ..." reports the first clause, "...; the vote is final, X said" the last.
                var cueToken = range.lowerBound
                let emit = { (first: Int, last: Int, cue: String, speaker: Quote.Speaker) in
                    var first = first
                    var last = last
                    // "Friday, Trump said:" introduces a quotation; it reports nothing itself.
                    if last > first, analysis.tokens[last - 1].text == ":" { return }
                    let semicolons = (first..<max(first, last)).filter { analysis.tokens[$0].text == ";" && quoted[$0] == .none }
                    if cueToken < first, let semicolon = semicolons.first { last = semicolon }
                if cueToken < first, let aside = reportAside(after: first, before: last, quoted: quoted, analysis) { last = aside }
                    if cueToken >= last, let semicolon = semicolons.last { first = semicolon + 1 }
                    quotes += report(analysis, first, last, cue: cue, speaker: speaker, fragments: fragments)
                }
                // A report cut short by a second one ("X announced ... and said ...") resumes here.
                var resume = start
                for cue in range where quoted[cue] == .none && cue >= resume {
                    cueToken = cue
                    let word = analysis.tokens[cue].text.lowercased()
                    if word == "according", cue + 1 < end, analysis.tokens[cue + 1].text == "to",
                        let found = mention(startingAfter: cue + 1, speakers, analysis).map(speaker) ?? description(startingAfter: cue + 1, analysis)
                            ?? sourcePhrase(after: cue + 1, before: end, analysis)
                    {
                        // "According to X, content." or "content, according to X."
                        let afterSource = tokenIndex(endingAt: found.end, analysis) + 1
                        if cue == range.lowerBound {
                            emit(afterSource < end && analysis.tokens[afterSource].text == "," ? afterSource + 1 : afterSource, end, "according to", found)
                        } else {
                            emit(range.lowerBound, cue > range.lowerBound && analysis.tokens[cue - 1].text == "," ? cue - 1 : cue, "according to", found)
                        }
                        break
                    }
                    // "Trump called the senator a “nasty guy”": naming verbs report only quoted words.
                    // Past auxiliaries and adverbs too: "Johnson's doctor is calling the candidate “fit.”",
                    // "Reid has been steadily pounding Trump as a “con artist”".
                    if SpeechCues.namingVerbs.contains(word) || Self.portrayingVerbs.contains(word),
                        (cue + 1..<end).contains(where: { quoted[$0] == .partial }),
                        let found = subject(before: cue, speakers, analysis)
                            ?? subjectEnd(before: cue, progressive: word.hasSuffix("ing"), analysis).flatMap({ subjectAt in
                                subjectAt < cue ? subject(before: subjectAt, speakers, analysis) ?? phraseSubject(before: subjectAt, speakers, analysis) : nil
                            })
                    {
                        emit(cue + 1, end, analysis.tokens[cue].text, found)
                        break
                    }
                    let next = cue + 1 < end ? analysis.tokens[cue + 1].text : ""
                    let beforeThat = next == "that" || (next == "out" && cue + 2 < end && analysis.tokens[cue + 2].text == "that")
                    let afterBe = cue > range.lowerBound && Self.beForms.contains(analysis.tokens[cue - 1].text.lowercased())
                    let stateOfMind = SpeechCues.thatAdjectives.contains(word) && beforeThat
                    guard SpeechCues.indirectVerbs.contains(word) || (SpeechCues.thatVerbs.contains(word) && beforeThat) || stateOfMind
                        || (SpeechCues.progressives.contains(word) && afterBe)
                    else { continue }
                    // "content, said one GOP source in the room.": the phrase after the cue speaks,
                    // whatever stands before the comma.
                    if cue > range.lowerBound + 2, analysis.tokens[cue - 1].text == ",", SpeechCues.verbs.contains(word), !word.hasSuffix("ing"),
                        let inverted = mention(startingAfter: cue, speakers, analysis).map(speaker) ?? description(startingAfter: cue, analysis),
                        closesClause(after: tokenIndex(endingAt: inverted.end, analysis), end, analysis)
                    {
                        emit(range.lowerBound, cue - 1, analysis.tokens[cue].text, inverted)
                        break
                    }
                    // Past auxiliaries and adverbs ("has long said", "is warning", "were also
                    // frustrated"); not past a passive "was told", whose subject was spoken to.
                    let found = subject(before: cue, speakers, analysis) ?? phraseSubject(before: cue, speakers, analysis)
                        ?? subject(pastAuxiliariesBefore: cue, progressive: word.hasSuffix("ing") || stateOfMind, speakers, analysis)
                    if let found {
                        // "content, X said." (with any title before the name: ", Russian Deputy Foreign Minister X said")
                        var comma = tokenIndex(startingAt: found.start, analysis) - 1
                        while comma > range.lowerBound, analysis.tokens[comma].text != ",",
                            analysis.tokens[comma].text.unicodeScalars.first?.isUpper == true
                                || Self.determiners.contains(analysis.tokens[comma].text.lowercased())
                        {
                            comma -= 1
                        }
                        // A comma inside a closing mark: "... ''makes me smart,'' Trump said."
                        var contentEnd = comma
                        var mark = comma
                        while mark > range.lowerBound, quoted[mark] != .none, Self.closingMarks.contains(analysis.tokens[mark].text) { mark -= 1 }
                        if mark < comma, analysis.tokens[mark].text == "," { contentEnd = comma + 1 } else { mark = comma }
                        // Only when the cue closes the sentence ("..., X said on Saturday."): a
                        // clause after it ("X reassured that ...") is the report instead.
                        let closesSentence = firstDirect == nil && end - (cue + 1) <= 4 && analysis.text(found.start, found.end).lowercased() != "who"
                        if closesSentence, mark > range.lowerBound + 2, analysis.tokens[mark].text == "," {
                            emit(range.lowerBound, contentEnd, analysis.tokens[cue].text, found)
                            break
                        }
                        // "Acts of protest, Mr. Obama said, are acts of patriotism ...": the report
                        // runs on both sides; the longer side stands for it.
                        if firstDirect == nil, mark > range.lowerBound + 2, analysis.tokens[mark].text == ",",
                            let resume = (cue + 1..<min(end, cue + 5)).first(where: { analysis.tokens[$0].text == "," }),
                            mark - range.lowerBound > end - (resume + 1)
                        {
                            emit(range.lowerBound, contentEnd, analysis.tokens[cue].text, found)
                            break
                        }
                        // "X said (that) content": the clause after "that", past an audience
                        // ("told reporters") or a time ("announced on February 24 that").
                        var contentStart = cue + 1
                        // "stressed her support of the raid that killed ...": a relative "that" is no report's start.
                        if contentStart < end,
                            let that = (contentStart..<max(contentStart, min(end - 3, contentStart + 7))).first(where: { analysis.tokens[$0].text == "that" }),
                            !(contentStart..<that).contains(where: { ["and", "but"].contains(analysis.tokens[$0].text) }),
                            !isRelativeThat(that, analysis)
                        {
                            contentStart = that
                        } else if SpeechCues.quoteOnlyVerbs.contains(word) {
                            break  // "continued to stay away" reports nothing; "“...,” she continued" does
                        } else if !SpeechCues.verbs.contains(word) && !SpeechCues.findingVerbs.contains(word) {
                            // A belief verb reports only with its clause: "expected that ...", "agreed it
                            // was ..." (a pronoun and a finite verb), not "which Moscow expected from
                            // Washington" or "expected it to rain".
                            guard contentStart + 1 < end, Self.pronouns.contains(analysis.tokens[contentStart].text.lowercased()),
                                Self.finiteVerbs.contains(analysis.tokens[contentStart + 1].text.lowercased())
                            else { break }
                        } else {
                            if word.hasPrefix("tel") || word == "told" {
                                while contentStart < end, SpeechCues.audiences.contains(analysis.tokens[contentStart].text.lowercased()) { contentStart += 1 }
                            }
                            if contentStart < end, [":", ","].contains(analysis.tokens[contentStart].text) { contentStart += 1 }
                            // "said in a phone interview.", "responded to requests for comment": where or
                            // to whom, not what; a clause after the phrase still reports ("said on
                            // Tuesday the plan was dead").
                            // "said Friday as he entered the talks", "said when she resigned": when, not what.
                            while Self.placeCues.contains(word), contentStart < end, Self.timeWords.contains(analysis.tokens[contentStart].text.lowercased()) {
                                contentStart += 1
                            }
                            if Self.placeCues.contains(word), contentStart > cue + 1, contentStart < end, analysis.tokens[contentStart].text == "," {
                                contentStart += 1
                            }
                            if Self.placeCues.contains(word), contentStart < end, ["as", "while", "because", "since"].contains(analysis.tokens[contentStart].text.lowercased()) {
                                guard let comma = (contentStart..<end).first(where: { analysis.tokens[$0].text == "," }), comma + 3 < end else { break }
                                contentStart = comma + 1
                            }
                            if Self.placeCues.contains(word), contentStart < end, Self.placePrepositions.contains(analysis.tokens[contentStart].text.lowercased()),
                                !(contentStart..<end).contains(where: { Self.finiteVerbs.contains(analysis.tokens[$0].text.lowercased()) })
                            {
                                // "says at a campaign stop in Toledo, Ohio, that it means ...": the clause past the place.
                                guard let that = (contentStart..<end).first(where: { analysis.tokens[$0].text == "that" }) else { break }
                                contentStart = that
                            }
                            // "the show that aired", "showed up": a noun or a phrasal verb.
                            if SpeechCues.findingVerbs.contains(word), contentStart < end,
                                Self.determiners.contains(analysis.tokens[cue - 1].text.lowercased())
                                    || ["up", "off"].contains(analysis.tokens[contentStart].text.lowercased())
                            {
                                break
                            }
                        }
                        // Before a quotation, only a clause of its own counts ("that the Russian side
                        // resorted “...”"), not an introductory phrase ("that on February 25, “...”").
                        let introducesQuote = firstDirect != nil && end > contentStart && analysis.tokens[end - 1].text == ","
                        // A second report of the sentence ends this one: "..., and said ...", "but he said ...".
                        if let next = (min(end, contentStart + 2)..<end).first(where: { isSecondReport(at: $0, analysis) }) {
                            var cut = next
                            if Self.pronouns.contains(analysis.tokens[cut - 1].text.lowercased()) { cut -= 1 }
                            while cut > contentStart, [",", "and", "but"].contains(analysis.tokens[cut - 1].text.lowercased()) { cut -= 1 }
                            if !introducesQuote { emit(contentStart, cut, analysis.tokens[cue].text, found) }
                            resume = next
                            continue
                        }
                        if !introducesQuote {
                            emit(contentStart, end, analysis.tokens[cue].text, found)
                        } else if let aside = reportAside(after: contentStart, before: end, quoted: quoted, analysis) {
                            // "She said the plan leaves out fathers, and when pressed, replied, “...”":
                            // the report before the reporter's own clause stands.
                            emit(contentStart, aside, analysis.tokens[cue].text, found)
                        }
                        break
                    }
                    // "content, said X."
                    if cue > range.lowerBound + 2, analysis.tokens[cue - 1].text == ",", let found = mention(startingAfter: cue, speakers, analysis) {
                        emit(range.lowerBound, cue - 1, analysis.tokens[cue].text, speaker(found))
                        break
                    }
                }
            }
        }
        return quotes
    }

    /// Where the reporter's own words take over from a report after its cue: a comma before
    /// a new clause ("that Burma's reforms were not complete, and human rights groups ..."),
    /// a concessive clause (", although", ", while") or a participle of the
    /// reporter's (", contradicting police accounts"). ", and that ..." still reports.
    func reportAside(after first: Int, before last: Int, quoted: [QuotedToken], _ analysis: DocumentAnalysis) -> Int? {
        var comma = first + 2
        while comma + 1 < last {
            defer { comma += 1 }
            guard analysis.tokens[comma].text == ",", quoted[comma] == .none else { continue }
            let next = analysis.tokens[comma + 1].text.lowercased()
            if ["and", "but"].contains(next) {
                guard comma + 2 < last, analysis.tokens[comma + 2].text.lowercased() != "that" else { continue }
                let opener = analysis.tokens[comma + 2].text
                if Self.pronouns.contains(opener.lowercased()) || Self.determiners.contains(opener.lowercased())
                    || Self.subordinators.contains(opener.lowercased())
                    || opener.unicodeScalars.first?.isUpper == true
                {
                    return comma
                }
            } else if Self.asideOpeners.contains(next) || (next.hasSuffix("ing") && next.count > 5 && next != "including") {
                return comma
            }
        }
        return nil
    }

    /// Whether the token after `last` ends the clause: punctuation or the report's end.
    func closesClause(after last: Int, _ end: Int, _ analysis: DocumentAnalysis) -> Bool {
        last + 1 >= end || [".", ",", ";", "!", "?"].contains(analysis.tokens[last + 1].text)
    }

    /// Verbs that cast someone as something in quoted words: "admires Putin as a “strong
    /// leader”", "pounding Trump as a “con artist”".
    static let portrayingVerbs: Set<String> = [
        "admires", "admired", "pounding", "pounded", "portrayed", "portrays", "portraying", "painted", "paints", "cast", "casts",
        "depicted", "depicts", "framed", "frames", "hailing", "blasting", "slamming", "labeling", "branding",
    ]

    static let timeWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "evening", "night",
        "today", "yesterday", "tonight", "earlier", "later", "recently", "again",
    ]
    static let placePrepositions: Set<String> = ["at", "in", "during", "via", "from", "to", "outside", "inside"]
    /// Cues whose following place or audience ("said in a phone interview", "shouted to
    /// the crowd") is not what was said; others report what follows ("responded to
    /// requests", "pointed to the vote").
    static let placeCues: Set<String> = ["said", "says", "say", "wrote", "writes", "reported", "told", "tells", "added", "shouted", "explained"]

    /// A "that" that opens a relative clause ("rules that could lead to", "a show that
    /// aired"), told by the verb right after it.
    func isRelativeThat(_ that: Int, _ analysis: DocumentAnalysis) -> Bool {
        guard that + 1 < analysis.tokens.count else { return false }
        var next = analysis.tokens[that + 1].text
        if next.hasSuffix("ly"), that + 2 < analysis.tokens.count { next = analysis.tokens[that + 2].text }
        guard next.unicodeScalars.first?.isLower == true, next.hasSuffix("ed"), next.count > 4 else { return false }
        // A verb with its object after it ("that published the paper", "that killed 9/11
        // plotter ..."), not an adjective before a noun ("that advanced economies will").
        let verb = analysis.tokens[that + 1].text == next ? that + 1 : that + 2
        guard verb + 1 < analysis.tokens.count else { return true }
        let object = analysis.tokens[verb + 1].text
        return Self.determiners.contains(object.lowercased()) || Self.pronouns.contains(object.lowercased())
            || Self.prepositions.contains(object.lowercased()) || object.unicodeScalars.first.map { $0.isUpper || ("0"..."9").contains($0) } == true
    }

    /// ", which" stays: a relative clause on the reported subject is reported too ("that
    /// the immunity deals, which now cover five staffers, did not require ...").
    static let asideOpeners: Set<String> = ["although", "though", "whereas", "while"]
    static let subordinators: Set<String> = ["when", "while", "if", "after", "before", "as", "because", "since", "although", "though", "once"]

    /// A speech verb that opens a report of its own after a conjunction: "and said", "but
    /// he said", "but also contended that".
    func isSecondReport(at token: Int, _ analysis: DocumentAnalysis) -> Bool {
        let word = analysis.tokens[token].text.lowercased()
        let beforeThat = token + 1 < analysis.tokens.count && analysis.tokens[token + 1].text == "that"
        guard token >= 2, SpeechCues.verbs.contains(word) || SpeechCues.thatVerbs.contains(word) && beforeThat else { return false }
        var before = token - 1
        while before > 0, ["also", "then", "later"].contains(analysis.tokens[before].text.lowercased()) { before -= 1 }
        if Self.pronouns.contains(analysis.tokens[before].text.lowercased()), before > 0 { before -= 1 }
        return ["and", "but"].contains(analysis.tokens[before].text.lowercased())
    }

    /// Reports that hang on a noun or a participle rather than a verb with its subject:
    /// "Trump's claim that ...", "his argument that ..." (the owner speaks) and "“...,” the
    /// mayor said, adding that ..." or "..., arguing that ..." (the speaker of the sentence's
    /// cue before it, else its subject). The report runs to the sentence end or a quotation.
    func clauseReports(
        _ analysis: DocumentAnalysis, speakers: [Int: SpeakerMention], quoted: [QuotedToken], fragments: [Fragment]
    ) -> [Quote] {
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
                        found = mention(endingBefore: cue - 1, speakers, analysis).map(speaker) ?? bareName(before: cue - 1, analysis)
                    } else if ["his", "her", "their", "its"].contains(previous) {
                        found = pronounSpeaker(cue - 1, analysis)
                    }
                } else if SpeechCues.continuing.contains(word), [",", "by"].contains(previous) {
                    let cues = (tokens.lowerBound..<cue).filter { quoted[$0] == .none && SpeechCues.verbs.contains(analysis.tokens[$0].text.lowercased()) }
                    if let verb = cues.last {
                        found = subject(before: verb, speakers, analysis) ?? mention(startingAfter: verb, speakers, analysis).map(speaker)
                            ?? bareName(after: verb, analysis)
                    }
                    found = found ?? sentenceSubject(before: cue, speakers, analysis)
                    if analysis.tokens[first].text == ":" || analysis.tokens[first].text == "," { first += 1 }
                } else if SpeechCues.objectVerbs.contains(word) {
                    // "X called for Y", "X called on Y to Z", "X cited Y"; with quoted words after
                    // "called" the naming verbs of `indirectQuotes` report them.
                    if word.hasPrefix("call") {
                        guard ["for", "on"].contains(analysis.tokens[cue + 1].text) else { continue }
                        first = cue + 2
                    }
                    guard !(first..<tokens.upperBound).contains(where: { quoted[$0] == .partial }) else { continue }
                    found = subject(before: cue, speakers, analysis) ?? phraseSubject(before: cue, speakers, analysis)
                } else {
                    continue
                }
                guard let found, first < tokens.upperBound, quoted[first] != .direct else { continue }
                var end = first
                while end < tokens.upperBound, quoted[end] != .direct { end += 1 }
                while end > first, quoted[end - 1] == .none, [".", "!", "?", ",", ";", "\"", "”"].contains(analysis.tokens[end - 1].text) { end -= 1 }
                let cueText = first == cue + 2 ? analysis.text(analysis.tokens[cue].start, analysis.tokens[cue + 1].end) : analysis.tokens[cue].text
                quotes += report(analysis, first, end, cue: cueText, speaker: found, fragments: fragments)
            }
        }
        return quotes
    }

    /// Verbs that make the words before them a clause: "it was", "he would".
    static let finiteVerbs: Set<String> = [
        "was", "were", "is", "are", "would", "will", "could", "should", "can", "had", "has", "have", "did", "does", "may",
        "might", "must", "wo", "ca",
    ]

    static let closingMarks: Set<String> = ["'", "”", "\"", "’", "»"]

    /// The subject right before a cue: a resolved mention, a description, a bare name.
    func subject(before cue: Int, _ speakers: [Int: SpeakerMention], _ analysis: DocumentAnalysis) -> Quote.Speaker? {
        if cue > 0, analysis.tokens[cue - 1].text == ",", analysis.tokens[cue].text.hasSuffix("ing") {
            return sentenceSubject(before: cue - 1, speakers, analysis)
        }
        return mention(endingBefore: cue, speakers, analysis).map(speaker) ?? description(endingBefore: cue, analysis)
            ?? appositiveSubject(before: cue, speakers, analysis) ?? bareName(before: cue, analysis)
    }

    /// The source of "according to" that no mention or description covers, up to the next
    /// punctuation: "According to exit polls, ...", "according to a new report by Politico."
    func sourcePhrase(after to: Int, before end: Int, _ analysis: DocumentAnalysis) -> Quote.Speaker? {
        var last = to + 1
        while last < min(end, to + 12), analysis.tokens[last].text.unicodeScalars.first.map({ $0.isAlpha || ("0"..."9").contains($0) }) == true
            || ["-", "'s", "’s"].contains(analysis.tokens[last].text)
        {
            last += 1
        }
        guard last > to + 1, last == end || [",", ".", ";", "—", "--"].contains(analysis.tokens[last].text) else { return nil }
        return unnamed(analysis, to + 1, last)
    }

    /// Words that end a subject phrase walking back from its cue ("..., while 73 percent said").
    static let phraseBoundaries: Set<String> = [
        ",", ";", ":", "—", "―", "--", "(", ")", "while", "but", "because", "as", "when", "if", "so", "and", "whereas", "although",
    ]
    static let demonstratives: Set<String> = ["this", "these", "that", "those", "it", "there"]
    /// Words a subject phrase may hold between its words: "Experts on North Korea and nuclear nonproliferation".
    static let phraseLinks: Set<String> = ["of", "on", "for", "in", "at", "from", "with", "and", "around", "across", "'s", "’s", "-"]

    /// Words between a subject and its cue that belong to neither: "Rubio still maintains".
    static let adverbsBeforeCue: Set<String> = [
        "also", "later", "then", "has", "have", "had", "still", "now", "already", "never", "always", "just", "even", "often",
    ]

    /// A relative "who" as the speaker: the name or phrase it stands for, at the offsets
    /// of the "who" itself, which is where the report's subject is written (as with a
    /// resolved pronoun).
    func relative(_ who: Int, standsFor antecedent: Quote.Speaker, _ analysis: DocumentAnalysis) -> Quote.Speaker {
        Quote.Speaker(name: antecedent.name, entity: antecedent.entity, start: analysis.tokens[who].start, end: analysis.tokens[who].end)
    }

    /// The noun phrase that ends before `end` and opens with a determiner or quantifier,
    /// within six words: "some senior party members" in "some senior party members, who".
    func phraseBefore(_ end: Int, _ analysis: DocumentAnalysis) -> Range<Int>? {
        let sentenceStart = analysis.sentenceTokens(ofToken: end).lowerBound
        var first = end - 1
        while first >= max(sentenceStart, end - 6) {
            let word = analysis.tokens[first].text
            let lower = word.lowercased()
            guard word.unicodeScalars.allSatisfy({ $0.isAlpha || $0 == "-" }), !Self.clauseWords.contains(lower), !Self.pronouns.contains(lower)
            else { return nil }
            if (Self.determiners.contains(lower) || Self.quantifiers.contains(lower)) && !Self.demonstratives.contains(lower) {
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
    func phraseSubject(before cue: Int, _ speakers: [Int: SpeakerMention], _ analysis: DocumentAnalysis) -> Quote.Speaker? {
        let cue = timePhraseStart(before: cue, analysis) ?? cue
        let sentenceStart = analysis.sentenceTokens(ofToken: cue).lowerBound
        var head = cue - 1
        while head > sentenceStart, analysis.tokens[head].text.hasSuffix("ly") || Self.adverbsBeforeCue.contains(analysis.tokens[head].text) {
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
                return relative(head, standsFor: speaker(named), analysis)
            }
            // "some senior party members, who said ...", "a diver who said": the phrase speaks.
            let end = analysis.tokens[head - 1].text == "," ? head - 1 : head
            if head > sentenceStart + 1, let phrase = phraseBefore(end, analysis) {
                return relative(head, standsFor: unnamed(analysis, phrase.lowerBound, phrase.upperBound), analysis)
            }
            return unnamed(analysis, head, head + 1)
        }
        if ["and", "but"].contains(headWord) {
            guard head > sentenceStart else { return nil }
            if let subject = sentenceSubject(before: head, speakers, analysis) { return subject }
            // A name the entity stage missed: "Mr. Schultz generally supported ... and said".
            var end = sentenceStart
            while end < head, analysis.tokens[end].text.unicodeScalars.first?.isUpper == true { end += 1 }
            let opening = analysis.tokens[sentenceStart].text.lowercased()
            guard !Self.quantifiers.contains(opening), !Self.determiners.contains(opening), !Self.introWords.contains(opening) else { return nil }
            return end > sentenceStart && end < head ? unnamed(analysis, sentenceStart, end) : nil
        }
        guard analysis.tokens[head].text.unicodeScalars.allSatisfy({ $0.isAlpha || $0 == "." || $0 == "-" }),
            !Self.clauseWords.contains(headWord), !Self.phraseBoundaries.contains(headWord), !Self.pronouns.contains(headWord)
        else { return nil }
        var first = head
        while first > sentenceStart, head - first < 8 {
            let word = analysis.tokens[first - 1].text
            let lower = word.lowercased()
            if Self.phraseBoundaries.contains(lower) && !(lower == "and" && head - first < 7 && first - 1 > sentenceStart
                && !Self.phraseBoundaries.contains(analysis.tokens[first - 2].text.lowercased())
                && analysis.tokens[first - 2].text.unicodeScalars.first?.isUpper == true)
            {
                break
            }
            guard word.unicodeScalars.allSatisfy({ $0.isAlpha || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’" }),
                !Self.clauseWords.contains(lower) || Self.phraseLinks.contains(lower)
            else { return nil }
            first -= 1
        }
        guard first == sentenceStart || Self.phraseBoundaries.contains(analysis.tokens[first - 1].text.lowercased()) else { return nil }
        // "These statements suggest" names a text, not a speaker.
        let opening = analysis.tokens[first].text
        guard opening.unicodeScalars.first.map({ $0.isUpper || ("0"..."9").contains($0) }) == true
            || Self.determiners.contains(opening.lowercased()) || Self.quantifiers.contains(opening.lowercased())
            || (first...head).contains(where: { Self.groupNouns.contains(analysis.tokens[$0].text) || Self.speakerNouns.contains(analysis.tokens[$0].text) })
            || (first == head && isAgentPlural(analysis.tokens[head].text)),
            !Self.demonstratives.contains(opening.lowercased())
        else { return nil }
        return unnamed(analysis, first, head + 1)
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
    func appositiveSubject(before cue: Int, _ speakers: [Int: SpeakerMention], _ analysis: DocumentAnalysis) -> Quote.Speaker? {
        // "..., recently put it": past one adverb.
        if cue > 2, analysis.tokens[cue - 1].text.hasSuffix("ly") || Self.skippableBeforeCue.contains(analysis.tokens[cue - 1].text) {
            return appositiveSubject(before: cue - 1, speakers, analysis)
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
                    if let mention = speakers[end - length], mention.tokens.upperBound == end, opensSegment(mention.tokens.lowerBound, analysis) {
                        return speaker(mention)
                    }
                }
                if let name = bareName(before: end, analysis), !Self.pronouns.contains(name.name.lowercased()),
                    opensSegment(tokenIndex(startingAt: name.start, analysis), analysis)
                {
                    return name
                }
            }
            // Past the appositive to the comma before it; quotes and cues end the search.
            var previous = end - 1
            while previous > sentenceStart, analysis.tokens[previous].text != "," {
                let word = analysis.tokens[previous].text
                if Self.closingMarks.contains(word) && !isPossessive(previous, analysis) || word == "“" || SpeechCues.verbs.contains(word.lowercased()) {
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
    func isPossessive(_ token: Int, _ analysis: DocumentAnalysis) -> Bool {
        guard token > 0, token + 1 < analysis.tokens.count, ["'", "’"].contains(analysis.tokens[token].text) else { return false }
        let owner = analysis.tokens[token - 1]
        return owner.end == analysis.tokens[token].start && owner.text.hasSuffix("s")
            && analysis.tokens[token + 1].start > analysis.tokens[token].end
            && analysis.tokens[token + 1].text.unicodeScalars.first?.isAlpha == true
    }

    /// A report over tokens `first..<last`, none when that is too short to be one. With
    /// quoted words inside, those words are partial quotes that carry the reported clause,
    /// and the clause's longest unquoted run is the indirect report.
    func report(
        _ analysis: DocumentAnalysis, _ first: Int, _ last: Int, cue: String, speaker: Quote.Speaker, fragments: [Fragment],
        minimumLength: Int = 3, act: Quote.Act = .speech
    ) -> [Quote] {
        guard first >= 0, last <= analysis.tokens.count, last - first >= minimumLength else { return [] }
        let start = analysis.tokens[first].start
        let end = analysis.tokens[last - 1].end
        let inside = fragments.filter { (first..<last).contains($0.marks.lowerBound) }
        guard !inside.isEmpty else {
            return [Quote(text: analysis.text(start, end), start: start, end: end, kind: .indirect, cue: cue, speaker: speaker, act: act)]
        }
        let clause = Mention(start: start, end: end, text: analysis.text(start, end))
        var quotes = inside.map {
            Quote(text: $0.text, start: $0.start, end: $0.end, kind: .partial, cue: cue, speaker: speaker, clause: clause, act: act)
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
            while !run.isEmpty, analysis.tokens[run.upperBound - 1].text.unicodeScalars.first?.isAlpha != true { run = run.lowerBound..<(run.upperBound - 1) }
            while !run.isEmpty, analysis.tokens[run.lowerBound].text.unicodeScalars.first?.isAlpha != true { run = (run.lowerBound + 1)..<run.upperBound }
            if run.count >= 3 {
                let runStart = analysis.tokens[run.lowerBound].start
                let runEnd = analysis.tokens[run.upperBound - 1].end
                quotes.append(Quote(text: analysis.text(runStart, runEnd), start: runStart, end: runEnd, kind: .indirect, cue: cue, speaker: speaker, act: act))
            }
        }
        return quotes
    }
}
