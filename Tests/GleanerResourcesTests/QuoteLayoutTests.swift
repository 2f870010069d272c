import GleanerCore
import GleanerResources
import Testing

/// Quote layouts beyond the common ones, in text written for these tests: the
/// two-apostrophe marks of wire archives, short quoted words inside a reported clause
/// (a partial quote of the words alone, which carries the clause as `clause`),
/// a speaker behind an appositive or a party label, and a closing mark used to open.
@Suite struct QuoteLayoutTests {
    static let story = """
        Flood defences hold in Marlow
        ''We will rebuild the old bridge before winter,'' said Mayor Helena Brandt. ''Nobody here will wait another year.''
        Brandt said the repair plan was ''a scandal.''
        Tomas Weller, a retired engineer who lives by the river, said the levee would hold.
        Weller said he doubted the forecast.
        Councillor Ruth Amsel (Green) said: “The money is already in the budget.”
        ”Every family will be back home by Christmas,” Amsel added.
        """

    let result: ExtractionResult
    let scalars: [Unicode.Scalar]

    init() throws {
        result = try StandardModels.standardExtractor().extract(InputDocument(content: Self.story))
        scalars = Array(result.text.unicodeScalars)
    }

    private func quote(_ prefix: String) throws -> Quote {
        try #require(result.quotes.first { $0.text.hasPrefix(prefix) }, "no quote starting \(prefix)")
    }

    private func spoken(_ speaker: Quote.Speaker?) -> String? {
        speaker.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
    }

    @Test func doubledApostrophesAreQuoteMarks() throws {
        let bridge = try quote("We will rebuild")
        #expect(bridge.text == "We will rebuild the old bridge before winter,")
        #expect(bridge.kind == .direct)
        #expect(bridge.speaker?.name == "Helena Brandt")
        #expect(try quote("Nobody here").speaker?.name == "Helena Brandt", "the next quote of the paragraph continues its speaker")
    }

    @Test func shortQuotedWordsAreAPartialQuoteThatCarriesItsClause() throws {
        let scandal = try quote("a scandal")
        #expect(scandal.kind == .partial)
        #expect(scandal.text == "a scandal.", "the quoted words only, without their marks")
        #expect(scandal.cue == "said")
        #expect(spoken(scandal.speaker) == "Brandt")
        let clause = try #require(scandal.clause)
        #expect(clause.text == "the repair plan was ''a scandal.''")
        #expect(String(String.UnicodeScalarView(scalars[clause.start..<clause.end])) == clause.text)
        #expect(!result.quotes.contains { $0.text.hasPrefix("the repair plan") }, "the clause is not a second quote")
    }

    @Test func theClauseIsInTheJSONAndNullWhereThereIsNone() throws {
        guard case .array(let quotes)? = result.json["quotes"] else {
            Issue.record("no quotes array")
            return
        }
        let scandal = try #require(quotes.first { $0["text"]?.stringValue == "a scandal." })
        #expect(scandal["clause"]?["text"]?.stringValue == "the repair plan was ''a scandal.''")
        let start = try #require(try quote("a scandal").clause?.start)
        #expect(scandal["clause"]?["start"] == .number(String(start)))
        let bridge = try #require(quotes.first { $0["text"]?.stringValue?.hasPrefix("We will rebuild") == true })
        #expect(bridge["clause"] == .null, "a whole quoted sentence has no clause, and says so")
    }

    @Test func speakerBehindAnAppositiveOrPartyLabel() throws {
        let levee = try quote("the levee would hold")
        #expect(levee.kind == .indirect)
        #expect(levee.speaker?.name == "Tomas Weller")
        let money = try quote("The money is")
        #expect(money.speaker?.name == "Ruth Amsel")
        #expect(spoken(money.speaker) == "Ruth Amsel", "the speaker is the name, not the party label")
    }

    @Test func aPronounAfterTheCueStartingAClauseIsNoSpeaker() throws {
        let forecast = try quote("he doubted")
        #expect(spoken(forecast.speaker) == "Weller")
        #expect(forecast.speaker?.name == "Tomas Weller")
    }

    @Test func aClosingMarkAtAParagraphStartOpensAQuote() throws {
        let christmas = try quote("Every family")
        #expect(christmas.text == "Every family will be back home by Christmas,")
        #expect(christmas.cue == "added")
        #expect(christmas.speaker?.name == "Ruth Amsel")
    }

    @Test func offsetsReproduceEveryQuote() {
        for quote in result.quotes {
            #expect(String(String.UnicodeScalarView(scalars[quote.start..<quote.end])) == quote.text)
        }
    }
}
