import Testing

@testable import GleanerCore

/// The ranker's features on hand-built candidates, with no trained weights: each test
/// pins one feature the training script computes the same way.
@Suite struct SpeakerRankerTests {
    static let text =
        "Nora Vale spoke first. “The bridge will open in May,” Vale said, and “Otto Brandt” agreed.\nLater the council met."
    let scalars = Array(text.unicodeScalars)

    /// Where a phrase starts and ends in the text, in Unicode scalars.
    func span(_ phrase: String, after: Int = 0) throws -> (Int, Int) {
        let words = Array(phrase.unicodeScalars)
        let start = try #require(
            (after...(scalars.count - words.count)).first { Array(scalars[$0..<($0 + words.count)]) == words })
        return (start, start + words.count)
    }

    func candidate(_ phrase: String, after: Int = 0, kind: SpeakerCandidate.Kind = .name, entity: String? = "e1") throws
        -> SpeakerCandidate
    {
        let (start, end) = try span(phrase, after: after)
        return SpeakerCandidate(start: start, end: end, kind: kind, entityType: "PERSON", entity: entity)
    }

    func features(_ candidate: SpeakerCandidate, speakers: Set<String> = []) throws -> Set<String> {
        let quote = try span("“The bridge will open in May,”")
        return Set(
            SpeakerFeatures(scalars: scalars, speakers: speakers).features(candidate, quoteStart: quote.0, quoteEnd: quote.1))
    }

    @Test func theNameRightAfterTheQuoteIsCloseOnItsRightAndNearACue() throws {
        let names = try features(candidate("Vale", after: 30))
        #expect(
            names.isSuperset(of: [
                "side=after", "dist=0", "after:dist=0", "sentence=same", "cue_adjacent", "cue_adjacent:after", "bias",
            ]))
        #expect(!names.contains("in_quote") && !names.contains("paragraph_break"))
    }

    @Test func theNameBeforeTheQuoteOpensItsSentenceOneSentenceBack() throws {
        let names = try features(candidate("Nora Vale"))
        #expect(names.isSuperset(of: ["side=before", "dist=1", "sentence=adjacent", "opens_sentence"]))
    }

    @Test func aNameBetweenQuotationMarksIsQuoted() throws {
        #expect(try features(candidate("Otto Brandt")).contains("in_quote"))
    }

    @Test func aMentionPastALineBreakIsInAnotherParagraph() throws {
        let names = try features(candidate("council", kind: .description, entity: nil))
        #expect(names.isSuperset(of: ["paragraph_break", "kind=description"]))
        #expect(!names.contains("speaks_elsewhere"))
    }

    @Test func anEntityTheRulesMadeASpeakerSpeaksElsewhere() throws {
        #expect(try features(candidate("Nora Vale"), speakers: ["e1"]).contains("speaks_elsewhere"))
    }

    @Test func distancesFallIntoTheTrainedBuckets() {
        #expect(
            [0, 4, 5, 14, 15, 39, 40, 99, 100, 199, 200, 900].map(SpeakerFeatures.bucket) == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
    }

    @Test func mentionKindsComeFromTheirWords() {
        #expect(SpeakerCandidate.kind(of: "She", entityType: "PERSON") == .pronoun)
        #expect(SpeakerCandidate.kind(of: "the mayor", entityType: "PERSON") == .description)
        #expect(SpeakerCandidate.kind(of: "Nora Vale", entityType: "PERSON") == .name)
        #expect(SpeakerCandidate.kind(of: "Harbour Board", entityType: "ORG") == .org)
    }

    @Test func weightsAreReadFromTheirTableAndSummed() {
        let ranker = SpeakerRanker(tsv: "# comment\nbias\t0.5\nin_quote\t-2\n")
        #expect(ranker.weights == ["bias": 0.5, "in_quote": -2])
        #expect(ranker.score(["bias", "in_quote", "unknown"]) == -1.5)
    }

    @Test func onlyDirectQuotesWithoutASpeakerAreFilled() throws {
        let vale = Entity(id: "e1", type: "PERSON", name: "Nora Vale", mentions: [Mention(start: 0, end: 9, text: "Nora Vale")])
        let (start, end) = try span("“The bridge will open in May,”")
        let open = Quote(text: "", start: start, end: end, kind: .direct, cue: nil, speaker: nil)
        let indirect = Quote(text: "", start: start, end: end, kind: .indirect, cue: nil, speaker: nil)
        let filled = SpeakerRanker(weights: ["bias": 1]).fillSpeakers([open, indirect], entities: [vale], scalars: scalars)
        #expect(filled[0].speaker == Quote.Speaker(name: "Nora Vale", entity: "e1", start: 0, end: 9))
        #expect(filled[1].speaker == nil)
    }

    @Test func aBodyNamedAfterAPersonsRoleHandsTheQuoteToThePerson() throws {
        let text = "Nora Vale, the spokeswoman for the Harbour Board said in a statement. Otto Brandt of Quay Ltd agreed."
        let scalars = Array(text.unicodeScalars)
        func at(_ phrase: String) -> (Int, Int) {
            let words = Array(phrase.unicodeScalars)
            let start = (0...(scalars.count - words.count)).first { Array(scalars[$0..<($0 + words.count)]) == words }!
            return (start, start + words.count)
        }
        func make(_ phrase: String, _ type: String, _ entity: String, _ kind: SpeakerCandidate.Kind) -> SpeakerCandidate {
            let (start, end) = at(phrase)
            return SpeakerCandidate(start: start, end: end, kind: kind, entityType: type, entity: entity)
        }
        let features = SpeakerFeatures(scalars: scalars, speakers: [])
        let vale = make("Nora Vale", "PERSON", "e1", .name)
        let role = make("the spokeswoman", "PERSON", "e1", .description)
        let board = make("Harbour Board", "ORG", "e2", .org)
        let candidates = [vale, role, board]
        #expect(SpeakerRanker.speaker(for: board, among: candidates, features) == role, "the role 'for the' board")
        #expect(SpeakerRanker.speaker(for: vale, among: candidates, features) == vale, "a person chosen stays chosen")
        // A body not tied to a role by a preposition keeps the choice.
        let quay = make("Quay Ltd", "ORG", "e3", .org)
        let brandt = make("Otto Brandt", "PERSON", "e4", .name)
        #expect(SpeakerRanker.speaker(for: quay, among: [brandt, quay], features) == brandt, "'Otto Brandt of Quay Ltd'")
        #expect(SpeakerRanker.speaker(for: board, among: [brandt, board], features) == board, "no person right before the board")
    }
}
