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
        #expect(
            try quote("Nobody here").speaker?.name == "Helena Brandt", "the next quote of the paragraph continues its speaker")
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
        // The whole clause is reported speech too, its quoted words in it, as PolNeAR's
        // Contents and the news-dev gold write a reported clause.
        let words = try quote("the repair plan")
        #expect(words.text == "the repair plan was ''a scandal.''")
        #expect(words.kind == .indirect)
        #expect(words.clause == nil)
        #expect(!result.quotes.contains { $0.kind != .indirect && $0.text.contains("''") }, "no quoted words carry their marks")
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

    static let speakerStory = """
        Maria Olsen Calls Dredging Delay ‘A Disgrace’ as Board Doesn't Act
        Council chair Maria Olsen, a former adviser to the European Commission, said the channel would be dredged by May.
        “We cannot wait for another storm,” she told The Dunmore Gazette.
        Engineer Karl Penn criticised the board on Monday, saying the silt “will return.”
        As the board's annual report put it, the channel is “a standing invitation to disaster.”
        Penn continued:

        “Nobody has costed the second dredge. Nobody has asked the fishermen.”
        Harbour master Ines Roth is calling the delay “a gamble.”
        Penn called the plan “a gamble with other people’s money and time.”
        Every berth in the old harbour will be closed for the winter, Olsen said, until May.
        The repairs are running late, another official said.
        “The plan is sound,” said one senior official on the board.
        However, Maria Olsen's latest letter said the dredge was late.
        """

    @Test func speakersAreSubjectsNotNamesInsideTheAttribution() throws {
        let story = try StandardModels.standardExtractor().extract(InputDocument(content: Self.speakerStory))
        let text = Array(story.text.unicodeScalars)
        func quote(_ prefix: String) throws -> Quote {
            try #require(story.quotes.first { $0.text.hasPrefix(prefix) }, "no quote starting \(prefix)")
        }
        func spoken(_ speaker: Quote.Speaker?) -> String? {
            speaker.map { String(String.UnicodeScalarView(text[$0.start..<$0.end])) }
        }
        let channel = try quote("the channel would")
        #expect(channel.speaker?.name == "Maria Olsen", "not the name inside her appositive")
        let storm = try quote("We cannot wait")
        #expect(spoken(storm.speaker) == "she", "the subject of told, not its audience")
        #expect(storm.speaker?.name == "Maria Olsen")
        let silt = try quote("will return")
        #expect(silt.cue == "saying")
        #expect(silt.speaker?.name == "Karl Penn", "a participle speaks for the subject of its sentence")
        #expect(silt.clause?.text == "the silt “will return.”")
        let disaster = try quote("a standing invitation")
        #expect(disaster.cue == "put it")
        #expect(spoken(disaster.speaker) == "the board's annual report")
        let dredge = try quote("Nobody has costed")
        #expect(dredge.cue == "continued", "a cue closing the paragraph before with a colon")
        #expect(dredge.speaker?.name == "Karl Penn")
        let disgrace = try quote("A Disgrace")
        #expect(disgrace.kind == .partial, "single quotes in the headline are quote marks")
        #expect(disgrace.cue == "Calls")
        #expect(disgrace.speaker?.name == "Maria Olsen")
        #expect(!story.quotes.contains { $0.text.hasPrefix("t Act") }, "an apostrophe inside a word opens nothing")
        let gamble = try quote("a gamble")
        #expect(gamble.cue == "calling", "a naming verb, past its auxiliary")
        #expect(gamble.speaker?.name == "Ines Roth")
        #expect(gamble.clause?.text == "the delay “a gamble.”")
        let berth = try quote("Every berth")
        #expect(
            berth.text == "Every berth in the old harbour will be closed for the winter",
            "the longer side of a report around its cue")
        #expect(berth.speaker?.name == "Maria Olsen")
        #expect(try quote("The repairs are running late").speaker?.name == "another official")
        #expect(try quote("The plan is sound").speaker?.name == "one senior official", "a description, not the place after it")
        #expect(
            try quote("the dredge was late").speaker?.name == "Maria Olsen's latest letter", "a named owner opens a description")
        let money = try quote("a gamble with")
        #expect(money.cue == "called", "longer quoted words take a naming verb too")
        #expect(money.speaker?.name == "Karl Penn")
    }

    @Test func offsetsReproduceEveryQuote() {
        for quote in result.quotes {
            #expect(String(String.UnicodeScalarView(scalars[quote.start..<quote.end])) == quote.text)
        }
    }
}

