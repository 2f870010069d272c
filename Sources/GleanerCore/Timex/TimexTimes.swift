/// Clock times, parts of days, and the day they fall on.
extension TimexRun {
    /// A day from tokens start..<end, made a time when a part of the day follows:
    /// "Friday night" is 2000-01-07TNI, as TIMEX3 values a day's part.
    func dayWithPart(start: Int, end: Int, day: Int?) -> TimexMatch {
        if sameLine(end), let part = Lex.partsOfDay[w(end)] {
            return TimexMatch(start: start, end: end + 1, type: .time, value: day.map { Cal.dayValue($0) + "T" + part }, day: day)
        }
        return TimexMatch(start: start, end: end, type: .date, value: day.map(Cal.dayValue), day: day)
    }

    /// The day a time without one of its own belongs to: the day last named in this or the
    /// two sentences before ("The blast came on Friday. It hit at 10:35 a.m."), else the reference.
    var clauseDay: Int? { (currentSentence - anchorSentence <= 2 ? anchor : nil) ?? ref }

    /// A day named right after a time or a part of the day: "Wednesday", "on Friday",
    /// ", Nov. 6", "today".
    /// `tenseAt`: where the whole expression starts ("until 9 a.m. Tuesday" reads "until").
    mutating func dayAfter(_ e: Int, tenseAt: Int? = nil) -> (day: Int?, end: Int)? {
        var j = e
        if w(j) == "on" { j += 1 }
        guard sameLine(j) else { return nil }
        if let wd = Lex.weekdays[w(j)], isCap(j) {
            return (weekdayDay(wd, direction: tense(tenseAt ?? j) > 0 ? 1 : -1), j + 1)
        }
        let k = j == e && w(j) == "," ? j + 1 : j
        if let m = Lex.months[w(k)], let dm = monthExpression(k, m), let d = dm.day { return (d, dm.end) }
        if w(j) == "today" || w(j) == "yesterday" || w(j) == "tomorrow" {
            return (ref.map { $0 + (w(j) == "yesterday" ? -1 : (w(j) == "tomorrow" ? 1 : 0)) }, j + 1)
        }
        return nil
    }

    /// A day inside brackets at token e, or right after them.
    mutating func dayInBrackets(_ e: Int) -> Int? {
        guard sameLine(e), w(e) == "(" else { return nil }
        var j = e + 1
        while j < e + 7, sameLine(j), w(j) != ")" {
            if let found = dayAfter(j), found.end <= j + 1 { return found.day }
            j += 1
        }
        guard w(j) == ")" else { return nil }
        return dayAfter(j + 1)?.day
    }

    /// A part of the day ending before token `end` (after "mid", "late", "in the"), on the day
    /// named after it ("mid-afternoon yesterday") or the clause's day.
    mutating func partOfDay(start: Int, code: String, end: Int) -> TimexMatch {
        var e = end
        var day = clauseDay
        if let after = dayAfter(e), w(e) != "on" {
            day = after.day
            e = after.end
        }
        return TimexMatch(start: start, end: e, type: .time, value: day.map { Cal.dayValue($0) + "T" + code })
    }

    /// "4 in the morning", "9 in the evening".
    mutating func hourOfPart(_ i: Int) -> TimexMatch? {
        guard let h = digitsValue(w(i)), h >= 1, h <= 12, w(i + 1) == "in", w(i + 2) == "the", sameLine(i + 3),
            let code = Lex.partsOfDay[w(i + 3)]
        else { return nil }
        let afternoon = code == "AF" || code == "EV" || (code == "NI" && h >= 6)
        let hour = afternoon ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h)
        return clock(i, hour: hour, minute: 0, end: i + 4)
    }

    /// A clock time from `hour:minute` with an am/pm suffix; `end` is the token after the time's number.
    mutating func timeWithSuffix(_ i: Int, hour: Int, minute: Int, suffix: String, end: Int, skip: Bool = false) -> TimexMatch? {
        var h = hour
        if suffix == "pm" && h < 12 { h += 12 }
        if suffix == "am" && h == 12 { h = 0 }
        let e = skip ? i + 1 : end
        return clock(skip ? i - 1 : i, hour: h, minute: minute, end: e)
    }

    /// A time of day from tokens start..<end, extended by a time zone and a following day
    /// ("10 p.m. Wednesday", "14:00 GMT on Friday").
    mutating func clock(_ start: Int, hour: Int, minute: Int, end: Int) -> TimexMatch? {
        var e = end
        if sameLine(e), Lex.timeZones.contains(w(e)) { e += 1 } else if w(e) == "local" && w(e + 1) == "time" { e += 2 }
        if sameLine(e) && w(e) == "(" && Lex.timeZones.contains(w(e + 1)) && w(e + 2) == ")" { e += 3 }
        var day = clauseDay
        if let after = dayAfter(e, tenseAt: start) {
            day = after.day
            e = after.end
        } else if let inside = dayInBrackets(e) {
            // "10:35 a.m. (0735 GMT) Friday", "4 in the morning (4 a.m. EDT Thursday)": the
            // day is the bracket's or the one after it, but the expression stays the time.
            day = inside
        }
        let hh = Cal.pad(hour, 2)
        let mm = Cal.pad(minute, 2)
        let value = day.map { "\(Cal.dayValue($0))T\(hh):\(mm)" }
        return TimexMatch(start: start, end: e, type: .time, value: value)
    }
}
