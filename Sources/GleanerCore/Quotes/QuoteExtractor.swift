/// Finds reported speech and resolves each speaker to an entity:
///
/// - direct and partial quotes from quotation marks, with the speaker named next to a
///   reporting verb in the same sentence ("said Ryabkov", "he noted", "the diplomat
///   said", "X said: ...", "according to X"); a quote with no cue in its sentence
///   continues the previous speaker when it follows that speaker's quote;
/// - indirect speech without marks: "X said (that) ...", "..., X said", "according to
///   X, ...", "X told reporters ...".
///
/// Speakers are mentions the entity stage already resolved (names, pronouns,
/// descriptions), so a speaker is always a canonical entity when one is known.
struct QuoteExtractor {
    struct SpeakerMention {
        var tokens: Range<Int>
        var start: Int
        var end: Int
        var entity: Entity
    }

    /// Whether a token (marks included) lies in a quote that opens its sentence or in a
    /// fragment of the reporter's sentence.
    enum QuotedToken {
        case none, direct, partial
    }

    /// Quoted words inside the reporter's sentence: the token of their opening mark and
    /// the words themselves, without marks.
    struct Fragment {
        /// The tokens from the opening mark through the closing one.
        var marks: Range<Int>
        var start: Int
        var end: Int
        var text: String
    }

    struct Attribution {
        var speaker: Quote.Speaker?
        var cue: String?
    }

    /// Words from which quoted words are a clause of their own rather than a fragment.
    static let clauseLength = 5

    /// Name mentions by their last token, for pronoun antecedents.
    var pronounAntecedents: [Int: SpeakerMention] = [:]
    /// Entity types by id.
    var entityTypes: [String: String] = [:]
    /// How strongly each mention stands out as an antecedent, for pronoun speakers.
    var salience: Salience?