/// Speakers that a first reading gets wrong, in text written for these tests.
@Suite struct QuoteLayoutSpeakerTests {
    static let story = """
        Harbour works delayed in Brema
        Piet Vos, the harbour master, said the dredging was late and said he expected the pier to be “ready by the end of May.”
        Engineer Lena Sorg said the cranes had arrived, but she said that the pier “still needs its last concrete slab.”
        “I would rather wait for what they call “the proper season” than pour concrete in the rain.” ― Lena Sorg
        Dana Holt, who runs the fund for sailors' families, said, “The money reaches every family within a week.”
        “The tide tables were wrong all along,” said 42-year-old skipper Jonas Brink.
        The council published its figures and vowed to end “the endless delays at the lock gates.”
        Brink called the gates “a disgrace.” Holt insisted that the repairs were on time.
        “We start with the budget,” said Mara Lind.
        “Finish the roads before the snow,” Lind sings to the mayor.
        The gates are old. Anna Berg spoke first, asserting, “The lock gates must be replaced before the floods.”
        “They were built in 1920,” Berg said, adding, “They will not last another winter.”
        "We watched an episode of “Harbour Life” together before the vote," said Mara Lind.
        Sorg grew up by the water. Her mother still says, “The harbour was cleaner in 1970.” Once, at dinner, I laughed and said, “Then we should clean it ourselves.”
        At the hearing, one questioner claimed that the new gates were “a waste of public money.”
        Several critics agreed, among them the retired engineer Tomas Weller -- “The gates will rust within ten years.”
        The mayor's office has no plans yet.
        The council seemed wary of Tomas Weller -- “a man who has never lost an argument.”
        """

    let result: ExtractionResult
    let scalars: [Unicode.Scalar]

    init() throws {
        result = try StandardModels.standardExtractor().extract(InputDocument(content: Self.story))
        scalars = Array(result.text.unicodeScalars)
    }

    private func spoken(_ prefix: String) throws -> String? {
        let quote = try #require(result.quotes.first { $0.text.hasPrefix(prefix) }, "no quote starting \(prefix)")
        return quote.speaker.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
    }

    @Test func aPronounAfterTheSubjectHasSpokenIsTheSubject() throws {
        #expect(try spoken("ready by the end") == "Piet Vos")
        #expect(try spoken("still needs") == "she", "a pronoun opening a clause of its own speaks for itself")
    }

    @Test func speakersPastPossessivesNumbersCoordinationAndSentenceEnds() throws {
        #expect(try spoken("The money reaches") == "Dana Holt", "the appositive walk passes a plural possessive")
        #expect(try spoken("The tide tables") == "Jonas Brink", "a number and a role before the name after the cue")
        #expect(try spoken("the endless delays") == "The council", "a second verb of the sentence's subject")
        #expect(try spoken("a disgrace") == "Brink", "quoted words in a sentence are not attributed by the next one")
    }

    @Test func aCarriedOverSpeakerPointsAtItsMentionBesideTheQuote() throws {
        let quote = try #require(result.quotes.first { $0.text.hasPrefix("Finish the roads") })
        #expect(quote.speaker?.name == "Mara Lind")
        let first = try #require(result.quotes.first { $0.text.hasPrefix("We start") })
        #expect(try spoken("Finish the roads") == "Lind")
        #expect((quote.speaker?.start ?? 0) > first.end, "the mention in the quote's own sentence, not the previous one")
    }

    @Test func participlesAfterACommaAreCues() throws {
        let replaced = try #require(result.quotes.first { $0.text.hasPrefix("The lock gates") })
        #expect(replaced.cue == "asserting")
        #expect(try spoken("The lock gates") == "Anna Berg")
        let winter = try #require(result.quotes.first { $0.text.hasPrefix("They will not") })
        #expect(winter.cue == "adding")
        #expect(try spoken("They will not") == "Berg", "the speaker of the cue before the comma")
    }

    @Test func subjectsPastAnAdverbOrAFirstVerb() throws {
        #expect(try spoken("The harbour was cleaner") == "Her mother")
        #expect(try spoken("Then we should") == "I")
        #expect(try spoken("a waste of public") == "one questioner", "a noun of someone who does something heads a description")
    }

    @Test func aNameRightBeforeADashOpeningTheQuoteSpeaks() throws {
        #expect(try spoken("The gates will rust") == "Tomas Weller")
        #expect(try spoken("a man who has never") != "Tomas Weller", "not the object of a preposition")
    }

    @Test func aCurlyQuoteInsideACurlyQuoteDoesNotEndIt() throws {
        let quote = try #require(result.quotes.first { $0.text.hasPrefix("I would rather") })
        #expect(quote.text == "I would rather wait for what they call “the proper season” than pour concrete in the rain.")
        #expect(try spoken("I would rather") == "Lena Sorg")
        let episode = try #require(result.quotes.first { $0.text.hasPrefix("We watched") })
        #expect(
            episode.text == "We watched an episode of “Harbour Life” together before the vote,",
            "a curly pair inside a straight quote")
    }
}

