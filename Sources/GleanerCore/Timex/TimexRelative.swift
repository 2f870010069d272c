/// Dates that lean on the reference or on the last date mentioned: "today",
/// "last week", "the following month", "the day after".
extension TimexRun {
    // MARK: deictic words

    mutating func deictic(_ i: Int) -> TimexMatch? {
        let t = w(i)
        switch t {
        case "today":
            // "USA TODAY": a masthead in capitals after another word in capitals.
            if tokens[i].text == "TODAY", i > 0, isAllCaps(i - 1) { return nil }
            if w(i + 1) == "'s" && isLowerWord(i) && Lex.units[w(i + 2)] == nil { return nil }  // "today's youth"
            return TimexMatch(start: i, end: i + 1, type: .date, value: ref.map(Cal.dayValue), day: ref)
        case "tonight":
            return TimexMatch(start: i, end: i + 1, type: .time, value: ref.map { Cal.dayValue($0) + "TNI" })
        case "yesterday", "tomorrow":
            return dayWithPart(start: i, end: i + 1, day: ref.map { $0 + (t == "yesterday" ? -1 : 1) })
        // PRESENT_REF, PAST_REF and FUTURE_REF say where a time lies relative to the writing
        // itself: they need no reference date, so they have a value in an undated text too.
        case "now", "currently", "current":
            if t == "now" && (w(i + 1) == "that" && isPunct(i - 1)) { return nil }
            // "Now, he said": a discourse marker that turns the story, not a time.
            if t == "now" && w(i + 1) == "," && isPunct(i - 1) { return nil }
            return TimexMatch(start: i, end: i + 1, type: .date, value: "PRESENT_REF")
        case "recently":
            return TimexMatch(start: i, end: i + 1, type: .date, value: "PAST_REF")
        case "recent":
            if let (u, plural) = Lex.units[w(i + 1)], plural, u != .day, u != .year {
                return TimexMatch(start: i, end: i + 2, type: .duration, value: durationValue(nil, u))
            }
            // "recent years", "recent days": the past at large, as TimeBank mostly reads them.
            if w(i + 1) == "days" || w(i + 1) == "years" {
                return TimexMatch(start: i, end: i + 2, type: .date, value: "PAST_REF")
            }
            return TimexMatch(start: i, end: i + 1, type: .date, value: "PAST_REF")
        case "soon":
            // "as soon as", "sooner or later" and "soon as" join a clause; alone "soon" is the near future.
            if w(i - 1) == "as" || w(i + 1) == "as" || w(i - 1) == "how" || w(i - 1) == "too" { return nil }
            let start = w(i - 2) == "any" && w(i - 1) == "time" ? i - 2 : i
            return TimexMatch(start: start, end: i + 1, type: .date, value: "FUTURE_REF")
        case "those":
            // "those days are over": the past as a period, not the days of a date just told.
            guard w(i + 1) == "days", !(w(i + 2) == "of" || w(i + 2) == "when" || w(i + 2) == "after") else { return nil }
            return TimexMatch(start: i, end: i + 2, type: .date, value: "PAST_REF")
        case "overnight":
            return TimexMatch(
                start: i, end: i + 1, type: .time, value: ref.map { Cal.dayValue($0 - (tense(i) > 0 ? 0 : 1)) + "TNI" })
        default:
            return nil
        }
    }

    // MARK: this / last / next …

