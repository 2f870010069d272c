/// Finds temporal expressions and resolves them against the publication date.
///
/// One pass over the tokens: a token that can start an expression (a digit, or a
/// word from `TimexLexicon.triggers`) is handed to a set of small matchers; the
/// longest match wins. Values follow TimeML/TIMEX3 as TempEval-3 uses them.
/// Resolution is tense-aware (the nearest tense cue in the sentence decides
/// whether "Saturday" or "February 24" lies before or after the reference) and
/// chains ("the day after") resolve against the last day-level date mentioned.
public struct TimexExtractor: Sendable {
    public init() {}

    /// `reference`: the document's publication date (ISO 8601 date or date-time), or nil,
    /// in which case values that need one are null.
    public func extract(_ analysis: DocumentAnalysis, reference: String?) -> [Timex] {
        var run = TimexRun(analysis: analysis, reference: TimexCalendar.parseReference(reference))
        return run.run()
    }
}

struct TimexMatch {
    var start: Int
    var end: Int
    var type: Timex.Kind
    var value: String?
    /// Day number when the value is a single day (for relative chains).
    var day: Int? = nil
    /// Whether a quarter value here is a new quarter mention (not one derived from the last).
    var mentionsQuarter = true
}

struct TimexRun {
    typealias Cal = TimexCalendar
    typealias Lex = TimexLexicon

    let analysis: DocumentAnalysis
    let tokens: [Token]
    let ref: Int?
    var lower: [String] = []
    /// Last single day resolved in the text, and the sentence it was in.
    var anchor: Int?
    var anchorSentence = -1
    /// Last quarter mentioned ("the third quarter" → 1989, 3) and its sentence: in an
    /// earnings report "a year earlier" is that quarter a year before.
    var lastQuarter: (year: Int, quarter: Int)?
    var lastQuarterSentence = -100
    /// The document talks about quarters (an earnings report).
    var mentionsQuarter = false
    var currentSentence = 0

    init(analysis: DocumentAnalysis, reference: Int?) {
        self.analysis = analysis
        tokens = analysis.tokens
        ref = reference
    }

    // MARK: driver

    mutating func run() -> [Timex] {
        let count = tokens.count
        guard count > 0 else { return [] }
        lower = tokens.map { token in
            let text = token.text
            for scalar in text.unicodeScalars where scalar.value >= 0x41 && scalar.value <= 0x5A || scalar.value >= 0x80 {
                return text.lowercased()
            }
            return text
        }
        mentionsQuarter = lower.contains { $0 == "quarter" || $0.hasSuffix("-quarter") }
        var out: [Timex] = []
        var sentence = 0
        let sentences = analysis.sentences
        var i = 0
        while i < count {
            while sentence + 1 < sentences.count && sentences[sentence].tokens.upperBound <= i { sentence += 1 }
            currentSentence = sentence
            guard isCandidate(i), let m = matchAt(i) else {
                i += 1
                continue
            }
            let start = tokens[m.start].start
            let end = tokens[m.end - 1].end
            out.append(Timex(text: analysis.text(start, end), start: start, end: end, type: m.type, value: m.value))
            if let d = m.day {
                anchor = d
                anchorSentence = sentence
            }
            if m.mentionsQuarter, let v = m.value, v.utf8.count == 7, v.hasPrefix("1") || v.hasPrefix("2"), Array(v.utf8)[5] == UInt8(ascii: "Q"),
                let y = digitsValue(v.prefix(4)), let q = digitsValue(v.suffix(1))
            {
                lastQuarter = (y, q)
                lastQuarterSentence = sentence
            }
            i = m.end
        }
        return out
    }

    func isCandidate(_ i: Int) -> Bool {
        let t = lower[i]
        guard let first = t.unicodeScalars.first else { return false }
        if first.value >= 0x30 && first.value <= 0x39 { return true }
        if Lex.triggers.contains(t) { return true }
        if first == "'" { return true }
        if t.utf8.contains(UInt8(ascii: "-")) { return true }
        return false
    }

    // MARK: token helpers

    func w(_ i: Int) -> String { i >= 0 && i < lower.count ? lower[i] : "" }