    /// `salience`: the document's, when the caller has read it already.
    mutating func extract(_ analysis: DocumentAnalysis, entities: [Entity], salience: Salience? = nil) -> [Quote] {
        guard !analysis.tokens.isEmpty else { return [] }
        let speakers = speakerMentions(analysis, entities)
        self.salience = salience ?? Salience(analysis)
        for entity in entities { entityTypes[entity.id] = entity.type }
        for mention in speakers.values where mention.tokens.count > 1 || analysis.tokens[mention.tokens.lowerBound].text.unicodeScalars.first?.isUpper == true {
            pronounAntecedents[mention.tokens.upperBound - 1] = mention
        }
        var quotes: [Quote] = []
        var quotedTokens = [QuotedToken](repeating: .none, count: analysis.tokens.count)
        var previous: (paragraph: Int, speaker: Quote.Speaker?)?
        var fragments: [Fragment] = []

        for span in QuoteMarks.spans(in: analysis.scalars) {
            var contentStart = span.contentStart
            let contentEnd = span.close
            var inside = tokenRange(analysis, from: contentStart, to: contentEnd)
            guard !inside.isEmpty else { continue }
            let markToken = tokenRange(analysis, from: span.open, to: span.open).lowerBound
            let before = markToken - 1
            // A quote opens a sentence after a sentence end, a colon or a comma ("X said, “...”"),
            // or at a paragraph start; anywhere else it is a fragment of the reporter's sentence.
            let wordCount = inside.filter { analysis.tokens[$0].text.unicodeScalars.first?.isAlpha == true }.count
            // A show, a book or a song by name (“Face the Nation,” “Morning Joe”) is no
            // one's words; in the title-case headline every phrase looks like one.
            if analysis.sentenceIndex(ofToken: inside.lowerBound) > 0, isTitle(inside, analysis) { continue }
            let startsSentence = before < 0 || analysis.tokens[markToken].newlinesBefore > 0
                || [".", "?", "!", ":", ",", ";", "—", "―", "--"].contains(analysis.tokens[before].text)
                || analysis.sentenceIndex(ofToken: before) != analysis.sentenceIndex(ofToken: inside.lowerBound)
            // A short fragment ("was “true.”") is reported within its clause; a quoted clause
            // of its own ("to protect people “who have been ...”") is a quote by itself.
            let fragment = !startsSentence && wordCount < Self.clauseLength
            for index in tokenRange(analysis, from: span.open, to: span.end) { quotedTokens[index] = fragment ? .partial : .direct }
            // A quoted transcript turn, "PENCE: Well, ...": the label is the speaker.
            var labelled: Quote.Speaker?
            if let (colon, speaker) = transcriptLabel(at: inside.lowerBound, analysis, entities: entities), colon + 1 < inside.upperBound {
                labelled = speaker
                inside = (colon + 1)..<inside.upperBound
                contentStart = analysis.tokens[colon + 1].start
            }
            let sentenceIndex = analysis.sentenceIndex(ofToken: inside.lowerBound)
            let paragraph = analysis.paragraphOfSentence[sentenceIndex]
            if fragment {
                let words = trimmed(analysis, contentStart, contentEnd)
                if !words.text.isEmpty { fragments.append(
                    Fragment(marks: tokenRange(analysis, from: span.open, to: span.end), start: words.start, end: words.end, text: words.text)) }
            }
            let context = contextTokens(analysis, around: inside)
            var attribution = labelled.map { Attribution(speaker: $0, cue: nil) }
                ?? attribute(analysis, context: context, quote: inside, speakers: speakers, fragment: !startsSentence)
            // Scare quotes and titles: short, and nobody is said to have said them.
            if wordCount < 4 && attribution.speaker == nil { continue }
            if wordCount < 2 { continue }
            if attribution.speaker == nil, let last = previous, last.paragraph >= paragraph - 1, startsSentence {
                attribution.speaker = last.speaker
            }
            if let found = attribution.speaker { attribution.speaker = anchored(found, analysis, context: context, quote: inside, speakers) }
            let text = trimmed(analysis, contentStart, contentEnd)
            guard !text.text.isEmpty else { continue }
            quotes.append(
                Quote(
                    text: text.text, start: text.start, end: text.end, kind: startsSentence ? .direct : .partial,
                    cue: attribution.cue, speaker: attribution.speaker))
            if attribution.speaker != nil { previous = (paragraph, attribution.speaker) }
        }
        quotes += transcriptTurns(analysis, entities: entities, quoted: quotedTokens)
        quotes += headlineReport(analysis, speakers: speakers, quoted: quotedTokens, fragments: fragments)
        quotes += indirectQuotes(analysis, speakers: speakers, quoted: quotedTokens, fragments: fragments)
        quotes += clauseReports(analysis, speakers: speakers, quoted: quotedTokens, fragments: fragments)
        quotes += attitudeReports(analysis, speakers: speakers, quoted: quotedTokens, fragments: fragments)
        return merged(quotes.map { classified(linkedDescription(issuer(named($0, analysis, speakers, quoted: quotedTokens), analysis, speakers), analysis, speakers)) })
    }

    /// A report on a belief verb or a state of mind ("expects that", "agreed it was", "were
    /// frustrated that") reports a belief, not words.
    private func classified(_ quote: Quote) -> Quote {
        guard quote.act == .speech, let cue = quote.cue?.lowercased(),
            SpeechCues.beliefVerbs.contains(cue) && !SpeechCues.verbs.contains(cue) || SpeechCues.thatAdjectives.contains(cue)
        else { return quote }
        var quote = quote
        quote.act = .belief
        return quote
    }

    /// Words in title case, two to six of them: “Fox News Sunday,” “A Change Is Gonna
    /// Come,” “Make Your Kid a Millionaire.” Short function words may stay lowercase.
    func isTitle(_ words: Range<Int>, _ analysis: DocumentAnalysis) -> Bool {
        let letters = words.map { analysis.tokens[$0].text }.filter { $0.unicodeScalars.first?.isAlpha == true }
        guard (2...6).contains(letters.count) else { return false }
        let capitalized = letters.filter { $0.unicodeScalars.first?.isUpper == true }
        return capitalized.count >= 2 && letters.allSatisfy { $0.unicodeScalars.first?.isUpper == true || Self.titleSmallWords.contains($0) }
    }

    static let titleSmallWords: Set<String> = ["a", "an", "the", "of", "and", "in", "on", "to", "for", "at", "by", "or", "with", "is"]