    mutating func relative(_ i: Int, from start: Int) -> TimexMatch? {
        let t = w(i)
        let dir: Int
        switch t {
        case "this", "these": dir = 0
        case "last", "past", "previous": dir = -1
        default: dir = 1
        }
        let chained = t == "previous" || t == "following"
        let j = i + 1
        guard sameLine(j) else { return nil }
        let n = w(j)
        if t == "these" {
            guard n == "days" else { return nil }
            return TimexMatch(start: start, end: j + 1, type: .date, value: "PRESENT_REF")
        }
        // "the past three years", "next two weeks": durations.
        if t != "this" && t != "these", let (num, e0) = number(j), num != nil || Lex.vagueNumbers.contains(n) || n == "few" {
            var e = e0
            if Self.unitAdjectives.contains(w(e)) { e += 1 }
            if let (u, _) = Lex.units[w(e)] {
                return TimexMatch(start: start, end: e + 1, type: .duration, value: durationValue(num, u))
            }
            if start < i, num != nil, let u = unitAfterOf(e) {
                return TimexMatch(start: start, end: e, type: .duration, value: durationValue(num, u))
            }
        }
        if let (u, plural) = Lex.units[n] {
            if plural {
                return TimexMatch(start: start, end: j + 1, type: .duration, value: durationValue(nil, u))
            }
            if start < i && (t == "past" || t == "last" || t == "coming" || t == "next") && u != .day && u != .quarter {
                // "the last decade", "the next year": a stretch of time up to or from now, the
                // duration of one unit, like "the last two years"; "the past week", "the next
                // month" stay the calendar period, as TimeBank reads them.
                if u == .year || u == .decade || u == .century {
                    return TimexMatch(start: start, end: j + 1, type: .duration, value: durationValue(1, u))
                }
                let (v, _) = period(ref, u, dir)
                return TimexMatch(start: start, end: j + 1, type: .date, value: v)
            }
            let base = chained ? (anchor ?? ref) : ref
            if u == .day {
                guard t != "this" else { return nil }
                guard let base else { return TimexMatch(start: start, end: j + 1, type: .date, value: nil) }
                let d = base + dir
                return TimexMatch(start: start, end: j + 1, type: .date, value: Cal.dayValue(d), day: d)
            }
            let (v, d) = period(base, u, dir)
            return TimexMatch(start: start, end: j + 1, type: .date, value: v, day: d)
        }
        if let wd = Lex.weekdays[n] {
            var day: Int?
            if chained, let base = anchor ?? ref {
                // "the previous Friday": the one before the day just told, not before the reference.
                let b = Cal.weekday(base)
                day = dir < 0 ? base - ((b - wd + 6) % 7 + 1) : base + ((wd - b + 6) % 7 + 1)
            } else if let ref {
                let r = Cal.weekday(ref)
                switch dir {
                case -1: day = ref - ((r - wd + 7) % 7 == 0 ? 7 : (r - wd + 7) % 7)
                case 1: day = weekdayDay(wd, direction: 1)
                default: day = weekdayDay(wd, direction: tense(j) > 0 ? 1 : -1)
                }
            }
            return dayWithPart(start: start, end: j + 1, day: day)
        }
        // A month after the modifier keeps the modifier: "last May" is the May before the reference,
        // not the May nearest to it. "May" counts as a month only written with its capital.
        let monthWord = n.utf8.count > 3 || n.hasSuffix(".") || n == "may"
        if let m = Lex.months[n], isCap(j), monthWord, dayAt(j + 1) != nil, var dm = monthExpression(j, m) {
            dm.start = start
            return dm
        }
        if let m = Lex.months[n], isCap(j), monthWord {
            var y: Int?
            if let ref {
                let c = Cal.civil(ref)
                switch dir {
                // "last February" on 1 March is a year back: the month just ended would be
                // "in February"; the modifier reaches past it.
                case -1: y = m < c.month - 1 ? c.year : c.year - 1
                case 1: y = m > c.month ? c.year : c.year + 1
                default: y = c.year
                }
            }
            return TimexMatch(start: start, end: j + 1, type: .date, value: y.map { Cal.monthValue($0, m) })
        }
        if n == "season" || n == "seasons" && t == "these" {
            // A sports or holiday season straddles the calendar: a date with no ISO value.
            return TimexMatch(start: start, end: j + 1, type: .date, value: nil)
        }
        if let s = Lex.seasons[n] {
            var y: Int?
            if let ref {
                let c = Cal.civil(ref)
                let seasonStart = Lex.seasonStarts[s] ?? 1
                switch dir {
                case -1: y = c.month >= seasonStart + 3 ? c.year : c.year - 1
                case 1: y = c.month < seasonStart ? c.year : c.year + 1
                default: y = c.year
                }
                if s == "WI" && dir == -1 { y = c.month <= 2 ? c.year - 1 : c.year - 1 }
            }
            return TimexMatch(start: start, end: j + 1, type: .date, value: y.map { "\(Cal.yearValue($0))-\(s)" })
        }
        if n == "weekend" {
            return TimexMatch(
                start: start, end: j + 1, type: .date, value: weekend(dir: dir == 0 ? (tense(j) < 0 ? -1 : 0) : dir))
        }
        // "this fiscal year", "last financial year", "next calendar year": the year the modifier names.
        if n == "fiscal" || n == "financial" || n == "calendar" || n == "tax" || n == "school" || n == "academic",
            w(j + 1) == "year", !chained
        {
            return TimexMatch(start: start, end: j + 2, type: .date, value: refYear.map { Cal.yearValue($0 + dir) })
        }
        if let part = Lex.partsOfDay[n] {
            guard let ref else { return TimexMatch(start: start, end: j + 1, type: .time, value: nil) }
            if t == "this" {
                return TimexMatch(start: start, end: j + 1, type: .time, value: Cal.dayValue(ref) + "T" + part, day: ref)
            }
            if t == "last" && n == "night" {
                return TimexMatch(start: start, end: j + 1, type: .time, value: Cal.dayValue(ref - 1) + "TNI", day: ref - 1)
            }
            if chained || t == "next" {
                let base = (chained ? anchor : nil) ?? ref
                let d = base + dir
                return TimexMatch(start: start, end: j + 1, type: .time, value: Cal.dayValue(d) + "T" + part, day: d)
            }
        }
        return nil
    }

