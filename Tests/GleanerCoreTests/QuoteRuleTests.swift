import Testing

@testable import GleanerCore

/// The quote stage one rule at a time, on short texts written for these tests and
/// entities built by hand: no trained model runs, so each test pins one rule of
/// `SpeakerRules.all`, `IndirectCueRules.all` or `QuoteExtractor.refinements`.
@Suite struct QuoteRuleTests {
    /// A document whose people are found wherever their full name or their surname stands,
    /// and its places (ids after the people's) wherever their name stands.
    struct Document {
        let text: String
        var entities: [Entity]
        let context: QuoteContext

        init(_ text: String, people: [String] = [], places: [String] = []) {
            self.text = text
            let scalars = Array(text.unicodeScalars)
            var taken: [Range<Int>] = []
            func occurrences(of phrase: String) -> [Mention] {
                let words = Array(phrase.unicodeScalars)
                guard scalars.count >= words.count else { return [] }
                return (0...(scalars.count - words.count)).compactMap { start in
                    let span = start..<(start + words.count)
                    guard Array(scalars[span]) == words, !taken.contains(where: { $0.overlaps(span) }) else { return nil }
                    taken.append(span)
                    return Mention(start: span.lowerBound, end: span.upperBound, text: phrase)
                }
            }
            entities = people.enumerated().map { index, name in
                let surname = String(name.split(separator: " ").last ?? "")
                let mentions = (occurrences(of: name) + occurrences(of: surname)).sorted { $0.start < $1.start }
                return Entity(id: "e\(index + 1)", type: "PERSON", name: name, mentions: mentions)
            }
            entities += places.enumerated().map { index, name in
                Entity(id: "e\(people.count + index + 1)", type: "GPE", name: name, mentions: occurrences(of: name))
            }
            context = QuoteContext(DocumentAnalysis(text: text), entities: entities)
        }

        /// Where the first quote between marks stands.
        func site() throws -> QuoteSite {
            let marked = try #require(context.marked.first)
            return QuoteSite(marked.inside, fragment: !marked.startsSentence, in: context)
        }

        /// The speaker the rules choose for the first quote between marks, and the rule's name.
        func attributed() throws -> (speaker: Quote.Speaker?, cue: String?, rule: String?) {
            let (attribution, rule) = context.attribute(try site())
            return (attribution.speaker, attribution.cue, rule)
        }

        func words(_ speaker: Quote.Speaker?) -> String? {
            speaker.map { String(String.UnicodeScalarView(Array(text.unicodeScalars)[$0.start..<$0.end])) }
        }
    }

    // MARK: speaker rules of quotes between marks

    @Test func aCueRightAfterTheClosingMarkNamesTheSpeaker() throws {
        let document = Document("Harbour news\n“The bridge will open in May,” Vale said.", people: ["Nora Vale"])
        let site = try document.site()
        let found = try #require(CueAfterQuote().attribute(site, in: document.context))
        #expect(found.speaker?.entity == "e1")
        #expect(found.cue == "said")
        #expect(try document.attributed().rule == "cue after the quote")
    }

    @Test func aCueBeforeTheOpeningMarkNamesTheSpeakerWhenNothingFollows() throws {
        let document = Document("Harbour news\nNora Vale said: “The bridge will open in May.”", people: ["Nora Vale"])
        #expect(CueAfterQuote().attribute(try document.site(), in: document.context) == nil)
        let found = try document.attributed()
        #expect(found.rule == "cue before the quote")
        #expect(found.speaker?.name == "Nora Vale")
        #expect(document.words(found.speaker) == "Nora Vale")
    }

    @Test func aVerbInThePastNoLexiconListsIsACueAfterTheQuote() throws {
        let document = Document("Harbour news\n“Nobody here will wait another year,” Vale fumed.", people: ["Nora Vale"])
        let found = try document.attributed()
        #expect(found.rule == "unlisted verb after the quote")
        #expect(found.cue == "fumed")
        #expect(found.speaker?.entity == "e1")
    }

