/// A publication date the text fixes on its own, for a story that came with none.
public struct ReferenceEstimate: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// "their 20th anniversary this weekend" with "1 January 1985": the day is 1 January 2005.
        case anniversary
        /// "fell 40% in 2004 ... last year", the latest year the story names: it was written in 2005;
        /// "this year" beside it: written in that year.
        case lastYear = "last-year"
        case thisYear = "this-year"
    }

    public var date: ReferenceDate
    public var kind: Kind
    /// The words the date was read from.
    public var evidence: Mention
}

/// Reads an estimate of when an undated story was written, only from statements that pin
/// it down; a story that merely names years gets no estimate, since the latest year it
/// names is a lower bound and not a date. `timex` is the story's expressions resolved with
/// no reference, so every value in it was written out in full.
enum ReferenceEstimator {
    static func estimate(_ analysis: DocumentAnalysis, timex: [Timex]) -> ReferenceEstimate? {
        anniversary(analysis, timex: timex) ?? lastYear(analysis, timex: timex)
    }

    static let ordinalWords: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
        "seventieth": 70, "hundredth": 100,
    ]

    /// Words that put the anniversary at the time of writing.
    static let presentMarkers: Set<String> = [
        "today", "tonight", "this", "now", "celebrating", "celebrates", "marks", "marking", "marked", "celebrated",
    ]

    static func sentenceSpan(_ analysis: DocumentAnalysis, _ sentence: Int) -> Range<Int> {
        let tokens = analysis.sentences[sentence].tokens
        guard !tokens.isEmpty else { return 0..<0 }
        return analysis.tokens[tokens.lowerBound].start..<analysis.tokens[tokens.upperBound - 1].end
    }

    /// "Nth anniversary" in a sentence about the present, and the first date the story writes out
    /// in full after it (or a year, known then to the year only).
    static func anniversary(_ analysis: DocumentAnalysis, timex: [Timex]) -> ReferenceEstimate? {
        let tokens = analysis.tokens
        for (index, sentence) in analysis.sentences.enumerated() {
            for i in sentence.tokens where i > sentence.tokens.lowerBound && tokens[i].text.lowercased() == "anniversary" {
                guard let years = ordinal(tokens[i - 1].text) else { continue }
                let words = Set(sentence.tokens.map { tokens[$0].text.lowercased() })
                guard !words.isDisjoint(with: presentMarkers) else { continue }
                let after = tokens[i].end
                let limit = sentenceSpan(analysis, min(index + 3, analysis.sentences.count - 1)).upperBound
                let dated =
                    timex.first { $0.start >= after && $0.start < limit && $0.type == .date && isFullDate($0.value) }
                    ?? timex.first { $0.start >= after && $0.start < limit && $0.type == .date && isYear($0.value) }
                guard let dated, let value = dated.value, let year = Int(value.prefix(4)) else { continue }
                var date = ReferenceDate(year: year + years, precision: .year)
                if value.utf8.count == 10, let month = Int(value.dropFirst(5).prefix(2)), let day = Int(value.suffix(2)) {
                    date.month = month
                    date.day = min(day, TimexCalendar.daysInMonth(date.year, month))
                    date.precision = .day
                }
                let start = tokens[i - 1].start
                return ReferenceEstimate(
                    date: date, kind: .anniversary,
                    evidence: Mention(start: start, end: tokens[i].end, text: analysis.text(start, tokens[i].end)))
            }
        }
        return nil
    }

    /// "last year" ("this year") in the sentence that names the latest year of the story: that
    /// year was the last (is the current) one.
    static func lastYear(_ analysis: DocumentAnalysis, timex: [Timex]) -> ReferenceEstimate? {
        let years = timex.compactMap { t in t.type == .date && isYear(t.value) ? t : nil }
        guard let latest = years.compactMap({ $0.value.flatMap { Int($0) } }).max() else { return nil }
        for (index, sentence) in analysis.sentences.enumerated() {
            let span = sentenceSpan(analysis, index)
            guard let named = years.first(where: { span.contains($0.start) && $0.value == String(latest) }) else { continue }
            let tokens = analysis.tokens
            for i in sentence.tokens.dropLast() where tokens[i + 1].text.lowercased() == "year" {
                let word = tokens[i].text.lowercased()
                guard word == "last" || word == "this" else { continue }
                if i > sentence.tokens.lowerBound, tokens[i - 1].text.lowercased() == "the" { continue }
                let start = min(named.start, tokens[i].start)
                let end = max(named.end, tokens[i + 1].end)
                return ReferenceEstimate(
                    date: ReferenceDate(year: word == "last" ? latest + 1 : latest, precision: .year),
                    kind: word == "last" ? .lastYear : .thisYear,
                    evidence: Mention(start: start, end: end, text: analysis.text(start, end)))
            }
        }
        return nil
    }

    /// "20th", "1st", "twentieth"; "centenary" is not before "anniversary", so it is not here.
    static func ordinal(_ word: String) -> Int? {
        let lower = word.lowercased()
        if let value = ordinalWords[lower] { return value }
        guard lower.hasSuffix("th") || lower.hasSuffix("st") || lower.hasSuffix("nd") || lower.hasSuffix("rd"),
            let value = Int(lower.dropLast(2)), (1...500).contains(value)
        else { return nil }
        return value
    }

    static func isFullDate(_ value: String?) -> Bool {
        guard let value, value.utf8.count == 10 else { return false }
        return value.utf8.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : byte >= 48 && byte <= 57
        }
    }

    static func isYear(_ value: String?) -> Bool {
        guard let value else { return false }
        return value.utf8.count == 4 && value.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
