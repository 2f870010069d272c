import Testing

@testable import GleanerCore

/// Role words the tagger ran into a name, split back out: text written for these tests,
/// mentions built by hand so the rule is tested apart from the tagger.
@Suite struct SwallowedTitlesTests {
    /// The document's mentions, given as (first token, token count, type).
    private func split(_ text: String, _ spans: [(Int, Int, String)]) -> [(String, String)] {
        let document = DocumentAnalysis(text: text)
        let mentions = spans.map { first, count, type in
            let range = first..<(first + count)
            let start = document.tokens[range.lowerBound].start
            let end = document.tokens[range.upperBound - 1].end
            return EntityMention(tokens: range, type: type, start: start, end: end, text: document.text(start, end))
        }
        return SwallowedTitles(gazetteer: .empty).split(mentions, in: document).map { ($0.text, $0.type) }
    }

    @Test func aLeadingRoleOffANameTypedAsAnOrganization() {
        let pieces = split("Assemblywoman Dora Quill voted no.", [(0, 3, "ORG")])
        #expect(pieces.map(\.0) == ["Dora Quill"])
        #expect(pieces.map(\.1) == ["PERSON"])
    }

    @Test func anOrganizationBeforeTheRoleStaysAnOrganization() {
        let pieces = split("Harbour Workers Committee Chairman Ivo Brandt spoke.", [(0, 6, "PERSON")])
        #expect(pieces.map(\.0) == ["Harbour Workers Committee", "Ivo Brandt"])
        #expect(pieces.map(\.1) == ["ORG", "PERSON"])
    }

    @Test func aDepartmentRunIntoANameIsItsOwnOrganization() {
        let pieces = split("Treasury Ivo Brandt spoke.", [(0, 3, "PERSON")])
        #expect(pieces.map(\.0) == ["Treasury", "Ivo Brandt"])
    }

    @Test func aLoneWordAfterTheRoleNeedsToBeASurnameElsewhere() {
        #expect(split("Admiral Brandt spoke.", [(0, 2, "ORG")]).map(\.0) == ["Admiral Brandt"])
        let known = split("Admiral Brandt spoke. Ivo Brandt left.", [(0, 2, "ORG"), (4, 2, "PERSON")])
        #expect(known.map(\.0) == ["Brandt", "Ivo Brandt"])
    }

    @Test func organizationNamesWithRoleWordsStayWhole() {
        #expect(
            split("Major League Quidditch grew.", [(0, 3, "ORG")]).map(\.0) == ["Major League Quidditch"],
            "League heads an organization")
        #expect(
            split("National Harbour Union grew.", [(0, 3, "ORG")]).map(\.0) == ["National Harbour Union"],
            "National is no role by itself")
        #expect(split("Governor Brandt Hotel opened.", [(0, 3, "ORG")]).map(\.0) == ["Governor Brandt Hotel"])
    }
}
