/// Counted units ("eight years", "a two-hour call", "three days ago") and sets
/// ("every Monday", "twice a month", "annually").
extension TimexRun {
    // MARK: numbers and durations

    /// A cardinal at token i: (value or nil when vague, end).
    func number(_ i: Int, first: Bool = false) -> (Int?, Int)? {
        guard i < tokens.count, first || sameLine(i) else { return nil }
        let t = w(i)
        guard let first = t.utf8.first else { return nil }
        if first >= 48 && first <= 57 {
            var v = 0
            var digits = 0
            for b in t.utf8 {
                if b == UInt8(ascii: ",") { continue }
                guard b >= 48 && b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
                digits += 1
                if digits > 7 { return nil }
            }
            return (v, i + 1)
        }
        if t == "a" || t == "an" {
            let n = w(i + 1)
            if n == "few" { return (nil, i + 2) }
            if n == "couple" { return (2, w(i + 2) == "of" ? i + 3 : i + 2) }
            if n == "hundred" { return (100, i + 2) }
            if n == "dozen" { return (12, i + 2) }
            return (1, i + 1)
        }
        if t == "couple" { return (2, w(i + 1) == "of" ? i + 2 : i + 1) }
        if Lex.vagueNumbers.contains(t) { return (nil, i + 1) }
        if var v = Lex.numbers[t] {
            var e = i + 1
            if v >= 20 && v < 100, let u = Lex.numbers[w(e)], u < 10, sameLine(e) {
                v += u
                e += 1
            }
            if w(e) == "hundred" {
                v *= 100
                e += 1
            }
            // "two thousand years"; "the year two thousand" is read as a year before this.
            if w(e) == "thousand", sameLine(e) {
                v *= 1000
                e += 1
            }
            return (v, e)
        }
        guard t.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let parts = pieces(t, UInt8(ascii: "-"))
        if parts.count == 2, let a = Lex.numbers[String(parts[0])], let b = Lex.numbers[String(parts[1])], a >= 20, b < 10 {
            return (a + b, i + 1)
        }
        return nil
    }

    mutating func numberUnit(_ i: Int) -> TimexMatch? {
        guard let (n, e0) = number(i, first: true) else { return nil }
        var e = e0
        let article = (w(i) == "a" || w(i) == "an") && e0 == i + 1
        if Self.unitAdjectives.contains(w(e)) { e += 1 }
        var half = false
        if w(e) == "1/2" || w(e) == "½" {
            half = true
            e += 1
        } else if w(e) == "and" && w(e + 1) == "a" && w(e + 2) == "half" {
            half = true
            e += 3
        }
        guard sameLine(e), let (unit, plural) = Lex.units[w(e)] else { return nil }
        // "a minute and a half": the half after the unit.
        var halfAfter = 0
        if !half && !plural && w(e + 1) == "and" && w(e + 2) == "a" && w(e + 3) == "half" {
            half = true
            halfAfter = 3
        }
        if half, let n {
            let value: String?
            switch unit {
            case .year: value = "P\(n)Y6M"
            case .hour: value = "PT\(n)H30M"
            case .day: value = "P\(n)DT12H"
            case .minute: value = "PT\(n)M30S"
            case .month: value = "P\(n)M15D"
            default: value = nil
            }
            if let value { return TimexMatch(start: i, end: e + 1 + halfAfter, type: .duration, value: value) }
        }
        if unit == .second && (article || n == nil || w(e + 1) == "quarter" || w(e + 1) == "half") { return nil }
        if let n, n >= 1000, n <= 2999, !plural { return nil }
        if article && plural { return nil }
        if unit == .quarter && (article || w(e + 1) == "of") && w(e + 1) != "earlier" && w(e + 1) != "ago" && w(e + 1) != "later"
        {
            return nil
        }
        if let n, n == 1, plural, !article { return nil }
        if n == nil && !plural { return nil }
        e += 1
        // "a week or so ago": the hedge sits between the amount and the direction.
        if w(e) == "or", w(e + 1) == "so", w(e + 2) == "ago" || w(e + 2) == "earlier" || w(e + 2) == "later" { e += 2 }
        let next = w(e)
        if n == 1, unit == .year, next == "earlier" || next == "ago", let q = recentQuarter {
            return TimexMatch(
                start: i, end: e + 1, type: .date, value: quarterValue(q.year - 1, q.quarter), mentionsQuarter: false)
        }
        if next == "ago" {
            if n == nil { return TimexMatch(start: i, end: e + 1, type: .date, value: "PAST_REF") }
            // "two weeks ago" counts back whole weeks from the day: a day, not the calendar week
            // (which is "last week"); the week it lands in may not be the one meant.
            let (v, d) = unit == .week ? shifted(ref, .day, 7 * n!, -1) : shifted(ref, unit, n!, -1)
            return TimexMatch(start: i, end: e + 1, type: .date, value: v, day: d)
        }
        if next == "from" && w(e + 1) == "now" {
            if n == nil { return TimexMatch(start: i, end: e + 2, type: .date, value: "FUTURE_REF") }
            let (v, d) = shifted(ref, unit, n!, 1)
            return TimexMatch(start: i, end: e + 2, type: .date, value: v, day: d)
        }
        if let n, next == "earlier" || next == "later" || ((next == "before" || next == "after") && isPunct(e + 1)) {
            let sign = (next == "earlier" || next == "before") ? -1 : 1
            let base = (unit == .day || unit == .week || unit.isTime) ? (anchor ?? ref) : ref
            let (v, d) = shifted(base, unit, n, sign)
            return TimexMatch(start: i, end: e + 1, type: .date, value: v, day: d)
        }
        // "in three weeks" in a future sentence: a date.
        if let n, w(i - 1) == "in", !unit.isTime, tense(i) > 0 {
            let (v, d) = shifted(ref, unit, n, 1)
            return TimexMatch(start: i, end: e, type: .date, value: v, day: d)
        }
        // "a year" after a rate ("$5 a year", "twice a year") is a set.
        if article, unit != .quarter {
            let p = w(i - 1)
            if p == "once" || p == "twice" || p == "times" {
                let start = (p == "once" || p == "twice") ? i - 1 : i
                return TimexMatch(start: start, end: e, type: .set, value: durationValue(1, unit))
            }
            // A rate ("$5 a year", "700 seats a week") is not a time expression.
            if p == "%" || p == "percent" || p == "million" || p == "billion" || p == "cents" || p == "dollars"
                || p == "seats" || p == "flights" || isDigitToken(i - 1)
            {
                return nil
            }
        }
        // Ages: "52 years old".
        if next == "old" { return nil }
        return TimexMatch(start: i, end: e, type: .duration, value: durationValue(n, unit))
    }

