/// Turns partial dates into values against the reference day: nearest weekday or
/// month-day in the tense's direction, calendar periods, offsets and duration codes.
extension TimexRun {
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
        if diff > 6 {
            diff -= 12
            year -= 1
        } else if diff < -6 {
            diff += 12
            year += 1
        }
        // Tense cues are noisy ("said it expects to close in March"): only a
        // month well on the wrong side of the reference flips the year.
        if direction < 0 && diff > 2 { year -= 1 }
        if direction > 0 && diff < -2 { year += 1 }
        return year
    }

    /// The year of a season named without one: the latest that has begun for a past tense, the
    /// next to begin for a future one, else the reference year's. Winter belongs to the year it begins in.
    func seasonYear(_ season: String, direction: Int) -> Int? {
        guard let ref else { return nil }
        let c = Cal.civil(ref)
        let start = Lex.seasonStarts[season] ?? 1
        if direction < 0 { return c.month >= start ? c.year : c.year - 1 }
        if direction > 0 { return c.month < start ? c.year : c.year + 1 }
        return c.year
    }

    var refYear: Int? { ref.map { Cal.civil($0).year } }

    func quarterValue(_ year: Int, _ quarter: Int) -> String { "\(Cal.yearValue(year))-Q\(quarter)" }

    /// The quarter a story is about: the last one named in the last few sentences, else, in a
    /// story that talks of quarters, the one before the reference (the one an earnings report
    /// covers), also once the last named is a few sentences back. None once a longer period
    /// ("the first nine months") has been named since.
    var recentQuarter: (year: Int, quarter: Int)? {
        guard !longerPeriodSinceQuarter else { return nil }
        if let lastQuarter, currentSentence - lastQuarterSentence <= 3 { return lastQuarter }
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
        // Decades count in years, as TimeBank writes them ("two decades" P20Y, "decades" PXY).
        if unit == .decade { return n.map { "P\($0 * 10)Y" } ?? "PXY" }
        if unit == .quarter { return n.map { $0 == 1 ? "P1Q" : "P\($0 * 3)M" } ?? "PXM" }
        if let n, unit == .century { return "P\(n * 100)Y" }
        let amount = n.map(String.init) ?? "X"
        return unit.isTime ? "PT\(amount)\(unit.code)" : "P\(amount)\(unit.code)"
    }
}
