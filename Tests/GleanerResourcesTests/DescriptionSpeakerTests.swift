import GleanerCore
import Testing

/// A speaker described by a role ("the treasurer") is the person the text gave that
/// role, even paragraphs later and with no title recorded on them; text written for
/// these tests.
@Suite struct DescriptionSpeakerTests {
    static let text = """
        Marlow budget approved

        Lena Holt, the council's treasurer, presented the harbour budget on Tuesday.

        The vote was close. Seven members backed the plan and six opposed it.

        Fishermen protested outside the hall. Their boats filled the quay.

        “The books are balanced for the first time in a decade,” the treasurer said.

        “We will look at the ferry fares next,” the gardener said.
        """

    let story: ExtractedStory

    init() throws {
        story = try ExtractedStory(Self.text)
    }

    @Test func aRoleGivenInAnAppositiveLinksTheDescription() throws {
        let quote = try story.quote("The books are balanced for the first time in a decade,")
        #expect(quote.speaker?.name == "Lena Holt")
        #expect(quote.speaker?.entity != nil)
    }

    @Test func aRoleNobodyWasGivenStaysADescription() throws {
        let quote = try story.quote("We will look at the ferry fares next,")
        #expect(quote.speaker?.entity == nil, "nobody in the story is a gardener")
    }
}
