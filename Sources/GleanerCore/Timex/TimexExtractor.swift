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

    /// Resolves against the record's reference date and marks each value that needed it with
    /// where that date came from. A value is the reference's when it differs from what the
    /// same text gives with no reference at all. An estimate that knows only the year
    /// resolves only year values ("last year"); finer ones ("Monday", "in March") stay null.
    /// `withoutReference`: this text's timex already read with no reference date, when the
    /// caller has them (it looked for a dateline year), so they are not read twice.
    public func extract(
        _ analysis: DocumentAnalysis, reference: ReferenceDate?, source: ExtractionResult.DateSource?,
        withoutReference known: [Timex]? = nil
    ) -> [Timex] {
        let bare = { known ?? extract(analysis, reference: nil) }
        guard let reference, let source else { return bare() }
        var run = TimexRun(analysis: analysis, reference: reference.dayNumber)
        run.estimatedReference = source == .estimated
        var found = run.run()
        var unresolved: [Int: String?] = [:]
        for timex in bare() { unresolved[timex.start] = timex.value }
        for index in found.indices {
            guard let value = found[index].value else { continue }
            if let bareValue = unresolved[found[index].start], bareValue == value { continue }
            if reference.precision < .month && !Self.isYearValue(value) {
                found[index].value = nil
            } else {
                found[index].referenceSource = source
            }
        }
        return found
    }

    /// "2004", "200" (a decade), "20" (a century): values no finer than a year.
    static func isYearValue(_ value: String) -> Bool {
        value.utf8.count <= 4 && value.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
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
    /// The reference is an estimate from the text, weaker than the years the story names.
    var estimatedReference = false
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
    /// A period of six months or more was named after the last quarter: "a year earlier" then
    /// compares with it, not with a quarter.
    var longerPeriodSinceQuarter = false
    /// Last year a value named, and its sentence: "that year" means it.
    var lastYear: Int?
    var lastYearSentence = -100
    /// Whether that year was named alone ("in 1985"), not as part of a day or a month.
    var lastYearAlone = false
    /// First day of the last month a value named ("In March ... The following month").
    var lastMonth: Int?
    var lastMonthSentence = -100
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
            if let years = yearRange(i) {
                out += years
                remember(years[1].value!)
                i += 1
                continue
            }
            guard isCandidate(i), let m = matchAt(i) else {
                i += 1
                continue
            }
            if isQuotedTitle(m) {
                i = m.end
                continue
            }
            let start = tokens[m.start].start
            let end = tokens[m.end - 1].end
            out.append(Timex(text: analysis.text(start, end), start: start, end: end, type: m.type, value: m.value))
            if let d = m.day {
                anchor = d
                anchorSentence = sentence
            }
            if let v = m.value { remember(v) }
            if m.mentionsQuarter, let v = m.value, v.utf8.count == 7, v.hasPrefix("1") || v.hasPrefix("2"),
                Array(v.utf8)[5] == UInt8(ascii: "Q"),
                let y = digitsValue(v.prefix(4)), let q = digitsValue(v.suffix(1))
            {
                lastQuarter = (y, q)
                lastQuarterSentence = sentence
                longerPeriodSinceQuarter = false
            }
            // "the first nine months", "the half": what "a year earlier" now compares with.
            if m.type == .duration, m.value == "P9M" || m.value == "P6M" || m.value == "P1Y" { longerPeriodSinceQuarter = true }
            i = m.end
        }
        return out
    }

    /// Keeps the year and month of a calendar value ("1998", "1998-10", "1998-10-23", "1998-Q3")
    /// for the expressions that refer back to them.
    mutating func remember(_ value: String) {
        let bytes = value.utf8
        guard bytes.count >= 4, let y = digitsValue(value.prefix(4)) else { return }
        guard bytes.count == 4 || bytes[bytes.index(bytes.startIndex, offsetBy: 4)] == UInt8(ascii: "-") else { return }
        lastYear = y
        lastYearSentence = currentSentence
        lastYearAlone = bytes.count == 4
        if bytes.count >= 7, let month = digitsValue(value.dropFirst(5).prefix(2)), (1...12).contains(month) {
            lastMonth = Cal.days(y, month, 1)
            lastMonthSentence = currentSentence
        }
    }

    /// "2009-2010", "1998–2002": a range of years is two dates, each its own expression.
    func yearRange(_ i: Int) -> [Timex]? {
        let scalars = Array(tokens[i].text.unicodeScalars)
        guard scalars.count == 9, scalars[4] == "-" || scalars[4] == "\u{2013}",
            let a = digitsValue(String(String.UnicodeScalarView(scalars[0..<4]))),
            let b = digitsValue(String(String.UnicodeScalarView(scalars[5..<9]))), a >= 1000, a < b, b <= 2100, b - a <= 50
        else { return nil }
        let start = tokens[i].start
        return [
            Timex(text: analysis.text(start, start + 4), start: start, end: start + 4, type: .date, value: Cal.yearValue(a)),
            Timex(
                text: analysis.text(start + 5, start + 9), start: start + 5, end: start + 9, type: .date, value: Cal.yearValue(b)),
        ]
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
}
