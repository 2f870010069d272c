#if canImport(Glibc)
import Glibc
#endif

/// When the sink closes an output file and starts the next: `hourly` and `daily` at
/// UTC period boundaries, a size (`64MB`, `500KB`, `1GB`, plain bytes) once a file
/// reaches it (a batch is never split, so a file may pass it by one batch).
public enum Rotation: Sendable, Equatable {
    case hourly, daily
    case size(Int)

    public init?(_ text: String) {
        switch text.lowercased() {
        case "hourly": self = .hourly
        case "daily": self = .daily
        default:
            let units: [(String, Int)] = [("gb", 1 << 30), ("mb", 1 << 20), ("kb", 1 << 10), ("b", 1)]
            let lower = text.lowercased()
            let (digits, unit) =
                units.first { lower.hasSuffix($0.0) }.map { (String(lower.dropLast($0.0.count)), $0.1) } ?? (lower, 1)
            guard let count = Int(digits), count > 0 else { return nil }
            self = .size(count * unit)
        }
    }

    /// The period a moment falls in; files of different periods are never mixed.
    func period(_ seconds: Int) -> Int {
        switch self {
        case .hourly: seconds / 3600
        case .daily: seconds / 86400
        case .size: 0
        }
    }

    func isFull(_ bytes: Int) -> Bool {
        if case .size(let limit) = self { return bytes >= limit }
        return false
    }

    static func now() -> Int { Int(time(nil)) }

    /// `20261207T2150Z`, the UTC minute a file was opened in: names sort by time.
    static func stamp(_ seconds: Int) -> String {
        var moment = time_t(seconds)
        var parts = tm()
        gmtime_r(&moment, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T\(two(parts.tm_hour))\(two(parts.tm_min))Z"
    }
}
