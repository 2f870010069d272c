import GleanerCore
import GleanerResources
import Testing

/// A pronoun takes the person whose first name fits it, in a story written for this test:
/// with honorifics alone, "she" went to the nearest named person, a man.
@Suite struct FirstNameGenderTests {
    static let story = """
        Marta Quill, the harbour master, opened the new quay on Monday. \
        Tom Reyes, who built it, stood beside her. She thanked the crews who had worked through the winter.
        """

    @Test func sheTakesTheWomanNotTheNearestName() throws {
        let result = try StandardModels.standardExtractor().extract(InputDocument(content: Self.story))
        let quill = try #require(result.entities.first { $0.name == "Marta Quill" })
        let reyes = try #require(result.entities.first { $0.name == "Tom Reyes" })
        #expect(quill.mentions.contains { $0.text == "She" }, "\(quill.mentions.map(\.text))")
        #expect(!reyes.mentions.contains { ["She", "her"].contains($0.text) }, "\(reyes.mentions.map(\.text))")
    }

    @Test func withoutTheTableSheWentToTheNearestName() throws {
        let blind = StandardExtractor(
            taggerStages: try StandardModels.entityTaggerStages(), gazetteer: try StandardModels.gazetteer(),
            firstNames: FirstNames())
        let result = try blind.extract(InputDocument(content: Self.story))
        let reyes = try #require(result.entities.first { $0.name == "Tom Reyes" })
        #expect(reyes.mentions.contains { $0.text == "She" }, "the case the table exists for: \(reyes.mentions.map(\.text))")
    }

    @Test func theTableHasOnlyNamesOneSexCarries() throws {
        let names = try StandardModels.firstNames()
        let table = FirstNames(tsv: "mary\tF\ntom\tM\n# comment\nbad line\n")
        #expect(table.isFemale("Mary") && table.isMale("TOM"))
        #expect(!names.isFemale("Jordan") || !names.isMale("Jordan"))
        #expect(names.isFemale("Marta") && names.isMale("Tom"), "the shipped table")
    }
}