    /// A pronoun speaker whose name is the subject of a cue earlier in the same sentence
    /// points at the name: in "Lynch said she recalled thinking, “...”" Lynch speaks.
    func named(_ quote: Quote, _ analysis: DocumentAnalysis, _ speakers: [Int: SpeakerMention], quoted: [QuotedToken]) -> Quote {
        guard let speaker = quote.speaker, let entity = speaker.entity, Self.pronouns.contains(speaker.name.lowercased())
            || Self.pronouns.contains(analysis.text(speaker.start, speaker.end).lowercased())
        else { return quote }
        let token = tokenIndex(startingAt: speaker.start, analysis)
        guard token < analysis.tokens.count else { return quote }
        // "..., but she said that “...”": a pronoun opening a clause of its own speaks for
        // itself, even when the name before it spoke in the same sentence.
        let opensClause = token > 0 && ["but", "and", ";"].contains(analysis.tokens[token - 1].text.lowercased())
        for index in analysis.sentenceTokens(ofToken: token).lowerBound..<token where !opensClause || speaker.start > quote.start {
            guard let mention = speakers[index], mention.entity.id == entity, mention.tokens.upperBound < token,
                analysis.tokens[mention.tokens.lowerBound].text.unicodeScalars.first?.isUpper == true,
                !Self.pronouns.contains(analysis.text(mention.start, mention.end).lowercased()),
                SpeechCues.indirectVerbs.contains(analysis.tokens[mention.tokens.upperBound].text.lowercased())
            else { continue }
            var renamed = quote
            renamed.speaker = self.speaker(mention)
            return renamed
        }
        // "Kerr Putney, the police chief, said that ..., but he said that the footage “...”",
        // "Clinton says she appreciated what she calls a “...”": a pronoun after the
        // sentence's subject has spoken in that sentence is that subject, unless it opens a
        // clause of its own before the quote ("..., but he said that “...”").
        let sentenceStart = analysis.sentenceTokens(ofToken: token).lowerBound
        guard token > sentenceStart, speaker.start > quote.start || !["but", "and", ";"].contains(analysis.tokens[token - 1].text.lowercased()),
            let subject = sentenceSubject(before: token, speakers, analysis), subject.start < speaker.start,
            fits(pronoun: analysis.tokens[token].text.lowercased(), subject, analysis)
        else { return quote }
        let subjectStart = tokenIndex(startingAt: subject.start, analysis)
        let subjectEnd = tokenIndex(endingAt: subject.end, analysis) + 1
        guard subjectEnd < token, subjectEnd > sentenceStart, quoted[subjectStart] == .none,
            (subjectEnd..<token).contains(where: { SpeechCues.indirectVerbs.contains(analysis.tokens[$0].text.lowercased()) })
        else { return quote }
        var renamed = quote
        renamed.speaker = subject
        return renamed
    }

    /// A speaker named outside the quote's sentences (carried over from the previous quote,
    /// or found past them) is pointed at its mention nearest the quote inside them, when
    /// there is one: “...,” Blige sings to Clinton.
    func anchored(
        _ found: Quote.Speaker, _ analysis: DocumentAnalysis, context: Range<Int>, quote: Range<Int>, _ speakers: [Int: SpeakerMention]
    ) -> Quote.Speaker {
        guard let entity = found.entity, !context.contains(tokenIndex(startingAt: found.start, analysis)) else { return found }
        let nearest = speakers.values.filter { mention in
            mention.entity.id == entity && context.contains(mention.tokens.lowerBound)
                && (mention.tokens.upperBound <= quote.lowerBound || mention.tokens.lowerBound >= quote.upperBound)
        }.min { distance($0.tokens.lowerBound, quote) < distance($1.tokens.lowerBound, quote) }
        return nearest.map(speaker) ?? found
    }

    static let prepositions: Set<String> = [
        "of", "to", "for", "with", "about", "by", "against", "from", "on", "at", "in", "like", "than", "as", "toward", "towards",
    ]

    /// Whether a pronoun can stand for a subject: "he"/"she" for a person or a bare
    /// capitalised name, "it"/"they" for an organization, a country or a description.
    func fits(pronoun: String, _ subject: Quote.Speaker, _ analysis: DocumentAnalysis) -> Bool {
        let text = analysis.text(subject.start, subject.end)
        let written = text.lowercased()
        if Self.pronouns.contains(written) { return written == pronoun }
        let type = subject.entity.flatMap { entityTypes[$0] }
        let described = Self.determiners.contains(written.split(separator: " ").first.map(String.init) ?? "")
        switch pronoun {
        case "he", "she":
            if let type { return type == "PERSON" }
            return text.unicodeScalars.first?.isUpper == true && !described
        case "it", "they":
            if let type { return type != "PERSON" }
            return described
        default: return false
        }
    }

