/// Dispatch: which recognizers a token can start, and the pre-modifiers
/// ("early", "the end of", "nearly") that widen what they found.
extension TimexRun {
    // MARK: matching

    static let decadeWords: [String: Int] = ["sixties": 196, "seventies": 197, "eighties": 198, "nineties": 199]
    static let periodParts: Set<String> = ["end", "beginning", "start", "middle", "turn"]
    static let unitAdjectives: Set<String> = [
        "more", "additional", "straight", "consecutive", "full", "long", "extra", "further", "trading", "business",
        "working",
    ]

    mutating func matchAt(_ i: Int) -> TimexMatch? {
        var best = core(i)
        func consider(_ m: TimexMatch?) {
            guard let m else { return }
            if best == nil || m.end > best!.end { best = m }
        }
        let t = w(i)
        // Date pre-modifiers: "early March", "late on Friday", "earlier this week", "mid-1990s".
        if Lex.dateModifiers.contains(t) && sameLine(i + 1) {
            var j = i + 1
            if w(j) == "on" || w(j) == "in" { j += 1 }
            if var m = core(j), m.type == .date || m.type == .time, m.value?.hasSuffix("_REF") != true {
                m.start = i
                consider(m)
            }
        }
        // "the end of 1990", "the beginning of next year", "end of March".
        var k = i
        if t == "the" || t == "by" || t == "at" { k += 1 }
        if w(k + 1) == "of", k > i || t == "end", Self.periodParts.contains(w(k)) {
            let j = w(k + 2) == "the" && (Lex.units[w(k + 3)] != nil) ? k + 3 : k + 2
            if var m = core(j), m.type == .date {
                m.start = i
                if j == k + 3, let (u, _) = Lex.units[w(j)] {
                    // "the end of the year": the current period.
                    m = TimexMatch(start: i, end: j + 1, type: .date, value: period(ref, u, 0).0)
                }
                consider(m)
            } else if w(k + 2) == "the", let (u, plural) = Lex.units[w(k + 3)], !plural,
                u == .year || u == .month || u == .week || u == .quarter || u == .decade || u == .century
            {
                consider(TimexMatch(start: i, end: k + 4, type: .date, value: period(ref, u, 0).0))
            }
        }
        // Duration pre-modifiers: "nearly eight years", "more than four hours", "at least 20 years".
        var j = i
        if Lex.durationModifiers.contains(t) && t != "than" && t != "least" && t != "to" {
            j = i + 1
        } else if (t == "more" || t == "less" || t == "fewer") && w(i + 1) == "than" {
            j = i + 2
        } else if (t == "at" && (w(i + 1) == "least" || w(i + 1) == "most")) || (t == "up" && w(i + 1) == "to") {
            j = i + 2
        }
        if j > i, w(j) != "the", var m = core(j), m.type == .duration {
            m.start = i
            consider(m)
        }
        return best
    }

    mutating func core(_ i: Int) -> TimexMatch? {
        guard i < tokens.count else { return nil }
        let t = w(i)
        guard let first = t.utf8.first else { return nil }
        var best: TimexMatch?
        func consider(_ m: TimexMatch?) {
            guard let m else { return }
            if best == nil || m.end > best!.end { best = m }
        }
        if first >= 48 && first <= 57 {
            consider(numeric(i))
            consider(hourOfPart(i))
            consider(dayMonth(i))
            consider(numberUnit(i))
            return best
        }
        // Fast paths for the commonest trigger words.
        if t == "the" { return theExpression(i) }
        if t == "a" || t == "an" { return numberUnit(i) }
        if let m = Lex.months[t] { consider(monthExpression(i, m)) }
        if let d = Lex.weekdays[t] { consider(weekdayExpression(i, d)) }
        if Lex.numbers[t] != nil || t == "a" || t == "an" || Lex.vagueNumbers.contains(t) { consider(numberUnit(i)) }
        if Lex.ordinals[t] != nil { consider(quarterExpression(i)) }
        switch t {
        case "the": consider(theExpression(i))
        case "this", "last", "next", "coming", "past", "previous", "following", "these":
            consider(relative(i, from: i))
        case "every", "each", "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly",
            "once", "twice", "weeknights", "weekends", "biweekly":
            consider(setExpression(i))
        case "fiscal":
            if let y = yearAt(i + 1) {
                consider(TimexMatch(start: i, end: i + 2, type: .date, value: Cal.yearValue(y)))
            } else if w(i + 1) == "year", let y = yearAt(i + 2) {
                consider(TimexMatch(start: i, end: i + 3, type: .date, value: Cal.yearValue(y)))
            } else if Lex.ordinals[w(i + 1)] != nil {
                consider(
                    quarterExpression(i + 1).map {
                        var m = $0
                        m.start = i
                        return m
                    })
            }
        case "q1", "q2", "q3", "q4", "h1", "h2":
            consider(quarterExpression(i))
        default:
            break
        }
        consider(deictic(i))
        // Reached only through a modifier ("mid afternoon"): a bare part of the day is no trigger.
        if let code = Lex.partsOfDay[t], t != "overnight" { consider(partOfDay(start: i, code: code, end: i + 1)) }
        if Lex.weekdayPlurals[t] != nil || Lex.seasons[t] != nil { consider(setExpression(i)) }
        if Lex.seasons[t] != nil { consider(season(i, start: i)) }
        if t == "that" {
            let k = w(i + 1) == "same" ? i + 2 : i + 1
            consider(anaphoric(k, start: i))
        }
        if t == "nineteen" || t == "twenty" { consider(spelledYear(i)) }
        if t == "christmas" || t == "thanksgiving" || t == "halloween" || t == "new" || t == "boxing" || t == "easter"
            || t == "election"
        {
            consider(holiday(i))
        }
        // "per year", "per week": a rate, a set of one a unit.
        if let (u, plural) = Lex.units[t], !plural, w(i - 1) == "per", u != .second {
            consider(TimexMatch(start: i - 1, end: i + 1, type: .set, value: durationValue(1, u)))
        }
        if t == "year", w(i + 1) == "end", sameLine(i + 1) { consider(yearEnd(i, end: i + 2)) }
        if t.utf8.contains(UInt8(ascii: "-")) {
            consider(hyphenated(i))
            consider(numberUnit(i))
        }
        if first == UInt8(ascii: "'") { consider(decade(i)) }
        if t == "nineties" || t == "eighties" || t == "seventies" || t == "sixties" { consider(decade(i)) }
        if t == "noon" || t == "midnight" || t == "midday", w(i - 1) != "high" {
            consider(clock(i, hour: t == "midnight" ? 24 : 12, minute: 0, end: i + 1))
        }
        if let (u, plural) = Lex.units[t], plural, u != .second, u != .day, u != .quarter {
            // Bare plurals: "for years", "decades of war".
            if w(i + 1) == "ago" {
                consider(TimexMatch(start: i, end: i + 2, type: .date, value: "PAST_REF"))
            } else if !(w(i - 1) == "the" || isDigitToken(i - 1)) {
                consider(TimexMatch(start: i, end: i + 1, type: .duration, value: durationValue(nil, u)))
            }
        }
        return best
    }
}
