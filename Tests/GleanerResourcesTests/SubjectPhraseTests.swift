import GleanerCore
import Testing

/// The words around a subject phrase: a group noun keeps its modifiers, and an adverb
/// between the subject and its cue belongs to neither. Text written for these tests.
@Suite struct SubjectPhraseTests {
    static let text = """
        Ramp report

        The council kept part of the report back, which harbour officials said would protect the divers.

        Tom Brink still maintains that the ramp is safe.
        """

    let story: ExtractedStory

    init() throws {
        story = try ExtractedStory(Self.text)
    }

    @Test func aGroupNounKeepsItsModifiers() throws {
        #expect(try story.quote("would protect the divers").speaker?.name == "harbour officials")
    }

    @Test func anAdverbBeforeTheCueIsNoPartOfTheName() throws {
        let report = try story.quote("that the ramp is safe")
        #expect(report.speaker?.name == "Tom Brink")
        #expect(report.speaker?.entity != nil)
    }
}
