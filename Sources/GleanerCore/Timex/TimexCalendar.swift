/// Small proleptic-Gregorian calendar arithmetic for timex resolution: day numbers
/// (days since 1970-01-01), weekdays (1 = Monday … 7 = Sunday), ISO weeks, and the
/// TIMEX3 value strings built from them. No Foundation.
public enum TimexCalendar {
    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    static func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 1 = Monday … 7 = Sunday.
    static func weekday(_ days: Int) -> Int {
        ((days % 7 + 7 + 3) % 7) + 1
    }

    /// Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
    static func easterSunday(_ year: Int) -> Int {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let g = (b - (b + 8) / 25 + 1) / 3
        let h = (19 * a + b - b / 4 - g + 15) % 30
        let l = (32 + 2 * (b % 4) + 2 * (c / 4) - h - c % 4) % 7
        let m = (a + 11 * h + 22 * l) / 451
        return days(year, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1)
    }

    /// ISO 8601 week-numbering year and week of a day.
    static func isoWeek(_ days: Int) -> (year: Int, week: Int) {
        let thursday = days - (weekday(days) - 1) + 3
        let year = civil(thursday).year
        let ordinal = thursday - self.days(year, 1, 1)
        return (year, ordinal / 7 + 1)
    }

    static func addMonths(_ year: Int, _ month: Int, _ delta: Int) -> (year: Int, month: Int) {
        let index = year * 12 + (month - 1) + delta
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        return (y, index - y * 12 + 1)
    }

    // MARK: value strings

    static func pad(_ value: Int, _ width: Int) -> String {
        var s = String(abs(value))
        while s.count < width { s = "0" + s }
        return value < 0 ? "-" + s : s
    }

    static func dayValue(_ days: Int) -> String {
        let c = civil(days)
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    static func monthValue(_ year: Int, _ month: Int) -> String {
        "\(pad(year, 4))-\(pad(month, 2))"
    }

    static func yearValue(_ year: Int) -> String { pad(year, 4) }

    static func weekValue(_ days: Int) -> String {
        let w = isoWeek(days)
        return "\(pad(w.year, 4))-W\(pad(w.week, 2))"
    }

    /// Parses the date part of an ISO 8601 date or date-time ("2022-02-26", "1998-01-08T18:30:00")
    /// into a day number; nil for anything else, an impossible day included.
    public static func parseReference(_ text: String?) -> Int? {
        guard let text else { return nil }
        var numbers: [Int] = []
        var current = 0
        var digits = 0
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                current = current * 10 + Int(scalar.value - 0x30)
                digits += 1
                if digits > 4 { return nil }
            } else {
                if digits == 0 { return nil }
                numbers.append(current)
                current = 0
                digits = 0
                if numbers.count == 3 || scalar != "-" { break }
            }
        }
        if digits > 0 && numbers.count < 3 { numbers.append(current) }
        guard numbers.count == 3, (1...12).contains(numbers[1]),
            numbers[2] >= 1, numbers[2] <= daysInMonth(numbers[0], numbers[1])
        else { return nil }
        return days(numbers[0], numbers[1], numbers[2])
    }
}
