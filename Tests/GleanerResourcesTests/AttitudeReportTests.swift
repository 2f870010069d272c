import GleanerCore
import GleanerResources
import Testing

/// Reports of a position rather than of words, and the cues that only report with a
/// clause, in text written for these tests: plans ("wants to"), stands ("attacked"),
/// progressive and state-of-mind cues, a report after a quotation in the same sentence,
/// and the look-alikes that must report nothing (a passive, a noun, a stance inside
/// someone else's report).
@Suite struct AttitudeReportTests {
    static let text = """
        Harbour plan divides Marlow
        Mayor Helena Brandt wants to rebuild the old bridge before winter.
        Councillor Ruth Amsel has repeatedly attacked the harbour plan.
        The plan was rejected by the regional council in March.
        The fishermen's union is demanding that the council publish the costs.
        Residents were frustrated that the meeting ended early.
        “The money is already in the budget,” said Tomas Weller, who stressed that the levee would hold.
        Her plans to widen the quay were shelved.
        These figures suggest that the council has refused to pay for the repairs.
        """

    let story: ExtractedStory

    init() throws {
        story = try ExtractedStory(Self.text)
    }

    @Test func aPlanIsAnIntentionOfItsSubject() throws {
        let plan = try story.quote("to rebuild the old bridge before winter")
        #expect(plan.kind == .indirect)
        #expect(plan.act == .intention)
        #expect(plan.cue == "wants")
        #expect(plan.speaker?.name == "Helena Brandt")
    }

    @Test func aStandIsAStanceOfItsSubjectPastAuxiliariesAndAdverbs() throws {
        let stand = try story.quote("the harbour plan")
        #expect(stand.act == .stance)
        #expect(stand.cue == "attacked")
        #expect(stand.speaker?.name == "Ruth Amsel")
    }

    @Test func progressiveAndStateOfMindCuesReportTheirClause() throws {
        let demand = try story.quote("that the council publish the costs")
        #expect(demand.cue == "demanding")
        #expect(demand.act == .speech, "reported as speech once, not again as a stance")
        #expect(demand.speaker?.name.hasSuffix("union") == true)
        #expect(story.result.quotes.filter { $0.start == demand.start && $0.end == demand.end }.count == 1)
        let frustration = try story.quote("that the meeting ended early")
        #expect(frustration.act == .belief)
        #expect(frustration.speaker?.name == "Residents")
    }

    @Test func aReportAfterAQuotationInTheSameSentenceHasTheNameItsRelativeHangsOn() throws {
        let levee = try story.quote("that the levee would hold")
        #expect(levee.cue == "stressed")
        #expect(levee.speaker?.name == "Tomas Weller", "'who' resolves to the name before it")
        #expect(
            !story.result.quotes.contains { $0.kind == .indirect && $0.cue == "said" },
            "the quotation's own cue reports nothing more")
    }

    @Test func passivesNounsAndStancesInsideAnotherReportReportNothing() {
        #expect(!story.result.quotes.contains { $0.cue == "rejected" }, "a passive's subject is its content, not its source")
        #expect(!story.result.quotes.contains { $0.cue == "plans" }, "'her plans to' is a noun")
        #expect(!story.result.quotes.contains { $0.cue == "refused" }, "what the figures suggest is not the council's own stand")
    }

    @Test func everyQuoteSaysWhatItsCueReports() throws {
        guard case .array(let quotes)? = story.result.json["quotes"] else {
            Issue.record("no quotes array")
            return
        }
        let acts = Set(quotes.compactMap { $0["act"]?.stringValue })
        #expect(acts.isSubset(of: ["speech", "belief", "intention", "stance"]))
        #expect(quotes.allSatisfy { $0["act"]?.stringValue != nil })
        #expect(acts.contains("intention") && acts.contains("stance"))
    }
}