    @Test func aDashAndANameAfterTheQuoteNameTheSpeakerWithoutACue() throws {
        let document = Document("Harbour news\n“The bridge will open in May.” ― Nora Vale", people: ["Nora Vale"])
        let found = try document.attributed()
        #expect(found.rule == "dash and name after the quote")
        #expect(found.cue == nil)
        #expect(found.speaker?.entity == "e1")
    }

    @Test func theSubjectOfTheSentenceBeforeAColonSpeaks() throws {
        let document = Document(
            "Harbour news\nVale made the following comment: “The bridge will open in May.”", people: ["Nora Vale"])
        let found = try document.attributed()
        #expect(found.rule == "colon introduction")
        #expect(found.speaker?.entity == "e1")
        #expect(found.cue == "comment")
    }

    @Test func aQuotedClauseWithNoCueIsThePersonSubjectsOfItsSentence() throws {
        let document = Document("Harbour news\nVale offered “my thoughts and prayers to the families.”", people: ["Nora Vale"])
        let site = try document.site()
        #expect(site.fragment)
        let found = try document.attributed()
        #expect(found.rule == "person subject of the quote's sentence")
        #expect(found.speaker?.entity == "e1")
    }

    @Test func aNameAfterACueThatFollowsAWordIsItsObjectNotItsSpeaker() throws {
        let document = Document(
            "Harbour news\nNora Vale, who has in the past described Otto Brandt as “a careful and honest planner,” spoke.",
            people: ["Nora Vale", "Otto Brandt"])
        let described = try #require(document.context.analysis.tokens.firstIndex { $0.text == "described" })
        #expect(!document.context.invertible(described))
        #expect(document.context.attribution(atCue: described, fragment: true)?.speaker?.entity != "e2")
        let inverted = Document("Harbour news\n“The bridge will open in May,” said Vale.", people: ["Nora Vale"])
        let said = try #require(inverted.context.analysis.tokens.firstIndex { $0.text == "said" })
        #expect(inverted.context.invertible(said))
        #expect(try inverted.attributed().speaker?.entity == "e1")
    }

    @Test func aParticipleAfterAPrepositionIsSpokenByTheSentencesSubject() throws {
        let document = Document(
            "Harbour news\nNora Vale discussed the plans of Otto Brandt before saying, “The bridge will open in May.”",
            people: ["Nora Vale", "Otto Brandt"])
        let found = try document.attributed()
        #expect(found.speaker?.entity == "e1")
        #expect(found.cue == "saying")
    }

    @Test func anInfinitiveCueIsSpokenByTheNameBeforeItsVerbs() throws {
        let document = Document(
            "Harbour news\nThe meeting was so quiet that Otto Brandt was prompted to say, “The bridge will open in May.”",
            people: ["Otto Brandt"])
        #expect(try document.attributed().speaker?.entity == "e1")
    }

    @Test func aCueThatOpensTheNextReportDoesNotAttributeTheQuoteBeforeIt() throws {
        let document = Document(
            "Harbour news\n“The bridge will open in May.” Vale went on to say: “Nobody here will wait another year.”",
            people: ["Nora Vale"])
        let went = try #require(document.context.analysis.tokens.firstIndex { $0.text == "went" })
        #expect(document.context.opensReport(after: went))
        #expect(CueAfterQuote().attribute(try document.site(), in: document.context) == nil)
        let closing = Document("Harbour news\n“The bridge will open in May.” Vale said.", people: ["Nora Vale"])
        let said = try #require(closing.context.analysis.tokens.firstIndex { $0.text == "said" })
        #expect(!closing.context.opensReport(after: said))
        #expect(CueAfterQuote().attribute(try closing.site(), in: closing.context)?.speaker?.entity == "e1")
    }

