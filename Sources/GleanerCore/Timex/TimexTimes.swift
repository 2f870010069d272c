/// Clock times and the day they fall on.
extension TimexRun {
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
        if sameLine(e), Lex.timeZones.contains(w(e)) { e += 1 }
        else if w(e) == "local" && w(e + 1) == "time" { e += 2 }
        if sameLine(e) && w(e) == "(" && Lex.timeZones.contains(w(e + 1)) && w(e + 2) == ")" { e += 3 }
        var day: Int? = currentSentence - anchorSentence <= 2 ? anchor : nil
        if day == nil { day = ref }
        // A day right after: "10 p.m. Wednesday", "noon today".
        var j = e
        if w(j) == "on" { j += 1 }
        if sameLine(j) {
            if let wd = Lex.weekdays[w(j)], isCap(j) {
                let dir = tense(j) > 0 ? 1 : -1
                day = weekdayDay(wd, direction: dir)
                e = j + 1
            } else if let m = Lex.months[w(j == e && w(j) == "," ? j + 1 : j)],
                let dm = monthExpression(j == e && w(j) == "," ? j + 1 : j, m), let d = dm.day
            {
                day = d
                e = dm.end
            } else if w(j) == "today" || w(j) == "yesterday" || w(j) == "tomorrow" {
                day = ref.map { $0 + (w(j) == "yesterday" ? -1 : (w(j) == "tomorrow" ? 1 : 0)) }
                e = j + 1
            }
        }
        let hh = Cal.pad(hour, 2)
        let mm = Cal.pad(minute, 2)
        let value = day.map { "\(Cal.dayValue($0))T\(hh):\(mm)" }
        return TimexMatch(start: start, end: e, type: .time, value: value)
    }
}