    /// The tokens of the sentences a quote touches, which hold its attribution.
    func contextTokens(_ analysis: DocumentAnalysis, around quote: Range<Int>) -> Range<Int> {
        let first = analysis.sentenceTokens(ofToken: max(0, quote.lowerBound - 1))
        let last = analysis.sentenceTokens(ofToken: min(analysis.tokens.count - 1, quote.upperBound))
        return min(first.lowerBound, quote.lowerBound)..<max(last.upperBound, quote.upperBound)
    }

    func attribute(
        _ analysis: DocumentAnalysis, context: Range<Int>, quote: Range<Int>, speakers: [Int: SpeakerMention], fragment: Bool
    ) -> Attribution {
        // The news layouts first: a cue right after the closing mark (”, X said / ,” said X)
        // or right before the opening one (X said: “ / X said, “), then the nearest cue.
        // The attribution after a quote may sit in what the splitter took for a new
        // sentence (“... president.” ― Name): look to the end of the line.
        var lineEnd = quote.upperBound + 1
        while lineEnd < min(analysis.tokens.count, quote.upperBound + 14), analysis.tokens[lineEnd].newlinesBefore == 0 { lineEnd += 1 }
        lineEnd = min(lineEnd, analysis.tokens.count)
        var after = quote.upperBound
        while after < lineEnd, [",", "”", "\"", "»", "“", "'"].contains(analysis.tokens[after].text) { after += 1 }
        // Quoted words inside the reporter's sentence are not attributed by the next sentence.
        let quoteSentence = analysis.sentenceIndex(ofToken: quote.lowerBound)
        // Up to the sentence's end ("Miller, a retired worker from a nuclear plant, said"), but
        // right after a quote that ends its own sentence ("...in 1970.” Once, I said") only the
        // next few words.
        let closesItsSentence = quote.upperBound > quote.lowerBound && [".", "!", "?"].contains(analysis.tokens[quote.upperBound - 1].text)
        for cue in after..<min(lineEnd, after + (closesItsSentence ? 5 : 12)) {
            if fragment, analysis.sentenceIndex(ofToken: cue) != quoteSentence { break }
            if cue > after, [".", "!", "?"].contains(analysis.tokens[cue - 1].text) { break }
            // Past the first few words, only in the sentence that follows the quote: "“...,” she
            // says. Once, I laughed and said" is another speaker's.
            if cue >= after + 5, analysis.sentenceIndex(ofToken: cue) != analysis.sentenceIndex(ofToken: after) { break }
            if let found = attribution(atCue: cue, analysis, speakers) { return found }
        }
        if !fragment, let found = unlistedCue(after: after, lineEnd: lineEnd, analysis, speakers) { return found }
        var before = quote.lowerBound - 1
        while before > context.lowerBound, [":", ",", "“", "\"", "«", "'", "”"].contains(analysis.tokens[before - 1].text) { before -= 1 }
        if before - 1 >= context.lowerBound, let found = attribution(atCue: before - 1, analysis, speakers) { return found }
        // "... and then boomed, “...”": a verb in the past right before the quote, with its subject.
        let verb = before - 1
        if !fragment, verb > context.lowerBound, analysis.tokens[verb + 1].text == "," || analysis.tokens[verb + 1].text == ":" {
            let word = analysis.tokens[verb].text
            if word.hasSuffix("ed"), word.count > 4, word.unicodeScalars.allSatisfy({ $0.isLower }),
                let found = subject(before: verb, speakers, analysis) ?? phraseSubject(before: verb, speakers, analysis)
            {
                return Attribution(speaker: found, cue: word)
            }
        }
        // “...” ― Name: a dash and a name after the quote, with no verb.
        if after < lineEnd, ["―", "—", "–", "-", "--"].contains(analysis.tokens[after].text) {
            if let found = mention(startingAfter: after, speakers, analysis).map(speaker) ?? bareName(after: after, analysis) {
                return Attribution(speaker: found, cue: nil)
            }
        }
        if let found = colonAttribution(before: quote, analysis, speakers) { return found }
        // "including the former candidate Mitt Romney -- ''It is disqualifying ...'' --": a
        // name right before a dash that opens the quote.
        var dash = quote.lowerBound - 1
        while dash > context.lowerBound, ["“", "\"", "«", "'", "''", "‘"].contains(analysis.tokens[dash].text) { dash -= 1 }
        if dash > 0, dash < quote.lowerBound - 1, ["—", "--", "–", "―"].contains(analysis.tokens[dash].text),
            let named = mention(endingBefore: dash, speakers, analysis), named.tokens.upperBound == dash, named.entity.type == "PERSON",
            // Not the object of a preposition: "seemed supportive of Mr. Trump -- ''...''".
            !(max(0, named.tokens.lowerBound - 2)..<named.tokens.lowerBound).contains(where: {
                Self.prepositions.contains(analysis.tokens[$0].text.lowercased())
            })
        {
            return Attribution(speaker: speaker(named), cue: nil)
        }
        let nearest = nearestAttribution(analysis, context: context, quote: quote, speakers: speakers, fragment: fragment)
        // A headline says who speaks first: Hillary Clinton Speaks ‘Directly To White People’.
        if nearest.speaker == nil, analysis.sentenceIndex(ofToken: quote.lowerBound) == 0, analysis.paragraphOfSentence[0] == 0,
            let subject = sentenceSubject(before: quote.lowerBound, speakers, analysis, within: 3)
        {
            return Attribution(speaker: subject, cue: nearest.cue)
        }
        // A quoted clause inside a sentence about a person, with no cue: "He offered “my
        // thoughts and prayers for all of the victims' families.”" The person speaks.
        if nearest.speaker == nil, fragment, quote.count >= 4 {
            if let subject = sentenceSubject(before: quote.lowerBound, speakers, analysis, within: 2),
                subject.entity.flatMap({ entityTypes[$0] }) == "PERSON" || ["he", "she"].contains(analysis.text(subject.start, subject.end).lowercased())
            {
                return Attribution(speaker: subject, cue: nil)
            }
            let sentenceStart = analysis.sentenceTokens(ofToken: quote.lowerBound).lowerBound
            let opening = sentenceStart..<min(quote.lowerBound, sentenceStart + 3)
            if let person = opening.lazy.compactMap({ speakers[$0] }).first(where: { $0.entity.type == "PERSON" }) {
                return Attribution(speaker: speaker(person), cue: nil)
            }
            if let first = opening.first, ["he", "she"].contains(analysis.tokens[first].text.lowercased()) {
                return Attribution(speaker: pronounSpeaker(first, analysis), cue: nil)
            }
        }
        return nearest
    }

