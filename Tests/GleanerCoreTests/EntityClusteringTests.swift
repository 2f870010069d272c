import Testing

@testable import GleanerCore

/// Clustering rules on mentions built by hand (so the tagger is out of the test), in
/// text written for these tests.
@Suite struct EntityClusteringTests {
    /// Mentions given as (first token, token count, type).
    private func mentions(_ document: DocumentAnalysis, _ spans: [(Int, Int, String)]) -> [EntityMention] {
        spans.map { first, count, type in
            let range = first..<(first + count)
            let start = document.tokens[range.lowerBound].start
            let end = document.tokens[range.upperBound - 1].end
            return EntityMention(tokens: range, type: type, start: start, end: end, text: document.text(start, end))
        }
    }

    private func clusters(_ text: String, _ spans: [(Int, Int, String)]) -> [EntityClusterer.Cluster] {
        let document = DocumentAnalysis(text: text)
        let clusterer = EntityClusterer(gazetteer: .empty)
        return clusterer.mergeAcrossTypes(clusterer.cluster(mentions(document, spans)))
    }

    private func summary(_ clusters: [EntityClusterer.Cluster]) -> [String] {
        clusters.map { "\($0.type) \($0.name) \($0.mentions.count)" }
    }

    @Test func anHonorificAndASurnameJoinTheFullName() {
        // Ivo(0) Brandt(1) spoke(2) .(3) Mr(4) Brandt(5) left(6) .(7)
        #expect(
            summary(clusters("Ivo Brandt spoke. Mr Brandt left.", [(0, 2, "PERSON"), (4, 2, "PERSON")])) == [
                "PERSON Ivo Brandt 2"
            ])
    }

    @Test func aFirstNameJoinsTheOnePersonWhoHasIt() {
        // Ivo(0) Brandt(1) and(2) Ada(3) Lenz(4) met(5) .(6) Ivo(7) left(8) .(9)
        let text = "Ivo Brandt and Ada Lenz met. Ivo left."
        #expect(
            summary(clusters(text, [(0, 2, "PERSON"), (3, 2, "PERSON"), (7, 1, "PERSON")])) == [
                "PERSON Ivo Brandt 2", "PERSON Ada Lenz 1",
            ])
        // Ivo(0) Brandt(1) and(2) Ivo(3) Lenz(4) met(5) .(6) Ivo(7) left(8) .(9)
        let twoIvos = "Ivo Brandt and Ivo Lenz met. Ivo left."
        #expect(
            clusters(twoIvos, [(0, 2, "PERSON"), (3, 2, "PERSON"), (7, 1, "PERSON")]).count == 3, "two people are called Ivo")
        // Ivo(0) Brandt(1) and(2) Ada(3) Ivo(4) met(5) .(6) Ivo(7) left(8) .(9)
        let surname = "Ivo Brandt and Ada Ivo met. Ivo left."
        #expect(
            summary(clusters(surname, [(0, 2, "PERSON"), (3, 2, "PERSON"), (7, 1, "PERSON")])) == [
                "PERSON Ivo Brandt 1", "PERSON Ada Ivo 2",
            ], "a surname wins over a first name")
    }

    @Test func aPartysFormsAreOneGroupUnderItsAdjective() {
        // Democrats(0) and(1) Iowans(2) met(3) ;(4) one(5) Democrat(6) ,(7) an(8) Iowan(9) ,(10) was(11) Democratic(12) .(13)
        let text = "Democrats and Iowans met; one Democrat, an Iowan, was Democratic."
        let found = clusters(text, [(0, 1, "ORG"), (2, 1, "NORP"), (6, 1, "NORP"), (9, 1, "NORP"), (12, 1, "NORP")])
        #expect(Set(summary(found)) == ["NORP Democratic 3", "NORP Iowans 2"], "named by the longest form written")
    }

    @Test func oneEntityPerPersonAcrossTheTaggersTypes() {
        // Ivo(0) Brandt(1) spoke(2) .(3) Brandt(4) left(5) ,(6) and(7) Brandt(8) waved(9) .(10)
        let text = "Ivo Brandt spoke. Brandt left, and Brandt waved."
        #expect(summary(clusters(text, [(0, 2, "ORG"), (4, 1, "PERSON"), (8, 1, "PERSON")])) == ["PERSON Ivo Brandt 3"])
        // Quill(0) rose(1) .(2) Quill(3) fell(4) .(5) Quill(6) won(7) .(8)
        let same = "Quill rose. Quill fell. Quill won."
        #expect(
            summary(clusters(same, [(0, 1, "PERSON"), (3, 1, "ORG"), (6, 1, "ORG")])) == ["ORG Quill 3"],
            "the same name, typed by most mentions")
    }

    @Test func aNameStartingWithAPlaceStaysAnOrganization() {
        let gazetteer = Gazetteer(tsv: "city\tHarbourville\tXX\t\t\t\t5000")
        // Harbourville(0) Eagles(1) won(2) .(3) Eagles(4) fans(5) cheered(6) .(7)
        let document = DocumentAnalysis(text: "Harbourville Eagles won. Eagles fans cheered.")
        let clusterer = EntityClusterer(gazetteer: gazetteer)
        let found = clusterer.mergeAcrossTypes(clusterer.cluster(mentions(document, [(0, 2, "ORG"), (4, 1, "PERSON")])))
        #expect(found.count == 2, "\(summary(found))")
    }

    @Test func piecesOfOneNameAndAGenerationalSuffixJoin() {
        // Mary(0) Ann(1) Evans(2) and(3) Duncan(4) Hunter(5) Sr.(6) came(7) .(8)
        let document = DocumentAnalysis(text: "Mary Ann Evans and Duncan Hunter Sr. came.")
        let joined = SplitNames().join(mentions(document, [(0, 2, "PERSON"), (2, 1, "PERSON"), (4, 2, "PERSON")]), in: document)
        #expect(joined.map(\.text) == ["Mary Ann Evans", "Duncan Hunter Sr."])
        // Major-General(0) Ivo(1) Brandt(2) came(3) .(4)
        let titled = DocumentAnalysis(text: "Major-General Ivo Brandt came.")
        #expect(
            SplitNames().join(mentions(titled, [(0, 1, "PERSON"), (1, 2, "PERSON")]), in: titled).map(\.text) == [
                "Major-General", "Ivo Brandt",
            ])
    }
}
