import GleanerCore
import GleanerResources
import Testing

/// One-word "people" the story does not attest are organizations, in a story written for
/// this test: the tagger types an unknown band and company before "played"/"said" as
/// people; a one-word person with a role, a pronoun or an initial stays a person.
@Suite struct UnattestedPersonTests {
    static let story = """
        Velvetrook sell out Kingsport arena

        Velvetrook played to 4,000 fans in Kingsport on Saturday. Velvetrook, who formed in 2019, will tour again in May.

        Shares in Morvel fell after Morvel warned on sales. Analysts at Brightwick said the deal made sense.

        Striker Tamblyn scored twice for Harbourside Rovers. Ndorovic said he was delighted with the win. \
        Harbourside named P Ostravik, K Belinsky and T Marchetti in the side.

        Marta Quill told Politico on Monday that she would stand again.
        """

    private func entities(_ extractor: StandardExtractor) throws -> [Entity] {
        try extractor.extract(InputDocument(content: Self.story)).entities
    }

    private func type(of name: String, in entities: [Entity]) -> String? {
        entities.first { $0.mentions.contains { $0.text == name } }?.type
    }

    @Test func aBandAndACompanyNoListKnowsAreOrganizations() throws {
        let found = try entities(StandardModels.standardExtractor())
        #expect(type(of: "Velvetrook", in: found) == "ORG", "\(found.map { "\($0.name)/\($0.type)" })")
        #expect(type(of: "Morvel", in: found) == "ORG")
        #expect(type(of: "Brightwick", in: found) == "ORG", "'at': a workplace, not a place")
        #expect(type(of: "Politico", in: found) == "ORG", "'told Politico ... that she': the teller's pronoun")
    }

    @Test func withoutTheNameListTheTaggerCalledThemPeople() throws {
        let blind = StandardExtractor(
            taggerStages: try StandardModels.entityTaggerStages(), gazetteer: try StandardModels.gazetteer(),
            firstNames: try StandardModels.firstNames(), personNames: PersonNames())
        let found = try entities(blind)
        #expect(type(of: "Velvetrook", in: found) == "PERSON", "the case the list exists for")
        #expect(type(of: "Morvel", in: found) == "PERSON")
        #expect(type(of: "Brightwick", in: found) == "PERSON")
        #expect(type(of: "Politico", in: found) == "PERSON")
    }

    @Test func aPronounOrAnInitialAttestsAPerson() throws {
        let found = try entities(StandardModels.standardExtractor())
        #expect(type(of: "Ndorovic", in: found) == "PERSON", "'Ndorovic said he was delighted'")
        #expect(type(of: "Marchetti", in: found) == "PERSON", "'T Marchetti' in a line-up")
    }

    @Test func theListReadsNamesWithoutCaseOrApostrophes() throws {
        let list = PersonNames(list: "# comment\nobrien\nhague\n")
        #expect(list.contains("O'Brien") && list.contains("O\u{2019}Brien") && list.contains("HAGUE"))
        #expect(!list.contains("Velvetrook"))
        let shipped = try StandardModels.personNames()
        #expect(shipped.contains("Madonna") && shipped.contains("Washington") && !shipped.contains("Twitter"))
    }

    /// The tagger typed a party's members and a club as people; their words say otherwise,
    /// while a surname that is also an organization word stays a surname.
    @Test func aPartyOrAClubIsNoPersonButJudeLawIs() throws {
        let story = """
            Lib Dems attack budget

            The Lib Dems said the budget was unfair. Manchester United beat Chelsea on Sunday, \
            and Lib Dem leader Charles Kennedy spoke. Jude Law watched from the stand.
            """
        let found = try StandardModels.standardExtractor().extract(InputDocument(content: story)).entities
        let types = found.map { "\($0.name)/\($0.type)" }
        #expect(type(of: "Lib Dems", in: found) == "NORP", "\(types)")
        #expect(type(of: "Manchester United", in: found) == "ORG", "\(types)")
        #expect(type(of: "Jude Law", in: found) == "PERSON", "\(types)")
    }
}