    /// "Caddell continued:", "The New York Times reports:", "Sanders made the following
    /// comment:" closing the sentence (often the paragraph) before the quote: a cue there,
    /// else the subject of that sentence.
    /// “...,” Oliver barked. / “...,” the release noted. A name or a description right
    /// after the quote, then one verb in the past and the sentence's end: the verb is a cue
    /// even when no lexicon lists it.
    func unlistedCue(after: Int, lineEnd: Int, _ analysis: DocumentAnalysis, _ speakers: [Int: SpeakerMention]) -> Attribution? {
        guard after < lineEnd else { return nil }
        var verb = after
        while verb < min(lineEnd, after + 6), analysis.tokens[verb].text.unicodeScalars.first.map({ $0.isUpper || $0 == "-" }) == true
            || Self.determiners.contains(analysis.tokens[verb].text.lowercased()) || speakers[verb] != nil
        {
            verb += 1
        }
        guard verb > after, verb < lineEnd else { return nil }
        let word = analysis.tokens[verb].text
        guard word.hasSuffix("ed"), word.count > 4, word.unicodeScalars.allSatisfy({ $0.isLower }),
            verb + 1 == lineEnd || [".", ",", ";", "!", "?"].contains(analysis.tokens[verb + 1].text)
        else { return nil }
        let found = mention(endingBefore: verb, speakers, analysis).map(speaker) ?? description(endingBefore: verb, analysis)
            ?? bareName(before: verb, analysis)
        return found.map { Attribution(speaker: $0, cue: word) }
    }

