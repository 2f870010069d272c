/// Splits text into word and punctuation tokens the way news NER corpora do
/// (CoNLL-2003 style): "Russia's" is `Russia` + `'s`, "don't" is `do` + `n't`,
/// while "U.S.", "Gen.", "3.5", "1,000" and "Russian-backed" stay whole.
/// Works on Unicode scalars, so offsets are code points.
public struct Tokenizer: Sendable {
    public init() {}

    public func tokenize(_ text: String) -> [Token] {
        tokenize(Array(text.unicodeScalars))
    }

    public func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var index = 0
        var newlines = 0
        let count = scalars.count

        func emit(_ start: Int, _ end: Int) {
            tokens.append(
                Token(text: String(scalarSlice: scalars[start..<end]), start: start, end: end, newlinesBefore: newlines))
            newlines = 0
        }

        while index < count {
            let scalar = scalars[index]
            if scalar.isSpace {
                if scalar == "\n" || scalar == "\u{2029}" { newlines += 1 }
                index += 1
                continue
            }
            if scalar.isWordCharacter {
                let start = index
                var end = wordEnd(scalars, from: index)
                // Clitics split off the way treebanks do.
                if let clitic = cliticStart(scalars, start, end) {
                    emit(start, clitic)
                    emit(clitic, end)
                    index = end
                    continue
                }
                if end < count, scalars[end] == ".", keepsFinalPeriod(scalars, start, end) { end += 1 }
                emit(start, end)
                index = end
                continue
            }
            // Punctuation: runs of the same mark ("...", "--", "??") are one token.
            let start = index
            index += 1
            if scalar == "." || scalar == "-" || scalar == "?" || scalar == "!" || scalar == "*" || scalar == "=" {
                while index < count, scalars[index] == scalar { index += 1 }
            } else if scalar == "'" || scalar == "’" || scalar == "`" {
                // 's 'd 'll after a non-word (e.g. a closing quote) is still a clitic.
                let end = wordEnd(scalars, from: index)
                if end > index, isClitic(scalars[index..<end]) {
                    index = end
                }
            }
            emit(start, index)
        }
        return tokens
    }

    /// The end of a word starting at `index`: letters, digits, marks, and the joiners
    /// that stay inside one (hyphens, apostrophes, periods and commas between the
    /// right characters).
    private func wordEnd(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
        var end = index
        let count = scalars.count
        while end < count {
            let scalar = scalars[end]
            if scalar.isWordCharacter {
                end += 1
                continue
            }
            guard end + 1 < count, end > index else { break }
            let next = scalars[end + 1]
            let previous = scalars[end - 1]
            let joins: Bool
            switch scalar {
            case "-", "‐":
                joins = next.isWordCharacter
            case "&":
                joins = previous.isUppercaseASCII && next.isUppercaseASCII  // "AT&T", "S&P"
            case "'", "’":
                joins = previous.isLetter && next.isLetter
            case ".":
                joins =
                    (previous.isDigit && next.isDigit)
                    || (previous.isLetter && next.isLetter && isAcronymLike(scalars, index, end))
            case ",", ":", "/":
                joins = previous.isDigit && next.isDigit
            default:
                joins = false
            }
            guard joins else { return end }
            end += 1
        }
        return end
    }

    /// "U.S", "e.g": single letters joined by periods, also after a party letter and a
    /// hyphen ("R-S.C", "D-N.Y").
    private func isAcronymLike(_ scalars: [Unicode.Scalar], _ start: Int, _ period: Int) -> Bool {
        var letters = 0
        var position = start
        while position < period {
            if scalars[position] == "-" || scalars[position] == "‐" {
                letters = 0
            } else if scalars[position] == "." {
                if letters != 1 { return false }
                letters = 0
            } else {
                letters += 1
            }
            position += 1
        }
        return letters == 1 && period + 2 <= scalars.count
            && (period + 2 == scalars.count || !scalars[period + 2].isLetter || scalars[period + 2] == ".")
    }

    private static let clitics: Set<String> = ["s", "d", "ll", "re", "ve", "m", "S", "D", "LL", "RE", "VE", "M"]

    private func isClitic(_ letters: ArraySlice<Unicode.Scalar>) -> Bool {
        Self.clitics.contains(String(String.UnicodeScalarView(letters)))
    }

    /// Where "'s", "'ll", "n't" begin inside a word, if they end it.
    private func cliticStart(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int? {
        guard end - start >= 3 else { return nil }
        if end - start >= 4, scalars[end - 3] == "n" || scalars[end - 3] == "N",
            scalars[end - 2] == "'" || scalars[end - 2] == "’", scalars[end - 1] == "t" || scalars[end - 1] == "T"
        {
            return end - 3
        }
        var apostrophe = end - 1
        while apostrophe > start, scalars[apostrophe] != "'" && scalars[apostrophe] != "’" { apostrophe -= 1 }
        guard apostrophe > start, end - apostrophe <= 3, isClitic(scalars[(apostrophe + 1)..<end]) else { return nil }
        return apostrophe
    }

    /// Whether the period after a word belongs to it: abbreviations, initials, acronyms.
    private func keepsFinalPeriod(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        if length == 1 { return scalars[start].isUppercaseASCII }  // an initial: "J. Smith"
        if scalars[start..<end].contains(".") { return true }  // "U.S" + "."
        let word = String(String.UnicodeScalarView(scalars[start..<end]))
        if Abbreviations.all.contains(word) { return true }
        // A party label's state: "R-Wis.", "D-Calif.".
        if let hyphen = word.lastIndex(of: "-"), Abbreviations.all.contains(String(word[word.index(after: hyphen)...])) {
            return true
        }
        // All-caps datelines and headlines: "ST. LOUIS", "GEN. SMITH".
        let capitalized = word.prefix(1) + word.dropFirst().lowercased()
        return word.uppercased() == word && Abbreviations.all.contains(String(capitalized))
    }
}