    static let seasonPrepositions: Set<String> = [
        "in", "during", "over", "into", "since", "until", "by", "through", "throughout", "before", "after", "of",
    ]

    /// A season named alone after a preposition: "during the summer", "in early winter", "summer 1998".
    /// "Fall" and "spring" need "the" too, or they are a verb or a well; "the spring rains" is
    /// left alone.
    mutating func season(_ i: Int, start: Int) -> TimexMatch? {
        let t = w(i)
        guard let s = Lex.seasons[t] else { return nil }
        guard namedYear(after: i) != nil || Self.seasonPrepositions.contains(w(start - 1)),
            start < i || t == "summer" || t == "winter"
        else { return nil }
        if let (y, end) = namedYear(after: i) {
            return TimexMatch(start: start, end: end, type: .date, value: "\(Cal.yearValue(y))-\(s)")
        }
        guard w(i + 1) != "of" else { return nil }  // "the summer of love"
        let y = seasonYear(s, direction: tense(start))
        return TimexMatch(start: start, end: i + 1, type: .date, value: y.map { "\(Cal.yearValue($0))-\(s)" })
    }

    /// The unit an elided count takes from the phrase after it: "the last two of his seven
    /// years" is two years. Token e is "of"; the unit must come within a few words, plural.
    func unitAfterOf(_ e: Int) -> TimexUnit? {
        guard w(e) == "of" else { return nil }
        for k in (e + 1)..<(e + 5) {
            guard sameLine(k), !isPunct(k) else { return nil }
            if let (u, plural) = Lex.units[w(k)] { return plural ? u : nil }
        }
        return nil
    }

    /// The year written after a period's name, in digits or words: "summer 1998", "the winter of
    /// 1994", "the winter of nineteen ninety-four". Returns the year and the end of its tokens.
    func namedYear(after i: Int) -> (Int, Int)? {
        if let y = yearAt(i + 1) { return (y, i + 2) }
        guard w(i + 1) == "of" else { return nil }
        if let y = yearAt(i + 2) { return (y, i + 3) }
        if w(i + 2) == "nineteen" || w(i + 2) == "twenty", let m = spelledYear(i + 2), let v = m.value, let y = digitsValue(v) {
            return (y, m.end)
        }
        return nil
    }