    func colonAttribution(before quote: Range<Int>, _ analysis: DocumentAnalysis, _ speakers: [Int: SpeakerMention]) -> Attribution? {
        var colon = quote.lowerBound - 1
        while colon >= 0, ["“", "\"", "«", "'", "''", "”", "‘"].contains(analysis.tokens[colon].text) { colon -= 1 }
        guard colon > 0, analysis.tokens[colon].text == ":" else { return nil }
        let sentence = analysis.sentenceTokens(ofToken: colon)
        for cue in stride(from: colon - 1, through: sentence.lowerBound, by: -1) {
            if let found = attribution(atCue: cue, analysis, speakers) { return found }
        }
        // "A lesson from Loretta Lynch: 'Be the voice ...'": a name right before the colon.
        if let named = mention(endingBefore: colon, speakers, analysis) { return Attribution(speaker: speaker(named), cue: nil) }
        guard let subject = sentenceSubject(before: colon, speakers, analysis) else { return nil }
        let word = analysis.tokens[colon - 1].text
        return Attribution(speaker: subject, cue: word.unicodeScalars.first?.isAlpha == true ? word : nil)
    }

    /// Words that open a phrase before the subject: "In August, ...", "On July 6, 2015, ...".
    static let introWords: Set<String> = [
        "in", "on", "at", "during", "after", "before", "when", "while", "as", "since", "following", "speaking", "for", "from",
        "with", "without", "despite", "under", "last", "earlier", "later", "meanwhile", "however", "still", "then", "asked",
        "here", "there", "now", "today", "yesterday", "tonight", "afterward", "afterwards", "instead", "again",
    ]

    /// The subject that opens the sentence of `token`, past an introductory phrase: a
    /// mention, a pronoun or a description ("several environmental groups").
    func sentenceSubject(
        before token: Int, _ speakers: [Int: SpeakerMention], _ analysis: DocumentAnalysis, within window: Int = 6
    ) -> Quote.Speaker? {
        let sentence = analysis.sentenceTokens(ofToken: token)
        var first = afterDateline(sentence.lowerBound, analysis).map { min($0, token) } ?? sentence.lowerBound
        while first < token, !(analysis.tokens[first].text.unicodeScalars.first?.isAlpha ?? false) { first += 1 }
        if first < token, Self.introWords.contains(analysis.tokens[first].text.lowercased()),
            let comma = (first..<min(token, first + 20)).first(where: { analysis.tokens[$0].text == "," })
        {
            first = comma + 1
        }
        var index = first
        while index < min(token, first + window) {
            if let mention = speakers[index] { return speaker(personModified(by: mention, speakers, analysis) ?? mention) }
            let word = analysis.tokens[index].text
            let lower = word.lowercased()
            if Self.pronouns.contains(lower) { return index == first ? pronounSpeaker(index, analysis) : nil }
            if Self.speakerNouns.contains(lower) || Self.groupNouns.contains(lower) { return unnamed(analysis, first, index + 1) }
            let opensName = word.unicodeScalars.first.map { $0.isUpper || ("0"..."9").contains($0) } ?? false
            guard opensName || word == "," || Self.determiners.contains(lower) || Self.quantifiers.contains(lower) || isModifier(lower)
            else { return nil }
            index += 1
        }
        return nil
    }

    /// A lowercase word that may stand between a determiner and a head noun.
    func isModifier(_ word: String) -> Bool {
        word.hasSuffix("al") || word.hasSuffix("ic") || word.hasSuffix("an") || word.hasSuffix("ive") || word.hasSuffix("ior")
            || word.hasSuffix("-old") || word.hasSuffix("'s") || word.hasSuffix("’s") || ["former", "top", "senior", "chief"].contains(word)
    }

