/// Quarters, halves and decades, and hyphenated compounds ("third-quarter",
/// "year-earlier", "mid-1990s", "eight-year").
extension TimexRun {
    // MARK: quarters, halves, decades

    /// "third quarter (of) 1989", "Q3 2024", "first half", "second-quarter".
    func quarterExpression(_ i: Int) -> TimexMatch? {
        let t = w(i)
        var q: Int
        var half = false
        var e: Int
        if t.utf8.count == 2, t.hasPrefix("q") || t.hasPrefix("h"), let v = digitsValue(Substring(t).dropFirst()) {
            half = t.hasPrefix("h")
            q = v
            e = i + 1
            guard isCap(i) else { return nil }
        } else {
            // "last half" and "latter half" are the second.
            let second = w(i + 1) == "half" && (t == "last" || t == "latter" || t == "final")
            guard let o = Lex.ordinals[t] ?? (second ? 2 : nil) else { return nil }
            q = o
            e = i + 1
            if w(e) == "fiscal" || w(e) == "calendar" { e += 1 }
            if w(e) == "half" { half = true } else if w(e) != "quarter" { return nil }
            e += 1
        }
        guard half ? (1...2).contains(q) : (1...4).contains(q) else { return nil }
        var year = refYear
        if (w(e) == "of" || w(e) == ",") && yearAt(e + 1) != nil {
            year = yearAt(e + 1)
            e += 2
        } else if let y = yearAt(e) {
            year = y
            e += 1
        } else if w(e) == "of" && w(e + 1) == "fiscal", let y = yearAt(e + 2) {
            year = y
            e += 3
        } else if (w(e) == "of" || w(e) == "this")
            && (w(e + 1) == "this" || w(e + 1) == "last" || w(e + 1) == "next"
                || w(e + 1) == "year" || w(e + 1) == "the")
        {
            var k = e + 1
            if w(e) == "of" && (w(k) == "this" || w(k) == "last" || w(k) == "next" || w(k) == "the") { k += 1 }
            if w(k) == "year" {
                let rel = w(k - 1)
                if let ry = refYear { year = ry + (rel == "last" ? -1 : (rel == "next" ? 1 : 0)) }
                e = k + 1
            }
        }
        let value = year.map { "\(Cal.yearValue($0))-\(half ? "H" : "Q")\(q)" }
        return TimexMatch(start: i, end: e, type: .date, value: value)
    }

    /// "the 1990s" → "199", "'90s", "nineties".
    func decade(_ i: Int) -> TimexMatch? {
        let t = w(i)
        if t == "'" || t == "’", let m = decade(i + 1) { return TimexMatch(start: i, end: m.end, type: .date, value: m.value) }
        if let v = Self.decadeWords[t] { return TimexMatch(start: i, end: i + 1, type: .date, value: String(v)) }
        guard t.hasSuffix("s"), let v = digitsValue(Substring(t).dropLast()), v % 10 == 0 else { return nil }
        if v >= 1000 && v <= 2990 { return TimexMatch(start: i, end: i + 1, type: .date, value: String(v / 10)) }
        if t.utf8.count == 3 {
            let century = v >= 30 ? 19 : 20
            return TimexMatch(start: i, end: i + 1, type: .date, value: String(century * 10 + v / 10))
        }
        return nil
    }

    /// "year-end", "year end": the coming one, or in the past tense ("since year-end", "debt at
    /// year end was") the one already closed.
    func yearEnd(_ i: Int, end: Int) -> TimexMatch {
        let back = tense(i) < 0 ? 1 : 0
        return TimexMatch(start: i, end: end, type: .date, value: refYear.map { Cal.yearValue($0 - back) + "-12-31" })
    }

    // MARK: hyphenated words

    mutating func hyphenated(_ i: Int) -> TimexMatch? {
        let t = w(i)
        let parts = pieces(t, UInt8(ascii: "-")).map(String.init)
        guard parts.count >= 2 else { return nil }
        // "eight-year", "two-hour", "10-year", "8-month-old", "twenty-four-hour".
        var k = 0
        var n: Int?
        if let v = digitsValue(parts[0]) {
            n = v
            k = 1
        } else if let a = Lex.numbers[parts[0]] {
            n = a
            k = 1
            if parts.count > 2, let b = Lex.numbers[parts[1]], a >= 20, b < 10 {
                n = a + b
                k = 2
            }
        } else if parts[0] == "multi" || parts[0] == "several" || parts[0] == "many" {
            k = 1
        }
        if k > 0, k < parts.count, let (u, _) = Lex.units[parts[k]] {
            if u != .quarter, parts.count == k + 1 || ["long", "plus"].contains(parts[k + 1]) {
                return TimexMatch(start: i, end: i + 1, type: .duration, value: durationValue(n, u))
            }
        }
        // "day-long", "decades-long".
        if parts.count == 2, parts[1] == "long", let (u, plural) = Lex.units[parts[0]], u != .quarter {
            return TimexMatch(start: i, end: i + 1, type: .duration, value: durationValue(plural ? nil : 1, u))
        }
        if let o = Lex.ordinals[parts[0]], parts.count == 2 {
            if parts[1] == "quarter" || parts[1] == "half" {
                let half = parts[1] == "half"
                guard half ? o <= 2 : o <= 4 else { return nil }
                var year = refYear
                var e = i + 1
                if let y = yearAt(e) {
                    year = y
                    e += 1
                }
                return TimexMatch(
                    start: i, end: e, type: .date, value: year.map { "\(Cal.yearValue($0))-\(half ? "H" : "Q")\(o)" })
            }
        }
        if parts[0] == "year" && (parts[1] == "earlier" || parts[1] == "ago") && parts.count == 2 {
            if let q = recentQuarter {
                return TimexMatch(
                    start: i, end: i + 1, type: .date, value: quarterValue(q.year - 1, q.quarter), mentionsQuarter: false)
            }
            return TimexMatch(start: i, end: i + 1, type: .date, value: refYear.map { Cal.yearValue($0 - 1) })
        }
        if parts[0] == "year" && parts[1] == "end" && parts.count == 2 { return yearEnd(i, end: i + 1) }
        if (parts[0] == "mid" || parts[0] == "early" || parts[0] == "late") && parts.count == 2 {
            if let code = Lex.partsOfDay[parts[1]] { return partOfDay(start: i, code: code, end: i + 1) }
            if let m = Lex.months[parts[1]] {
                let y = monthYear(m, direction: tense(i))
                return TimexMatch(start: i, end: i + 1, type: .date, value: y.map { Cal.monthValue($0, m) })
            }
            if let y = digitsValue(parts[1]), y >= 1000, y <= 2999 {
                return TimexMatch(start: i, end: i + 1, type: .date, value: Cal.yearValue(y))
            }
            if parts[1].hasSuffix("s"), let v = digitsValue(Substring(parts[1]).dropLast()), v >= 1000, v % 10 == 0 {
                return TimexMatch(start: i, end: i + 1, type: .date, value: String(v / 10))
            }
            // "mid-80s": a two-digit decade, read in the last century from the 30s on, as "'80s" is.
            if parts[1].utf8.count == 3, parts[1].hasSuffix("s"), let v = digitsValue(Substring(parts[1]).dropLast()), v % 10 == 0
            {
                let century = v >= 30 ? 19 : 20
                return TimexMatch(start: i, end: i + 1, type: .date, value: String(century * 10 + v / 10))
            }
        }
        return nil
    }
}
