import GleanerCore
import Testing

/// A quote that runs on into a new sentence opened with a fresh mark, as happens where
/// a source joined its paragraphs: the new mark opens the next quote. Text written for
/// these tests.
@Suite struct RunOnQuoteTests {
    static let text = """
        Harbour master retires

        Tom Brink said: "I was lucky to work on this quay for forty years. "The crews taught me everything, and I will miss them." He leaves in May.
        """

    @Test func aMarkAfterASentenceEndOpensTheNextQuote() throws {
        let story = try ExtractedStory(Self.text)
        let first = try story.quote("I was lucky to work on this quay for forty years.")
        #expect(first.speaker?.name == "Tom Brink")
        let second = try story.quote("The crews taught me everything, and I will miss them.")
        #expect(second.speaker?.name == "Tom Brink", "the run-on quote continues its speaker")
        #expect(!story.result.quotes.contains { $0.text.contains("He leaves") }, "the reporter's words stay outside")
    }
}
