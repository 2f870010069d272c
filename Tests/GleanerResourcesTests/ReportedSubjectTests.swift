import GleanerCore
import Testing

/// "X (party) said Y is “...”": X speaks, past the label in brackets; Y is the subject
/// of the reported clause, not a speaker named after the cue. Text written for these tests.
@Suite struct ReportedSubjectTests {
    static let text = """
        Harbour row

        At a rally on Monday, the mayor's rival Jonas Brink (D-Marlow) said Helena Brandt is “not fit to run a harbour.”
        """

    @Test func theNameAfterTheCueIsTheReportedSubject() throws {
        let story = try ExtractedStory(Self.text)
        #expect(try story.quote("not fit to run a harbour.").speaker?.name == "Jonas Brink")
        #expect(try story.quote("Helena Brandt is").speaker?.name == "Jonas Brink")
    }
}
