import GleanerCore
import Testing

/// A relative "who" that opens a report speaks for what it hangs on, and the speaker's
/// offsets stay on the "who", where the report writes its subject; text written for
/// these tests.
@Suite struct RelativeSpeakerTests {
    static let text = """
        Quay repairs delayed

        The repairs were approved by harbour master Tom Brink, who said the quay would hold until spring.

        The plan was opposed by several senior council members, who said the budget was rushed.
        """

    let story: ExtractedStory

    init() throws {
        story = try ExtractedStory(Self.text)
    }

    @Test func aNamedAntecedentSpeaksThroughWho() throws {
        let report = try story.quote("the quay would hold until spring")
        #expect(report.speaker?.name == "Tom Brink")
        #expect(report.speaker?.entity != nil)
        #expect(try story.written(report.speaker) == "who")
    }

    @Test func aDescribedAntecedentSpeaksThroughWho() throws {
        let report = try story.quote("the budget was rushed")
        #expect(report.speaker?.name == "several senior council members")
        #expect(try story.written(report.speaker) == "who")
    }
}