enum Abbreviations {
    /// Titles, months, weekdays, company suffixes and the like that take a period
    /// without ending a sentence.
    static let all: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Capt", "Cpt", "Sgt", "Maj", "Adm", "Cmdr", "Gov", "Sen",
        "Rep", "Reps", "Sens", "Govs", "Rev", "Fr", "St", "Mt", "Ft", "Jr", "Sr", "Hon", "Pres", "Supt", "Insp", "Amb", "Brig",
        "Cpl", "Pvt",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun",
        "Inc", "Corp", "Ltd", "Co", "Bros", "Plc", "PLC", "LLC", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd",
        "vs", "etc", "approx", "No", "Nos", "Vol", "Fig", "pp", "cf", "al", "ca", "Ky", "Ala", "Ariz", "Ark",
        "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "La", "Md", "Mass", "Mich", "Minn",
        "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
    ]
}

extension Unicode.Scalar {
    var isSpace: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2028, 0x2029, 0x3000, 0x2000...0x200B, 0xFEFF: true
        case 0..<0x80: false
        default: properties.isWhitespace
        }
    }

    var isWordCharacter: Bool {
        switch value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0..<0x80: false
        default: properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
        }
    }

    var isLetter: Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0..<0x80: false
        default: properties.isAlphabetic
        }
    }

    var isDigit: Bool { value >= 0x30 && value <= 0x39 }

    /// Case tests with an ASCII fast path: Unicode property look-ups are a hot spot.
    var isUpper: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        return properties.isUppercase
    }

    var isLower: Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        return properties.isLowercase
    }

    var isAlpha: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        return properties.isAlphabetic
    }

    var isNumeric: Bool {
        if value < 0x80 { return isDigit }
        return properties.numericType != nil
    }
    var isUppercaseASCII: Bool { value >= 0x41 && value <= 0x5A }
}