    /// "that day", "that week", "that year", "that same day": the period of the last date told.
    mutating func anaphoric(_ i: Int, start: Int) -> TimexMatch? {
        guard let (u, plural) = Lex.units[w(i)], !plural, sameLine(i) else { return nil }
        switch u {
        case .day, .week, .month:
            guard let d = anchor, currentSentence - anchorSentence <= 3 else { return nil }
            let (v, day) = period(d, u, 0)
            return TimexMatch(start: start, end: i + 1, type: .date, value: v, day: day)
        case .year:
            guard let y = lastYear, currentSentence - lastYearSentence <= 3 else { return nil }
            return TimexMatch(start: start, end: i + 1, type: .date, value: Cal.yearValue(y))
        default:
            return nil
        }
    }

    /// What "the following month", "the previous year" count from: the last month or year
    /// named in the last few sentences, else the last day, else the reference.
    func chainBase(_ unit: TimexUnit) -> Int? {
        if unit == .month, let m = lastMonth, currentSentence - lastMonthSentence <= 3 { return m }
        if unit == .year, let y = lastYear, currentSentence - lastYearSentence <= 3 { return Cal.days(y, 1, 1) }
        return anchor ?? ref
    }

    /// The week value of a weekend: dir -1 the one before the reference, 0 the current one, +1 the next.
    func weekend(dir: Int) -> String? {
        guard let ref else { return nil }
        let r = Cal.weekday(ref)
        var base = ref
        if dir < 0 && r < 6 { base -= 7 }
        if dir > 0 { base += 7 }
        return Cal.weekValue(base) + "-WE"
    }

    // MARK: "the …"

