import Testing

@testable import GleanerCore

/// Modifiers that move or widen a date ("the year-earlier third quarter", "a week or so ago",
/// "through January"), movable holidays and titles that look like times, on sentences written
/// for the test. The reference is Saturday 2022-02-26 unless a test says otherwise.
extension TimexMechanismTests {
    func timexTexts(_ text: String, reference: String? = "2022-02-26") -> [String] {
        TimexExtractor().extract(DocumentAnalysis(text: text), reference: reference).map(\.text)
    }

    @Test func earningsModifiersShiftTheQuarterTheyName() {
        let cases: [(text: String, expression: String, value: String)] = [
            (
                "Profit rose in the third quarter. In the year-earlier third quarter, the bank lost money.",
                "the year-earlier third quarter", "1994-Q3"
            ),
            ("Sales were flat in the comparable year-ago quarter.", "the comparable year-ago quarter", "1994-Q3"),
            // "The year-earlier period" is no new quarter: "a year ago" still counts from the third.
            (
                "Third-quarter profit rose 8%. Costs were high in the year-earlier period. Taxes were lower than a year ago.",
                "a year ago", "1994-Q3"
            ),
            ("Third-quarter profit rose 8%. In the 1995 period, costs fell.", "the 1995 period", "1995-Q3"),
            ("Earnings will be weak for the last half of 1995.", "the last half of 1995", "1995-H2"),
            // A quarter named five sentences back is stale; the story still reports the third.
            (
                "Third-quarter profit rose 8%. Sales rose. Costs fell. Debt fell. Staff grew. In the 1995 period, taxes fell.",
                "the 1995 period", "1995-Q3"
            ),
            // After "the first nine months", "a year earlier" compares with them: a year.
            (
                "Third-quarter profit rose 8%. In the first nine months, profit rose 5% from a year earlier.", "a year earlier",
                "1994"
            ),
        ]
        for c in cases { check(c.text, c.expression, .date, c.value, reference: "1995-10-20") }
    }

    @Test func hedgedAndSpelledAmounts() {
        check("The shop closed a week or so ago.", "a week or so ago", .date, "2022-02-19")
        check("The shop closed two weeks ago.", "two weeks ago", .date, "2022-02-12")
        check("The town has blown glass for more than two thousand years.", "more than two thousand years", .duration, "P2000Y")
        check(
            "Prices last fell this far in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", .date,
            "1994-WI")
        check("Traders expect losses in the weeks ahead.", "the weeks ahead", .duration, "PXW")
    }

    @Test func spanEndsAndYearEndsFollowTheirPreposition() {
        // "succeed" after "will" is no past tense.
        check("Ms. Reyes will succeed him on Feb. 1.", "Feb. 1", .date, "2022-02-01", reference: "2021-10-20")
        let october = "2021-10-20"
        check("The bank has extended the loans through January.", "January", .date, "2022-01", reference: october)
        check("Shares are up 5% since year-end.", "year-end", .date, "2020-12-31", reference: october)
        check("The deal should close by year-end.", "year-end", .date, "2021-12-31", reference: october)
    }

    @Test func movableHolidays() {
        check("Voters will choose a governor on Election Day.", "Election Day", .date, "2022-11-08")
        check("The ferry sails on Easter Monday.", "Easter Monday", .date, "2022-04-18")
        // Told on Palm Sunday, when Holy Week begins; ISO week 15 ends on Easter Sunday, 17 April.
        check("Crowds gathered as Easter week began.", "Easter week", .date, "2022-W15", reference: "2022-04-10")
        // Told the next day: "as" here is a conjunction, and the week is not over.
        check("Crowds gathered as Easter week began.", "Easter week", .date, "2022-W15", reference: "2022-04-11")
        check("Crowds will gather as Easter week goes on.", "Easter week", .date, "2022-W15", reference: "2022-04-12")
        #expect(timexTexts("The statues of Easter Island drew visitors.").isEmpty)
        #expect(timexTexts("The children hunted for Easter eggs.").isEmpty)
    }

    @Test func namesAndTitlesAreNoTimes() {
        #expect(timexTexts("He told CBS's \"60 Minutes\" that he would run.").isEmpty)
        #expect(timexTexts("She said on \"This Week With Anna Bell\" that taxes would rise.").isEmpty)
        check("\"This week we vote,\" she said.", "This week", .date, "2022-W08")
        check("Papers are printed daily.", "daily", .set, "P1D")
    }

    @Test func elidedUnitsAndSmallHours() {
        let text = "She was hurt for the last two of her six seasons and the last three of her nine years."
        check(text, "the last three", .duration, "P3Y")
        #expect(found(text, "the last two", reference: nil) == nil, "seasons are no unit")
        check("He missed the first two of his five years at the club.", "the first two", .duration, "P2Y")
        check(
            "The ferry sank in the early hours of Tuesday morning.", "the early hours of Tuesday morning", .time,
            "2022-02-22TMO")
        check("The deal should close around year end.", "year end", .date, "2022-12-31")
    }
}
