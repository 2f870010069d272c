import GleanerCore
import GleanerResources
import Testing

/// Event names told by their head noun, and works and outlets told by the noun before
/// them, in stories written for these tests. The tagger alone typed "Heineken Cup" an
/// organization, a state's caucus a place and a magazine's repeated name a work.
@Suite struct EventAndWorkNameTests {
    static let race = """
        Voters in Iowa gathered on Monday for the Iowa caucus, a week before the Nevada caucuses. \
        Marta Quill, who teaches at an Iowa primary school, said the turnout surprised her. \
        Delegates will meet again at the Democratic National Convention in July, and the Geneva Convention was not mentioned.
        """
    static let sport = """
        Harbourside Rovers reached the final of the Westland Cup after beating Quay United. \
        Their captain will also run in the Kingsport Marathon before the Commonwealth Games.
        """
    static let press = """
        The editor of the magazine Harbour Weekly resigned on Friday. \
        Tom Reyes, who created the cartoon The Wobblers, said he would miss her. \
        Harbour Weekly said a successor would be named soon, and The Wobblers will return in May.
        """

    static let screen = """
        Marta Quill starred in Lantern Bay before she moved to Lisbon. \
        Next year she appears in a remake of Tom Reyes's thriller, and the cast of Lantern Bay will meet again in May.
        """

    private func entities(_ story: String) throws -> [Entity] {
        try StandardModels.standardExtractor().extract(InputDocument(content: story)).entities
    }

    private func entity(_ name: String, in entities: [Entity]) throws -> Entity {
        try #require(entities.first { $0.name == name }, "no entity \(name) in \(entities.map { "\($0.name)/\($0.type)" })")
    }

    @Test func aStatesCaucusIsAnEventAndItsSchoolsAreNot() throws {
        let found = try entities(Self.race)
        #expect(try entity("Iowa caucus", in: found).type == "EVENT")
        #expect(try entity("Iowa caucus", in: found).country == "US", "an event keeps the country it happens in")
        #expect(try entity("Nevada caucuses", in: found).type == "EVENT")
        #expect(try entity("Iowa", in: found).type == "GPE", "'Iowa primary school': primary as an adjective")
        #expect(!found.contains { $0.name.hasSuffix("primary") })
    }

    @Test func aPartysConventionIsAnEventATreatyIsNot() throws {
        let found = try entities(Self.race)
        #expect(try entity("Democratic National Convention", in: found).type == "EVENT")
        #expect(try entity("Geneva Convention", in: found).type != "EVENT")
    }

    @Test func cupsMarathonsAndGamesAreEvents() throws {
        let found = try entities(Self.sport)
        for name in ["Westland Cup", "Kingsport Marathon", "Commonwealth Games"] {
            #expect(try entity(name, in: found).type == "EVENT", "\(name)")
        }
    }

    @Test func aMagazinesRepeatedNameStaysAnOrganization() throws {
        let found = try entities(Self.press)
        let magazine = try entity("Harbour Weekly", in: found)
        #expect(magazine.type == "ORG")
        #expect(magazine.mentions.count == 2, "the later mention joins the magazine, not a work of the same name")
    }

    @Test func aTitleWithItsOwnTheIsNamedByTheNounBeforeIt() throws {
        let found = try entities(Self.press)
        // The tagger passes over "The Wobblers" altogether: the noun alone finds it.
        let cartoon = try #require(found.first { $0.name.hasSuffix("Wobblers") }, "\(found.map(\.name))")
        #expect(cartoon.type == "WORK_OF_ART")
        #expect(cartoon.mentions.count == 2)
    }

    @Test func aWorkAfterStarredInIsAWorkItsMakerIsNot() throws {
        let found = try entities(Self.screen)
        let show = try entity("Lantern Bay", in: found)
        #expect(show.type == "WORK_OF_ART")
        #expect(show.mentions.count == 2)
        #expect(try entity("Tom Reyes", in: found).type == "PERSON", "'a remake of Tom Reyes's thriller': the maker")
        #expect(try entity("Lisbon", in: found).type == "GPE")
    }

    static let works = """
        Protesters marched against the Keystone pipeline on Monday, and the Xiluodu dam was finished in May. \
        Fans filled the Bernabeu stadium to see Quay United, a team from a Chinese dam town.
        """

    @Test func aLowercaseStructureHeadMakesTheWholeAFacility() throws {
        let found = try entities(Self.works)
        for name in ["Keystone pipeline", "Xiluodu dam", "Bernabeu stadium"] {
            #expect(try entity(name, in: found).type == "FAC", "\(name): \(found.map { "\($0.name)/\($0.type)" })")
        }
        #expect(!found.contains { $0.name.hasPrefix("Chinese") && $0.type == "FAC" }, "a nationality before 'dam' stays one")
    }
}
