/// A wire story's dateline: "MOSCOW, December 10. /TASS/.", "WASHINGTON (Reuters) -",
/// "LONDON, March 3 (AP) —". Where the input has no `publishedAt`, its date is the
/// reference for relative dates.
public struct Dateline: Sendable, Equatable {
    public var location: String
    /// Code-point offsets of the location in the text.
    public var start: Int
    public var end: Int
    public var month: Int?
    public var day: Int?
    public var year: Int?
    public var agency: String?

    /// TIMEX3-style date: "2021-12-10", or "XXXX-12-10" when the year is unknown.
    public var date: String? {
        guard let month, let day else { return nil }
        let yearText = year.map { String($0) } ?? "XXXX"
        return "\(yearText)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}

enum DatelineParser {
    private static let separators: Set<String> = ["-", "—", "–", "--", ".", ":"]

    /// Looks at the start of each of the first three lines (the first is usually the headline).
    static func parse(_ analysis: DocumentAnalysis) -> Dateline? {
        let tokens = analysis.tokens
        var lineStarts: [Int] = []
        for index in tokens.indices where index == 0 || tokens[index].newlinesBefore > 0 {
            lineStarts.append(index)
            if lineStarts.count == 3 { break }
        }
        for start in lineStarts {
            if let dateline = parse(at: start, analysis) { return dateline }
        }
        return nil
    }

    private static func parse(at start: Int, _ analysis: DocumentAnalysis) -> Dateline? {
        let tokens = analysis.tokens
        func text(_ index: Int) -> String? {
            index < tokens.count && (index == start || tokens[index].newlinesBefore == 0) ? tokens[index].text : nil
        }
        // The place, in capitals: "MOSCOW", "NEW YORK", "ST. LOUIS".
        var index = start
        while let word = text(index), index < start + 4, isCapitalWord(word) { index += 1 }
        guard index > start else { return nil }
        let location = (start, index)
        var month: Int?
        var day: Int?
        var year: Int?
        var agency: String?
        // ", Mo." or ", Ukraine" after the place.
        if text(index) == ",", let next = text(index + 1), TimexLexicon.months[next.lowercased()] == nil,
            next.unicodeScalars.first?.isUpper == true, !next.unicodeScalars.contains(where: { $0.isDigit })
        {
            index += 2
            while let word = text(index), word.unicodeScalars.first?.isUpper == true,
                TimexLexicon.months[word.lowercased()] == nil
            { index += 1 }
        }
        if text(index) == "," { index += 1 }
        if let word = text(index), let foundMonth = TimexLexicon.months[word.lowercased()], let dayText = text(index + 1),
            let foundDay = Int(dayText), (1...31).contains(foundDay)
        {
            month = foundMonth
            day = foundDay
            index += 2
            if text(index) == ",", let yearText = text(index + 1), yearText.count == 4, let foundYear = Int(yearText) {
                year = foundYear
                index += 2
            }
        }
        if text(index) == "." { index += 1 }
        // The agency: "(Reuters)", "/TASS/".
        for (open, close) in [("(", ")"), ("/", "/")] where text(index) == open {
            var end = index + 1
            while let word = text(end), word != close, end < index + 5 { end += 1 }
            if text(end) == close, end > index + 1 {
                agency = (index + 1..<end).compactMap(text).joined(separator: " ")
                index = end + 1
            }
        }
        // A dateline ends in a separator and says more than a shouted first word.
        guard month != nil || agency != nil, let separator = text(index), separators.contains(separator) else { return nil }
        let startOffset = tokens[location.0].start
        let endOffset = tokens[location.1 - 1].end
        return Dateline(
            location: analysis.text(startOffset, endOffset), start: startOffset, end: endOffset, month: month, day: day,
            year: year, agency: agency)
    }

    private static func isCapitalWord(_ word: String) -> Bool {
        let letters = word.unicodeScalars.filter { $0.isAlpha }
        return letters.count >= 2 && letters.allSatisfy { $0.isUpper }
            && word.unicodeScalars.allSatisfy { $0.isAlpha || $0 == "." || $0 == "-" }
    }
}