/// Indirect reports whose speaker the entity stage does not know, and sentences that
/// report twice, in text written for these tests.
@Suite struct QuoteLayoutIndirectTests {
    static let story = """
        Ferry service to resume in Dunmore
        Several harbour pilots said the channel was deep enough again.
        Engineers on the Dunmore and Ross crossings said the ramps would be ready by May.
        The operator hired a diver who said the hull had no cracks.
        Authorities announced on Friday the reopening of the quay and said a night curfew would continue through the weekend.
        Anna Keller inspected the ramp last week, but she said the paint would need another month.
        These figures suggest that the crossing will pay for itself.
        The ferry company has said the fares will stay the same.
        Although the quay is old, harbour officials from both towns say it can take the new boats.
        The crew thanked the mayor, who says she is proud.
        According to tide tables, the first crossing can leave at dawn.
        A harbour survey shows that the old pier needs new piles.
        The council rejected Anna Keller’s claim that the ramp was unsafe.
        “We are ready,” the skipper said, adding that the crew had trained all winter.
        Anna Keller called for a second ramp on the north side.
        The skipper cited the rising costs of diesel fuel.
        Harbour officials said the delay was not planned; they learned of the damage only on Friday.
        The pilots agreed it was the calmest winter in years. The crews expected it to last.
        """

    let result: ExtractionResult

    init() throws {
        result = try StandardModels.standardExtractor().extract(InputDocument(content: Self.story))
    }

    private func report(_ text: String) throws -> Quote {
        try #require(result.quotes.first { $0.text == text }, "no quote \(text)")
    }

    @Test func aNounPhraseBeforeTheCueSpeaks() throws {
        let channel = try report("the channel was deep enough again")
        #expect(channel.kind == .indirect)
        #expect(channel.speaker?.name == "Several harbour pilots")
        #expect(try report("the ramps would be ready by May").speaker?.name == "Engineers on the Dunmore and Ross crossings")
        #expect(
            try report("the hull had no cracks").speaker?.name == "a diver", "a relative pronoun speaks as the phrase it hangs on"
        )
    }

    @Test func aSecondReportEndsTheFirst() throws {
        #expect(try report("on Friday the reopening of the quay").speaker?.name == "Authorities")
        let curfew = try report("a night curfew would continue through the weekend")
        #expect(curfew.speaker?.name == "Authorities", "the subject of the first verb")
        #expect(curfew.cue == "said")
        #expect(try report("the paint would need another month").kind == .indirect)
    }

    @Test func subjectsPastAnAuxiliaryOrWithALowercaseOpening() throws {
        #expect(try report("the fares will stay the same").speaker?.name == "The ferry company")
        #expect(try report("it can take the new boats").speaker?.name == "harbour officials from both towns")
        #expect(
            try report("she is proud").speaker?.name == "the mayor",
            "a short report after the cue is no sentence-closing attribution; 'who' stands for the mayor")
    }

    @Test func anyPhraseAfterAccordingToIsTheSource() throws {
        let dawn = try report("the first crossing can leave at dawn")
        #expect(dawn.speaker?.name == "tide tables")
        #expect(dawn.cue == "according to")
    }

    @Test func whatASurveyShowsIsReported() throws {
        #expect(try report("that the old pier needs new piles").speaker?.name == "A harbour survey")
    }

    @Test func aClaimThatAndAddingThatAreReports() throws {
        let claim = try report("that the ramp was unsafe")
        #expect(claim.cue == "claim")
        #expect(claim.speaker?.name == "Anna Keller", "the owner of the claim")
        let winter = try report("that the crew had trained all winter")
        #expect(winter.cue == "adding")
        #expect(winter.speaker?.name == "the skipper", "the speaker of the cue before the participle")
    }

    @Test func whatSomeoneCalledForOrCitedIsReported() throws {
        let ramp = try report("a second ramp on the north side")
        #expect(ramp.cue == "called for")
        #expect(ramp.speaker?.name == "Anna Keller")
        #expect(try report("the rising costs of diesel fuel").speaker?.name == "The skipper")
    }

    @Test func aSemicolonEndsTheReport() throws {
        let delay = try report("the delay was not planned")
        #expect(delay.kind == .indirect)
        #expect(delay.cue == "said")
    }

    @Test func aBeliefVerbReportsAPronounClauseWithoutThat() throws {
        #expect(try report("it was the calmest winter in years").cue == "agreed")
        #expect(!result.quotes.contains { $0.text.hasPrefix("it to last") }, "no finite verb: no clause")
    }

    @Test func aDemonstrativeSubjectIsNoSpeaker() {
        #expect(!result.quotes.contains { $0.text.hasPrefix("that the crossing") })
    }
}
