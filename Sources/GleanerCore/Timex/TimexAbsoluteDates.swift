/// Dates written out: numeric ("2021-12-17", "12/17/2021", years), month and day,
/// weekdays, spelled-out years and fixed holidays.
extension TimexRun {
    // MARK: numeric tokens

    mutating func numeric(_ i: Int) -> TimexMatch? {
        let t = w(i)
        let bytes = Array(t.utf8)
        // Times: "14:00", "9:30", "2pm", "10:30am".
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            let hs = t.utf8.prefix(colon)
            let rest = Substring(t).dropFirst(colon + 1)
            guard let h = digitsValue(Substring(hs)), h <= 24 else { return nil }
            var ms = rest
            var suffix = ""
            if ms.hasSuffix("am") || ms.hasSuffix("pm") {
                suffix = String(ms.suffix(2))
                ms = ms.dropLast(2)
            }
            guard ms.utf8.count == 2, let mi = digitsValue(ms), mi < 60 else { return nil }
            let n = w(i + 1)
            if suffix.isEmpty, sameLine(i + 1), n == "a.m." || n == "p.m." || n == "a.m" || n == "p.m" || n == "am" || n == "pm" {
                return timeWithSuffix(i + 1, hour: h, minute: mi, suffix: n.hasPrefix("p") ? "pm" : "am", end: i + 1, skip: true)
            }
            return timeWithSuffix(i, hour: h, minute: mi, suffix: suffix, end: i + 1)
        }
        if t.hasSuffix("am") || t.hasSuffix("pm"), let h = digitsValue(Substring(t).dropLast(2)), h >= 1, h <= 12 {
            return timeWithSuffix(i, hour: h, minute: 0, suffix: String(t.suffix(2)), end: i + 1)
        }
        if let h = digitsValue(t), h >= 1, h <= 12, sameLine(i + 1) {
            let n = w(i + 1)
            if n == "a.m." || n == "p.m." || n == "a.m" || n == "p.m" || n == "am" || n == "pm" || n == "o'clock" {
                return timeWithSuffix(
                    i + 1, hour: h, minute: 0, suffix: n.hasPrefix("p") ? "pm" : (n.hasPrefix("a") ? "am" : ""), end: i + 1,
                    skip: true)
            }
        }
        // "20th century" → "19".
        if w(i + 1) == "century", t.hasSuffix("th") || t.hasSuffix("st"), let c = digitsValue(Substring(t).dropLast(2)), c >= 1,
            c <= 30
        {
            return TimexMatch(start: i, end: i + 2, type: .date, value: Cal.pad(c - 1, 2))
        }
        // Decades: "1990s", "90s".
        if t.hasSuffix("s"), let v = digitsValue(Substring(t).dropLast()), v % 10 == 0 {
            if v >= 1000 && v <= 2990 { return TimexMatch(start: i, end: i + 1, type: .date, value: String(v / 10)) }
        }
        // Years.
        if let y = yearAt(i, first: true), !isPunct(i) {
            let p = w(i - 1)
            let n = w(i + 1)
            if p == "$" || p == "#" || p == "€" || p == "£" || p == "no." || p == "number" || p == "nos." { return nil }
            if n == "%" || n == "percent" || n == "people" || n == "troops" || n == "members" || n == "feet"
                || n == "meters" || n == "miles" || n == "km" || n == "metres" || n == "tons" || n == "points"
            {
                return nil
            }
            if y < 1700 && !(p == "in" || p == "since" || p == "of" || p == "from" || p == "until") { return nil }
            if y > 2100 { return nil }
            // "2021/22" is one token; "1998-99" too (handled below).
            return TimexMatch(start: i, end: i + 1, type: .date, value: Cal.yearValue(y))
        }
        // "2021-12-17", "1998-99", "12/17/2021", "17.12.2021", "2021/22".
        for sep in [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")] where bytes.contains(sep) {
            let parts = pieces(t, sep, keepEmpty: true)
            let nums = parts.map { digitsValue($0) }
            if nums.contains(where: { $0 == nil }) {
                return sep == UInt8(ascii: "-") ? hyphenated(i) : nil
            }
            let v = nums.map { $0! }
            if parts.count == 3 {
                var y = 0
                var m = 0
                var d = 0
                if parts[0].utf8.count == 4 {
                    (y, m, d) = (v[0], v[1], v[2])
                } else if parts[2].utf8.count == 4 {
                    if sep == UInt8(ascii: "/") && v[0] <= 12 {
                        (y, m, d) = (v[2], v[0], v[1])
                    } else {
                        (y, m, d) = (v[2], v[1], v[0])
                    }
                } else {
                    return nil
                }
                guard y >= 1000, y <= 2999, (1...12).contains(m), d >= 1, d <= Cal.daysInMonth(y, m) else { return nil }
                let day = Cal.days(y, m, d)
                return TimexMatch(start: i, end: i + 1, type: .date, value: Cal.dayValue(day), day: day)
            }
            if parts.count == 2, parts[0].utf8.count == 4, v[0] >= 1900, v[0] <= 2100 {
                if parts[1].utf8.count == 2 && sep != UInt8(ascii: ".") {
                    let next = v[0] / 100 * 100 + v[1]
                    if next == v[0] + 1 || (v[0] % 100 == 99 && v[1] == 0) {
                        return TimexMatch(start: i, end: i + 1, type: .date, value: Cal.yearValue(v[0]))
                    }
                    if sep == UInt8(ascii: "-"), (1...12).contains(v[1]) {
                        return TimexMatch(start: i, end: i + 1, type: .date, value: Cal.monthValue(v[0], v[1]))
                    }
                }
                if parts[1].utf8.count == 4, v[1] == v[0] + 1, sep == UInt8(ascii: "/") {
                    return TimexMatch(start: i, end: i + 1, type: .date, value: Cal.yearValue(v[0]))
                }
                // "2001/2": a season across two years, which no single ISO value names.
                if parts[1].utf8.count == 1, sep == UInt8(ascii: "/"), v[1] == (v[0] + 1) % 10 {
                    return TimexMatch(start: i, end: i + 1, type: .date, value: nil)
                }
            }
            return nil
        }
        return nil
    }

    // MARK: month and day dates

    mutating func monthExpression(_ i: Int, _ month: Int) -> TimexMatch? {
        let t = w(i)
        guard isCap(i) else { return nil }
        let isAbbrev = t.utf8.count <= 4 && t != "june" && t != "july" && t != "may"
        let ambiguous =
            t == "may" || t == "march" || t == "mar." || t == "jan" || t == "sept" || t == "dec"
            || (isAbbrev && !t.hasSuffix("."))
        var e = i + 1
        // Day
        if let d = dayAt(e) {
            e += 1
            var year: Int?
            if w(e) == "," && yearAt(e + 1) != nil {
                year = yearAt(e + 1)
                e += 2
            } else if let y = yearAt(e) {
                year = y
                e += 1
            }
            var dayNumber: Int?
            if let year {
                if d <= Cal.daysInMonth(year, month) { dayNumber = Cal.days(year, month, d) }
            } else if let told = pastNarrativeYear(i), d <= Cal.daysInMonth(told, month) {
                dayNumber = Cal.days(told, month, d)
            } else {
                dayNumber = monthDayDay(month, d, direction: scheduledDirection(month, d, after: e, tense: tense(i)))
            }
            if year == nil && ref == nil {
                guard let told = narrativeYear(i), d <= Cal.daysInMonth(told, month) else {
                    return TimexMatch(start: i, end: e, type: .date, value: nil)
                }
                dayNumber = Cal.days(told, month, d)
            }
            guard let dayNumber else { return nil }
            return TimexMatch(start: i, end: e, type: .date, value: Cal.dayValue(dayNumber), day: dayNumber)
        }
        if let y = yearAt(e) {
            return TimexMatch(start: i, end: e + 1, type: .date, value: Cal.monthValue(y, month))
        }
        if (w(e) == "of" || w(e) == ",") && yearAt(e + 1) != nil {
            return TimexMatch(start: i, end: e + 2, type: .date, value: Cal.monthValue(yearAt(e + 1)!, month))
        }
        // "January this year", "June last year".
        if (w(e) == "this" || w(e) == "last" || w(e) == "next") && w(e + 1) == "year", let ry = refYear {
            let y = ry + (w(e) == "last" ? -1 : (w(e) == "next" ? 1 : 0))
            return TimexMatch(start: i, end: e + 2, type: .date, value: Cal.monthValue(y, month))
        }
        // Month alone.
        if isAbbrev && !t.hasSuffix(".") { return nil }
        if ambiguous {
            let p = w(i - 1)
            let ok: Set<String> = [
                "in", "of", "since", "until", "till", "by", "during", "early", "late", "mid", "last", "next", "this",
                "through", "from", "to", "before", "after", "between", "and", "or", "-", "end", "beginning",
                "start", "throughout", "that", "each", "every", "mid-",
            ]
            guard ok.contains(p) else { return nil }
            if t == "may" && (isLowerWord(i) || w(i + 1) == "be" || w(i + 1) == "have") { return nil }
        }
        // "has extended loans through January": the end of a stretch that runs on from the
        // clause's verb, ahead like "until January" whatever that verb's tense.
        let y = monthYear(month, direction: w(i - 1) == "through" ? 1 : tense(i))
        return TimexMatch(start: i, end: e, type: .date, value: y.map { Cal.monthValue($0, month) })
    }

    /// Without a reference date, the year a past-tense story has just named: "For the first nine
    /// days of 1985 ... Then on 10 January" is 10 January 1985. Only the sentence before or the
    /// same one, and only in the past tense: a plan or a date ahead has no such anchor.
    func narrativeYear(_ i: Int) -> Int? {
        guard let lastYear, currentSentence - lastYearSentence <= 1, tense(i) < 0 else { return nil }
        return lastYear
    }

    /// Events that are held on a set day and named by it: "the Nov. 8 election".
    static let scheduledEvents: Set<String> = [
        "election", "elections", "vote", "primary", "primaries", "caucus", "caucuses", "referendum", "ballot", "runoff",
        "deadline", "summit", "inauguration", "hearing", "trial", "launch", "opening", "kickoff", "final",
    ]

    /// A sentence with no tense cue that names a day by its scheduled event looks ahead to it
    /// when the last such day is over a month gone: "polls for the Nov. 8 election" in February
    /// is the coming November, while in a 20 November article it is still the one just held.
    func scheduledDirection(_ month: Int, _ day: Int, after e: Int, tense: Int) -> Int {
        guard tense == 0, let ref else { return tense }
        var k = e
        if w(k) == "general" || w(k) == "presidential" || w(k) == "special" { k += 1 }
        guard Self.scheduledEvents.contains(w(k)), let last = monthDayDay(month, day, direction: -1), ref - last > 30 else {
            return tense
        }
        return 1
    }

    /// Against a date only estimated from the text, a story told in an earlier year keeps its
    /// days there: "In the first days of 1985 ... Then on 10 January" is 10 January 1985. Only a
    /// year named alone, two years back or more. A given date wins over the story's years:
    /// in TimeBank "Sept. 30" after "1988" is still the one before the date line.
    func pastNarrativeYear(_ i: Int) -> Int? {
        guard estimatedReference, let ref, lastYearAlone, let told = narrativeYear(i), told < Cal.civil(ref).year - 1
        else { return nil }
        return told
    }

    /// "17 December 2021", "17th of December".
    mutating func dayMonth(_ i: Int) -> TimexMatch? {
        guard let d = dayAt(i, first: true) else { return nil }
        var e = i + 1
        if w(e) == "of" { e += 1 }
        guard sameLine(e), let month = Lex.months[w(e)], isCap(e) else { return nil }
        e += 1
        var dayNumber: Int?
        if w(e) == "," && yearAt(e + 1) != nil { e += 1 }
        if let y = yearAt(e) {
            e += 1
            if d <= Cal.daysInMonth(y, month) { dayNumber = Cal.days(y, month, d) } else { return nil }
        } else if ref == nil {
            guard let year = narrativeYear(i), d <= Cal.daysInMonth(year, month) else {
                return TimexMatch(start: i, end: e, type: .date, value: nil)
            }
            dayNumber = Cal.days(year, month, d)
        } else if let told = pastNarrativeYear(i), d <= Cal.daysInMonth(told, month) {
            dayNumber = Cal.days(told, month, d)
        } else {
            dayNumber = monthDayDay(month, d, direction: tense(i))
        }
        guard let dayNumber else { return nil }
        return TimexMatch(start: i, end: e, type: .date, value: Cal.dayValue(dayNumber), day: dayNumber)
    }

    // MARK: weekdays

    mutating func weekdayExpression(_ i: Int, _ wd: Int) -> TimexMatch? {
        guard isCap(i) else { return nil }
        let e = i + 1
        // "Friday, Dec. 17" / "Friday, 17 December 2021": the explicit date decides.
        if w(e) == "," || sameLine(e) {
            let j = w(e) == "," ? e + 1 : e
            if let m = Lex.months[w(j)], var dm = monthExpression(j, m), dm.day != nil {
                dm.start = i
                return dm
            }
            if var dm = dayMonth(j), dm.day != nil || dm.value == nil {
                dm.start = i
                return dm
            }
        }
        // "Wednesday's ruling" names a day whose event is told as done, unless the words before
        // it point ahead ("heading into Tuesday's primary").
        let dir = prepositionCue(i) ?? (w(e) != "'s" && tense(i) > 0 ? 1 : -1)
        return dayWithPart(start: i, end: e, day: weekdayDay(wd, direction: dir))
    }

    func spelledYear(_ i: Int) -> TimexMatch? {
        let century = w(i) == "nineteen" ? 1900 : 2000
        guard sameLine(i + 1) else { return nil }
        let t = w(i + 1)
        let parts = pieces(t, UInt8(ascii: "-")).map(String.init)
        var v = 0
        var e = i + 2
        if parts.count == 2, let a = Lex.numbers[parts[0]], let b = Lex.numbers[parts[1]], a >= 20, a < 100, b < 10 {
            v = a + b
        } else if let a = Lex.numbers[t], a >= 10, a < 100 {
            v = a
            if a >= 20, a % 10 == 0, let b = Lex.numbers[w(e)], b < 10, sameLine(e) {
                v += b
                e += 1
            }
        } else {
            return nil
        }
        if century == 2000 && v >= 30 { return nil }
        return TimexMatch(start: i, end: e, type: .date, value: Cal.yearValue(century + v))
    }

    // MARK: holidays

    /// A holiday whose date moves with the year (`dayIn` gives its first day for a year): the one
    /// the tense points to, else the one in the reference's year. Ahead means not yet over: a
    /// feast `lasting` several days that is under way is still the one meant.
    func movableFeast(_ i: Int, end e: Int, lasting: Int = 1, _ dayIn: (Int) -> Int) -> TimexMatch {
        guard let ref else { return TimexMatch(start: i, end: e, type: .date, value: nil) }
        if let y = yearAt(e) {
            let d = dayIn(y)
            return TimexMatch(start: i, end: e + 1, type: .date, value: Cal.dayValue(d), day: d)
        }
        let dir = tense(i)
        var y = Cal.civil(ref).year
        if dir < 0 && dayIn(y) > ref { y -= 1 }
        if dir > 0 && dayIn(y) + lasting - 1 < ref { y += 1 }
        let d = dayIn(y)
        return TimexMatch(start: i, end: e, type: .date, value: Cal.dayValue(d), day: d)
    }

    mutating func holiday(_ i: Int) -> TimexMatch? {
        let t = w(i)
        var month = 0
        var day = 0
        var e = i + 1
        switch t {
        case "christmas":
            guard isCap(i) else { return nil }
            if w(e) == "eve" {
                (month, day) = (12, 24)
                e += 1
            } else {
                (month, day) = (12, 25)
                if w(e) == "day" { e += 1 }
            }
        case "halloween":
            (month, day) = (10, 31)
        case "boxing":
            guard isCap(i), w(e) == "day", isCap(e) else { return nil }
            (month, day) = (12, 26)
            e += 1
        case "new":
            guard isCap(i), w(e) == "year", w(e + 1) == "'s", w(e + 2) == "day" || w(e + 2) == "eve" else { return nil }
            (month, day) = w(e + 2) == "day" ? (1, 1) : (12, 31)
            e += 3
        case "thanksgiving":
            guard isCap(i) else { return nil }
            if w(e) == "day" { e += 1 }
            // The fourth Thursday of November.
            return movableFeast(i, end: e) { y in Cal.days(y, 11, 1) + (4 - Cal.weekday(Cal.days(y, 11, 1)) + 7) % 7 + 21 }
        case "election":
            // The US Election Day: the Tuesday after the first Monday of November.
            guard isCap(i), w(e) == "day", isCap(e) else { return nil }
            return movableFeast(i, end: e + 1) { y in Cal.days(y, 11, 2) + (2 - Cal.weekday(Cal.days(y, 11, 2)) + 7) % 7 }
        case "easter":
            // Not "Easter Island", "the Easter Rising", "Easter eggs".
            let next = w(e)
            guard isCap(i), !(sameLine(e) && isCap(e) && Lex.weekdays[next] == nil && next != "day" && next != "week"),
                next != "egg", next != "eggs", next != "bunny"
            else { return nil }
            if next == "sunday" || next == "day" { e += 1 }
            if w(e) == "monday" { return movableFeast(i, end: e + 1) { Cal.easterSunday($0) + 1 } }
            guard w(e) == "week" else { return movableFeast(i, end: e) { Cal.easterSunday($0) } }
            // Holy Week begins on Palm Sunday ("as Easter week began" is told that day); its value
            // is the ISO week (Monday to Sunday) that ends on Easter Sunday.
            var m = movableFeast(i, end: e + 1, lasting: 8) { Cal.easterSunday($0) - 7 }
            m.value = m.day.map { Cal.weekValue($0 + 7) }
            m.day = nil
            return m
        default:
            return nil
        }
        if let y = yearAt(e) {
            let d = Cal.days(y, month, day)
            return TimexMatch(start: i, end: e + 1, type: .date, value: Cal.dayValue(d), day: d)
        }
        guard ref != nil, let d = monthDayDay(month, day, direction: tense(i)) else {
            return TimexMatch(start: i, end: e, type: .date, value: nil)
        }
        return TimexMatch(start: i, end: e, type: .date, value: Cal.dayValue(d), day: d)
    }
}
