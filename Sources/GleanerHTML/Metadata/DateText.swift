import GleanerCore

/// Reads a calendar date out of the short strings pages put dates in: ISO stamps
/// ("2019-08-02T10:00:00Z"), "August 2, 2019", "2 Aug 2019", "2019/08/02",
/// "02.08.2019" (day first), "8/2/2019" (month first as US pages write it, unless
/// the caller knows the page is from elsewhere).
/// Returns `YYYY-MM-DD`, or nil when no plausible date is in the string.
enum DateText {
    private static let months = CalendarWords.stampMonths

    /// Publication dates outside this range are page furniture (copyright years, ids).
    static let plausibleYears = 1995...2035

    private enum Piece: Equatable {
        case number(Int, digits: Int)
        case month(Int)
        case separator(Character)
    }

    static func parse(_ text: String, monthFirst: Bool = true) -> String? {
        let pieces = tokenize(text)
        var index = 0
        while index < pieces.count {
            if let date = match(pieces, at: index, monthFirst: monthFirst) { return date }
            index += 1
        }
        return nil
    }

    private static func tokenize(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var digits = String.UnicodeScalarView()
        var letters = String.UnicodeScalarView()
        func flush() {
            if !digits.isEmpty, let value = Int(String(digits)) { pieces.append(.number(value, digits: digits.count)) }
            if !letters.isEmpty {
                let word = String(letters).lowercased()
                if let month = months[word] {
                    pieces.append(.month(month))
                } else if word.count > 2 || word == "t" {
                    // "th"/"st" ordinals vanish; any other word breaks a date apart.
                    pieces.append(.separator("w"))
                }
            }
            digits = String.UnicodeScalarView()
            letters = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars.prefix(400) {
            if ("0"..."9").contains(scalar) {
                if !letters.isEmpty { flush() }
                digits.append(scalar)
            } else if scalar.properties.isAlphabetic {
                if !digits.isEmpty { flush() }
                letters.append(scalar)
            } else {
                flush()
                if scalar == "-" || scalar == "/" || scalar == "." { pieces.append(.separator(Character(scalar))) }
            }
        }
        flush()
        return pieces
    }

    private static func match(_ pieces: [Piece], at start: Int, monthFirst: Bool) -> String? {
        func number(_ offset: Int) -> (value: Int, digits: Int)? {
            guard start + offset < pieces.count, case .number(let value, let digits) = pieces[start + offset] else { return nil }
            return (value, digits)
        }
        func month(_ offset: Int) -> Int? {
            guard start + offset < pieces.count, case .month(let value) = pieces[start + offset] else { return nil }
            return value
        }
        func separator(_ offset: Int) -> Character? {
            guard start + offset < pieces.count, case .separator(let value) = pieces[start + offset] else { return nil }
            return value
        }
        // 2019-08-02, 2019/08/02, 2019.08.02
        if let year = number(0), year.digits == 4, let first = separator(1), first != "w", let month = number(2),
            separator(3) == first, let day = number(4)
        {
            return format(year.value, month.value, day.value)
        }
        // August 2, 2019 / Aug. 2 2019
        if let monthValue = month(0) {
            var offset = 1
            if separator(offset) == "." { offset += 1 }
            if let day = number(offset), day.digits <= 2, let year = number(offset + 1), year.digits == 4 {
                return format(year.value, monthValue, day.value)
            }
        }
        // 2 August 2019 / 2. August 2019
        if let day = number(0), day.digits <= 2 {
            var offset = 1
            if separator(offset) == "." || separator(offset) == "-" { offset += 1 }
            if let monthValue = month(offset) {
                var yearOffset = offset + 1
                if separator(yearOffset) == "." || separator(yearOffset) == "-" { yearOffset += 1 }
                if let year = number(yearOffset), year.digits == 4 { return format(year.value, monthValue, day.value) }
            }
        }
        // 02.08.2019 (day first) and 8/2/2019 (month first unless the first number cannot be a month)
        if let first = number(0), first.digits <= 2, let mark = separator(1), mark == "." || mark == "/" || mark == "-",
            let second = number(2), second.digits <= 2, separator(3) == mark, let year = number(4), year.digits == 4
        {
            let dayFirst = mark == "." || first.value > 12 || (!monthFirst && second.value <= 12)
            return dayFirst ? format(year.value, second.value, first.value) : format(year.value, first.value, second.value)
        }
        return nil
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard plausibleYears.contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }
}