    // MARK: sets

    mutating func setExpression(_ i: Int) -> TimexMatch? {
        let t = w(i)
        // "the Daily Telegraph", "Weekly Standard": a capital inside a sentence before another
        // capital is a name.
        if isCap(i), !isPunct(i - 1), isCap(i + 1), sameLine(i + 1) { return nil }
        switch t {
        case "daily": return TimexMatch(start: i, end: i + 1, type: .set, value: "P1D")
        case "nightly": return TimexMatch(start: i, end: i + 1, type: .set, value: "P1D")
        case "weekly": return TimexMatch(start: i, end: i + 1, type: .set, value: "P1W")
        case "biweekly": return TimexMatch(start: i, end: i + 1, type: .set, value: "P2W")
        case "monthly": return TimexMatch(start: i, end: i + 1, type: .set, value: "P1M")
        case "quarterly": return TimexMatch(start: i, end: i + 1, type: .set, value: "P3M")
        case "annually", "yearly": return TimexMatch(start: i, end: i + 1, type: .set, value: "P1Y")
        case "hourly": return TimexMatch(start: i, end: i + 1, type: .set, value: "PT1H")
        case "weekends": return TimexMatch(start: i, end: i + 1, type: .set, value: "XXXX-WXX-WE")
        case "weeknights": return TimexMatch(start: i, end: i + 1, type: .set, value: "XXXX-WXX-XTNI")
        case "once", "twice":
            var e = i + 1
            if w(e) == "a" || w(e) == "an" || w(e) == "per" || w(e) == "every" || w(e) == "each" {
                e += 1
                if let (u, plural) = Lex.units[w(e)], !plural {
                    return TimexMatch(start: i, end: e + 1, type: .set, value: durationValue(1, u))
                }
            }
            return nil
        default:
            break
        }
        if let wd = Lex.weekdayPlurals[t], isCap(i) {
            if sameLine(i + 1), let part = Lex.partsOfDay[w(i + 1)] ?? (w(i + 1) == "nights" ? "NI" : nil) {
                return TimexMatch(start: i, end: i + 2, type: .set, value: "XXXX-WXX-\(wd)T\(part)")
            }
            return TimexMatch(start: i, end: i + 1, type: .set, value: "XXXX-WXX-\(wd)")
        }
        if Lex.seasons[t] != nil { return nil }
        guard t == "every" || t == "each" else { return nil }
        var e = i + 1
        guard sameLine(e) else { return nil }
        var step = 1
        if w(e) == "other" {
            step = 2
            e += 1
        } else if let (num, e2) = number(e), let num, !(w(e) == "a" || w(e) == "an"), Lex.units[w(e2)] != nil {
            step = num
            e = e2
        }
        if let (u, _) = Lex.units[w(e)] {
            return TimexMatch(start: i, end: e + 1, type: .set, value: durationValue(step, u))
        }
        if let wd = Lex.weekdays[w(e)] {
            if sameLine(e + 1), let part = Lex.partsOfDay[w(e + 1)] {
                return TimexMatch(start: i, end: e + 2, type: .set, value: "XXXX-WXX-\(wd)T\(part)")
            }
            return TimexMatch(start: i, end: e + 1, type: .set, value: "XXXX-WXX-\(wd)")
        }
        if let m = Lex.months[w(e)], isCap(e) {
            return TimexMatch(start: i, end: e + 1, type: .set, value: "XXXX-\(Cal.pad(m, 2))")
        }
        if let part = Lex.partsOfDay[w(e)] {
            return TimexMatch(start: i, end: e + 1, type: .set, value: "XXXX-XX-XXT\(part)")
        }
        if w(e) == "weekend" { return TimexMatch(start: i, end: e + 1, type: .set, value: "XXXX-WXX-WE") }
        if let s = Lex.seasons[w(e)] { return TimexMatch(start: i, end: e + 1, type: .set, value: "XXXX-\(s)") }
        return nil
    }

    /// "nineteen ninety-six", "nineteen eighty four".
}
