/// The names of months and weekdays and their short forms, with their numbers: the one
/// list that the date extractor, the dateline reader, the quote stage's time words and
/// the page reader's date strings each take their own view of.
package enum CalendarWords {
    package static let monthNames: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
    ]

    /// Three-letter forms, and "sept". In prose "mar", "may" and "sep" are also words,
    /// so the date extractor takes them only with a full stop ("Mar."), a page's date
    /// string ("2 Mar 2019") takes them bare.
    package static let monthAbbreviations: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]

    /// Abbreviations that are also common words, bare.
    package static let ambiguousAbbreviations: Set<String> = ["mar", "may", "sep"]

    package static let weekdayNames: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]

    /// Months as prose writes them: full names, abbreviations with a full stop, and the
    /// bare abbreviations that are no other word ("Jan", not "may").
    package static let proseMonths: [String: Int] = {
        var months = monthNames
        for (word, number) in monthAbbreviations where word != "may" { months[word + "."] = number }
        for (word, number) in monthAbbreviations where !ambiguousAbbreviations.contains(word) { months[word] = number }
        return months
    }()

    /// Months as a page's date string writes them: full names and every bare abbreviation.
    package static let stampMonths: [String: Int] = monthNames.merging(monthAbbreviations) { full, _ in full }
}
