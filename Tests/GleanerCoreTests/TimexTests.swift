import Testing

@testable import GleanerCore

/// Timex extraction against a fixed reference: Saturday 2022-02-26.
struct TimexTests {
    let reference = "2022-02-26"

    func extract(_ text: String, reference: String? = "2022-02-26") -> [Timex] {
        TimexExtractor().extract(DocumentAnalysis(text: text), reference: reference)
    }

    /// The (text, type, value) of every timex, checking that offsets reproduce the text.
    func triples(_ text: String, reference: String? = "2022-02-26") -> [(String, Timex.Kind, String?)] {
        let scalars = Array(text.unicodeScalars)
        return extract(text, reference: reference).map { t in
            let slice = String(String.UnicodeScalarView(scalars[t.start..<t.end]))
            #expect(slice == t.text, "offsets of \(t.text)")
            return (t.text, t.type, t.value)
        }
    }

    func value(_ text: String, _ expression: String, reference: String? = "2022-02-26") -> String?? {
        guard let t = extract(text, reference: reference).first(where: { $0.text == expression }) else { return .none }
        return .some(t.value)
    }

    func check(_ text: String, _ expression: String, _ type: Timex.Kind, _ expected: String?, reference: String? = "2022-02-26") {
        let found = extract(text, reference: reference).first { $0.text == expression }
        #expect(found != nil, "\(expression) not found in: \(text) — got \(extract(text, reference: reference).map(\.text))")
        #expect(found?.type == type, "type of \(expression)")
        #expect(found?.value == expected, "value of \(expression): \(String(describing: found?.value))")
    }

    // MARK: calendar

    @Test func calendarArithmetic() {
        #expect(TimexCalendar.weekday(TimexCalendar.days(2022, 2, 26)) == 6)  // Saturday
        #expect(TimexCalendar.weekday(TimexCalendar.days(1970, 1, 1)) == 4)  // Thursday
        #expect(TimexCalendar.daysInMonth(2024, 2) == 29)
        #expect(TimexCalendar.daysInMonth(1900, 2) == 28)
        #expect(TimexCalendar.daysInMonth(2000, 2) == 29)
        #expect(TimexCalendar.weekValue(TimexCalendar.days(2022, 2, 26)) == "2022-W08")
        #expect(TimexCalendar.weekValue(TimexCalendar.days(2021, 1, 3)) == "2020-W53")
        #expect(TimexCalendar.weekValue(TimexCalendar.days(2019, 12, 30)) == "2020-W01")
        let d = TimexCalendar.days(2022, 3, 1)
        #expect(TimexCalendar.civil(d - 1) == (2022, 2, 28))
        #expect(TimexCalendar.parseReference("1998-01-08T18:30:00") == TimexCalendar.days(1998, 1, 8))
        #expect(TimexCalendar.parseReference("not a date") == nil)
    }

    // MARK: absolute dates

    @Test func absoluteDates() {
        check("The treaty was signed on December 17, 2021 in Geneva.", "December 17, 2021", .date, "2021-12-17")
        check("The treaty was signed on 17 December 2021 in Geneva.", "17 December 2021", .date, "2021-12-17")
        check("Filed 2021-12-17 at the court.", "2021-12-17", .date, "2021-12-17")
        check("Filed 12/17/2021 at the court.", "12/17/2021", .date, "2021-12-17")
        check("He was born in March 2001.", "March 2001", .date, "2001-03")
        check("It started in 2021, analysts said.", "2021", .date, "2021")
        check("The budget for 2021/22 was approved.", "2021/22", .date, "2021")
        check("Results for Q3 2024 disappointed.", "Q3 2024", .date, "2024-Q3")
        check("Profit fell in the third quarter of 1989.", "the third quarter of 1989", .date, "1989-Q3")
        check("Prices soared in the 1990s.", "the 1990s", .date, "199")
        check("On Friday, Dec. 17, he spoke.", "Friday, Dec. 17", .date, "2021-12-17")
        check("It was built in the 20th century.", "the 20th century", .date, "19")
    }

    // MARK: partial dates and year inference