    /// Token i continues the same line as token i-1.
    func sameLine(_ i: Int) -> Bool { i < tokens.count && tokens[i].newlinesBefore == 0 }

    func isCap(_ i: Int) -> Bool {
        guard i < tokens.count, let f = tokens[i].text.unicodeScalars.first else { return false }
        return f.isUpper
    }

    func digitsValue(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.utf8.count <= 9 else { return nil }
        var v = 0
        for b in s.utf8 {
            guard b >= 48 && b <= 57 else { return nil }
            v = v * 10 + Int(b - 48)
        }
        return v
    }

    func digitsValue(_ s: String) -> Int? { digitsValue(Substring(s)) }

    func isDigitToken(_ i: Int) -> Bool {
        guard let f = w(i).utf8.first else { return false }
        return f >= 48 && f <= 57
    }

    func isPunct(_ i: Int) -> Bool {
        guard i < tokens.count, let f = tokens[i].text.unicodeScalars.first else { return true }
        return !f.isWordCharacter
    }

    /// A 4-digit year at token i.
    func yearAt(_ i: Int, first: Bool = false) -> Int? {
        guard i < tokens.count, first || sameLine(i) else { return nil }
        let t = w(i)
        guard t.utf8.count == 4, let v = digitsValue(t), v >= 1000, v <= 2999 else { return nil }
        return v
    }

    /// A day of the month at token i: "17", "17th", "1st".
    func dayAt(_ i: Int, first: Bool = false) -> Int? {
        guard i < tokens.count, first || sameLine(i) else { return nil }
        let t = w(i)
        var s = Substring(t)
        if s.hasSuffix("st") || s.hasSuffix("nd") || s.hasSuffix("rd") || s.hasSuffix("th") { s = s.dropLast(2) }
        guard s.utf8.count <= 2, let v = digitsValue(s), v >= 1, v <= 31 else { return nil }
        // Not "17:00", "17%", "17.5".
        let n = w(i + 1)
        if n == "%" || n == "percent" { return nil }
        return v
    }

    // MARK: tense

    /// -1 past, +1 future, 0 unknown: the tense cue nearest to token i in its sentence.
    func tense(_ i: Int) -> Int {
        let sentences = analysis.sentences
        guard currentSentence < sentences.count else { return 0 }
        let range = sentences[currentSentence].tokens
        var best = 0
        var bestDistance = Int.max
        for j in range {
            let t = lower[j]
            var cue = 0
            if Lex.futureCues.contains(t) {
                cue = 1
                if t == "going" && w(j + 1) != "to" { cue = 0 }
                if t == "may" && !isLowerWord(j) { cue = 0 }
                if (t == "expected" || t == "scheduled" || t == "set" || t == "due" || t == "plans" || t == "likely"
                    || t == "planning")
                    && w(j + 1) != "to" && w(j + 1) != "for" && w(j + 1) != "on"
                {
                    cue = 0
                }
            } else if Lex.pastCues.contains(t) {
                cue = -1
            } else if t.utf8.count >= 5 && t.hasSuffix("ed") && isLowerWord(j) {
                cue = -1
                if w(j - 1) == "be" || w(j - 2) == "be" || w(j - 1) == "to" || w(j - 1) == "the" || w(j - 1) == "a"
                    || w(j - 1) == "is" || w(j - 1) == "are" || w(j - 1) == "'s"
                {
                    cue = 0
                }
            }
            guard cue != 0 else { continue }
            let d = j < i ? i - j : (j - i) * 2
            if d < bestDistance || (d == bestDistance && cue == 1) {
                bestDistance = d
                best = cue
            }
        }
        return best
    }

    func isLowerWord(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count, let f = tokens[i].text.unicodeScalars.first else { return false }
        return f.isLower
    }

    // MARK: resolution

    func weekdayDay(_ wd: Int, direction: Int) -> Int? {
        guard let ref else { return nil }
        let r = Cal.weekday(ref)
        if direction > 0 {
            // The reference's own weekday is that day ("Friday" in Friday's paper).
            return ref + (wd - r + 7) % 7
        }
        return ref - (r - wd + 7) % 7
    }

