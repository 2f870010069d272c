/// Reads a publication date in the forms scrapers send: RFC 3339 / ISO 8601
/// ("2025-03-04", "2025-03-04T10:00:00.5+01:00", "2025-03-04 10:00", "+0100" offsets),
/// RFC 822/1123 as RSS writes it ("Tue, 04 Mar 2025 10:00:00 GMT", "4 Mar 25 10:00 EST"),
/// month first ("March 4, 2025 10:00 UTC") and epoch seconds or milliseconds
/// ("1741082400", "1741082400123"). Strict otherwise: anything left over makes the
/// string unreadable, so a wrong date is never read out of noise.
public enum ReferenceDateParser {
    public struct Parsed: Sendable, Equatable {
        public var date: ReferenceDate
        /// A zone name that is not a fixed offset we know ("IST"): the time was read as UTC.
        public var unknownZone: String?
    }

    public static func parse(_ raw: String) -> Parsed? {
        let pieces = tokenize(raw)
        guard !pieces.isEmpty, pieces.count <= 40 else { return nil }
        if let epoch = epoch(pieces) { return Parsed(date: epoch, unknownZone: nil) }
        var cursor = Cursor(pieces: pieces)
        guard var parsed = cursor.isoDate() ?? cursor.namedMonthDate() else { return nil }
        if cursor.time(into: &parsed.date) {
            parsed.unknownZone = cursor.zone(into: &parsed.date)
        }
        cursor.skipComment()
        guard cursor.atEnd, parsed.date.isValid else { return nil }
        return parsed
    }

    enum Piece: Equatable {
        case number(Int, digits: Int, text: Substring)
        case word(String)
        case mark(Unicode.Scalar)
    }

