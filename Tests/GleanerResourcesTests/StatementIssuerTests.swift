import GleanerCore
import Testing

/// A statement someone released speaks for whoever released it. Text written for these tests.
@Suite struct StatementIssuerTests {
    static let text = """
        Fares fixed

        The Marlow Harbour Board released a statement saying the new fares were “fair and final for every island family.”
        """

    @Test func theIssuerSpeaks() throws {
        let story = try ExtractedStory(Self.text)
        #expect(try story.quote("fair and final for every island family.").speaker?.name == "Marlow Harbour Board")
        #expect(
            try story.quote("the new fares were “fair and final for every island family.”").speaker?.name
                == "Marlow Harbour Board")
    }
}
