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
        // Three words of the reporter's around the quotation are no report of their own.
        #expect(!story.result.quotes.contains { $0.speaker?.name == "Helena Brandt" })
    }
}
