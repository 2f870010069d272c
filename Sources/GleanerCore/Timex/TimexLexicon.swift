/// Word lists for the timex extractor, keyed by lowercased token text.
enum TimexUnit: Sendable, Equatable {
    case second, minute, hour, day, week, month, quarter, year, decade, century

    var isTime: Bool { self == .second || self == .minute || self == .hour }

    var code: String {
        switch self {
        case .second: "S"
        case .minute: "M"
        case .hour: "H"
        case .day: "D"
        case .week: "W"
        case .month: "M"
        case .quarter: "Q"
        case .year: "Y"
        case .decade: "DE"
        case .century: "CE"
        }
    }
}

enum TimexLexicon {
    static let months = CalendarWords.proseMonths

    static let weekdays: [String: Int] = CalendarWords.weekdayNames.merging([
        "mon.": 1, "tue.": 2, "tues.": 2, "wed.": 3, "thu.": 4, "thurs.": 4, "fri.": 5,
    ]) { name, _ in name }

    static let weekdayPlurals: [String: Int] = [
        "mondays": 1, "tuesdays": 2, "wednesdays": 3, "thursdays": 4, "fridays": 5, "saturdays": 6, "sundays": 7,
    ]

    /// Unit words; the Bool is whether the word is plural.
    static let units: [String: (TimexUnit, Bool)] = [
        "second": (.second, false), "seconds": (.second, true), "minute": (.minute, false), "minutes": (.minute, true),
        "min": (.minute, false), "mins": (.minute, true),
        "hour": (.hour, false), "hours": (.hour, true), "hr": (.hour, false), "hrs": (.hour, true),
        "day": (.day, false), "days": (.day, true), "week": (.week, false), "weeks": (.week, true),
        "month": (.month, false), "months": (.month, true), "quarter": (.quarter, false), "quarters": (.quarter, true),
        "year": (.year, false), "years": (.year, true), "yr": (.year, false), "yrs": (.year, true),
        "decade": (.decade, false), "decades": (.decade, true),
        "century": (.century, false), "centuries": (.century, true),
    ]

    static let numbers: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    ]

    static let vagueNumbers: Set<String> = ["few", "several", "many", "some", "numerous", "couple"]

    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    ]

    static let partsOfDay: [String: String] = [
        "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    ]

    static let seasons: [String: String] = [
        "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
    ]

    /// The month each season code begins in, northern hemisphere.
    static let seasonStarts: [String: Int] = ["SP": 3, "SU": 6, "FA": 9, "WI": 12]

    static let timeZones: Set<String> = [
        "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "bst", "cet", "cest", "msk",
        "jst", "ist", "pt", "ct",
    ]

    /// Pre-modifiers kept inside a date's span ("early March", "late Friday").
    static let dateModifiers: Set<String> = ["early", "late", "mid", "earlier", "later", "mid-"]

    /// Pre-modifiers kept inside a duration's span ("nearly eight years").
    static let durationModifiers: Set<String> = [
        "nearly", "almost", "about", "around", "approximately", "roughly", "some", "over", "least", "than", "to",
    ]

    static let pastCues: Set<String> = [
        "was", "were", "had", "did", "said", "told", "went", "came", "met", "began", "saw", "fell", "rose", "ago",
        "last", "earlier", "yesterday", "became", "chose", "wrote", "spoke", "thought", "knew", "grew", "drew", "flew",
        "threw", "withdrew", "stood", "ran", "fled", "got", "felt", "meant",
    ]

    static let futureCues: Set<String> = [
        "will", "'ll", "shall", "wo", "would", "might", "may", "tomorrow", "next", "upcoming", "going", "soon",
    ]

    /// Every word that can start (or be the head of) a temporal expression.
    static let triggers: Set<String> = {
        var set: Set<String> = [
            "today", "tonight", "yesterday", "tomorrow", "now", "currently", "current", "recently", "recent",
            "previously", "formerly", "soon", "future", "past", "the", "this", "last", "next", "coming", "previous",
            "following", "every", "each", "daily", "weekly", "monthly", "annually", "yearly", "hourly", "quarterly",
            "nightly", "biweekly", "a", "an", "noon", "midnight", "fiscal", "q1", "q2", "q3", "q4", "h1", "h2",
            "early", "late", "mid", "earlier", "later", "christmas", "thanksgiving", "halloween", "weekend",
            "nineties", "eighties", "seventies", "sixties", "twice", "once", "nearly", "almost", "about", "around",
            "approximately", "roughly", "some", "over", "more", "less", "fewer", "at", "up", "new",
            "several", "few", "many", "end", "by", "overnight", "these", "weeknights", "weekends", "midday",
            "couple", "that", "those", "boxing", "season", "easter", "election",
        ]
        set.formUnion(months.keys)
        set.formUnion(weekdays.keys)
        set.formUnion(weekdayPlurals.keys)
        set.formUnion(units.keys)
        set.formUnion(numbers.keys)
        set.formUnion(ordinals.keys)
        set.formUnion(seasons.keys)
        return set
    }()
}