    @Test func monthDayYearInference() {
        // Past tense: the most recent such day.
        check("Talks were held on February 24.", "February 24", .date, "2022-02-24")
        check("He said on January 26 that the talks failed.", "January 26", .date, "2022-01-26")
        check("The vote took place on December 5.", "December 5", .date, "2021-12-05")
        // Future tense: the next such day.
        check("The summit will take place on March 3.", "March 3", .date, "2022-03-03")
        check("The talks will resume on January 10.", "January 10", .date, "2023-01-10")
        check("The deal was signed in late October and expired on November 30.", "November 30", .date, "2021-11-30")
    }

    @Test func monthsAndModifiers() {
        check("The offensive began in early June.", "early June", .date, "2021-06")
        check("The offensive will begin in early June.", "early June", .date, "2022-06")
        check("The offensive will begin in early March.", "early March", .date, "2022-03")
        check("The offensive will begin in late November.", "late November", .date, "2022-11")
        check("The offensive began in late November.", "late November", .date, "2021-11")
        check("Sales fell in January.", "January", .date, "2022-01")
        check("It was agreed in January this year.", "January this year", .date, "2022-01")
    }

    // MARK: relative dates

    @Test func deicticDays() {
        check("Officials met today.", "today", .date, "2022-02-26")
        check("Officials met yesterday.", "yesterday", .date, "2022-02-25")
        check("Officials will meet tomorrow.", "tomorrow", .date, "2022-02-27")
        check("Officials met this morning.", "this morning", .time, "2022-02-26TMO")
        check("Everything depends on Washington now.", "now", .date, "PRESENT_REF")
        check("He recently resigned.", "recently", .date, "PAST_REF")
        check("We will talk about it in the future.", "the future", .date, "FUTURE_REF")
    }

    @Test func tenseAwareWeekdays() {
        // Published on Saturday 2022-02-26.
        check("Ryabkov said on Saturday that the guarantees are void.", "Saturday", .date, "2022-02-26")
        check("The minister spoke on Tuesday.", "Tuesday", .date, "2022-02-22")
        check("The minister will speak on Tuesday.", "Tuesday", .date, "2022-03-01")
        check("They met last Friday.", "last Friday", .date, "2022-02-25")
        check("They will meet next Friday.", "next Friday", .date, "2022-03-04")
        // Published on a Wednesday: past Monday vs future Monday.
        check("He resigned on Monday.", "Monday", .date, "2022-02-21", reference: "2022-02-23")
        check("He will resign on Monday.", "Monday", .date, "2022-02-28", reference: "2022-02-23")
    }

    @Test func tenseCuesBeyondTheNearestVerb() {
        // "next to" and "set on" are no future; "could" reports the past.
        check("The embassy next to the bank was damaged on Friday.", "Friday", .date, "2022-02-25")
        check("Shares closed near the record high set on January 3.", "January 3", .date, "2022-01-03")
        check("The suspects could not be found on Thursday.", "Thursday", .date, "2022-02-24")
        // A participle after "be" is no past tense.
        check("A ceremony will be held on April 24.", "April 24", .date, "2022-04-24")
        check("The stock is to resume trading in Paris on Tuesday.", "Tuesday", .date, "2022-03-01")
        // Plans point ahead of a date after them; a past plan before them is just the past.
        check("The committee planned to vote on Wednesday.", "Wednesday", .date, "2022-03-02")
        check("On Wednesday, the committee planned to publish its report.", "Wednesday", .date, "2022-02-23")
        check("The deal had been scheduled to close on Tuesday.", "Tuesday", .date, "2022-02-22")
    }

    @Test func plansPossessivesAndDeadlines() {
        // A weekday's event named with "'s" is told as done.
        check("Lawyers will appeal against Wednesday's ruling.", "Wednesday", .date, "2022-02-23")
        // A plan made before the date points ahead; "as planned" only refers back.
        check("Fans planned a march on Sunday.", "Sunday", .date, "2022-02-27")
        check("Fans were planning to march on Sunday.", "Sunday", .date, "2022-02-27")
        check("The offensive began as previously planned on Tuesday.", "Tuesday", .date, "2022-02-22")
        // The deadline's "until" reaches the day after the clock time.
        check("The court extended the deadline until 9 a.m. Tuesday.", "9 a.m. Tuesday", .time, "2022-03-01T09:00")
    }

    @Test func prepositionsFixTheDirection() {
        check("The rebels must leave the city by Tuesday.", "Tuesday", .date, "2022-03-01")
        check("The inspectors had finished their work by Tuesday.", "Tuesday", .date, "2022-02-22")
        check("The law, effective July 1, was passed in parliament.", "July 1", .date, "2022-07-01")
        check("Officials will review every complaint filed since October 23.", "October 23", .date, "2021-10-23")
    }

