import GleanerCore
import Testing

/// A dateline opening the paragraph is no subject: the person after its dash speaks.
/// Text written for these tests.
@Suite struct DatelineOpeningTests {
    static let text = """
        Ramp closed

        MARLOW, May 3 (Harbour Wire) — Tom Brink offered “my thanks to every crew on the quay.”
        """

    @Test func theSubjectComesAfterTheDatelineDash() throws {
        let story = try ExtractedStory(Self.text)
        #expect(try story.quote("my thanks to every crew on the quay.").speaker?.name == "Tom Brink")
    }
}
