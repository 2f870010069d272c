import GleanerCore
import Testing

/// "the company said", "the council warned": the description speaks for the
/// organization the text named, in text written for these tests.
@Suite struct OrganizationDescriptionTests {
    static let text = """
        Ferry fares to rise

        Marlow Ferries will raise its fares in April. The company said fuel had doubled in price.

        The Marlow Harbour Council met on Friday. Fishermen filled the hall and the mayor spoke first. Later the council warned that the quay would close for a month.
        """

    let story: ExtractedStory

    init() throws {
        story = try ExtractedStory(Self.text)
    }

    @Test func aGenericHeadSpeaksForTheOrganizationJustNamed() throws {
        let report = try story.quote("fuel had doubled in price")
        #expect(report.speaker?.name == "Marlow Ferries")
        #expect(try story.written(report.speaker) == "The company", "the offsets stay on the description")
    }

    @Test func aNamedHeadFindsTheOrganizationWithThatWord() throws {
        #expect(try story.quote("that the quay would close for a month").speaker?.name == "Marlow Harbour Council")
    }
}
