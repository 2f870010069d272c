/// The document's publication date as one value, whatever form it came in: the
/// reference that relative dates ("on Saturday", "last year") resolve against.
///
/// Two written forms (schemas/README.md): `rfc3339` keeps what the source knew, a
/// full date alone when it gave no time of day ("2025-03-04"), else a date-time with
/// the source's own offset ("2025-09-23T10:15:00+01:00"); `utc` is the same instant in
/// one fixed form ("2025-09-23T09:15:00Z", a date alone read as its 00:00 UTC) so that a
/// column of them parses with `pandas.to_datetime` as it is.
public struct ReferenceDate: Sendable, Equatable {
    /// How much of the value is known. Estimates from the text may know only the year or the month;
    /// their `rfc3339` is the first day of that period.
    public enum Precision: String, Sendable, Comparable {
        case year, month, day, minute, second

        private var rank: Int {
            switch self {
            case .year: 0
            case .month: 1
            case .day: 2
            case .minute: 3
            case .second: 4
            }
        }

        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rank < rhs.rank }
    }

    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Fraction-of-second digits as written ("123" for .123), at most nine.
    public var fraction: String
    /// Minutes east of UTC. A time given without a zone is read as UTC (0).
    public var offsetMinutes: Int
    public var precision: Precision

    public init(
        year: Int, month: Int = 1, day: Int = 1, hour: Int = 0, minute: Int = 0, second: Int = 0, fraction: String = "",
        offsetMinutes: Int = 0, precision: Precision = .day
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.fraction = fraction
        self.offsetMinutes = offsetMinutes
        self.precision = precision
    }

    /// Whether the calendar fields name a real instant (month lengths, leap years, offsets up to ±18 h).
    var isValid: Bool {
        (1000...9999).contains(year) && (1...12).contains(month) && day >= 1
            && day <= TimexCalendar.daysInMonth(year, month) && (0...23).contains(hour) && (0...59).contains(minute)
            && (0...59).contains(second) && abs(offsetMinutes) <= 18 * 60
    }

    /// The publisher's own calendar day (days since 1970-01-01): what "today" means in the story.
    public var dayNumber: Int { TimexCalendar.days(year, month, day) }

    public var hasTime: Bool { precision >= .minute }

    public var rfc3339: String {
        let date = "\(TimexCalendar.pad(year, 4))-\(TimexCalendar.pad(month, 2))-\(TimexCalendar.pad(day, 2))"
        guard hasTime else { return date }
        let fractionText = fraction.isEmpty ? "" : "." + fraction
        return date + "T" + clock(hour, minute, second) + fractionText + Self.offsetText(offsetMinutes)
    }

    public var utc: String {
        // Seconds since the epoch of the local wall time, less the offset.
        let local = dayNumber * 86_400 + hour * 3600 + minute * 60 + second
        let instant = local - (hasTime ? offsetMinutes * 60 : 0)
        let days = Self.floorDivide(instant, 86_400)
        let rest = instant - days * 86_400
        return TimexCalendar.dayValue(days) + "T" + clock(rest / 3600, rest % 3600 / 60, rest % 60) + "Z"
    }

    /// A UTC instant from seconds since 1970-01-01T00:00:00Z.
    public init(epochSeconds: Int, fraction: String = "") {
        let days = Self.floorDivide(epochSeconds, 86_400)
        let rest = epochSeconds - days * 86_400
        let c = TimexCalendar.civil(days)
        self.init(
            year: c.year, month: c.month, day: c.day, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60,
            fraction: fraction, offsetMinutes: 0, precision: .second)
    }

    private func clock(_ h: Int, _ m: Int, _ s: Int) -> String {
        "\(TimexCalendar.pad(h, 2)):\(TimexCalendar.pad(m, 2)):\(TimexCalendar.pad(s, 2))"
    }

    private static func offsetText(_ minutes: Int) -> String {
        guard minutes != 0 else { return "Z" }
        let sign = minutes < 0 ? "-" : "+"
        return sign + TimexCalendar.pad(abs(minutes) / 60, 2) + ":" + TimexCalendar.pad(abs(minutes) % 60, 2)
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
