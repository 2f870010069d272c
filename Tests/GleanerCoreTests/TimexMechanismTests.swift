import Testing

@testable import GleanerCore

/// The general mechanisms of issue 13, each on sentences written for the test. The
/// reference is Saturday 2022-02-26 unless a test says otherwise.
struct TimexMechanismTests {
    func found(_ text: String, _ expression: String, reference: String?) -> Timex? {
        TimexExtractor().extract(DocumentAnalysis(text: text), reference: reference).first { $0.text == expression }
    }

    func check(_ text: String, _ expression: String, _ type: Timex.Kind, _ expected: String?, reference: String? = "2022-02-26") {
        let timex = found(text, expression, reference: reference)
        #expect(timex != nil, "\(expression) not found in: \(text)")
        #expect(timex?.type == type, "type of \(expression): \(String(describing: timex?.type))")
        #expect(timex?.value == expected, "value of \(expression): \(String(describing: timex?.value))")
    }

    @Test func referenceFreeValuesNeedNoDate() {
        check("Everything depends on the vote now.", "now", .date, "PRESENT_REF", reference: nil)
        check("The band recently split up.", "recently", .date, "PAST_REF", reference: nil)
        check("The museum will reopen soon.", "soon", .date, "FUTURE_REF", reference: nil)
        check("\"Well, those days are over,\" she said.", "those days", .date, "PAST_REF", reference: nil)
        check("Nobody can say what the future holds.", "the future", .date, "FUTURE_REF", reference: nil)
        check("I don't see that changing any time soon.", "any time soon", .date, "FUTURE_REF", reference: nil)
        // "as soon as" joins two clauses: no expression.
        #expect(found("Call us as soon as the road opens.", "soon", reference: nil) == nil)
    }

    @Test func modifiersStayWithTheirMonth() {
        check("The plant closed last May.", "last May", .date, "2021-05")
        check("The plant will open next May.", "next May", .date, "2022-05")
        check("Sales rose last March.", "last March", .date, "2021-03")
        check("Spending rose this fiscal year.", "this fiscal year", .date, "2022")
        check("Spending fell last fiscal year.", "last fiscal year", .date, "2021")
        check("Spending will rise next financial year.", "next financial year", .date, "2023")
    }

    @Test func theLastUnitIsAStretchOfTime() {
        check("It is one of the best shows of the last decade.", "the last decade", .duration, "P10Y")
        check("The league will expand over the next decade.", "the next decade", .duration, "P10Y")
        check("Prices doubled over the last year.", "the last year", .duration, "P1Y")
        check("The river rose for a decade.", "a decade", .duration, "P10Y")
        check("Prices rose over the last three years.", "the last three years", .duration, "P3Y")
        // Without "the", "last year" is the calendar year before the reference.
        check("Prices rose last year.", "last year", .date, "2021")
    }

    @Test func rangesOfYearsAreTwoDates() {
        let timex = TimexExtractor().extract(DocumentAnalysis(text: "The survey ran in 2009-2010 in four towns."), reference: nil)
        #expect(timex.map(\.text) == ["2009", "2010"])
        #expect(timex.map(\.value) == ["2009", "2010"])
        #expect(timex.map(\.start) == [18, 23])
        check("He was their best player in 2001/2.", "2001/2", .date, nil, reference: nil)
    }

    @Test func upcomingEventsResolveForward() {
        // A February article about an election in November.
        check("Voters will go to the polls on Nov. 8.", "Nov. 8", .date, "2016-11-08", reference: "2016-02-10")
        check("Polls tighten ahead of the Nov. 8 election.", "Nov. 8", .date, "2016-11-08", reference: "2016-02-10")
        check("Heading into Tuesday's primary, the race is close.", "Tuesday", .date, "2016-02-16", reference: "2016-02-10")
        // A past event keeps the last such day.
        check("The vote was held on Nov. 8.", "Nov. 8", .date, "2015-11-08", reference: "2016-02-10")
        // No tense cue: the event the day is named for decides, unless it has just been held.
        check("Clinton leads in polls for the Nov. 8 election.", "Nov. 8", .date, "2016-11-08", reference: "2016-02-10")
        check("Clinton leads in polls for the Nov. 8 election.", "Nov. 8", .date, "2016-11-08", reference: "2016-11-20")
        check("The Nov. 8 figures are in.", "Nov. 8", .date, "2015-11-08", reference: "2016-02-10")
    }

    @Test func theStorysOwnYearAnchorsItsDays() {
        // No reference: a day told right after a year, in the past tense, is in that year.
        check(
            "For the first weeks of 1985 the firm had no rival. Then on 10 January a second one launched.",
            "10 January", .date, "1985-01-10", reference: nil)
        // A plan ahead has no such anchor.
        check("The firm was founded in 1985. It will open a shop on 10 January.", "10 January", .date, nil, reference: nil)
        // Against an estimated reference too; a given one wins over the story's years.
        let story = "For the first weeks of 1985 the firm had no rival. Then on 10 January a second one launched."
        let reference = ReferenceDateParser.parse("2005-01-03")?.date
        let estimated = TimexExtractor().extract(DocumentAnalysis(text: story), reference: reference, source: .estimated)
        #expect(estimated.first { $0.text == "10 January" }?.value == "1985-01-10")
        check(story, "10 January", .date, "2005-01-10", reference: "2005-01-13")
    }

