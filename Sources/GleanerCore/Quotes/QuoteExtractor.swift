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
    private struct SpeakerMention {
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
    private struct Fragment {
        /// The tokens from the opening mark through the closing one.
        var marks: Range<Int>
        var start: Int
        var end: Int
        var text: String
    }

    private struct Attribution {
        var speaker: Quote.Speaker?
        var cue: String?
    }

    /// Words from which quoted words are a clause of their own rather than a fragment.
    private static let clauseLength = 5

    /// Name mentions by their last token, for pronoun antecedents.
    private var pronounAntecedents: [Int: SpeakerMention] = [:]
    /// Entity types by id.
    private var entityTypes: [String: String] = [:]

    mutating func extract(_ analysis: DocumentAnalysis, entities: [Entity]) -> [Quote] {
        guard !analysis.tokens.isEmpty else { return [] }
        let speakers = speakerMentions(analysis, entities)
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
        quotes += indirectQuotes(analysis, speakers: speakers, quoted: quotedTokens, fragments: fragments)
        quotes += clauseReports(analysis, speakers: speakers, quoted: quotedTokens, fragments: fragments)
        return merged(quotes.map { named($0, analysis, speakers, quoted: quotedTokens) })
    }

    /// A pronoun speaker whose name is the subject of a cue earlier in the same sentence
    /// points at the name: in "Lynch said she recalled thinking, “...”" Lynch speaks.
    private func named(_ quote: Quote, _ analysis: DocumentAnalysis, _ speakers: [Int: SpeakerMention], quoted: [QuotedToken]) -> Quote {
        guard let speaker = quote.speaker, let entity = speaker.entity, Self.pronouns.contains(speaker.name.lowercased())
            || Self.pronouns.contains(analysis.text(speaker.start, speaker.end).lowercased())
        else { return quote }
        let token = tokenIndex(startingAt: speaker.start, analysis)
        guard token < analysis.tokens.count else { return quote }
        for index in analysis.sentences[analysis.sentenceIndex(ofToken: token)].tokens.lowerBound..<token {
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
        let sentenceStart = analysis.sentences[analysis.sentenceIndex(ofToken: token)].tokens.lowerBound
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
    private func anchored(
        _ found: Quote.Speaker, _ analysis: DocumentAnalysis, context: Range<Int>, quote: Range<Int>, _ speakers: [Int: SpeakerMention]
    ) -> Quote.Speaker {
        guard let entity = found.entity, !context.contains(tokenIndex(startingAt: found.start, analysis)) else { return found }
        let nearest = speakers.values.filter { mention in
            mention.entity.id == entity && context.contains(mention.tokens.lowerBound)
                && (mention.tokens.upperBound <= quote.lowerBound || mention.tokens.lowerBound >= quote.upperBound)
        }.min { distance($0.tokens.lowerBound, quote) < distance($1.tokens.lowerBound, quote) }
        return nearest.map(speaker) ?? found
    }

    private static let prepositions: Set<String> = [
        "of", "to", "for", "with", "about", "by", "against", "from", "on", "at", "in", "like", "than", "as", "toward", "towards",
    ]

    /// Whether a pronoun can stand for a subject: "he"/"she" for a person or a bare
    /// capitalised name, "it"/"they" for an organization, a country or a description.
    private func fits(pronoun: String, _ subject: Quote.Speaker, _ analysis: DocumentAnalysis) -> Bool {
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

    // MARK: transcripts

    /// Interview transcripts: a line "PENCE: Well, look, ..." is a direct quote of the
    /// speaker its capitalised label names.
    private func transcriptTurns(_ analysis: DocumentAnalysis, entities: [Entity], quoted: [QuotedToken]) -> [Quote] {
        var quotes: [Quote] = []
        var index = 0
        while index < analysis.tokens.count {
            defer { index += 1 }
            guard index == 0 || analysis.tokens[index].newlinesBefore > 0 else { continue }
            guard let (colon, speaker) = transcriptLabel(at: index, analysis, entities: entities), quoted[colon] == .none else { continue }
            var end = colon + 1
            while end < analysis.tokens.count, analysis.tokens[end].newlinesBefore == 0 { end += 1 }
            guard end - colon > 3 else { continue }
            let start = analysis.tokens[colon + 1].start
            let stop = analysis.tokens[end - 1].end
            quotes.append(Quote(text: analysis.text(start, stop), start: start, end: stop, kind: .direct, cue: nil, speaker: speaker))
        }
        return quotes
    }

    /// "PENCE:" at `index`: the colon's token and the speaker the label names.
    private func transcriptLabel(at index: Int, _ analysis: DocumentAnalysis, entities: [Entity]) -> (Int, Quote.Speaker)? {
        var colon = index
        while colon < min(analysis.tokens.count, index + 3), isLabelWord(analysis.tokens[colon].text) { colon += 1 }
        guard colon > index, colon < analysis.tokens.count, analysis.tokens[colon].text == ":" else { return nil }
        let label = analysis.tokens[index..<colon].map(\.text)
        let entity = entities.first { entity in
            entity.type == "PERSON" && entity.name.split(separator: " ").last.map { $0.uppercased() == label.last } == true
        }
        let labelStart = analysis.tokens[index].start
        let labelEnd = analysis.tokens[colon - 1].end
        return (colon, Quote.Speaker(name: entity?.name ?? analysis.text(labelStart, labelEnd), entity: entity?.id, start: labelStart, end: labelEnd))
    }

    private func isLabelWord(_ word: String) -> Bool {
        let letters = word.unicodeScalars.filter { $0.isAlpha }
        return letters.count >= 2 && letters.allSatisfy { $0.isUpper }
    }

    // MARK: speakers

    private func speakerMentions(_ analysis: DocumentAnalysis, _ entities: [Entity]) -> [Int: SpeakerMention] {
        var tokenAt: [Int: Int] = [:]
        for (index, token) in analysis.tokens.enumerated() { tokenAt[token.start] = index }
        var byFirstToken: [Int: SpeakerMention] = [:]
        for entity in entities where ["PERSON", "ORG", "GPE", "NORP"].contains(entity.type) {
            for mention in entity.mentions {
                guard let first = tokenAt[mention.start] else { continue }
                var last = first
                while last + 1 < analysis.tokens.count, analysis.tokens[last + 1].end <= mention.end { last += 1 }
                let candidate = SpeakerMention(tokens: first..<(last + 1), start: mention.start, end: mention.end, entity: entity)
                if let existing = byFirstToken[first], existing.tokens.count >= candidate.tokens.count { continue }
                byFirstToken[first] = candidate
            }
        }
        return byFirstToken
    }

    /// The mention that ends right before `token` (skipping one adverb: "Ryabkov also said").
    private static let skippableBeforeCue: Set<String> = [
        "also", "then", "later", "again", "further", "has", "had", "have", "previously", "once", "is", "was", "are", "were",
        // A country or nationality with a head noun speaks as an institution: "the US side requested".
        "side", "government", "officials", "official", "authorities", "spokesman", "spokeswoman", "leader", "leaders",
        "ministry", "administration", "delegation", "military", "forces", "embassy",
    ]

    private func mention(endingBefore token: Int, _ speakers: [Int: SpeakerMention], _ analysis: DocumentAnalysis) -> SpeakerMention? {
        for gap in 0...1 where token - gap > 0 {
            let skipped = analysis.tokens[token - 1].text
            // "Ryabkov also said", "the US side requested", "The mayor, Piet Vos, warned".
            if gap == 1, !skipped.hasSuffix("ly") && !Self.skippableBeforeCue.contains(skipped.lowercased()) && skipped != "," {
                break
            }
            let end = token - gap
            for length in 1...6 where end - length >= 0 {
                if let mention = speakers[end - length], mention.tokens.upperBound == end {
                    // ", a permanent member of the Security Council, said": a name inside an
                    // appositive is not the one it describes.
                    if skipped == ",", gap == 1, !opensSegment(mention.tokens.lowerBound, analysis) { return nil }
                    return mention
                }
            }
        }
        return nil
    }

    /// Whether a mention opens the sentence or the part between two commas it stands in:
    /// "Council chair Maria Olsen, a former adviser to the European Commission, said" has
    /// its subject first, and a name inside the appositive is not the one it describes.
    private func opensSegment(_ token: Int, _ analysis: DocumentAnalysis) -> Bool {
        let sentenceStart = analysis.sentences[analysis.sentenceIndex(ofToken: token)].tokens.lowerBound
        var previous = token - 1
        var described = false
        while previous >= sentenceStart {
            let word = analysis.tokens[previous].text
            if word == "," { return !described }
            if Self.closingMarks.contains(word) || word == "“" { return true }
            if word.unicodeScalars.first?.isLower == true, !["the", "a", "an"].contains(word) { described = true }
            previous -= 1
        }
        return true
    }

    /// The mention that starts right after `token` ("said Ryabkov", "said the diplomat").
    private func mention(startingAfter token: Int, _ speakers: [Int: SpeakerMention], _ analysis: DocumentAnalysis) -> SpeakerMention? {
        var next = token + 1
        // Titles and descriptions before the name: "said Deputy Foreign Minister Sergey Ryabkov";
        // a number or a lowercase role only before a person's name that closes the clause
        // ("said 9/11 widow Terry Strada.").
        var loose = false
        while next < analysis.tokens.count, next <= token + 6 {
            if let mention = speakers[next] {
                guard loose else { return mention }
                let after = mention.tokens.upperBound
                let closes = after >= analysis.tokens.count || [".", ",", ";", "!", "?"].contains(analysis.tokens[after].text)
                return mention.entity.type == "PERSON" && closes ? mention : nil
            }
            let text = analysis.tokens[next].text
            if text.unicodeScalars.first?.isUpper == true || ["the", "a", "an", "'s", "’s"].contains(text.lowercased()) {
                next += 1
                continue
            }
            let lower = text.lowercased()
            let role = (text.unicodeScalars.first.map { ("0"..."9").contains($0) } ?? false)
                || (text.unicodeScalars.allSatisfy { $0.isAlpha || $0 == "-" } && !Self.clauseWords.contains(lower)
                    && !SpeechCues.indirectVerbs.contains(lower) && !Self.pronouns.contains(lower) && !Self.determiners.contains(lower))
            guard role else { break }
            loose = true
            next += 1
        }
        return nil
    }

    /// Words that start a clause, not a name: "said the costs were hidden" is no speaker.
    private static let clauseWords: Set<String> = [
        "was", "were", "is", "are", "be", "been", "had", "has", "have", "would", "will", "could", "should", "can", "may",
        "might", "must", "did", "does", "do", "not", "that", "which", "who", "to", "in", "on", "of", "for", "and", "but",
    ]
    private static let determiners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "another", "one", "my", "our", "your",
    ]
    /// Bare plural subjects that name who spoke without naming them.
    /// Heads of descriptions that can speak: "the city council", "a senior official".
    private static let speakerNouns: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "official", "officials", "minister", "ministry", "council", "government",
        "president", "leader", "agency", "department", "authorities", "authority", "source", "sources", "committee", "court",
        "judge", "prosecutor", "prosecutors", "lawyer", "lawyers", "attorney", "embassy", "military", "army", "police",
        "company", "firm", "group", "party", "campaign", "administration", "office", "statement", "spokespeople", "analyst",
        "diplomat", "envoy", "ambassador", "mayor", "governor", "senator", "chief", "director", "commander", "expert",
        "witness", "resident", "activist", "lawmaker", "economist", "researcher", "scientist", "doctor", "board", "union",
        "commission", "regulator", "bank", "newspaper", "report", "study", "survey", "poll", "website", "aide", "aides",
        "businessman", "businesswoman", "nominee", "candidate", "narrator", "announcer", "host", "congressman",
        "congresswoman", "strategist", "adviser", "advisor", "chairman", "chairwoman", "secretary", "article", "letter",
        "memo", "book", "ruling", "brief", "editorial", "ad", "clip", "mother", "father", "wife",
        "husband", "daughter", "son", "friend",
    ]
    private static let groupNouns: Set<String> = [
        "officials", "critics", "analysts", "experts", "residents", "witnesses", "activists", "lawmakers", "economists",
        "diplomats", "sources", "observers", "protesters", "investigators", "police", "doctors", "scientists", "researchers",
        "groups",
    ]

    /// A speaker nobody named ("the city council", "a spokesman", "officials"): kept as
    /// written, with no entity, so the quote is still attributed.
    private func description(endingBefore token: Int, _ analysis: DocumentAnalysis) -> Quote.Speaker? {
        guard token > 0 else { return nil }
        let last = token - 1
        if Self.groupNouns.contains(analysis.tokens[last].text.lowercased()) { return unnamed(analysis, last, token) }
        guard Self.speakerNouns.contains(analysis.tokens[last].text.lowercased()) || isAgentNoun(analysis.tokens[last].text) else { return nil }
        var first = last
        var owner: Int?
        while first > max(0, token - 6) {
            let word = analysis.tokens[first - 1].text
            if Self.determiners.contains(word.lowercased()) { return unnamed(analysis, first - 1, token) }
            // "the board's annual report", "Obama's former campaign strategist".
            if ["'s", "’s"].contains(word) {
                owner = first - 1
            } else if word.unicodeScalars.first?.isAlpha != true {
                break
            }
            first -= 1
        }
        // No article: a named owner opens it ("Ivana Trump's brief said").
        guard let owner, owner > first, analysis.tokens[first].text.unicodeScalars.first?.isUpper == true else { return nil }
        return unnamed(analysis, first, token)
    }

    /// A lowercase noun that names someone by what they do ("one questioner claimed",
    /// "the organizer said"): a head of a description only after a determiner.
    private func isAgentNoun(_ word: String) -> Bool {
        guard word.count > 5, word.unicodeScalars.allSatisfy({ $0.isAlpha && $0.isLower }) else { return false }
        return ["er", "or", "ist"].contains { word.hasSuffix($0) } && !["other", "number", "matter", "order", "border", "corner"].contains(word)
    }

    private func description(startingAfter token: Int, _ analysis: DocumentAnalysis) -> Quote.Speaker? {
        let first = token + 1
        guard first < analysis.tokens.count else { return nil }
        if Self.groupNouns.contains(analysis.tokens[first].text.lowercased()) { return unnamed(analysis, first, first + 1) }
        guard Self.determiners.contains(analysis.tokens[first].text.lowercased()) else { return nil }
        var end = first + 1
        while end < min(analysis.tokens.count, first + 5), analysis.tokens[end].text.unicodeScalars.first?.isAlpha == true,
            !SpeechCues.verbs.contains(analysis.tokens[end].text.lowercased()),
            !Self.clauseWords.contains(analysis.tokens[end].text.lowercased())
        {
            end += 1
        }
        // Only an inverted attribution closing its clause: "..., said the spokesman.", "...,
        // said one Democratic source on the panel."
        let closingAt = { (index: Int) in index >= analysis.tokens.count || [".", ",", ";", "!", "?", "”", "\""].contains(analysis.tokens[index].text) }
        var closes = closingAt(end)
        if !closes, end < analysis.tokens.count, ["on", "in", "at", "of", "for", "with"].contains(analysis.tokens[end].text) {
            closes = (end + 1..<min(analysis.tokens.count, end + 6)).contains { closingAt($0) }
                && (end + 1..<min(analysis.tokens.count, end + 6)).prefix { !closingAt($0) }.allSatisfy {
                    analysis.tokens[$0].text.unicodeScalars.first?.isAlpha == true && !Self.clauseWords.contains(analysis.tokens[$0].text)
                }
        }
        let head = analysis.tokens[end - 1].text.lowercased()
        return end > first + 1 && closes && Self.speakerNouns.contains(head) ? unnamed(analysis, first, end) : nil
    }

    private static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i"]

    /// A pronoun the entity stage left alone: "it"/"they" for an organization or
    /// country ("the ministry ... it said"), "he"/"she" for a person, taken from the
    /// latest such mention in the two sentences before; else the pronoun as written.
    private func pronounSpeaker(_ token: Int, _ analysis: DocumentAnalysis) -> Quote.Speaker {
        let word = analysis.tokens[token].text.lowercased()
        let wanted: Set<String> = ["it", "they"].contains(word) ? ["ORG", "GPE"] : ["he", "she"].contains(word) ? ["PERSON"] : []
        let earliest = analysis.sentences[max(0, analysis.sentenceIndex(ofToken: token) - 2)].tokens.lowerBound
        var candidate = token - 1
        while candidate >= earliest, !wanted.isEmpty {
            if let mention = pronounAntecedents[candidate], wanted.contains(mention.entity.type) {
                return Quote.Speaker(name: mention.entity.name, entity: mention.entity.id, start: analysis.tokens[token].start, end: analysis.tokens[token].end)
            }
            candidate -= 1
        }
        return unnamed(analysis, token, token + 1)
    }

    /// A pronoun or a capitalised name the entity stage did not resolve, right before
    /// the cue ("she said", "Caddell said") or right after it ("said Caddell").
    private func bareName(before token: Int, _ analysis: DocumentAnalysis) -> Quote.Speaker? {
        guard token > 0 else { return nil }
        if Self.pronouns.contains(analysis.tokens[token - 1].text.lowercased()) { return pronounSpeaker(token - 1, analysis) }
        var first = token
        while first > max(0, token - 4), isCapitalizedWord(analysis.tokens[first - 1].text) { first -= 1 }
        guard first < token, first == 0 || !isCapitalizedWord(analysis.tokens[first - 1].text) else { return nil }
        // A capitalised word at the very start of a sentence is no evidence of a name
        // ("Asked about it, ..."), unless a cue follows it right away ("DuVernay said").
        if token - first == 1, analysis.sentences[analysis.sentenceIndex(ofToken: first)].tokens.lowerBound == first,
            !SpeechCues.verbs.contains(analysis.tokens[token].text.lowercased()) || Self.quantifiers.contains(analysis.tokens[first].text.lowercased())
        {
            return nil
        }
        return unnamed(analysis, first, token)
    }

    private func bareName(after token: Int, _ analysis: DocumentAnalysis) -> Quote.Speaker? {
        let first = token + 1
        guard first < analysis.tokens.count else { return nil }
        if Self.pronouns.contains(analysis.tokens[first].text.lowercased()) {
            // "said he." speaks; "said she felt ..." is the subject of the reported clause.
            let next = first + 1 < analysis.tokens.count ? analysis.tokens[first + 1].text : "."
            return next.unicodeScalars.first?.isAlpha == true ? nil : pronounSpeaker(first, analysis)
        }
        var end = first
        while end < min(analysis.tokens.count, first + 4), isCapitalizedWord(analysis.tokens[end].text) { end += 1 }
        return end > first ? unnamed(analysis, first, end) : nil
    }

    /// Sentence-initial words that say how many spoke, not who: "Some said".
    private static let quantifiers: Set<String> = [
        "some", "others", "many", "most", "both", "all", "few", "several", "this", "that", "these", "those", "everyone",
        "nobody", "none", "one", "each", "who", "what", "which", "it", "there",
    ]

    /// Capitalised words that never name a speaker.
    private static let notNames: Set<String> = [
        "The", "A", "An", "But", "And", "In", "On", "At", "It", "He", "She", "They", "We", "I", "Monday", "Tuesday",
        "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December", "Today", "Yesterday", "Tonight", "Mr.", "Mrs.",
        "Ms.", "Dr.",
    ]

    private func isCapitalizedWord(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.isUpper else { return false }
        return !Self.notNames.contains(word)
    }

    private func unnamed(_ analysis: DocumentAnalysis, _ first: Int, _ end: Int) -> Quote.Speaker {
        let start = analysis.tokens[first].start
        let stop = analysis.tokens[end - 1].end
        return Quote.Speaker(name: analysis.text(start, stop), entity: nil, start: start, end: stop)
    }

    private func speaker(_ mention: SpeakerMention) -> Quote.Speaker {
        Quote.Speaker(name: mention.entity.name, entity: mention.entity.id, start: mention.start, end: mention.end)
    }

    /// The tokens of the sentences a quote touches, which hold its attribution.
    private func contextTokens(_ analysis: DocumentAnalysis, around quote: Range<Int>) -> Range<Int> {
        let first = analysis.sentences[analysis.sentenceIndex(ofToken: max(0, quote.lowerBound - 1))].tokens
        let last = analysis.sentences[analysis.sentenceIndex(ofToken: min(analysis.tokens.count - 1, quote.upperBound))].tokens
        return min(first.lowerBound, quote.lowerBound)..<max(last.upperBound, quote.upperBound)
    }

    private func attribute(
        _ analysis: DocumentAnalysis, context: Range<Int>, quote: Range<Int>, speakers: [Int: SpeakerMention], fragment: Bool
    ) -> Attribution {
        // The news layouts first: a cue right after the closing mark (”, X said / ,” said X)
        // or right before the opening one (X said: “ / X said, “), then the nearest cue.
        // The attribution after a quote may sit in what the splitter took for a new
        // sentence (“... president.” ― Name): look to the end of the line.
        var lineEnd = quote.upperBound + 1
        while lineEnd < min(analysis.tokens.count, quote.upperBound + 10), analysis.tokens[lineEnd].newlinesBefore == 0 { lineEnd += 1 }
        lineEnd = min(lineEnd, analysis.tokens.count)
        var after = quote.upperBound
        while after < lineEnd, [",", "”", "\"", "»", "“", "'"].contains(analysis.tokens[after].text) { after += 1 }
        // Quoted words inside the reporter's sentence are not attributed by the next sentence.
        let quoteSentence = analysis.sentenceIndex(ofToken: quote.lowerBound)
        for cue in [after, after + 1, after + 2, after + 3, after + 4] where cue < lineEnd {
            if fragment, analysis.sentenceIndex(ofToken: cue) != quoteSentence { break }
            if let found = attribution(atCue: cue, analysis, speakers) { return found }
        }
        var before = quote.lowerBound - 1
        while before > context.lowerBound, [":", ",", "“", "\"", "«", "'", "”"].contains(analysis.tokens[before - 1].text) { before -= 1 }
        if before - 1 >= context.lowerBound, let found = attribution(atCue: before - 1, analysis, speakers) { return found }
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
        return nearest
    }

    /// "Caddell continued:", "The New York Times reports:", "Sanders made the following
    /// comment:" closing the sentence (often the paragraph) before the quote: a cue there,
    /// else the subject of that sentence.
    private func colonAttribution(before quote: Range<Int>, _ analysis: DocumentAnalysis, _ speakers: [Int: SpeakerMention]) -> Attribution? {
        var colon = quote.lowerBound - 1
        while colon >= 0, ["“", "\"", "«", "'", "''", "”", "‘"].contains(analysis.tokens[colon].text) { colon -= 1 }
        guard colon > 0, analysis.tokens[colon].text == ":" else { return nil }
        let sentence = analysis.sentences[analysis.sentenceIndex(ofToken: colon)].tokens
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
    private static let introWords: Set<String> = [
        "in", "on", "at", "during", "after", "before", "when", "while", "as", "since", "following", "speaking", "for", "from",
        "with", "without", "despite", "under", "last", "earlier", "later", "meanwhile", "however", "still", "then", "asked",
    ]

    /// The subject that opens the sentence of `token`, past an introductory phrase: a
    /// mention, a pronoun or a description ("several environmental groups").
    private func sentenceSubject(
        before token: Int, _ speakers: [Int: SpeakerMention], _ analysis: DocumentAnalysis, within window: Int = 6
    ) -> Quote.Speaker? {
        let sentence = analysis.sentences[analysis.sentenceIndex(ofToken: token)].tokens
        var first = sentence.lowerBound
        while first < token, !(analysis.tokens[first].text.unicodeScalars.first?.isAlpha ?? false) { first += 1 }
        if first < token, Self.introWords.contains(analysis.tokens[first].text.lowercased()),
            let comma = (first..<min(token, first + 20)).first(where: { analysis.tokens[$0].text == "," })
        {
            first = comma + 1
        }
        var index = first
        while index < min(token, first + window) {
            if let mention = speakers[index] { return speaker(mention) }
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
    private func isModifier(_ word: String) -> Bool {
        word.hasSuffix("al") || word.hasSuffix("ic") || word.hasSuffix("an") || word.hasSuffix("ive") || word.hasSuffix("ior")
            || word.hasSuffix("-old") || word.hasSuffix("'s") || word.hasSuffix("’s") || ["former", "top", "senior", "chief"].contains(word)
    }

    /// The speaker of a reporting verb at `cue`, when the token is one and a speaker stands next to it.
    private func attribution(
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
    private static let cueAdverbs: Set<String> = ["often", "still", "now", "just", "even", "already", "never", "always", "also", "then", "later", "again"]

    /// A pronoun, a bare name or a description before an adverb before the cue.
    private func adverbialSubject(before cue: Int, _ analysis: DocumentAnalysis) -> Quote.Speaker? {
        guard cue > 1 else { return nil }
        let adverb = analysis.tokens[cue - 1].text.lowercased()
        guard Self.cueAdverbs.contains(adverb) || (adverb.hasSuffix("ly") && adverb.count > 3) else { return nil }
        return description(endingBefore: cue - 1, analysis) ?? bareName(before: cue - 1, analysis)
    }

    /// The cue a token starts, if any: a reporting verb, "put it" ("as the memo put it"),
    /// "reads" ("the letter reads"), and for quoted words inside the reporter's sentence a
    /// naming verb ("called Trump a “pathological liar”").
    private func cueText(at cue: Int, _ analysis: DocumentAnalysis, fragment: Bool) -> String? {
        let text = analysis.tokens[cue].text
        let word = text.lowercased()
        if SpeechCues.verbs.contains(word) { return SpeechCues.beliefVerbs.contains(word) ? nil : text }
        if SpeechCues.participles.contains(word), cue > 0, analysis.tokens[cue - 1].text == "," || isNameEnd(cue - 1, analysis) { return text }
        if word == "put", cue + 1 < analysis.tokens.count, analysis.tokens[cue + 1].text == "it" { return text + " it" }
        if SpeechCues.quoteVerbs.contains(word) || (fragment && SpeechCues.namingVerbs.contains(word)) { return text }
        return nil
    }

    /// A capitalised word that is not a sentence opener: the end of a name.
    private func isNameEnd(_ token: Int, _ analysis: DocumentAnalysis) -> Bool {
        isCapitalizedWord(analysis.tokens[token].text) && analysis.sentences[analysis.sentenceIndex(ofToken: token)].tokens.lowerBound != token
    }

    /// Cues whose object is who was spoken to: "told reporters", "asked the crowd".
    private static let audienceVerbs: Set<String> = [
        "tell", "tells", "told", "telling", "ask", "asks", "asked", "urge", "urges", "urged", "reassure", "reassured",
    ]

    private func nearestAttribution(
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
            {
                return Attribution(speaker: found, cue: "according to")
            }
            guard let cueText = cueText(at: cue, analysis, fragment: fragment) else { continue }
            if let found = attribution(atCue: cue, analysis, speakers, fragment: fragment) { return found }
            if unattributed == nil { unattributed = Attribution(speaker: nil, cue: cueText) }
        }
        return unattributed ?? Attribution(speaker: nil, cue: nil)
    }

    private func distance(_ token: Int, _ quote: Range<Int>) -> Int {
        token < quote.lowerBound ? quote.lowerBound - token : token - quote.upperBound
    }

    // MARK: indirect speech

    private func indirectQuotes(
        _ analysis: DocumentAnalysis, speakers: [Int: SpeakerMention], quoted: [QuotedToken], fragments: [Fragment]
    ) -> [Quote] {
        var quotes: [Quote] = []
        for sentence in analysis.sentences {
            // The reported clause ends where a quotation of its own begins ("X stressed that
            // on February 25, “...”"); quoted fragments inside it ("that the statement was
            // “true.”") stay in the clause, which is then reported speech with quoted words.
            let firstDirect = sentence.tokens.first { quoted[$0] == .direct }
            let range = sentence.tokens.lowerBound..<(firstDirect ?? sentence.tokens.upperBound)
            guard range.count >= 4 else { continue }
            var end = range.upperBound
            while end > range.lowerBound, quoted[end - 1] == .none, [".", "!", "?", "\"", "”"].contains(analysis.tokens[end - 1].text) { end -= 1 }
            // A semicolon ends the report: "X said the timing was not intentional; they only
            // learned ..." reports the first clause, "...; the vote is final, X said" the last.
            var cueToken = range.lowerBound
            let emit = { (first: Int, last: Int, cue: String, speaker: Quote.Speaker) in
                var first = first
                var last = last
                let semicolons = (first..<max(first, last)).filter { analysis.tokens[$0].text == ";" && quoted[$0] == .none }
                if cueToken < first, let semicolon = semicolons.first { last = semicolon }
                if cueToken >= last, let semicolon = semicolons.last { first = semicolon + 1 }
                quotes += report(analysis, first, last, cue: cue, speaker: speaker, fragments: fragments)
            }
            // A report cut short by a second one ("X announced ... and said ...") resumes here.
            var resume = range.lowerBound
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
                if SpeechCues.namingVerbs.contains(word), (cue + 1..<end).contains(where: { quoted[$0] == .partial }),
                    let found = subject(before: cue, speakers, analysis)
                {
                    emit(cue + 1, end, analysis.tokens[cue].text, found)
                    break
                }
                guard SpeechCues.indirectVerbs.contains(word) else { continue }
                if let found = subject(before: cue, speakers, analysis) ?? phraseSubject(before: cue, speakers, analysis) {
                    // "content, X said." (with any title before the name: ", Russian Deputy Foreign Minister X said")
                    var comma = tokenIndex(startingAt: found.start, analysis) - 1
                    while comma > range.lowerBound, analysis.tokens[comma].text != ",",
                        analysis.tokens[comma].text.unicodeScalars.first?.isUpper == true || analysis.tokens[comma].text.lowercased() == "the"
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
                    let closesSentence = firstDirect == nil && end - (cue + 1) <= 4 && found.name != "who"
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
                    if contentStart < end,
                        let that = (contentStart..<max(contentStart, min(end - 3, contentStart + 7))).first(where: { analysis.tokens[$0].text == "that" }),
                        !(contentStart..<that).contains(where: { ["and", "but"].contains(analysis.tokens[$0].text) })
                    {
                        contentStart = that
                    } else if !SpeechCues.verbs.contains(word) {
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
                    if !introducesQuote { emit(contentStart, end, analysis.tokens[cue].text, found) }
                    break
                }
                // "content, said X."
                if cue > range.lowerBound + 2, analysis.tokens[cue - 1].text == ",", let found = mention(startingAfter: cue, speakers, analysis) {
                    emit(range.lowerBound, cue - 1, analysis.tokens[cue].text, speaker(found))
                    break
                }
            }
        }
        return quotes
    }

    private static let secondReportVerbs: Set<String> = [
        "said", "says", "told", "tells", "added", "warned", "insisted", "argued", "stressed", "noted", "acknowledged", "claimed",
    ]

    /// A speech verb that opens a report of its own after a conjunction: "and said", "but he said".
    private func isSecondReport(at token: Int, _ analysis: DocumentAnalysis) -> Bool {
        guard token >= 2, Self.secondReportVerbs.contains(analysis.tokens[token].text.lowercased()) else { return false }
        let before = analysis.tokens[token - 1].text.lowercased()
        if ["and", "but"].contains(before) { return true }
        return Self.pronouns.contains(before) && ["and", "but"].contains(analysis.tokens[token - 2].text.lowercased())
    }

    /// Reports that hang on a noun or a participle rather than a verb with its subject:
    /// "Trump's claim that ...", "his argument that ..." (the owner speaks) and "“...,” the
    /// mayor said, adding that ..." or "..., arguing that ..." (the speaker of the sentence's
    /// cue before it, else its subject). The report runs to the sentence end or a quotation.
    private func clauseReports(
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
    private static let finiteVerbs: Set<String> = [
        "was", "were", "is", "are", "would", "will", "could", "should", "can", "had", "has", "have", "did", "does", "may",
        "might", "must", "wo", "ca",
    ]

    private static let closingMarks: Set<String> = ["'", "”", "\"", "’", "»"]

    /// The subject right before a cue: a resolved mention, a description, a bare name.
    private func subject(before cue: Int, _ speakers: [Int: SpeakerMention], _ analysis: DocumentAnalysis) -> Quote.Speaker? {
        if cue > 0, analysis.tokens[cue - 1].text == ",", analysis.tokens[cue].text.hasSuffix("ing") {
            return sentenceSubject(before: cue - 1, speakers, analysis)
        }
        return mention(endingBefore: cue, speakers, analysis).map(speaker) ?? description(endingBefore: cue, analysis)
            ?? appositiveSubject(before: cue, speakers, analysis) ?? bareName(before: cue, analysis)
    }

    /// The source of "according to" that no mention or description covers, up to the next
    /// punctuation: "According to exit polls, ...", "according to a new report by Politico."
    private func sourcePhrase(after to: Int, before end: Int, _ analysis: DocumentAnalysis) -> Quote.Speaker? {
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
    private static let phraseBoundaries: Set<String> = [
        ",", ";", ":", "—", "―", "--", "(", ")", "while", "but", "because", "as", "when", "if", "so", "and", "whereas", "although",
    ]
    private static let demonstratives: Set<String> = ["this", "these", "that", "those", "it", "there"]
    /// Words a subject phrase may hold between its words: "Experts on North Korea and nuclear nonproliferation".
    private static let phraseLinks: Set<String> = ["of", "on", "for", "in", "at", "from", "with", "and", "around", "across", "'s", "’s", "-"]

    /// A subject the entity stage knows nothing of, for an indirect report: the noun phrase
    /// right before the cue from the sentence start or a clause boundary ("Several cast
    /// members said", "Experts on North Korea said", "..., while 73 percent said"), the
    /// relative "who" ("an architect who said"), or the sentence's subject for a second verb
    /// ("Mr. Schultz supported Democrats ... and said").
    private func phraseSubject(before cue: Int, _ speakers: [Int: SpeakerMention], _ analysis: DocumentAnalysis) -> Quote.Speaker? {
        let sentenceStart = analysis.sentences[analysis.sentenceIndex(ofToken: cue)].tokens.lowerBound
        var head = cue - 1
        while head > sentenceStart, analysis.tokens[head].text.hasSuffix("ly") || ["also", "later", "then", "has", "have", "had"].contains(analysis.tokens[head].text) {
            head -= 1
        }
        guard head >= sentenceStart else { return nil }
        let headWord = analysis.tokens[head].text.lowercased()
        if headWord == "who" { return unnamed(analysis, head, head + 1) }
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
            || (first...head).contains(where: { Self.groupNouns.contains(analysis.tokens[$0].text) || Self.speakerNouns.contains(analysis.tokens[$0].text) }),
            !Self.demonstratives.contains(opening.lowercased())
        else { return nil }
        return unnamed(analysis, first, head + 1)
    }

    /// The name before an appositive or a party label that separates it from its cue:
    /// "Rep. Jim Jordan (R-Ohio), an oversight panel member, said", "Mr. King, 82, told",
    /// "Ms. Moore (D-Wis.) said". Tried back over up to four commas of the sentence.
    private func appositiveSubject(before cue: Int, _ speakers: [Int: SpeakerMention], _ analysis: DocumentAnalysis) -> Quote.Speaker? {
        // "..., recently put it": past one adverb.
        if cue > 2, analysis.tokens[cue - 1].text.hasSuffix("ly") || Self.skippableBeforeCue.contains(analysis.tokens[cue - 1].text) {
            return appositiveSubject(before: cue - 1, speakers, analysis)
        }
        guard cue > 1, [",", ")"].contains(analysis.tokens[cue - 1].text) else { return nil }
        let sentenceStart = analysis.sentences[analysis.sentenceIndex(ofToken: cue)].tokens.lowerBound
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
    private func isPossessive(_ token: Int, _ analysis: DocumentAnalysis) -> Bool {
        guard token > 0, token + 1 < analysis.tokens.count, ["'", "’"].contains(analysis.tokens[token].text) else { return false }
        let owner = analysis.tokens[token - 1]
        return owner.end == analysis.tokens[token].start && owner.text.hasSuffix("s")
            && analysis.tokens[token + 1].start > analysis.tokens[token].end
            && analysis.tokens[token + 1].text.unicodeScalars.first?.isAlpha == true
    }

    /// A report over tokens `first..<last`, none when that is too short to be one. With
    /// quoted words inside, those words are partial quotes that carry the reported clause,
    /// and the clause's longest unquoted run is the indirect report.
    private func report(
        _ analysis: DocumentAnalysis, _ first: Int, _ last: Int, cue: String, speaker: Quote.Speaker, fragments: [Fragment]
    ) -> [Quote] {
        guard first >= 0, last <= analysis.tokens.count, last - first >= 3 else { return [] }
        let start = analysis.tokens[first].start
        let end = analysis.tokens[last - 1].end
        let inside = fragments.filter { (first..<last).contains($0.marks.lowerBound) }
        guard !inside.isEmpty else {
            return [Quote(text: analysis.text(start, end), start: start, end: end, kind: .indirect, cue: cue, speaker: speaker)]
        }
        let clause = Mention(start: start, end: end, text: analysis.text(start, end))
        var quotes = inside.map { Quote(text: $0.text, start: $0.start, end: $0.end, kind: .partial, cue: cue, speaker: speaker, clause: clause) }
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
                quotes.append(Quote(text: analysis.text(runStart, runEnd), start: runStart, end: runEnd, kind: .indirect, cue: cue, speaker: speaker))
            }
        }
        return quotes
    }

    // MARK: helpers

    private func tokenIndex(startingAt offset: Int, _ analysis: DocumentAnalysis) -> Int {
        tokenRange(analysis, from: offset, to: offset).lowerBound
    }

    private func tokenIndex(endingAt offset: Int, _ analysis: DocumentAnalysis) -> Int {
        var index = tokenRange(analysis, from: offset, to: offset).lowerBound
        while index > 0, analysis.tokens[index - 1].end > offset { index -= 1 }
        return max(0, index - 1)
    }

    private func tokenRange(_ analysis: DocumentAnalysis, from start: Int, to end: Int) -> Range<Int> {
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

    private func trimmed(_ analysis: DocumentAnalysis, _ start: Int, _ end: Int) -> (text: String, start: Int, end: Int) {
        var start = start
        var end = end
        while start < end, analysis.scalars[start].isSpace { start += 1 }
        while end > start, analysis.scalars[end - 1].isSpace { end -= 1 }
        return (analysis.text(start, end), start, end)
    }

    /// Drops a quote that lies inside another one (the same words found twice).
    private func merged(_ quotes: [Quote]) -> [Quote] {
        // The same words found twice: the one that knows its reported clause first.
        let sorted = quotes.sorted { ($0.start, -$0.end, $0.clause == nil ? 1 : 0) < ($1.start, -$1.end, $1.clause == nil ? 1 : 0) }
        var kept: [Quote] = []
        for quote in sorted {
            if let last = kept.last, quote.start >= last.start, quote.end <= last.end { continue }
            kept.append(quote)
        }
        return kept
    }
}
