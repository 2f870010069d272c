import GleanerCore
import Testing

/// Awards, products and works told by the words of their names or the noun after them, in
/// stories written for these tests. The tagger alone typed a statuette a person or a place,
/// a numbered console a company, and a sitcom named only by "his ... character" an
/// organization.
@Suite struct AwardProductAndWorkTests {
    static let awards = """
        Marta Quill won two Golden Globes on Sunday, a year after her novel won the Whitcombe Prize. \
        Critics said Tom Reyes would win an Oscar for the role, but he missed his first Oscars show.
        """
    static let devices = """
        The console, called Quaybox 2, will sell for 300 dollars, Harbourline said. \
        Buyers of the iWhistle player can move their songs to the new handset.
        """
    static let sequel = """
        Tom Reyes said Lantern 2 would open in cinemas at Christmas, three years after the first film.
        """
    static let sitcom = """
        Tom Reyes will not play his Tidewater character again. \
        Tidewater ran for three years, and The Tidewater became a hit abroad.
        """

    @Test func prizesAndWonStatuettesAreWorksOfArt() throws {
        let story = try ExtractedStory(Self.awards)
        #expect(try story.entity("Golden Globes").type == "WORK_OF_ART", "'won two Golden Globes'")
        #expect(try story.entity("Whitcombe Prize").type == "WORK_OF_ART")
        #expect(try story.entity("Oscar").type == "WORK_OF_ART", "'an Oscar'")
        #expect(
            !story.result.entities.contains { $0.name == "Oscars" && $0.type == "WORK_OF_ART" },
            "'his first Oscars show': the ceremony")
        #expect(try story.entity("Tom Reyes").type == "PERSON")
    }

    @Test func numberedModelsAndIShapedNamesAreProducts() throws {
        let story = try ExtractedStory(Self.devices)
        #expect(try story.entity("Quaybox 2").type == "PRODUCT")
        #expect(try story.entity("iWhistle").type == "PRODUCT")
        #expect(try story.entity("Harbourline").type == "ORG", "the maker stays a company")
    }

    @Test func aNumberedFilmInAStoryWithoutDevicesIsNoProduct() throws {
        let found = try ExtractedStory(Self.sequel).result.entities
        #expect(!found.contains { $0.type == "PRODUCT" }, "\(found.map { "\($0.name)/\($0.type)" })")
    }

    @Test func aCharacterNamesItsShowAndEveryMentionFollows() throws {
        let story = try ExtractedStory(Self.sitcom)
        let show = try #require(story.result.entities.first { $0.name.hasSuffix("Tidewater") })
        #expect(show.type == "WORK_OF_ART")
        #expect(show.mentions.count == 3, "\(show.mentions.map(\.text))")
        #expect(try story.entity("Tom Reyes").type == "PERSON")
    }
}