    /// The speaker of a reporting verb at `cue`, when the token is one and a speaker stands next to it.
    func attribution(
        atCue cue: Int, _ analysis: DocumentAnalysis, _ speakers: [Int: SpeakerMention], fragment: Bool = false
    ) -> Attribution? {
        guard let cueText = cueText(at: cue, analysis, fragment: fragment) else { return nil }
        let word = analysis.tokens[cue].text.lowercased()
        // "..., saying “...”": the participle's speaker is the subject of its sentence.
        if word.hasSuffix("ing"), cue > 0, analysis.tokens[cue - 1].text == "," {
            // "“...,” Trump said, adding, “...”": the speaker of the cue before the comma.
            for previous in [cue - 2, cue - 3] where previous > 0 && analysis.tokens[previous].text.lowercased() != word {
                if SpeechCues.verbs.contains(analysis.tokens[previous].text.lowercased()),
                    let found = attribution(atCue: previous, analysis, speakers)
                {
                    return Attribution(speaker: found.speaker, cue: cueText)
                }
            }
            return sentenceSubject(before: cue - 1, speakers, analysis).map { Attribution(speaker: $0, cue: cueText) }
        }
        // "The nominee outlined his plan and vowed to punish “...”": a second verb of the
        // sentence's subject.
        // "I laughed and said": a pronoun before a one-word first verb is the subject.
        let pronounFirst = cue > 2 && analysis.tokens[cue - 2].text.hasSuffix("ed") && Self.pronouns.contains(analysis.tokens[cue - 3].text.lowercased())
        if cue > 2, ["and", "but"].contains(analysis.tokens[cue - 1].text.lowercased()),
            let subject = pronounFirst ? pronounSpeaker(cue - 3, analysis) : sentenceSubject(before: cue - 1, speakers, analysis)
        {
            return Attribution(speaker: subject, cue: cueText)
        }
        // The subject before the cue first, a pronoun included ("he told The Huffington
        // Post"); after the cue only a subject, not the audience of "told" or "asked".
        let audience = Self.audienceVerbs.contains(word) || cueText.hasSuffix(" it")
        guard let found = mention(endingBefore: cue, speakers, analysis).map(speaker) ?? description(endingBefore: cue, analysis)
            ?? appositiveSubject(before: cue, speakers, analysis) ?? bareName(before: cue, analysis)
            ?? adverbialSubject(before: cue, analysis)
            ?? (audience ? nil : mention(startingAfter: cue, speakers, analysis).map(speaker) ?? description(startingAfter: cue, analysis)
                ?? bareName(after: cue, analysis))
        else { return nil }
        return Attribution(speaker: found, cue: cueText)
    }

    /// Adverbs between a subject and its cue: "Mexicans often say", "she still says".
    static let cueAdverbs: Set<String> = ["often", "still", "now", "just", "even", "already", "never", "always", "also", "then", "later", "again"]

    /// A pronoun, a bare name or a description before an adverb before the cue.
    func adverbialSubject(before cue: Int, _ analysis: DocumentAnalysis) -> Quote.Speaker? {
        guard cue > 1 else { return nil }
        let adverb = analysis.tokens[cue - 1].text.lowercased()
        guard Self.cueAdverbs.contains(adverb) || (adverb.hasSuffix("ly") && adverb.count > 3) else { return nil }
        return description(endingBefore: cue - 1, analysis) ?? bareName(before: cue - 1, analysis)
    }

    /// The cue a token starts, if any: a reporting verb, "put it" ("as the memo put it"),
    /// "reads" ("the letter reads"), and for quoted words inside the reporter's sentence a
    /// naming verb ("called Trump a “pathological liar”").
    func cueText(at cue: Int, _ analysis: DocumentAnalysis, fragment: Bool) -> String? {
        let text = analysis.tokens[cue].text
        let word = text.lowercased()
        // A capital inside a body sentence is a name ("the United States has become"), not a
        // verb; the title-case headline is the exception ("Obama Says ...").
        if text != word, analysis.sentenceIndex(ofToken: cue) > 0, analysis.sentenceTokens(ofToken: cue).lowerBound != cue {
            return nil
        }
        if SpeechCues.verbs.contains(word) { return SpeechCues.beliefVerbs.contains(word) ? nil : text }
        if SpeechCues.participles.contains(word), cue > 0, analysis.tokens[cue - 1].text == "," || isNameEnd(cue - 1, analysis) { return text }
        if ["put", "puts", "putting"].contains(word), cue + 1 < analysis.tokens.count, analysis.tokens[cue + 1].text == "it" { return text + " it" }
        // "Hillary shot back, “...”", "Trump went on", "Sanders chimed in".
        if let particle = SpeechCues.phrasalCues[word], cue + 1 < analysis.tokens.count, analysis.tokens[cue + 1].text.lowercased() == particle {
            return text + " " + analysis.tokens[cue + 1].text
        }
        if SpeechCues.quoteVerbs.contains(word) || (fragment && SpeechCues.namingVerbs.contains(word)) { return text }
        return nil
    }

