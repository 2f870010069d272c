import Testing

@testable import GleanerCore

/// Roles given only by a definite description: text written for these tests, person
/// mentions marked by hand so the rule is tested apart from the tagger.
@Suite struct DescribedRolesTests {
    /// Titles found, for people given as (cluster, first token, token count).
    private func titles(_ text: String, _ people: [(Int, Int, Int)], known: [Int: [String]] = [:]) -> [Int: [String]] {
        let document = DocumentAnalysis(text: text)
        let marked = people.map { DescribedRoles.Person(cluster: $0.0, tokens: $0.1..<($0.1 + $0.2)) }
        return DescribedRoles.read(document, people: marked, known: known)
    }

    @Test func aDescriptionAfterTheOnlyPersonNamedIsTheirRole() {
        let found = titles(
            "Ada Quill opened the fair. The harbour talks, chaired by the prime minister, start today.", [(0, 0, 2)])
        #expect(found[0] == ["prime minister"])
    }

    @Test func aDescribingModifierAlsoGivesTheHeadAlone() {
        let found = titles("Ivo Brandt won the vote, and the veteran businessman thanked his staff.", [(0, 0, 2)])
        #expect(found[0] == ["veteran businessman", "businessman"])
    }

    @Test func twoPeopleNamedMakeTheDescriptionAmbiguous() {
        #expect(titles("Ivo Brandt met Ada Quill, and the businessman left.", [(0, 0, 2), (1, 3, 2)]).isEmpty)
    }

    @Test func aDescriptionBeforeAnyNameOrOwnedByAnotherGivesNothing() {
        #expect(titles("The businessman left. Ivo Brandt stayed.", [(0, 4, 2)]).isEmpty)
        #expect(titles("Ivo Brandt met the treasurer of the club.", [(0, 0, 2)]).isEmpty)
        #expect(titles("Ivo Brandt met the treasurer's wife.", [(0, 0, 2)]).isEmpty)
    }

    @Test func wordsThatOftenNameThingsAreNoRoleAlone() {
        #expect(titles("Ivo Brandt was hit on the head.", [(0, 0, 2)]).isEmpty)
    }

    @Test func aDescriptionInsideQuotationMarksIsSomeoneElsesWords() {
        #expect(titles("Ivo Brandt said: \"The treasurer lied.\"", [(0, 0, 2)]).isEmpty)
    }

    @Test func theWindowIsTheSentenceBefore() {
        #expect(titles("Ivo Brandt spoke.\n\nThe treasurer left.", [(0, 0, 2)])[0] == ["treasurer"])
        #expect(titles("Ivo Brandt spoke. Rain fell. The treasurer left.", [(0, 0, 2)]).isEmpty)
    }

    @Test func theObjectOfAPrepositionIsSomeoneElse() {
        #expect(titles("Ivo Brandt spoke to the treasurer.", [(0, 0, 2)]).isEmpty)
        #expect(titles("Ivo Brandt lost, and he tells the treasurer why.", [(0, 0, 2)]).isEmpty)
    }

    @Test func aPersonWithAnotherRoleKeepsIt() {
        let text = "Ivo Brandt spoke, but the mayor refused."
        #expect(titles(text, [(0, 0, 2)], known: [0: ["Prime Minister"]]).isEmpty)
        #expect(titles(text, [(0, 0, 2)], known: [0: ["former mayor"]])[0] == ["mayor"])
        #expect(titles("Ivo Brandt won. The treasurer spoke, and the mayor left.", [(0, 0, 2)])[0] == ["treasurer"])
    }
}