    func monthDayDay(_ month: Int, _ day: Int, direction: Int) -> Int? {
        guard let ref else { return nil }
        let y = Cal.civil(ref).year
        var best: Int?
        var bestScore = Int.max
        for year in (y - 1)...(y + 1) {
            guard day <= Cal.daysInMonth(year, month) else { continue }
            let d = Cal.days(year, month, day)
            let diff = d - ref
            let score: Int
            if direction < 0 {
                score = diff <= 60 ? abs(diff) : 10_000 + diff
            } else if direction > 0 {
                score = diff >= -14 ? abs(diff) : 10_000 - diff
            } else {
                score = abs(diff)
            }
            if score < bestScore {
                bestScore = score
                best = d
            }
        }
        return best
    }

    func monthYear(_ month: Int, direction: Int) -> Int? {
        guard let ref else { return nil }
        let c = Cal.civil(ref)
        var diff = month - c.month
        var year = c.year
        if diff > 6 { diff -= 12; year -= 1 } else if diff < -6 { diff += 12; year += 1 }
        // Tense cues are noisy ("said it expects to close in March"): only a
        // month well on the wrong side of the reference flips the year.
        if direction < 0 && diff > 2 { year -= 1 }
        if direction > 0 && diff < -2 { year += 1 }
        return year
    }

    var refYear: Int? { ref.map { Cal.civil($0).year } }

    func quarterValue(_ year: Int, _ quarter: Int) -> String { "\(Cal.yearValue(year))-Q\(quarter)" }

    var recentQuarter: (year: Int, quarter: Int)? {
        if let lastQuarter { return currentSentence - lastQuarterSentence <= 3 ? lastQuarter : nil }
        guard mentionsQuarter, let ref else { return nil }
        let c = Cal.civil(ref)
        let q = (c.month - 1) / 3 + 1
        return q == 1 ? (c.year - 1, 4) : (c.year, q - 1)
    }

    /// The quarter before the reference's ("the quarter" in an earnings report).
    func previousQuarter() -> String? {
        guard let ref else { return nil }
        let c = Cal.civil(ref)
        let q = (c.month - 1) / 3 + 1
        return q == 1 ? quarterValue(c.year - 1, 4) : quarterValue(c.year, q - 1)
    }

    /// A value `n` units away from `base` (sign -1 before, +1 after), at the unit's granularity.
    func shifted(_ base: Int?, _ unit: TimexUnit, _ n: Int, _ sign: Int) -> (String?, Int?) {
        guard let base else { return (nil, nil) }
        let c = Cal.civil(base)
        switch unit {
        case .second, .minute, .hour:
            return (Cal.dayValue(base), base)
        case .day:
            let d = base + sign * n
            return (Cal.dayValue(d), d)
        case .week:
            return (Cal.weekValue(base + sign * 7 * n), nil)
        case .month:
            let m = Cal.addMonths(c.year, c.month, sign * n)
            return (Cal.monthValue(m.year, m.month), nil)
        case .quarter:
            let m = Cal.addMonths(c.year, c.month, sign * 3 * n)
            return (quarterValue(m.year, (m.month - 1) / 3 + 1), nil)
        case .year:
            return (Cal.yearValue(c.year + sign * n), nil)
        case .decade:
            return (Cal.yearValue(c.year + sign * 10 * n), nil)
        case .century:
            return (Cal.yearValue(c.year + sign * 100 * n), nil)
        }
    }

    /// The calendar period holding `base`, one unit back/forward: "last week", "next month".
    func period(_ base: Int?, _ unit: TimexUnit, _ delta: Int) -> (String?, Int?) {
        guard let base else { return (nil, nil) }
        let c = Cal.civil(base)
        switch unit {
        case .decade:
            let d = c.year / 10 + delta
            return (String(d), nil)
        case .century:
            return (String(c.year / 100 + delta), nil)
        default:
            return shifted(base, unit, abs(delta), delta < 0 ? -1 : 1)
        }
    }

    func durationValue(_ n: Int?, _ unit: TimexUnit) -> String {
        if let n, unit == .decade { return "P\(n * 10)Y" }
        if unit == .quarter { return n.map { $0 == 1 ? "P1Q" : "P\($0 * 3)M" } ?? "PXM" }
        if let n, unit == .century { return "P\(n * 100)Y" }
        let amount = n.map(String.init) ?? "X"
        return unit.isTime ? "PT\(amount)\(unit.code)" : "P\(amount)\(unit.code)"
    }