    @Test func calendarPeriods() {
        check("Prices rose last week.", "last week", .date, "2022-W07")
        check("Prices rose this week.", "this week", .date, "2022-W08")
        check("Prices will rise next month.", "next month", .date, "2022-03")
        check("Prices rose last year.", "last year", .date, "2021")
        check("Prices will fall next year.", "next year", .date, "2023")
        check("Prices rose last month.", "last month", .date, "2022-01")
        check("Sales rose this summer.", "this summer", .date, "2022-SU")
        check("Talks will resume over the weekend.", "the weekend", .date, "2022-W08-WE", reference: "2022-02-23")
        check("Talks resumed over the weekend.", "the weekend", .date, "2022-W07-WE", reference: "2022-02-23")
    }

    @Test func offsetsFromReference() {
        check("The talks began two days ago.", "two days ago", .date, "2022-02-24")
        check("The talks began a year ago.", "a year ago", .date, "2021")
        check("The talks will end in three weeks.", "three weeks", .date, "2022-W11")
        check("The deal was signed on February 10. The day after, it collapsed.", "The day after", .date, "2022-02-11")
        check("The deal was signed on February 10. Two days later, it collapsed.", "Two days later", .date, "2022-02-12")
        // Chains count from the month or day just told, not from the reference.
        check("Prices rose in March 2021. The following month they fell.", "The following month", .date, "2021-04")
        check("Shares closed on Friday, March 4, 2022, up from the previous Friday.", "the previous Friday", .date, "2022-02-25")
    }

    @Test func seasonsNamedAlone() {
        check("Sales slowed during the summer.", "the summer", .date, "2021-SU")
        check("Work will resume in the spring.", "the spring", .date, "2022-SP")
        check("The talks took place in the early summer.", "the early summer", .date, "2021-SU")
        check("Prices rose in summer 2019.", "summer 2019", .date, "2019-SU")
        // "Spring" and "fall" alone are words of other kinds.
        #expect(extract("Prices fall when the spring rains come.").isEmpty)
        #expect(extract("They drank water at the spring.").isEmpty)
    }

    @Test func thatDayAndThatYearReferBack() {
        check("The recession hit in 2008. Later that year, banks failed.", "Later that year", .date, "2008")
        check("The deal was signed on February 10. Earlier that day, markets fell.", "Earlier that day", .date, "2022-02-10")
        check("The deal was signed on February 10. Markets fell the same day.", "the same day", .date, "2022-02-10")
        // Nothing told before: no expression.
        #expect(extract("He remembered that day fondly.").isEmpty)
    }

    @Test func recentYearsAndHalvesAfterTheUnit() {
        check("Prices have risen in recent years.", "recent years", .date, "PAST_REF")
        check("The call lasted a minute and a half.", "a minute and a half", .duration, "PT1M30S")
    }

    // MARK: times

    @Test func times() {
        check("The meeting started at 14:00 GMT.", "14:00 GMT", .time, "2022-02-26T14:00")
        check("The meeting started at 2 p.m. sharp.", "2 p.m.", .time, "2022-02-26T14:00")
        check("The meeting started at 9:30 a.m. sharp.", "9:30 a.m.", .time, "2022-02-26T09:30")
        check("The strike began at 10 p.m. Wednesday.", "10 p.m. Wednesday", .time, "2022-02-23T22:00")
    }

    @Test func partsOfDaysAreTimesOnTheirDay() {
        check("The rally began on Friday night.", "Friday night", .time, "2022-02-25TNI")
        check("The statement was read Wednesday evening.", "Wednesday evening", .time, "2022-02-23TEV")
        check("Officials met yesterday morning.", "yesterday morning", .time, "2022-02-25TMO")
        check("Shares were down by mid-afternoon yesterday.", "mid-afternoon yesterday", .time, "2022-02-25TAF")
        check("By mid afternoon, the fighting had stopped.", "mid afternoon", .time, "2022-02-26TAF")
        check("Traders bought heavily in the morning.", "the morning", .time, "2022-02-26TMO")
        check("The convoy will leave at 4 in the morning.", "4 in the morning", .time, "2022-02-26T04:00")
    }