    @Test func anIntroductionGoesOnPastAPlaceAndATimeToTheSubject() throws {
        let document = Document(
            "Harbour news\nAt a meeting in Marlow, Kent, on Sunday, Nora Vale spoke for an hour.", people: ["Nora Vale"],
            places: ["Marlow", "Kent"])
        let spoke = try #require(document.context.analysis.tokens.firstIndex { $0.text == "spoke" })
        #expect(document.context.sentenceSubject(before: spoke)?.entity == "e1")
    }

    @Test func aParticipleAfterACommaIsSpokenByTheSpeakerOfTheCueBeforeItsTimeAndPlace() throws {
        let document = Document(
            "Harbour news\n“The bridge will open in May,” Vale said on Sunday in Marlow, noting the council “will pay for every plank.”",
            people: ["Nora Vale"], places: ["Marlow"])
        let noting = try #require(document.context.analysis.tokens.firstIndex { $0.text == "noting" })
        #expect(document.context.attribution(atCue: noting, fragment: true)?.speaker?.entity == "e1")
    }

    @Test func aQuoteNobodyIsSaidToHaveSaidHasNoSpeakerAndNoRule() throws {
        let document = Document("Harbour news\nThe river rose. “The water is cold and the wind is strong.”")
        let found = try document.attributed()
        #expect(found.speaker == nil)
        #expect(found.rule == nil)
    }

    // MARK: the quotation-mark layout

    @Test func aQuoteWithNoCueContinuesThePreviousSpeakerOfItsParagraph() throws {
        let document = Document(
            "Harbour news\n“The bridge will open in May,” Vale said. “Nobody here will wait another year.”", people: ["Nora Vale"]
        )
        let quotes = QuotationMarks().quotes(in: document.context)
        #expect(quotes.count == 2)
        #expect(quotes.map(\.explanation.rule) == ["cue after the quote", "continues the previous quote's speaker"])
        #expect(quotes.allSatisfy { $0.quote.speaker?.entity == "e1" })
        #expect(quotes.map(\.quote.cue) == ["said", "said"], "the same report goes on in its paragraph")
    }

    // MARK: indirect speech

    func indirect(_ text: String, people: [String] = []) -> [FoundQuote] {
        IndirectSpeech().quotes(in: Document(text, people: people).context)
    }

