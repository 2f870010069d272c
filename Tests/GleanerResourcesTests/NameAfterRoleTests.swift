import GleanerCore
import GleanerResources
import Testing

/// A name after a lowercase role noun is the role's holder, in a story written for this
/// test: the tagger carried the company before the role on into the name and typed the
/// person an organization.
@Suite struct NameAfterRoleTests {
    static let story = """
        Trial opens in Kingsport

        Former Worldcom boss Bernie Ebbers went on trial on Monday. \
        "It was a shock," wrote S&P credit analyst Helena Hessel. \
        The airline named captain Virgin Radio as its sponsor.
        """

    private func type(of name: String, _ extractor: StandardExtractor) throws -> String? {
        try extractor.extract(InputDocument(content: Self.story)).entities.first { $0.name == name }?.type
    }

    @Test func theHolderOfARoleIsAPerson() throws {
        let extractor = try StandardModels.standardExtractor()
        #expect(try type(of: "Bernie Ebbers", extractor) == "PERSON")
        #expect(try type(of: "Helena Hessel", extractor) == "PERSON")
    }

    @Test func withoutTheNameListTheTaggerCalledThemOrganizations() throws {
        let blind = StandardExtractor(
            taggerStages: try StandardModels.entityTaggerStages(), gazetteer: try StandardModels.gazetteer(),
            firstNames: try StandardModels.firstNames(), personNames: PersonNames())
        #expect(try type(of: "Bernie Ebbers", blind) == "ORG", "the case the rule exists for")
        #expect(try type(of: "Helena Hessel", blind) == "ORG")
    }

    @Test func aNameEndingLikeAnOrganizationStaysOne() throws {
        #expect(try type(of: "Virgin Radio", try StandardModels.standardExtractor()) != "PERSON")
    }
}