    /// A capitalised word that is not a sentence opener: the end of a name.
    func isNameEnd(_ token: Int, _ analysis: DocumentAnalysis) -> Bool {
        isCapitalizedWord(analysis.tokens[token].text) && analysis.sentenceTokens(ofToken: token).lowerBound != token
    }

    /// Cues whose object is who was spoken to: "told reporters", "asked the crowd".
    static let audienceVerbs: Set<String> = [
        "tell", "tells", "told", "telling", "ask", "asks", "asked", "urge", "urges", "urged", "reassure", "reassured",
    ]

    func nearestAttribution(
        _ analysis: DocumentAnalysis, context: Range<Int>, quote: Range<Int>, speakers: [Int: SpeakerMention], fragment: Bool
    ) -> Attribution {
        // Cues outside the quote, nearest to it first; the nearest with a speaker wins.
        var unattributed: Attribution?
        let candidates = context.filter { !quote.contains($0) && ($0 < quote.lowerBound - 1 || $0 > quote.upperBound) }
            .sorted { distance($0, quote) < distance($1, quote) }
        for cue in candidates {
            let word = analysis.tokens[cue].text.lowercased()
            if word == "according", cue + 1 < analysis.tokens.count, analysis.tokens[cue + 1].text == "to",
                let found = mention(startingAfter: cue + 1, speakers, analysis).map(speaker) ?? description(startingAfter: cue + 1, analysis)
                    ?? bareName(after: cue + 1, analysis)
            {
                return Attribution(speaker: found, cue: "according to")
            }
            guard let cueText = cueText(at: cue, analysis, fragment: fragment) else { continue }
            if let found = attribution(atCue: cue, analysis, speakers, fragment: fragment) { return found }
            if unattributed == nil { unattributed = Attribution(speaker: nil, cue: cueText) }
        }
        return unattributed ?? Attribution(speaker: nil, cue: nil)
    }

    func distance(_ token: Int, _ quote: Range<Int>) -> Int {
        token < quote.lowerBound ? quote.lowerBound - token : token - quote.upperBound
    }

    // MARK: helpers

    func tokenIndex(startingAt offset: Int, _ analysis: DocumentAnalysis) -> Int {
        tokenRange(analysis, from: offset, to: offset).lowerBound
    }

    func tokenIndex(endingAt offset: Int, _ analysis: DocumentAnalysis) -> Int {
        var index = tokenRange(analysis, from: offset, to: offset).lowerBound
        while index > 0, analysis.tokens[index - 1].end > offset { index -= 1 }
        return max(0, index - 1)
    }

    func tokenRange(_ analysis: DocumentAnalysis, from start: Int, to end: Int) -> Range<Int> {
        var low = 0
        var high = analysis.tokens.count
        while low < high {
            let middle = (low + high) / 2
            if analysis.tokens[middle].start < start { low = middle + 1 } else { high = middle }
        }
        var upper = low
        while upper < analysis.tokens.count, analysis.tokens[upper].end <= end { upper += 1 }
        return low..<upper
    }

    func trimmed(_ analysis: DocumentAnalysis, _ start: Int, _ end: Int) -> (text: String, start: Int, end: Int) {
        var start = start
        var end = end
        while start < end, analysis.scalars[start].isSpace { start += 1 }
        while end > start, analysis.scalars[end - 1].isSpace { end -= 1 }
        return (analysis.text(start, end), start, end)
    }

    /// Drops a quote that lies inside another one (the same words found twice).
    func merged(_ quotes: [Quote]) -> [Quote] {
        // The same words found twice: the one that knows its reported clause first, then
        // the one reported as speech ("is demanding that" is both speech and a stance).
        let rank = { (quote: Quote) in (quote.start, -quote.end, quote.clause == nil ? 1 : 0, quote.act == .speech ? 0 : 1) }
        let sorted = quotes.sorted { rank($0) < rank($1) }
        var kept: [Quote] = []
        for quote in sorted {
            // A stand or a plan may hold someone's words ("rejected Keller's claim that ..."):
            // those stay a report of their own.
            let holdsOthers = kept.last.map { [.stance, .intention].contains($0.act) && $0.act != quote.act } ?? false
            if let last = kept.last, quote.start >= last.start, quote.end <= last.end, !holdsOthers { continue }
            kept.append(quote)
        }
        return kept
    }
}