    static func tokenize(_ raw: String) -> [Piece] {
        var pieces: [Piece] = []
        let scalars = Array(raw.unicodeScalars.prefix(120))
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s.properties.isWhitespace {
                i += 1
            } else if ("0"..."9").contains(s) {
                var j = i
                while j < scalars.count, ("0"..."9").contains(scalars[j]) { j += 1 }
                let text = Substring(String(String.UnicodeScalarView(scalars[i..<j])))
                guard j - i <= 18, let value = Int(text) else { return [] }
                pieces.append(.number(value, digits: j - i, text: text))
                i = j
            } else if s.properties.isAlphabetic {
                var j = i
                while j < scalars.count, scalars[j].properties.isAlphabetic, !("0"..."9").contains(scalars[j]) { j += 1 }
                pieces.append(.word(String(String.UnicodeScalarView(scalars[i..<j])).lowercased()))
                i = j
            } else {
                pieces.append(.mark(s))
                i += 1
            }
        }
        return pieces
    }

    /// "1741082400", "1741082400.25", "1741082400123" (milliseconds: twelve digits or more).
    static func epoch(_ pieces: [Piece]) -> ReferenceDate? {
        guard case .number(let value, let digits, _) = pieces[0], digits >= 9 else { return nil }
        var fraction = ""
        if pieces.count == 3, pieces[1] == .mark("."), case .number(_, let fd, let text) = pieces[2], fd <= 9 {
            fraction = String(text)
        } else if pieces.count != 1 {
            return nil
        }
        if digits >= 12 {
            guard fraction.isEmpty else { return nil }
            let millis = value % 1000
            let date = ReferenceDate(epochSeconds: value / 1000, fraction: millis == 0 ? "" : TimexCalendar.pad(millis, 3))
            return date.isValid ? date : nil
        }
        let date = ReferenceDate(epochSeconds: value, fraction: fraction)
        return date.isValid ? date : nil
    }

    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    static let weekdays: Set<String> = [
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri",
        "friday", "sat", "saturday", "sun", "sunday",
    ]

    /// RFC 822's zone names, minutes east of UTC.
    static let zones: [String: Int] = [
        "z": 0, "ut": 0, "utc": 0, "gmt": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
        "mdt": -360, "pst": -480, "pdt": -420,
    ]

    struct Cursor {
        let pieces: [Piece]
        var index = 0
        /// Set when a piece that began a time or a zone did not finish it.
        var failed = false

        var atEnd: Bool { !failed && index == pieces.count }

        func peek(_ offset: Int = 0) -> Piece? { index + offset < pieces.count ? pieces[index + offset] : nil }

        func number(_ offset: Int = 0) -> (value: Int, digits: Int, text: Substring)? {
            guard case .number(let value, let digits, let text) = peek(offset) else { return nil }
            return (value, digits, text)
        }

        func word(_ offset: Int = 0) -> String? {
            guard case .word(let word) = peek(offset) else { return nil }
            return word
        }

        mutating func take(_ mark: Unicode.Scalar) -> Bool {
            guard peek() == .mark(mark) else { return false }
            index += 1
            return true
        }

        /// "2025-03-04", and "20250304" as ISO's basic form.
        mutating func isoDate() -> Parsed? {
            if let packed = number(), packed.digits == 8, index == 0 {
                index += 1
                let v = packed.value
                return Parsed(date: ReferenceDate(year: v / 10000, month: v / 100 % 100, day: v % 100), unknownZone: nil)
            }
            guard let y = number(), y.digits == 4, peek(1) == .mark("-"), let m = number(2), m.digits <= 2,
                peek(3) == .mark("-"), let d = number(4), d.digits <= 2
            else { return nil }
            index += 5
            return Parsed(date: ReferenceDate(year: y.value, month: m.value, day: d.value), unknownZone: nil)
        }

        /// "Tue, 04 Mar 2025", "4 March 2025", "March 4, 2025", "Tuesday, March 4 2025".
        mutating func namedMonthDate() -> Parsed? {
            if let w = word(), ReferenceDateParser.weekdays.contains(w) {
                index += 1
                _ = take(",")
            }
            var day: Int
            var month: Int
            if let d = number(), d.digits <= 2, let m = word(1).flatMap({ ReferenceDateParser.months[$0] }) {
                (day, month) = (d.value, m)
                index += 2
                _ = take("-")
            } else if let m = word().flatMap({ ReferenceDateParser.months[$0] }), let d = number(1), d.digits <= 2 {
                (day, month) = (d.value, m)
                index += 2
                _ = take(",")
            } else {
                return nil
            }
            _ = take(".")
            guard let y = number(), y.digits == 4 || y.digits == 2 else { return nil }
            index += 1
            // RFC 2822: two-digit years 00-49 are 2000-2049.
            let year = y.digits == 4 ? y.value : (y.value < 50 ? 2000 + y.value : 1900 + y.value)
            return Parsed(date: ReferenceDate(year: year, month: month, day: day), unknownZone: nil)
        }

        /// "T10:00", " 10:00:00", "10:00:00.123": sets the clock and the precision.
        mutating func time(into date: inout ReferenceDate) -> Bool {
            let start = index
            if word() == "t" { index += 1 }
            guard let h = number(), h.digits <= 2, peek(1) == .mark(":"), let m = number(2), m.digits == 2 else {
                index = start
                return false
            }
            index += 3
            date.hour = h.value
            date.minute = m.value
            date.precision = .minute
            if take(":") {
                guard let s = number(), s.digits == 2 else {
                    failed = true
                    return false
                }
                index += 1
                date.second = min(s.value, 59)  // a leap second is the minute's last
                date.precision = .second
                if peek() == .mark(".") || peek() == .mark(","), let f = number(1) {
                    index += 2
                    date.fraction = String(f.text.prefix(9))
                }
            }
            return true
        }

        /// "Z", "+01:00", "-0500", "+01", "GMT", "UTC+1". Returns an unknown zone name, read as UTC.
        mutating func zone(into date: inout ReferenceDate) -> String? {
            if let w = word() {
                index += 1
                guard let offset = ReferenceDateParser.zones[w] else { return w.uppercased() }
                date.offsetMinutes = offset
                if offset != 0 || !(peek() == .mark("+") || peek() == .mark("-")) { return nil }
            }
            let sign: Int
            if take("+") { sign = 1 } else if take("-") || take("\u{2212}") { sign = -1 } else { return nil }
            guard let h = number() else {
                failed = true  // a dangling sign
                return nil
            }
            index += 1
            var minutes: Int
            switch h.digits {
            case 4: minutes = h.value / 100 * 60 + h.value % 100
            case 1, 2:
                minutes = h.value * 60
                if take(":") {
                    guard let m = number(), m.digits == 2 else {
                        failed = true
                        return nil
                    }
                    index += 1
                    minutes += m.value
                }
            default:
                failed = true
                return nil
            }
            date.offsetMinutes = sign * minutes
            return nil
        }

        /// RFC 2822's trailing comment: "+0000 (UTC)".
        mutating func skipComment() {
            guard peek() == .mark("(") else { return }
            var j = index
            while j < pieces.count, pieces[j] != .mark(")") { j += 1 }
            if j < pieces.count { index = j + 1 }
        }
    }
}
