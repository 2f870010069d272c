/// Words of time that stand between a speaker and a cue ("Clinton on Thursday said") or
/// after it ("said Friday"): when, never who or what.
enum TimeWords {
    /// Month names, which start a date rather than a topic ("spoke on May 3").
    static let months = Set(CalendarWords.monthNames.keys)

    /// Words of when right after a cue: "said Friday as he entered", "said later".
    static let afterCue: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "evening", "night",
        "today", "yesterday", "tonight", "earlier", "later", "recently", "again",
    ]

    /// Days and months that end a time phrase before a cue: "Clinton on Thursday said".
    /// "may" is left out: "X may say" is no date.
    static let days: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "june", "july", "august", "september", "october", "november", "december", "yesterday", "today", "tonight",
    ]

    /// Periods after an opener: "last week", "this morning".
    static let periods: Set<String> = [
        "week", "weekend", "month", "year", "night", "morning", "afternoon", "evening", "day", "summer", "spring", "fall",
        "autumn", "winter",
    ]

    /// Words that make a period a time: "last week", "earlier this month".
    static let periodOpeners: Set<String> = ["last", "this", "next", "earlier", "later", "that"]
}
