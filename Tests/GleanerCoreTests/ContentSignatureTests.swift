import Testing

@testable import GleanerCore

@Suite struct ContentSignatureTests {
    // Text we wrote for these tests: a short made-up council story.
    private let story = """
        Harbour council approves new ferry timetable

        The harbour council voted on Tuesday to approve a new ferry timetable that adds two \
        early crossings on weekdays and moves the last evening boat to half past ten.

        Councillor Mara Velden said the change answered years of complaints from shift workers \
        who could not get home after late duties at the hospital on the far shore.

        The operator expects the extra crossings to cost about four hundred thousand a year, \
        paid for by a small rise in the price of monthly passes from the spring.

        Residents on the island side will be asked for their views at two public meetings \
        before the timetable takes effect at the start of the summer season.
        """

    @Test func aLightlyEditedCopyIsAboveTheThresholdAndAnUnrelatedStoryFarBelow() throws {
        let original = try #require(ContentSignature(text: story))
        let retitled = "Ferry timetable approved" + story.drop(while: { $0 != "\n" })
        let copy = try #require(ContentSignature(text: retitled + "\n\nShare this story with your friends."))
        let unrelated = try #require(
            ContentSignature(
                text: """
                    Library extends opening hours

                    The town library will open until nine on weekdays from next month, the council said, \
                    after a survey found that students wanted a quiet place to work in the evenings.
                    """))
        #expect(original.estimatedJaccard(copy) >= 0.8)
        #expect(original.estimatedJaccard(unrelated) < 0.2)
    }

    @Test func signaturesIgnoreCaseAndRoundTripThroughHex() throws {
        let lower = try #require(ContentSignature(text: story.lowercased()))
        let original = try #require(ContentSignature(text: story))
        #expect(lower == original)
        #expect(ContentSignature(hex: Array(original.hex.utf8)[...]) == original)
        #expect(original.bandKeys.count == ContentSignature.bands)
    }

    @Test func aTextWithoutWordsHasNoSignature() {
        #expect(ContentSignature(text: " -- ... ") == nil)
        #expect(ContentSignature(text: "Brief") != nil)
    }
}