    @Test func clockTimesTakeTheDayOfTheirClause() {
        // A day in brackets after the time, or right after them, without joining the span.
        check("The explosion occurred at 10:35 a.m. (0735 GMT) Thursday.", "10:35 a.m.", .time, "2022-02-24T10:35")
        check("Ships sail at 6 a.m. (Friday in Tokyo).", "6 a.m.", .time, "2022-02-25T06:00")
        // The day named in the sentence before.
        check(
            "The market was hit on Thursday. The blast came at 10:35 a.m., police said.", "10:35 a.m.", .time, "2022-02-24T10:35")
    }

    // MARK: durations

    @Test func durations() {
        check("He spent eight years in prison.", "eight years", .duration, "P8Y")
        check("They held a two-hour call.", "two-hour", .duration, "PT2H")
        check("The ceasefire lasted 72 hours.", "72 hours", .duration, "PT72H")
        check("The talks lasted three months.", "three months", .duration, "P3M")
        check("The conflict has lasted for decades.", "decades", .duration, "PXY")
        check("He waited twenty-five minutes.", "twenty-five minutes", .duration, "PT25M")
        check("He stayed for nearly forty years.", "nearly forty years", .duration, "P40Y")
        check("It took 2 1/2 years.", "2 1/2 years", .duration, "P2Y6M")
        check("Growth slowed over the past three years.", "the past three years", .duration, "P3Y")
        check("It will take several weeks.", "several weeks", .duration, "PXW")
        check("The talks ended a day-long meeting.", "day-long", .duration, "P1D")
        check("They ended a decades-long feud.", "decades-long", .duration, "PXY")
        check("Shares recovered within eight trading days.", "eight trading days", .duration, "P8D")
    }

    // MARK: sets

    @Test func sets() {
        check("He runs every Monday.", "every Monday", .set, "XXXX-WXX-1")
        check("The report is published annually.", "annually", .set, "P1Y")
        check("The board meets every year.", "every year", .set, "P1Y")
        check("The newsletter appears weekly.", "weekly", .set, "P1W")
        check("They meet twice a month.", "twice a month", .set, "P1M")
    }

    // MARK: no reference

    @Test func nilValuesWithoutReference() {
        check("He spoke on Saturday.", "Saturday", .date, nil, reference: nil)
        check("Talks were held on February 24.", "February 24", .date, nil, reference: nil)
        check("Prices rose last week.", "last week", .date, nil, reference: nil)
        check("Officials met yesterday.", "yesterday", .date, nil, reference: nil)
        // Values that need no reference stay.
        check("The treaty was signed on December 17, 2021.", "December 17, 2021", .date, "2021-12-17", reference: nil)
        check("He spent eight years in prison.", "eight years", .duration, "P8Y", reference: nil)
        check("He runs every Monday.", "every Monday", .set, "XXXX-WXX-1", reference: nil)
    }

    // MARK: the seed document's sentences

    @Test func seedLikeDocument() {
        let text = """
            Russia no longer bound by security guarantees

            MOSCOW, February 26. Russian Deputy Foreign Minister Sergey Ryabkov said on Saturday that the proposals \
            made on December 17, 2021 are no longer valid. On February 25, the Americans announced their decision, \
            he said. Talks were held on January 26 and the operation began on February 24. \
            NATO has been expanding for eight years, he noted.
            """
        let found = triples(text, reference: "2022-02-26")
        func v(_ s: String) -> String? { found.first { $0.0 == s }?.2 }
        #expect(v("Saturday") == "2022-02-26")
        #expect(v("December 17, 2021") == "2021-12-17")
        #expect(v("February 25") == "2022-02-25")
        #expect(v("January 26") == "2022-01-26")
        #expect(v("February 24") == "2022-02-24")
        #expect(v("eight years") == "P8Y")
        #expect(found.first { $0.0 == "eight years" }?.1 == .duration)
    }

    @Test func offsetsWithNonASCIIText() {
        let text = "Der Präsident — «sagte» — met on Friday, 🎉 and again on 3 March 2022."
        let found = triples(text)
        #expect(found.contains { $0.0 == "Friday" })
        #expect(found.contains { $0.0 == "3 March 2022" && $0.2 == "2022-03-03" })
    }

    /// "Now that" opening the text is a conjunction, and reading the word before it must not trap.
    @Test func nowThatOpeningTheTextIsNoDate() {
        #expect(extract("Now that the vote is over, Ivo Brandt can rest.").isEmpty)
    }
}
