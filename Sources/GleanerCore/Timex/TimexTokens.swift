/// Token-level readers the matchers share: lowercased words, line breaks, capitals,
/// and numbers read straight from UTF-8 so the hot loop builds no Characters.
extension TimexRun {
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

    /// `t` cut at an ASCII separator byte, without grapheme breaking: "1998-99", "12/17/2021".
    func pieces(_ t: String, _ separator: UInt8, keepEmpty: Bool = false) -> [Substring] {
        var parts: [Substring] = []
        var start = t.utf8.startIndex
        var index = start
        while index != t.utf8.endIndex {
            if t.utf8[index] == separator {
                if keepEmpty || start != index { parts.append(t[start..<index]) }
                start = t.utf8.index(after: index)
            }
            index = t.utf8.index(after: index)
        }
        if keepEmpty || start != t.utf8.endIndex { parts.append(t[start..<t.utf8.endIndex]) }
        return parts
    }

    func isDigitToken(_ i: Int) -> Bool {
        guard let f = w(i).utf8.first else { return false }
        return f >= 48 && f <= 57
    }

    /// The text's edges count as punctuation: a document opening "Now that ..." looks at token -1.
    func isPunct(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count, let f = tokens[i].text.unicodeScalars.first else { return true }
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

    /// A word of two or more letters, all capitals ("USA", "BBC").
    func isAllCaps(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        let letters = tokens[i].text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
    }

    /// A token made only of quotation marks: `"`, `''`, `“`.
    func isQuoteMark(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        return tokens[i].text.unicodeScalars.allSatisfy { Self.quoteMarks.contains($0) }
    }

    static let quoteMarks: Set<Unicode.Scalar> = ["\"", "'", "`", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}"]

    /// A unit word in capitals inside quotation marks in the middle of a sentence is a title,
    /// not a time: CBS's "60 Minutes", "This Week With David Brinkley". The mark must open
    /// mid-sentence and the title must end at a closing mark (perhaps after a stop) or run on
    /// in capitals; `said "This week we` starts a quote and keeps its time.
    func isQuotedTitle(_ m: TimexMatch) -> Bool {
        guard isQuoteMark(m.start - 1), m.start - 1 > sentenceTokens.lowerBound else { return false }
        let before = w(m.start - 2)
        guard before != ".", before != ":", before != "!", before != "?" else { return false }
        for k in m.start..<m.end where !isDigitToken(k) && !isCap(k) { return false }
        // A month or a weekday has its capital anyway: "the "March 15" deadline" stays a date.
        guard (m.start..<m.end).contains(where: { Lex.units[w($0)] != nil }), sameLine(m.end) else { return false }
        return isQuoteMark(m.end) || isCap(m.end) || (isPunct(m.end) && isQuoteMark(m.end + 1))
    }

    func isLowerWord(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count, let f = tokens[i].text.unicodeScalars.first else { return false }
        return f.isLower
    }
}
