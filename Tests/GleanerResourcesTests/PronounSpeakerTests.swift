import GleanerCore
import Testing

/// Pronoun speakers resolved by salience, gender and quotation, in text written for
/// these tests: in each, the person named last before the pronoun is the wrong one.
@Suite struct PronounSpeakerTests {
    static let text = """
        Ferries return to Marlow

        Peter Walsh, a spokesman for harbour chief Anna Berg, said the ferries would run again on Monday.

        “We apologise to every passenger,” he said.

        Mayor Helena Brandt praised the crews. “I told Jonas Brink the quay would hold,” she said.

        Mrs Clara Amsel stood beside the quay as Mr Tom Brink said the ferries would sail. “The harbour is safe,” she said.

        Harbour master Tom Brink said the storm had passed. He said it took Nils Carver a week to mend the ramp. “We were lucky,” he said.

        Clara Amsel herself said the harbour fees would rise.

        Harbour master Ivo Lind said the ferries would return on Monday, “The boats are ready. The crews are rested. The ramps are mended. The fares are fixed.”

        He added, “We are proud of every crew on the quay.”
        """

    let story: ExtractedStory

    init() throws {
        story = try ExtractedStory(Self.text)
    }

    @Test func theSubjectOfTheReportBeatsANameAfterAPreposition() throws {
        let quote = try story.quote("We apologise to every passenger,")
        #expect(quote.speaker?.name == "Peter Walsh", "not Anna Berg, named last but only as whom he speaks for")
        #expect(quote.speaker?.entity != nil)
    }

    @Test func aNameInsideTheQuoteIsNotItsSpeaker() throws {
        #expect(try story.quote("I told Jonas Brink the quay would hold,").speaker?.name == "Helena Brandt")
    }

    @Test func theObjectOfAReportedClauseIsNotItsSubject() throws {
        #expect(
            try story.quote("We were lucky,").speaker?.name == "Tom Brink",
            "in 'He said it took Nils Carver', Carver is no speaker")
    }

    @Test func aReflexiveIsNotTheSpeakersMention() throws {
        let report = try story.quote("the harbour fees would rise")
        #expect(try story.written(report.speaker) == "Clara Amsel", "not 'herself'")
    }

    @Test func aLongQuoteDoesNotHideTheSpeakerOfTheParagraphBefore() throws {
        let quote = try story.quote("We are proud of every crew on the quay.")
        #expect(quote.speaker?.name == "Ivo Lind")
        #expect(quote.speaker?.entity != nil)
    }

    @Test func anHonorificGivesTheGender() throws {
        #expect(
            try story.quote("The harbour is safe,").speaker?.name == "Clara Amsel",
            "Mr Brink is the report's subject but not a she")
    }
}
