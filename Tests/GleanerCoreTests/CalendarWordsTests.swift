import Testing

@testable import GleanerCore

/// The views of the one month list: prose takes "Mar." but not a bare "mar" or "may"
/// (words too), a page's date string takes every bare form.
@Suite struct CalendarWordsTests {
    @Test func proseMonthsLeaveOutAbbreviationsThatAreWords() {
        let prose = CalendarWords.proseMonths
        #expect(prose["march"] == 3 && prose["mar."] == 3 && prose["sept."] == 9 && prose["dec"] == 12)
        #expect(prose["mar"] == nil && prose["may."] == nil && prose["sep"] == nil)
        #expect(prose["may"] == 5, "the full name")
        #expect(prose.count == 12 + 12 + 10)
    }

    @Test func pageStampsTakeEveryBareForm() {
        let stamp = CalendarWords.stampMonths
        #expect(stamp["mar"] == 3 && stamp["sep"] == 9 && stamp["sept"] == 9 && stamp["may"] == 5)
        #expect(stamp["mar."] == nil)
        #expect(stamp.count == 12 + 12)
    }

    @Test func theQuoteStagesMonthsAreTheFullNames() {
        #expect(TimeWords.months == Set(CalendarWords.monthNames.keys))
        #expect(TimexLexicon.weekdays["thurs."] == 4 && TimexLexicon.weekdays["sunday"] == 7)
    }
}
