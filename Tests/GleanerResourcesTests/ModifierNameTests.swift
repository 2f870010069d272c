import GleanerCore
import Testing

/// A place before a person's title and name modifies the person, who speaks; text
/// written for these tests.
@Suite struct ModifierNameTests {
    static let text = """
        Ferries to run

        “The ferries will run all winter,” said Oregon Gov. Lena Fisk on Monday.
        """

    @Test func thePersonAfterAPlaceAndTitleSpeaks() throws {
        let story = try ExtractedStory(Self.text)
        #expect(try story.quote("The ferries will run all winter,").speaker?.name == "Lena Fisk", "not Oregon")
    }
}
