import GleanerCore
import Testing

/// A time phrase between the speaker and the cue is no part of the speaker, in text
/// written for these tests.
@Suite struct TimeBeforeCueTests {
    static let text = """
        Ferry strike ends

        Union leader Mara Quist on Thursday said the crews would return to work.

        The harbour board last week warned that fares would rise.
        """

    @Test func aDayAfterANameIsNotTheName() throws {
        let story = try ExtractedStory(Self.text)
        #expect(try story.quote("the crews would return to work").speaker?.name == "Mara Quist")
        #expect(try story.quote("that fares would rise").speaker?.name == "The harbour board")
    }
}
