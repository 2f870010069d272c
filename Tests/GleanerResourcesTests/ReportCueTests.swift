import GleanerCore
import GleanerResources
import Testing

/// Cues of reported speech without a that-clause, in text written for these tests: a
/// headline label, what someone called something, what someone spoke about, what a
/// poll shows; and the places, audiences and continuations that report nothing.
@Suite struct ReportCueTests {
    static let text = """
        Amsel: Harbour Fees Will Not Rise This Year
        Councillor Ruth Amsel has called the fee increase a mistake.
        Mayor Helena Brandt spoke emotionally about the families who lost their boats.
        Polls show a close contest between the two candidates.
        Brandt said in a phone interview.
        The ferry crews continued to stay away from the old quay.
        The union is raising questions about the harbour budget.
        The quay will reopen in May, one harbour official said.
        Rep. Anna Keller (D-N.Y.) said the ferry will run all winter.
        Brandt told “Morning Harbour Radio” that the fares would stay the same.
        The night ferry will run again in March, said one harbour official.
        Brandt said Friday as she entered the hall.
        In one tweet Friday, Amsel said: “The budget is balanced.”
        Amsel has been steadily pounding the ferry company as a “harbour wrecker.”
        Brandt spoke on Monday.
        """

    let story: ExtractedStory

    init() throws {
        story = try ExtractedStory(Self.text)
    }

    @Test func aHeadlineLabelSpeaks() throws {
        let headline = try story.quote("Harbour Fees Will Not Rise This Year")
        #expect(headline.cue == ":")
        #expect(headline.speaker?.name == "Ruth Amsel", "the label resolves to the entity it names")
    }

    @Test func whatSomeoneCalledSomethingIsSpeech() throws {
        let called = try story.quote("the fee increase a mistake")
        #expect(called.cue == "called")
        #expect(called.act == .speech)
        #expect(called.speaker?.name == "Ruth Amsel")
    }

    @Test func whatSomeoneSpokeAboutIsReported() throws {
        let topic = try story.quote("the families who lost their boats")
        #expect(topic.cue == "spoke emotionally about")
        #expect(topic.speaker?.name == "Helena Brandt")
    }

    @Test func whatAPollShowsIsAFinding() throws {
        let finding = try story.quote("a close contest between the two candidates")
        #expect(finding.act == .belief)
        #expect(finding.speaker?.name == "Polls")
    }

    @Test func aNounOfSpeechReportsItsTopicForItsOwnerOrSubject() throws {
        let questions = try story.quote("the harbour budget")
        #expect(questions.cue == "questions about")
        #expect(questions.speaker?.name.hasSuffix("union") == true)
    }

    @Test func speakersPastADeterminerOrAPartyLabel() throws {
        #expect(try story.quote("The quay will reopen in May").speaker?.name.hasSuffix("official") == true)
        #expect(try story.quote("the ferry will run all winter").speaker?.name == "Anna Keller")
    }

    @Test func aShowByNameIsNoQuoteAndTheReportAroundItStands() throws {
        #expect(!story.result.quotes.contains { $0.text.hasPrefix("Morning Harbour Radio") }, "a title is nobody's words")
        #expect(try story.quote("that the fares would stay the same").speaker?.name == "Helena Brandt")
    }

    @Test func aSpeakerAfterTheCueSpeaksForTheClauseBeforeIt() throws {
        #expect(try story.quote("The night ferry will run again in March").speaker?.name == "one harbour official")
    }

    @Test func quotedWordsThatCastSomeoneAreReportedPastAuxiliaries() throws {
        let cast = try story.quote("harbour wrecker.")
        #expect(cast.kind == .partial)
        #expect(cast.cue == "pounding")
        #expect(cast.speaker?.name == "Ruth Amsel")
    }

    @Test func timesAndIntroductionsReportNothing() {
        #expect(!story.result.quotes.contains { $0.text.contains("as she entered the hall") }, "when, not what")
        #expect(!story.result.quotes.contains { $0.text == "Monday" }, "spoke on a day, not about it")
        #expect(
            !story.result.quotes.contains { $0.kind == .indirect && $0.text.hasSuffix("said:") }, "it introduces the quotation")
    }

    @Test func placesAndContinuationsReportNothing() {
        #expect(!story.result.quotes.contains { $0.text.hasPrefix("in a phone interview") })
        #expect(!story.result.quotes.contains { $0.cue == "continued" })
    }
}