    mutating func theExpression(_ i: Int) -> TimexMatch? {
        let j = i + 1
        guard sameLine(j) else { return nil }
        let n = w(j)
        // "the last half of 1989": the second half, when a year or "the year" says whose.
        if n == "last" || n == "latter" || n == "final", w(j + 1) == "half", var m = quarterExpression(j), m.end > j + 2 {
            m.start = i
            return m
        }
        switch n {
        case "past", "last", "next", "coming", "previous", "following", "first", "final", "latest", "current":
            if n == "past" && Lex.units[w(j + 1)] == nil && number(j + 1) == nil {
                return TimexMatch(start: i, end: j + 1, type: .date, value: "PAST_REF")
            }
            if n == "current" && w(j + 1) == "year" || n == "current" && w(j + 1) == "fiscal" && w(j + 2) == "year" {
                return TimexMatch(
                    start: i, end: w(j + 1) == "year" ? j + 2 : j + 3, type: .date, value: refYear.map(Cal.yearValue))
            }
            if n == "latest" || n == "current" {
                if w(j + 1) == "quarter" || (n == "latest" && w(j + 1) == "period") {
                    return TimexMatch(
                        start: i, end: j + 2, type: .date, value: n == "latest" ? previousQuarter() : period(ref, .quarter, 0).0)
                }
                return nil
            }
            if n == "first" || n == "final" {
                if let (num, e) = number(j + 1), num != nil, let (u, _) = Lex.units[w(e)] {
                    return TimexMatch(start: i, end: e + 1, type: .duration, value: durationValue(num, u))
                }
                if let (num, e) = number(j + 1), num != nil, let u = unitAfterOf(e) {
                    return TimexMatch(start: i, end: e, type: .duration, value: durationValue(num, u))
                }
                return quarterExpression(j).map {
                    var m = $0
                    m.start = i
                    return m
                }
            }
            if w(j + 1) == "day" && (n == "next" || n == "following" || n == "previous") {
                let base = anchor ?? ref
                let d = base.map { $0 + (n == "previous" ? -1 : 1) }
                return TimexMatch(start: i, end: j + 2, type: .date, value: d.map(Cal.dayValue), day: d)
            }
            if n == "following" || n == "previous" || n == "next" {
                if let (u, plural) = Lex.units[w(j + 1)], !plural, u != .day, n != "next" {
                    let (v, d) = period(chainBase(u), u, n == "previous" ? -1 : 1)
                    return TimexMatch(start: i, end: j + 2, type: .date, value: v, day: d)
                }
            }
            return relative(j, from: i)
        case "future":
            return TimexMatch(start: i, end: j + 1, type: .date, value: "FUTURE_REF")
        case "summer", "winter", "spring", "fall", "autumn":
            return season(j, start: i)
        case "season":
            // "the season" of a sport: a date without a calendar value. "the season of goodwill",
            // "the season's first" name no time of their own.
            guard w(j + 1) != "of", w(j + 1) != "'s", isPunct(j + 1) || isLowerWord(j + 1) else { return nil }
            return TimexMatch(start: i, end: j + 1, type: .date, value: nil)
        case "early", "late", "mid":
            // "the early hours of Thursday (morning)": the small hours, a morning time on that day.
            if n == "early", w(j + 1) == "hours", w(j + 2) == "of", let after = dayAfter(j + 3) {
                let end = Lex.partsOfDay[w(after.end)] == "MO" && sameLine(after.end) ? after.end + 1 : after.end
                return TimexMatch(
                    start: i, end: end, type: .time, value: after.day.map { Cal.dayValue($0) + "TMO" }, day: after.day)
            }
            return Lex.seasons[w(j + 1)] != nil ? season(j + 1, start: i) : nil
        case "same":
            return w(j + 1) == "day" ? anaphoric(j + 1, start: i) : nil
        case "near", "foreseeable", "distant", "immediate", "short":
            if w(j + 1) == "future" || (w(j + 1) == "term" && n != "distant" && n != "foreseeable") {
                return TimexMatch(start: i, end: j + 2, type: .date, value: "FUTURE_REF")
            }
            return nil
        case "fiscal":
            if w(j + 1) == "year" && yearAt(j + 2) == nil {
                if w(j + 2) == "ended" || w(j + 2) == "ending" {
                    return TimexMatch(start: i, end: j + 2, type: .duration, value: "P1Y")
                }
                return TimexMatch(start: i, end: j + 2, type: .date, value: refYear.map(Cal.yearValue))
            }
        case "weekend":
            // Ahead, "the weekend" is the coming one: the same ISO week on a weekday.
            return TimexMatch(start: i, end: j + 1, type: .date, value: weekend(dir: tense(j) > 0 ? 0 : -1))
        case "quarter":
            if w(j + 1) == "ended" || w(j + 1) == "ending" { return nil }
            return TimexMatch(start: i, end: j + 1, type: .date, value: previousQuarter())
        case "year-ago", "year-earlier":
            return yearEarlier(j, start: i)
        case "comparable":
            return w(j + 1) == "year-ago" || w(j + 1) == "year-earlier" ? yearEarlier(j + 1, start: i) : nil
        case "day":
            if w(j + 1) == "after" || w(j + 1) == "before", isPunct(j + 2) {
                let base = anchor ?? ref
                let d = base.map { $0 + (w(j + 1) == "after" ? 1 : -1) }
                return TimexMatch(start: i, end: j + 2, type: .date, value: d.map(Cal.dayValue), day: d)
            }
            return nil
        case "morning", "afternoon", "evening":
            // "in the morning"; "the night" is too often "the night of Oct. 23" or "the night the plane fell".
            guard w(i - 1) == "in", let code = Lex.partsOfDay[n] else { return nil }
            return partOfDay(start: i, code: code, end: j + 1)
        case "night":
            return nil
        case "year":
            // "the year 1998", "the year two thousand".
            if let y = yearAt(j + 1) { return TimexMatch(start: i, end: j + 2, type: .date, value: Cal.yearValue(y)) }
            if w(j + 1) == "two" && w(j + 2) == "thousand" {
                return TimexMatch(start: i, end: j + 3, type: .date, value: "2000")
            }
            // "the year ended March 31": a year's span; otherwise the current year.
            if w(j + 1) == "ended" || w(j + 1) == "ending" {
                return TimexMatch(start: i, end: j + 1, type: .duration, value: "P1Y")
            }
            return TimexMatch(start: i, end: j + 1, type: .date, value: refYear.map(Cal.yearValue))
        default:
            break
        }
        if Lex.ordinals[n] != nil {
            return quarterExpression(j).map {
                var m = $0
                m.start = i
                return m
            }
        }
        if let y = yearAt(j) {
            let k = j + 1
            if w(k) == "fiscal" || w(k) == "calendar" {
                if w(k + 1) == "year" { return TimexMatch(start: i, end: k + 2, type: .date, value: Cal.yearValue(y)) }
            }
            if Lex.ordinals[w(k)] != nil, var m = quarterExpression(k), let v = m.value {
                m.start = i
                m.value = Cal.yearValue(y) + v.dropFirst(4)
                return m
            }
            if w(k) == "quarter" {
                let q = recentQuarter?.quarter ?? previousQuarter().flatMap { digitsValue($0.suffix(1)) } ?? 0
                return TimexMatch(start: i, end: k + 1, type: .date, value: q > 0 ? quarterValue(y, q) : Cal.yearValue(y))
            }
            // "the 1989 period" beside a quarter just told is that quarter of 1989.
            if w(k) == "period", let q = recentQuarter {
                return TimexMatch(start: i, end: k + 1, type: .date, value: quarterValue(y, q.quarter))
            }
            if w(k) == "period" || w(k) == "year" {
                return TimexMatch(start: i, end: k + 1, type: .date, value: Cal.yearValue(y))
            }
        }
        if n == "full" && w(j + 1) == "year" {
            return TimexMatch(start: i, end: j + 2, type: .date, value: refYear.map(Cal.yearValue))
        }
        if let m = decade(j) { return TimexMatch(start: i, end: m.end, type: m.type, value: m.value) }
        // "the mid-80s", "the late 1990s", "the early 2000s".
        if n.hasPrefix("mid-") || n.hasPrefix("early-") || n.hasPrefix("late-"), let m = hyphenated(j), m.type == .date {
            return TimexMatch(start: i, end: m.end, type: .date, value: m.value)
        }
        if n == "early" || n == "late" || n == "mid", let m = decade(j + 1) {
            return TimexMatch(start: i, end: m.end, type: .date, value: m.value)
        }
        if isDigitToken(j) {
            if var m = dayMonth(j) {
                m.start = i
                return m
            }
            // "the 20th century"
            let s = Substring(n)
            if s.hasSuffix("th") || s.hasSuffix("st") || s.hasSuffix("nd") || s.hasSuffix("rd"),
                let c = digitsValue(s.dropLast(2)), w(j + 1) == "century"
            {
                return TimexMatch(start: i, end: j + 2, type: .date, value: Cal.pad(c - 1, 2))
            }
        }
        // "the weeks ahead", "the months to come": an open stretch from now.
        if let (u, plural) = Lex.units[n], plural, w(j + 1) == "ahead" || (w(j + 1) == "to" && w(j + 2) == "come") {
            return TimexMatch(start: i, end: w(j + 1) == "ahead" ? j + 2 : j + 3, type: .duration, value: durationValue(nil, u))
        }
        if let num = number(j), num.0 != nil || Lex.vagueNumbers.contains(n), let (u, _) = Lex.units[w(num.1)] {
            return TimexMatch(start: i, end: num.1 + 1, type: .duration, value: durationValue(num.0, u))
        }
        return nil
    }

    /// "the year-earlier period", "the year-ago quarter", "the year-earlier third quarter": the
    /// quarter an earnings report covers (the one before the reference, or the one named) a year
    /// back. It is no new quarter mention, so a later "a year ago" still counts from the quarter
    /// the story reports.
    mutating func yearEarlier(_ j: Int, start: Int) -> TimexMatch? {
        if Lex.ordinals[w(j + 1)] != nil, var m = quarterExpression(j + 1), let v = m.value, let y = digitsValue(v.prefix(4)) {
            m.start = start
            m.value = Cal.yearValue(y - 1) + v.dropFirst(4)
            m.mentionsQuarter = false
            return m
        }
        guard w(j + 1) == "quarter" || w(j + 1) == "period" else { return nil }
        guard let pq = previousQuarter(), let y = digitsValue(pq.prefix(4))
        else { return TimexMatch(start: start, end: j + 2, type: .date, value: nil, mentionsQuarter: false) }
        return TimexMatch(
            start: start, end: j + 2, type: .date, value: "\(Cal.yearValue(y - 1))\(pq.dropFirst(4))", mentionsQuarter: false)
    }
}
