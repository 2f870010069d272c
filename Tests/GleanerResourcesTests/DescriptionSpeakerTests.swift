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

    /// "The crowd cheered Marta Quill": a lowercase word before a name, after another
    /// lowercase word, is a verb taking the name, not her role; read as one, every later
    /// "the ... crowd cheered" became a mention of her.
    @Test func aVerbBeforeANameIsNoRoleToDescribeHerBy() throws {
        let text = """
            Quill wins harbour seat

            The crowd cheered Marta Quill when she arrived at the count in Kingsport on Friday. \
            Later the tired crowd cheered again as the result came in.

            Marta Quill said she was grateful.
            """
        let quill = try #require(try ExtractedStory(text).result.entities.first { $0.name == "Marta Quill" })
        #expect(!quill.mentions.contains { $0.text.lowercased().hasPrefix("the") }, "\(quill.mentions.map(\.text))")
    }
}