    @Test func theSubjectBeforeASpeechVerbReportsTheClauseAfterIt() throws {
        let found = try #require(
            indirect("Harbour news\nNora Vale said the bridge would open in May.", people: ["Nora Vale"]).first)
        #expect(found.quote.text == "the bridge would open in May")
        #expect(found.quote.kind == .indirect)
        #expect(found.quote.speaker?.entity == "e1")
        #expect(found.explanation.rule == "subject before the cue")
    }

    @Test func aReportBeforeItsSpeakerAndCueEndsAtTheComma() throws {
        let found = try #require(
            indirect("Harbour news\nThe bridge will open in May, Nora Vale said.", people: ["Nora Vale"]).first)
        #expect(found.quote.text == "The bridge will open in May")
        #expect(found.explanation.rule == "subject before the cue")
    }

    @Test func accordingToNamesTheSourceOfTheRestOfTheSentence() throws {
        let found = try #require(
            indirect("Harbour news\nAccording to Nora Vale, the bridge will open in May.", people: ["Nora Vale"]).first)
        #expect(found.quote.text == "the bridge will open in May")
        #expect(found.quote.cue == "according to")
        #expect(found.explanation.rule == "according to")
    }

    @Test func aDescriptionAfterACueThatClosesTheReportSpeaks() throws {
        let found = try #require(indirect("Harbour news\nThe bridge will open in May, said the harbour master.").first)
        #expect(found.quote.text == "The bridge will open in May")
        #expect(found.quote.speaker?.name == "the harbour master")
        #expect(found.quote.speaker?.entity == nil)
        #expect(found.explanation.rule == "speaker phrase after a cue that closes the report")
    }

    @Test func aSemicolonEndsTheReportedClause() throws {
        let found = try #require(
            indirect("Harbour news\nNora Vale said the bridge was late; the council met on Friday.", people: ["Nora Vale"]).first)
        #expect(found.quote.text == "the bridge was late")
    }

    @Test func aSecondReportOfTheSentenceCutsTheFirstAndIsReadOnItsOwn() throws {
        let found = indirect(
            "Harbour news\nNora Vale said the bridge was late and said the council would pay.", people: ["Nora Vale"])
        #expect(found.map(\.quote.text) == ["the bridge was late", "the council would pay"])
    }

    @Test func aRelativeWhoAfterACopulaSpeaksForTheSubjectOfTheCopula() throws {
        let text = "Harbour news\nNora Vale is a stubborn harbour master and critic who said the quay would close."
        let found = try #require(indirect(text, people: ["Nora Vale"]).first)
        #expect(found.quote.text == "the quay would close")
        #expect(found.quote.speaker?.entity == "e1")
        #expect(Document(text).words(found.quote.speaker) == "who")
    }

    @Test func aRelativeWhoAfterADashSpeaksForTheNameBeforeTheDash() throws {
        let found = try #require(
            indirect("Harbour news\nOn Monday, Tom Brink—who said the quay would close—left early.", people: ["Tom Brink"]).first)
        #expect(found.quote.speaker?.entity == "e1")
        #expect(found.quote.speaker?.name == "Tom Brink")
    }

    @Test func aVerbJoinedByACommaSharesTheSubjectOfTheVerbBefore() throws {
        let document = Document(
            "Harbour news\nVale wins Marlow, vows to close the quay.", people: ["Nora Vale"], places: ["Marlow"])
        let found = try #require(document.context.attitudeReports().first)
        #expect(found.text == "to close the quay")
        #expect(found.speaker?.entity == "e1")
    }

    @Test func theAgentOfAPassiveDeclarationSpeaks() throws {
        let found = try #require(
            indirect("Harbour news\nNora Vale was declared the winner of the harbour vote by election officials on Tuesday.")
                .first)
        #expect(found.quote.text == "Nora Vale was declared the winner of the harbour vote")
        #expect(found.quote.speaker?.name == "election officials")
        #expect(found.explanation.rule == "agent of a passive speech verb")
    }

    @Test func aPassiveByAMarginNamesNoAgent() {
        let found = indirect("Harbour news\nNora Vale was declared the winner by a wide margin on Tuesday.")
        #expect(!found.contains { $0.explanation.rule == "agent of a passive speech verb" })
        #expect(!found.contains { $0.quote.speaker?.name == "a wide margin" })
    }

    @Test func theSubjectOfTheVerbBeforeAPossessiveOwnsTheStance() throws {
        let text = "Harbour news\nNora Vale withdrew her support for the quay plan on Tuesday."
        let found = try #require(Document(text, people: ["Nora Vale"]).context.attitudeReports().first)
        #expect(found.speaker?.entity == "e1")
        #expect(Document(text).words(found.speaker) == "Nora Vale")
    }

    @Test func aParticipleAfterAPrepositionLeavesThePossessiveItsOwner() throws {
        let text = "Harbour news\nOne month after withdrawing her support for the quay plan, Nora Vale spoke."
        let found = try #require(Document(text, people: ["Nora Vale"]).context.attitudeReports().first)
        #expect(Document(text).words(found.speaker) != "One month after")
    }

    @Test func aConjunctionOpeningTheSentenceIsNoSpeakerTheSubjectAfterItIs() {
        let found = indirect(
            "Harbour news\nBut on Tuesday, Nora Vale stood firm and urged members to vote for the plan.", people: ["Nora Vale"])
        #expect(!found.contains { $0.quote.speaker?.name == "But" })
        #expect(found.first?.quote.speaker?.entity == "e1")
    }

    // MARK: refinements and explanations

    @Test func aBeliefCueMakesTheReportABelief() {
        let context = Document("Harbour news").context
        let expects = Quote(text: "rain", start: 0, end: 4, kind: .indirect, cue: "expects", speaker: nil)
        #expect(BeliefAct().refine(expects, in: context).act == .belief)
        let said = Quote(text: "rain", start: 0, end: 4, kind: .indirect, cue: "said", speaker: nil)
        #expect(BeliefAct().refine(said, in: context).act == .speech)
    }

    @Test func aBareNameSpeakerIsLinkedToTheOnePersonOfThatName() {
        let text = "Harbour news\nNora Vale spoke first. Vale said the quay would close."
        let bare = Quote(
            text: "the quay would close", start: 46, end: 66, kind: .indirect, cue: "said",
            speaker: Quote.Speaker(name: "Vale", entity: nil, start: 36, end: 40))
        let linked = BareNameLink().refine(bare, in: Document(text, people: ["Nora Vale"]).context)
        #expect(linked.speaker?.entity == "e1")
        #expect(linked.speaker?.name == "Nora Vale")
        #expect(linked.speaker?.start == 36)
        let twoVales = Document("Harbour news\nNora Vale and Tom Vale spoke first.", people: ["Nora Vale", "Tom Vale"])
        #expect(BareNameLink().refine(bare, in: twoVales.context).speaker?.entity == nil)
        var pronoun = bare
        pronoun.speaker = Quote.Speaker(name: "His", entity: nil, start: 36, end: 39)
        // Even where the entity stage gave an entity a mention "His".
        let possessive = Document("Harbour news\nHis team met.", people: ["His"])
        #expect(BareNameLink().refine(pronoun, in: possessive.context) == pronoun)
    }

    @Test func everyRuleAndLayoutHasANameOfItsOwn() {
        for names in [
            QuoteExtractor.layouts.map(\.name), QuoteExtractor.refinements.map(\.name), SpeakerRules.all.map(\.name),
            IndirectCueRules.all.map(\.name),
        ] {
            #expect(Set(names).count == names.count, "\(names)")
        }
    }

    @Test func theStageExplainsEachQuoteByItsLayoutAndRule() throws {
        let document = Document(
            "Harbour news\n“The bridge will open in May,” Vale said.\nNora Vale said the council would pay.",
            people: ["Nora Vale"])
        let found = QuoteExtractor().extract(document.context.analysis, entities: document.entities)
        let direct = try #require(found.first { $0.quote.kind == .direct })
        #expect(direct.explanation.layout == "quotation marks")
        #expect(direct.explanation.rule == "cue after the quote")
        let reported = try #require(found.first { $0.quote.kind == .indirect })
        #expect(reported.explanation.layout == "indirect speech")
        let lines = direct.explanation.lines(for: direct.quote, number: 1)
        #expect(lines.contains("  layout: quotation marks"))
        #expect(lines.contains("  speaker: Nora Vale [e1], chosen by: cue after the quote, cue: said"))
    }

    @Test func theRankerExplainsItsChoiceWithEveryCandidatesScore() throws {
        let document = Document(
            "Harbour news\nNora Vale and Otto Brandt met.\n“The water is cold and the wind is strong.”",
            people: ["Nora Vale", "Otto Brandt"])
        let marked = try #require(document.context.marked.first)
        let quote = Quote(
            text: "", start: document.context.analysis.tokens[marked.inside.lowerBound].start - 1,
            end: document.text.unicodeScalars.count, kind: .direct, cue: nil, speaker: nil)
        let ranker = SpeakerRanker(weights: ["bias": 1, "opens_sentence": 2])
        let filled = try #require(
            ranker.fill([FoundQuote(quote, rule: nil)], entities: document.entities, scalars: document.context.analysis.scalars)
                .first)
        #expect(filled.explanation.rule == "speaker ranker")
        #expect(filled.explanation.ranked.map(\.text) == ["Nora Vale", "Otto Brandt"])
        #expect(filled.explanation.ranked.map(\.score) == [3, 1])
        #expect(filled.quote.speaker?.entity == "e1")
    }
}