    @Test func mastheadsAreNames() {
        #expect(found("He told the Daily Telegraph he was bored.", "Daily", reference: nil) == nil)
        #expect(found("Results from USA TODAY show a lead.", "TODAY", reference: "2016-04-27") == nil)
        check("The paper appears daily.", "daily", .set, "P1D", reference: nil)
        check("Talks resumed today.", "today", .date, "2016-04-27", reference: "2016-04-27")
    }

    @Test func seasonsDecadesAndRates() {
        check("The club struggled all through the season.", "the season", .date, nil)
        check("They will return next season.", "next season", .date, nil)
        check("Phones were hugely popular in the mid-80s.", "the mid-80s", .date, "198")
        check("The scheme costs £20 per year.", "per year", .set, "P1Y")
        check("He was injured on Boxing Day.", "Boxing Day", .date, "2021-12-26")
        check("He was injured on Boxing Day.", "Boxing Day", .date, nil, reference: nil)
        check("The floods came in the summer.", "the summer", .date, "2021-SU")
    }
}

/// A date the text pins down when none is given, and the values computed from it.
struct ReferenceEstimateTests {
    func analysis(_ text: String) -> DocumentAnalysis { DocumentAnalysis(text: text) }

    @Test func anniversaryFixesTheDay() {
        let text =
            "Phones mark 20 years\n\nMobile phones are celebrating their 20th anniversary this weekend. "
            + "The first call was made on 1 January 1985 by a comedian."
        let a = analysis(text)
        let estimate = ReferenceEstimator.estimate(a, timex: TimexExtractor().extract(a, reference: nil))
        #expect(estimate?.date.rfc3339 == "2005-01-01")
        #expect(estimate?.kind == .anniversary)
        #expect(estimate?.evidence.text == "20th anniversary")
        let timex = TimexExtractor().extract(a, reference: estimate?.date, source: .estimated)
        let weekend = timex.first { $0.text == "this weekend" }
        #expect(weekend?.value == "2004-W53-WE")
        #expect(weekend?.referenceSource == .estimated)
        let given = timex.first { $0.text == "1 January 1985" }
        #expect(given?.value == "1985-01-01")
        #expect(given?.referenceSource == nil, "a date written in full owes nothing to the estimate")
    }

    @Test func lastYearBesideTheLatestYearFixesTheYear() {
        let text =
            "Sales slump\n\nSales fell 40% in 2004, the firm said, after a record in 2003. "
            + "Profits also fell last year. Christmas trading was weak and the shops close on Monday."
        let a = analysis(text)
        #expect(
            ReferenceEstimator.estimate(a, timex: TimexExtractor().extract(a, reference: nil)) == nil,
            "\"last year\" in another sentence than the year proves nothing")
        let joined = "Sales slump\n\nSales fell 40% in 2004 and profits fell last year too. Christmas trading was weak."
        let b = analysis(joined)
        let estimate = ReferenceEstimator.estimate(b, timex: TimexExtractor().extract(b, reference: nil))
        #expect(estimate?.date.precision == .year)
        #expect(estimate?.date.year == 2005)
        #expect(estimate?.kind == .lastYear)
        let timex = TimexExtractor().extract(b, reference: estimate?.date, source: .estimated)
        #expect(timex.first { $0.text == "last year" }?.value == "2004")
        #expect(timex.first { $0.text == "last year" }?.referenceSource == .estimated)
        #expect(timex.first { $0.text == "Christmas" }?.value == nil, "a year-only estimate fixes no day")
    }

    @Test func thisYearBesideTheLatestYearFixesTheYear() {
        let a = analysis("Record crowds\n\nThe fair drew 2m visitors in 2004, more than ever this year. It reopens on Monday.")
        let estimate = ReferenceEstimator.estimate(a, timex: TimexExtractor().extract(a, reference: nil))
        #expect(estimate?.date.year == 2004)
        #expect(estimate?.kind == .thisYear)
        let timex = TimexExtractor().extract(a, reference: estimate?.date, source: .estimated)
        #expect(timex.first { $0.text == "Monday" }?.value == nil, "a year-only estimate fixes no day")
    }

    @Test func namingYearsAloneGivesNoEstimate() {
        let a = analysis("Old rivals\n\nThe two clubs first met in 1998 and again in 2001. They meet on Monday.")
        #expect(ReferenceEstimator.estimate(a, timex: TimexExtractor().extract(a, reference: nil)) == nil)
    }

    @Test func valuesFromAGivenDateNameTheirSource() {
        let a = analysis("Headline\n\nThe minister spoke on Tuesday about the 2021 budget.")
        let timex = TimexExtractor().extract(a, reference: ReferenceDateParser.parse("2022-02-26")?.date, source: .input)
        #expect(timex.first { $0.text == "Tuesday" }?.referenceSource == .input)
        #expect(timex.first { $0.text == "2021" }?.referenceSource == nil)
    }
}