    // MARK: matching

    static let decadeWords: [String: Int] = ["sixties": 196, "seventies": 197, "eighties": 198, "nineties": 199]
    static let periodParts: Set<String> = ["end", "beginning", "start", "middle", "turn"]
    static let unitAdjectives: Set<String> = ["more", "additional", "straight", "consecutive", "full", "long", "extra", "further"]

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
                consider(quarterExpression(i + 1).map { var m = $0; m.start = i; return m })
            }
        case "q1", "q2", "q3", "q4", "h1", "h2":
            consider(quarterExpression(i))
        default:
            break
        }
        consider(deictic(i))
        if Lex.weekdayPlurals[t] != nil || Lex.seasons[t] != nil { consider(setExpression(i)) }
        if t == "nineteen" || t == "twenty" { consider(spelledYear(i)) }
        if t == "christmas" || t == "thanksgiving" || t == "halloween" || t == "new" { consider(holiday(i)) }
        if t.utf8.contains(UInt8(ascii: "-")) {
            consider(hyphenated(i))
            consider(numberUnit(i))
        }
        if first == UInt8(ascii: "'") { consider(decade(i)) }
        if t == "nineties" || t == "eighties" || t == "seventies" || t == "sixties" { consider(decade(i)) }
        if t == "noon" || t == "midnight" || t == "midday", w(i - 1) != "high" { consider(clock(i, hour: t == "midnight" ? 24 : 12, minute: 0, end: i + 1)) }
        if let (u, plural) = Lex.units[t], plural, u != .second, u != .day, u != .quarter {
            // Bare plurals: "for years", "decades of war".
            if w(i + 1) == "ago" {
                consider(TimexMatch(start: i, end: i + 2, type: .date, value: ref == nil ? nil : "PAST_REF"))
            } else if !(w(i - 1) == "the" || isDigitToken(i - 1)) {
                consider(TimexMatch(start: i, end: i + 1, type: .duration, value: durationValue(nil, u)))
            }
        }
        return best
    }

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
            return (v, e)
        }
        guard t.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let parts = t.split(separator: "-")
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
            if let value { return TimexMatch(start: i, end: e + 1, type: .duration, value: value) }
        }
        if unit == .second && (article || n == nil || w(e + 1) == "quarter" || w(e + 1) == "half") { return nil }
        if let n, n >= 1000, n <= 2999, !plural { return nil }
        if article && plural { return nil }
        if unit == .quarter && (article || w(e + 1) == "of") && w(e + 1) != "earlier" && w(e + 1) != "ago" && w(e + 1) != "later" { return nil }
        if let n, n == 1, plural, !article { return nil }
        if n == nil && !plural { return nil }
        e += 1
        let next = w(e)
        if n == 1, unit == .year, next == "earlier" || next == "ago", let q = recentQuarter {
            return TimexMatch(start: i, end: e + 1, type: .date, value: quarterValue(q.year - 1, q.quarter), mentionsQuarter: false)
        }
        if next == "ago" {
            if n == nil { return TimexMatch(start: i, end: e + 1, type: .date, value: ref == nil ? nil : "PAST_REF") }
            let (v, d) = shifted(ref, unit, n!, -1)
            return TimexMatch(start: i, end: e + 1, type: .date, value: v, day: d)
        }
        if next == "from" && w(e + 1) == "now" {
            if n == nil { return TimexMatch(start: i, end: e + 2, type: .date, value: ref == nil ? nil : "FUTURE_REF") }
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
                return timeWithSuffix(i + 1, hour: h, minute: 0, suffix: n.hasPrefix("p") ? "pm" : (n.hasPrefix("a") ? "am" : ""), end: i + 1, skip: true)
            }
        }
        // "20th century" → "19".
        if w(i + 1) == "century", t.hasSuffix("th") || t.hasSuffix("st"), let c = digitsValue(Substring(t).dropLast(2)), c >= 1, c <= 30 {
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
            let parts = t.split(separator: Character(Unicode.Scalar(sep)), omittingEmptySubsequences: false)
            let nums = parts.map { digitsValue($0) }
            if nums.contains(where: { $0 == nil }) {
                return sep == UInt8(ascii: "-") ? hyphenated(i) : nil
            }
            let v = nums.map { $0! }
            if parts.count == 3 {
                var y = 0, m = 0, d = 0
                if parts[0].utf8.count == 4 { (y, m, d) = (v[0], v[1], v[2]) }
                else if parts[2].utf8.count == 4 {
                    if sep == UInt8(ascii: "/") && v[0] <= 12 { (y, m, d) = (v[2], v[0], v[1]) }
                    else { (y, m, d) = (v[2], v[1], v[0]) }
                } else { return nil }
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
                if parts[1].utf8.count == 4, v[1] == v[0] + 1 {
                    return TimexMatch(start: i, end: i + 1, type: .date, value: Cal.yearValue(v[0]))
                }
            }
            return nil
        }
        return nil
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

    // MARK: month and day dates

    mutating func monthExpression(_ i: Int, _ month: Int) -> TimexMatch? {
        let t = w(i)
        guard isCap(i) else { return nil }
        let isAbbrev = t.utf8.count <= 4 && t != "june" && t != "july" && t != "may"
        let ambiguous = t == "may" || t == "march" || t == "mar." || t == "jan" || t == "sept" || t == "dec"
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
            } else {
                dayNumber = monthDayDay(month, d, direction: tense(i))
            }
            if year == nil && ref == nil {
                return TimexMatch(start: i, end: e, type: .date, value: nil)
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
        let y = monthYear(month, direction: tense(i))
        return TimexMatch(start: i, end: e, type: .date, value: y.map { Cal.monthValue($0, month) })
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
        } else {
            if ref == nil { return TimexMatch(start: i, end: e, type: .date, value: nil) }
            dayNumber = monthDayDay(month, d, direction: tense(i))
        }
        guard let dayNumber else { return nil }
        return TimexMatch(start: i, end: e, type: .date, value: Cal.dayValue(dayNumber), day: dayNumber)
    }

    // MARK: weekdays

    mutating func weekdayExpression(_ i: Int, _ wd: Int) -> TimexMatch? {
        guard isCap(i) else { return nil }
        var e = i + 1
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
        let dir = tense(i) > 0 ? 1 : -1
        let day = weekdayDay(wd, direction: dir)
        if sameLine(e), let part = Lex.partsOfDay[w(e)] {
            e += 1
            _ = part  // TimeBank mostly gives the plain day for "Friday night"
            return TimexMatch(start: i, end: e, type: .date, value: day.map(Cal.dayValue), day: day)
        }
        return TimexMatch(start: i, end: e, type: .date, value: day.map(Cal.dayValue), day: day)
    }

    // MARK: deictic words

    mutating func deictic(_ i: Int) -> TimexMatch? {
        let t = w(i)
        switch t {
        case "today":
            if w(i + 1) == "'s" && isLowerWord(i) && Lex.units[w(i + 2)] == nil { return nil }  // "today's youth"
            return TimexMatch(start: i, end: i + 1, type: .date, value: ref.map(Cal.dayValue), day: ref)
        case "tonight":
            return TimexMatch(start: i, end: i + 1, type: .time, value: ref.map { Cal.dayValue($0) + "TNI" })
        case "yesterday", "tomorrow":
            let day = ref.map { $0 + (t == "yesterday" ? -1 : 1) }
            if sameLine(i + 1), let part = Lex.partsOfDay[w(i + 1)] {
                return TimexMatch(start: i, end: i + 2, type: .time, value: day.map { Cal.dayValue($0) + "T" + part }, day: day)
            }
            return TimexMatch(start: i, end: i + 1, type: .date, value: day.map(Cal.dayValue), day: day)
        case "now", "currently", "current":
            if t == "now" && (w(i + 1) == "that" && isPunct(i - 1)) { return nil }
            return TimexMatch(start: i, end: i + 1, type: .date, value: ref == nil ? nil : "PRESENT_REF")
        case "recently":
            return TimexMatch(start: i, end: i + 1, type: .date, value: ref == nil ? nil : "PAST_REF")
        case "recent":
            if let (u, plural) = Lex.units[w(i + 1)], plural, u != .day {
                return TimexMatch(start: i, end: i + 2, type: u == .year ? .date : .duration, value: durationValue(nil, u))
            }
            if w(i + 1) == "days" {
                return TimexMatch(start: i, end: i + 2, type: .date, value: ref == nil ? nil : "PAST_REF")
            }
            return TimexMatch(start: i, end: i + 1, type: .date, value: ref == nil ? nil : "PAST_REF")
        case "overnight":
            return TimexMatch(start: i, end: i + 1, type: .time, value: ref.map { Cal.dayValue($0 - (tense(i) > 0 ? 0 : 1)) + "TNI" })
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
            return TimexMatch(start: start, end: j + 1, type: .date, value: ref == nil ? nil : "PRESENT_REF")
        }
        // "the past three years", "next two weeks": durations.
        if t != "this" && t != "these", let (num, e0) = number(j), num != nil || Lex.vagueNumbers.contains(n) || n == "few" {
            var e = e0
            if Self.unitAdjectives.contains(w(e)) { e += 1 }
            if let (u, _) = Lex.units[w(e)] {
                return TimexMatch(start: start, end: e + 1, type: .duration, value: durationValue(num, u))
            }
        }
        if let (u, plural) = Lex.units[n] {
            if plural {
                return TimexMatch(start: start, end: j + 1, type: .duration, value: durationValue(nil, u))
            }
            if start < i && (t == "past" || t == "last" || t == "coming" || t == "next") && u != .day && u != .quarter {
                // "the past year", "the next year": the period, as TimeBank reads it.
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
            if let ref {
                let r = Cal.weekday(ref)
                switch dir {
                case -1: day = ref - ((r - wd + 7) % 7 == 0 ? 7 : (r - wd + 7) % 7)
                case 1: day = weekdayDay(wd, direction: 1)
                default: day = weekdayDay(wd, direction: tense(j) > 0 ? 1 : -1)
                }
            }
            if sameLine(j + 1), let part = Lex.partsOfDay[w(j + 1)] {
                _ = part
                return TimexMatch(start: start, end: j + 2, type: .date, value: day.map(Cal.dayValue), day: day)
            }
            return TimexMatch(start: start, end: j + 1, type: .date, value: day.map(Cal.dayValue), day: day)
        }
        if let m = Lex.months[n], isCap(j), n.utf8.count > 3 || n.hasSuffix("."), dayAt(j + 1) != nil, var dm = monthExpression(j, m) {
            dm.start = start
            return dm
        }
        if let m = Lex.months[n], isCap(j), n.utf8.count > 3 || n.hasSuffix(".") {
            var y: Int?
            if let ref {
                let c = Cal.civil(ref)
                switch dir {
                case -1: y = m < c.month ? c.year : c.year - 1
                case 1: y = m > c.month ? c.year : c.year + 1
                default: y = c.year
                }
            }
            return TimexMatch(start: start, end: j + 1, type: .date, value: y.map { Cal.monthValue($0, m) })
        }
        if let s = Lex.seasons[n] {
            var y: Int?
            if let ref {
                let c = Cal.civil(ref)
                let seasonStart = ["SP": 3, "SU": 6, "FA": 9, "WI": 12][s]!
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
            return TimexMatch(start: start, end: j + 1, type: .date, value: weekend(dir: dir == 0 ? (tense(j) < 0 ? -1 : 0) : dir))
        }
        if let part = Lex.partsOfDay[n] {
            guard let ref else { return TimexMatch(start: start, end: j + 1, type: .time, value: nil) }
            if t == "this" { return TimexMatch(start: start, end: j + 1, type: .time, value: Cal.dayValue(ref) + "T" + part, day: ref) }
            if t == "last" && n == "night" { return TimexMatch(start: start, end: j + 1, type: .time, value: Cal.dayValue(ref - 1) + "TNI", day: ref - 1) }
            if chained || t == "next" {
                let base = (chained ? anchor : nil) ?? ref
                let d = base + dir
                return TimexMatch(start: start, end: j + 1, type: .time, value: Cal.dayValue(d) + "T" + part, day: d)
            }
        }
        return nil
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
        switch n {
        case "past", "last", "next", "coming", "previous", "following", "first", "final", "latest", "current":
            if n == "past" && Lex.units[w(j + 1)] == nil && number(j + 1) == nil {
                return TimexMatch(start: i, end: j + 1, type: .date, value: ref == nil ? nil : "PAST_REF")
            }
            if n == "current" && w(j + 1) == "year" || n == "current" && w(j + 1) == "fiscal" && w(j + 2) == "year" {
                return TimexMatch(start: i, end: w(j + 1) == "year" ? j + 2 : j + 3, type: .date, value: refYear.map(Cal.yearValue))
            }
            if n == "latest" || n == "current" {
                if w(j + 1) == "quarter" || (n == "latest" && w(j + 1) == "period") {
                    return TimexMatch(start: i, end: j + 2, type: .date, value: n == "latest" ? previousQuarter() : period(ref, .quarter, 0).0)
                }
                return nil
            }
            if n == "first" || n == "final" {
                if let (num, e) = number(j + 1), num != nil, let (u, _) = Lex.units[w(e)] {
                    return TimexMatch(start: i, end: e + 1, type: .duration, value: durationValue(num, u))
                }
                return quarterExpression(j).map { var m = $0; m.start = i; return m }
            }
            if w(j + 1) == "day" && (n == "next" || n == "following" || n == "previous") {
                let base = anchor ?? ref
                let d = base.map { $0 + (n == "previous" ? -1 : 1) }
                return TimexMatch(start: i, end: j + 2, type: .date, value: d.map(Cal.dayValue), day: d)
            }
            if n == "following" || n == "previous" || n == "next" {
                if let (u, plural) = Lex.units[w(j + 1)], !plural, u != .day, n != "next" {
                    let base = anchor ?? ref
                    let (v, d) = period(base, u, n == "previous" ? -1 : 1)
                    return TimexMatch(start: i, end: j + 2, type: .date, value: v, day: d)
                }
            }
            return relative(j, from: i)
        case "future":
            return TimexMatch(start: i, end: j + 1, type: .date, value: ref == nil ? nil : "FUTURE_REF")
        case "near", "foreseeable", "distant", "immediate", "short":
            if w(j + 1) == "future" || (w(j + 1) == "term" && n != "distant" && n != "foreseeable") {
                return TimexMatch(start: i, end: j + 2, type: .date, value: ref == nil ? nil : "FUTURE_REF")
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
            return TimexMatch(start: i, end: j + 1, type: .date, value: weekend(dir: tense(j) > 0 ? 1 : -1))
        case "quarter":
            if w(j + 1) == "ended" || w(j + 1) == "ending" { return nil }
            return TimexMatch(start: i, end: j + 1, type: .date, value: previousQuarter())
        case "year-ago", "year-earlier":
            if w(j + 1) == "quarter" || w(j + 1) == "period" {
                guard let pq = previousQuarter() else { return TimexMatch(start: i, end: j + 2, type: .date, value: nil) }
                let y = Int(pq.prefix(4))! - 1
                return TimexMatch(start: i, end: j + 2, type: .date, value: "\(Cal.yearValue(y))\(pq.dropFirst(4))")
            }
            return nil
        case "day":
            if w(j + 1) == "after" || w(j + 1) == "before", isPunct(j + 2) {
                let base = anchor ?? ref
                let d = base.map { $0 + (w(j + 1) == "after" ? 1 : -1) }
                return TimexMatch(start: i, end: j + 2, type: .date, value: d.map(Cal.dayValue), day: d)
            }
            return nil
        case "morning", "afternoon", "evening", "night":
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
        if Lex.ordinals[n] != nil { return quarterExpression(j).map { var m = $0; m.start = i; return m } }
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
            if w(k) == "period" || w(k) == "year" {
                return TimexMatch(start: i, end: k + 1, type: .date, value: Cal.yearValue(y))
            }
        }
        if n == "full" && w(j + 1) == "year" {
            return TimexMatch(start: i, end: j + 2, type: .date, value: refYear.map(Cal.yearValue))
        }
        if let m = decade(j) { return TimexMatch(start: i, end: m.end, type: m.type, value: m.value) }
        if isDigitToken(j) {
            if var m = dayMonth(j) { m.start = i; return m }
            // "the 20th century"
            let s = Substring(n)
            if (s.hasSuffix("th") || s.hasSuffix("st") || s.hasSuffix("nd") || s.hasSuffix("rd")),
                let c = digitsValue(s.dropLast(2)), w(j + 1) == "century"
            {
                return TimexMatch(start: i, end: j + 2, type: .date, value: Cal.pad(c - 1, 2))
            }
        }
        if let num = number(j), num.0 != nil || Lex.vagueNumbers.contains(n), let (u, _) = Lex.units[w(num.1)] {
            return TimexMatch(start: i, end: num.1 + 1, type: .duration, value: durationValue(num.0, u))
        }
        return nil
    }

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
            guard let o = Lex.ordinals[t] else { return nil }
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
        } else if (w(e) == "of" || w(e) == "this") && (w(e + 1) == "this" || w(e + 1) == "last" || w(e + 1) == "next"
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

    // MARK: hyphenated words

    mutating func hyphenated(_ i: Int) -> TimexMatch? {
        let t = w(i)
        let parts = t.split(separator: "-").map(String.init)
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
        if let o = Lex.ordinals[parts[0]], parts.count == 2 {
            if parts[1] == "quarter" || parts[1] == "half" {
                let half = parts[1] == "half"
                guard half ? o <= 2 : o <= 4 else { return nil }
                var year = refYear
                var e = i + 1
                if let y = yearAt(e) { year = y; e += 1 }
                return TimexMatch(start: i, end: e, type: .date, value: year.map { "\(Cal.yearValue($0))-\(half ? "H" : "Q")\(o)" })
            }
        }
        if parts[0] == "year" && (parts[1] == "earlier" || parts[1] == "ago") && parts.count == 2 {
            if let q = recentQuarter {
                return TimexMatch(start: i, end: i + 1, type: .date, value: quarterValue(q.year - 1, q.quarter), mentionsQuarter: false)
            }
            return TimexMatch(start: i, end: i + 1, type: .date, value: refYear.map { Cal.yearValue($0 - 1) })
        }
        if parts[0] == "year" && parts[1] == "end" && parts.count == 2 {
            return TimexMatch(start: i, end: i + 1, type: .date, value: refYear.map { Cal.yearValue($0) + "-12-31" })
        }
        if (parts[0] == "mid" || parts[0] == "early" || parts[0] == "late") && parts.count == 2 {
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
        }
        return nil
    }

    // MARK: sets

    mutating func setExpression(_ i: Int) -> TimexMatch? {
        let t = w(i)
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
    func spelledYear(_ i: Int) -> TimexMatch? {
        let century = w(i) == "nineteen" ? 1900 : 2000
        guard sameLine(i + 1) else { return nil }
        let t = w(i + 1)
        let parts = t.split(separator: "-").map(String.init)
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

    mutating func holiday(_ i: Int) -> TimexMatch? {
        let t = w(i)
        var month = 0, day = 0
        var e = i + 1
        switch t {
        case "christmas":
            guard isCap(i) else { return nil }
            if w(e) == "eve" { (month, day) = (12, 24); e += 1 }
            else { (month, day) = (12, 25); if w(e) == "day" { e += 1 } }
        case "halloween":
            (month, day) = (10, 31)
        case "new":
            guard isCap(i), w(e) == "year", w(e + 1) == "'s", w(e + 2) == "day" || w(e + 2) == "eve" else { return nil }
            (month, day) = w(e + 2) == "day" ? (1, 1) : (12, 31)
            e += 3
        case "thanksgiving":
            guard isCap(i) else { return nil }
            if w(e) == "day" { e += 1 }
            guard let ref else { return TimexMatch(start: i, end: e, type: .date, value: nil) }
            let c = Cal.civil(ref)
            let dir = tense(i)
            var y = c.year
            func thanksgiving(_ y: Int) -> Int {
                let first = Cal.days(y, 11, 1)
                let wd = Cal.weekday(first)
                return first + (4 - wd + 7) % 7 + 21
            }
            if dir < 0 && thanksgiving(y) > ref { y -= 1 }
            if dir > 0 && thanksgiving(y) < ref { y += 1 }
            let d = thanksgiving(y)
            return TimexMatch(start: i, end: e, type: .date, value: Cal.dayValue(d), day: d)
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
