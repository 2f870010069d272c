import GleanerCore
import GleanerResources
import Testing

/// The bundled speaker-ranker weights on text written for this test.
@Suite struct RankedSpeakerTests {
    @Test func theSubjectBeatsANameInsideAnEarlierQuote() throws {
        let text =
            "“We owe Jonas Brink the new ferry,” the notice read.\nHelena Brandt walked along the quay. “The harbour is safe.”"
        let scalars = Array(text.unicodeScalars)
        func at(_ phrase: String) throws -> Int {
            let words = Array(phrase.unicodeScalars)
            return try #require((0...(scalars.count - words.count)).first { Array(scalars[$0..<($0 + words.count)]) == words })
        }
        let brink = try at("Jonas Brink")
        let brandt = try at("Helena Brandt")
        let quote = try at("“The harbour")
        let entities = [
            Entity(
                id: "e1", type: "PERSON", name: "Jonas Brink",
                mentions: [Mention(start: brink, end: brink + 11, text: "Jonas Brink")]),
            Entity(
                id: "e2", type: "PERSON", name: "Helena Brandt",
                mentions: [Mention(start: brandt, end: brandt + 13, text: "Helena Brandt")]),
        ]
        let ranker = try #require(try StandardModels.speakerRanker())
        let open = Quote(text: "The harbour is safe.", start: quote, end: scalars.count, kind: .direct, cue: nil, speaker: nil)
        let filled = ranker.fillSpeakers([open], entities: entities, scalars: scalars)
        #expect(filled.first?.speaker?.entity == "e2")
    }
}
