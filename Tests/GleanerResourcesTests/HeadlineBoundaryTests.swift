import GleanerCore
import Testing

/// A title-case headline with no full stop runs straight into the first sentence; no
/// speaker may reach across that line (a speaker that did crashed the quote stage).
@Suite struct HeadlineBoundaryTests {
    static let text = """
        Brandt and Amsel criticised by MPs
        Labour MPs have angrily criticised Helena Brandt and Ruth Amsel amid reports of a rift between them.
        """

    @Test func aSpeakerNeverReachesIntoTheHeadline() throws {
        let story = try ExtractedStory(Self.text)
        let bodyStart =
            Self.text.unicodeScalars.firstIndex(of: "\n").map {
                Self.text.unicodeScalars.distance(from: Self.text.unicodeScalars.startIndex, to: $0)
            } ?? 0
        for quote in story.result.quotes {
            if let speaker = quote.speaker, quote.start > bodyStart {
                #expect(speaker.start > bodyStart, "\(speaker.name) reaches into the headline")
            }
        }
        let stand = try story.quote("Helena Brandt and Ruth Amsel")
        #expect(stand.act == .stance)
    }
}
