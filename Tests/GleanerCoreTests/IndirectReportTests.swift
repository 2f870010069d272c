import Testing

@testable import GleanerCore

/// Span and speaker rules of reported speech without quote marks, on short texts written
/// for these tests with people built by hand (`QuoteRuleTests.Document`).
@Suite struct IndirectReportTests {
    func indirect(_ text: String, people: [String] = []) -> [Quote] {
        IndirectSpeech().quotes(in: QuoteRuleTests.Document(text, people: people).context).map(\.quote)
            .filter { $0.kind == .indirect }
    }

    func attitudes(_ text: String, people: [String] = []) -> [Quote] {
        QuoteRuleTests.Document(text, people: people).context.attitudeReports()
    }

    @Test func aClauseWithQuotedWordsIsReportedWholeWhenMostOfItIsParaphrase() throws {
        let text = "Harbour news\nNora Vale said the council had “some explaining to do” on the delays to the bridge."
        let found = try #require(indirect(text, people: ["Nora Vale"]).first)
        #expect(found.text == "the council had “some explaining to do” on the delays to the bridge")
        #expect(found.speaker?.entity == "e1")
    }

    @Test func aClauseThatIsMostlyQuotedWordsIsNoReportOfItsOwn() {
        #expect(indirect("Harbour news\nNora Vale said it was “a total and utter disgrace.”", people: ["Nora Vale"]).isEmpty)
    }

    /// ", having ..." goes on with what was reported; ", contradicting ..." is the reporter's aside.
    @Test(arguments: [
        (
            "Nora Vale said she would not stand again, having given up on the harbour board.",
            "she would not stand again, having given up on the harbour board"
        ),
        (
            "Nora Vale said the bridge would open in May, contradicting the council's own timetable.",
            "the bridge would open in May"
        ),
    ])
    func aParticipleClauseAfterACommaEndsTheReportUnlessItIsHaving(sentence: String, report: String) throws {
        let found = try #require(indirect("Harbour news\n" + sentence, people: ["Nora Vale"]).first)
        #expect(found.text == report)
    }

    @Test func theSubjectOfAPassiveCueIsNoSpeaker() {
        #expect(indirect("Harbour news\nNora Vale was told the bridge would open in May.", people: ["Nora Vale"]).isEmpty)
        #expect(indirect("Harbour news\nNora Vale was declared the winner of the harbour vote.", people: ["Nora Vale"]).isEmpty)
    }

    @Test func aPassiveDoesNotHideTheReportThatFollowsIt() throws {
        let text =
            "Harbour news\nShortly after Nora Vale was declared the winner, Tom Reed told a crowd in the square that he would appeal."
        let found = try #require(indirect(text, people: ["Nora Vale", "Tom Reed"]).first)
        #expect(found.speaker?.entity == "e2")
        #expect(found.text == "that he would appeal")
    }

    @Test func aStateOfMindAfterBeStillReports() throws {
        let found = try #require(
            indirect("Harbour news\nNora Vale was confident that the bridge would open in May.", people: ["Nora Vale"]).first)
        #expect(found.speaker?.entity == "e1")
    }

    @Test func anAccusationRunsPastAnAsideOnItsObjectToTheCharge() throws {
        let text =
            "Harbour news\nNora Vale accused the old board, which was voted out in November, of letting the pier decay."
        let found = try #require(attitudes(text, people: ["Nora Vale"]).first)
        #expect(found.text == "the old board, which was voted out in November, of letting the pier decay")
        #expect(found.speaker?.entity == "e1")
    }

    @Test func anObjectWithoutAChargeStillEndsAtTheComma() throws {
        let text = "Harbour news\nNora Vale praised the old board, which was voted out in November, and left the hall."
        let found = try #require(attitudes(text, people: ["Nora Vale"]).first)
        #expect(found.text == "the old board")
    }

    @Test func aLongQuotationInsideTheReportersClauseStaysInTheReport() throws {
        let text =
            "Harbour news\nNora Vale said the council had “a great deal of explaining to do” about the delays on the bridge."
        let found = try #require(indirect(text, people: ["Nora Vale"]).first)
        #expect(found.text == "the council had “a great deal of explaining to do” about the delays on the bridge")
    }

    @Test func aQuotationAfterACommaIsASentenceOfItsOwnAndEndsTheReport() {
        let text = "Harbour news\nNora Vale said on Friday, “The bridge will open in May and not a day later.”"
        #expect(indirect(text, people: ["Nora Vale"]).isEmpty)
    }

    @Test func aLongAudienceAfterToldEndsWhereItsClauseBegins() throws {
        let text = "Harbour news\nNora Vale told a packed meeting of traders in the old town hall she will reopen the pier."
        let found = try #require(indirect(text, people: ["Nora Vale"]).first)
        #expect(found.text == "she will reopen the pier")
    }

    @Test func aPairOfDashesHoldsAnAsideTheReportGoesOnAfter() throws {
        let text = "Harbour news\nNora Vale wants to close the pier — the oldest one on the coast — to all cars."
        let found = try #require(attitudes(text, people: ["Nora Vale"]).first)
        #expect(found.text == "to close the pier — the oldest one on the coast — to all cars")
    }

    @Test func aHeadlineLabelMayNameTheAudienceAfterTheSpeaker() throws {
        let document = QuoteRuleTests.Document(
            "Vale to Harbour Traders: The pier will reopen in May\nNora Vale spoke on Friday.", people: ["Nora Vale"])
        let found = try #require(document.context.headlineReport().first)
        #expect(found.text == "The pier will reopen in May")
        #expect(found.speaker?.entity == "e1")
    }

    @Test func aPassiveSpeechVerbBeforeTheSubjectDoesNotHideItsStance() throws {
        let text =
            "Harbour news\nAlthough the pier plan was not announced, Nora Vale has accused Tom Reed of hiding the accounts while he ran the pier."
        let found = try #require(attitudes(text, people: ["Nora Vale", "Tom Reed"]).first)
        #expect(found.text == "Tom Reed of hiding the accounts while he ran the pier")
        #expect(found.speaker?.entity == "e1")
    }
}
