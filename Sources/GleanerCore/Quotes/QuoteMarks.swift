/// Quotation-mark spans in a text: straight and curly double quotes, « », „ “, and
/// the two-apostrophe mark ('' ... '') of archives that had no curly quotes.
/// A quote opened in a paragraph and not closed there ends with the paragraph (the
/// news convention reopens it on the next one); single quotes are left alone, since
/// they double as apostrophes and mark quotes inside quotes, except in the headline.
struct QuoteMarks {
    struct Span {
        /// Code-point offsets of the opening mark and of the closing mark (or the
        /// paragraph end when the quote runs on).
        var open: Int
        var close: Int
        var closed: Bool
        /// Code points of the opening mark ('' is two).
        var openLength: Int = 1
        var closeLength: Int = 1

        var contentStart: Int { open + openLength }
        /// The offset right after the closing mark.
        var end: Int { closed ? close + closeLength : close }
    }

    private enum Closer: Equatable {
        case scalar(Unicode.Scalar)
        case apostrophes
    }

    static func spans(in scalars: [Unicode.Scalar]) -> [Span] {
        var spans: [Span] = []
        var open: (index: Int, length: Int, closer: Closer)?
        // Curly quotes opened inside an open curly quote: “I'd rather live in what he calls
        // “hell” than ...” is one quote, not one that ends at “hell”.
        var nested = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            defer { index += 1 }
            if scalar == "\n" {
                nested = 0
                if let current = open {
                    spans.append(Span(open: current.index, close: index, closed: false, openLength: current.length))
                }
                open = nil
                continue
            }
            let doubled = scalar == "'" && index + 1 < scalars.count && scalars[index + 1] == "'"
            if let current = open {
                let closes: Bool
                switch current.closer {
                case .apostrophes: closes = doubled || scalar == "\"" || scalar == "”"
                case .scalar(let closer):
                    closes =
                        scalar == closer || (closer == "”" && scalar == "\"") || (closer == "\"" && scalar == "”")
                        // “Mostly False.“: an opening mark used to close, seen by its position.
                        || (closer == "”" && scalar == "“" && isWordEnd(scalars, index))
                }
                // In a straight quote, a curly pair is nested whenever it closes: "PENCE: ... an
                // episode of “Shark Tank.” But ...
                if scalar == "“", isWordStart(scalars, index),
                    current.closer == .scalar("”") && closers(in: scalars, after: index) > nested + 1
                        || current.closer == .scalar("\"") && closers(in: scalars, after: index) > nested
                {
                    nested += 1
                    continue
                }
                // He said: "I feel fortunate. "I had been in the Cabinet ..." — a run-on quote
                // reopened at a new sentence, where the source joined its paragraphs: the
                // mark opens the next quote instead of closing this one.
                if scalar == "\"" && current.closer == .scalar("\"") || scalar == "“" && current.closer == .scalar("”"),
                    reopens(scalars, index)
                {
                    spans.append(Span(open: current.index, close: index - 1, closed: false, openLength: current.length))
                    open = (index, 1, current.closer)
                    continue
                }
                if closes, nested > 0, scalar == "”" {
                    nested -= 1
                    continue
                }
                if closes {
                    let length = doubled && current.closer == .apostrophes ? 2 : 1
                    spans.append(
                        Span(open: current.index, close: index, closed: true, openLength: current.length, closeLength: length))
                    open = nil
                    if length == 2 { index += 1 }
                }
                continue
            }
            switch scalar {
            case "“": open = (index, 1, .scalar("”"))
            case "\"": open = (index, 1, .scalar("\""))
            case "«": open = (index, 1, .scalar("»"))
            case "„": open = (index, 1, .scalar("“"))
            // ”Fear. I am ...”: a closing mark used to open, seen by its position.
            // ” … what I learned ...: at a paragraph's start, even before a space.
            case "”" where isWordStart(scalars, index) || opensParagraph(scalars, index): open = (index, 1, .scalar("”"))
            case "'"
            where doubled && (index == 0 || scalars[index - 1].isSpace) && index + 2 < scalars.count
                && !scalars[index + 2].isSpace:
                open = (index, 2, .apostrophes)
                index += 1
            // 'Perhaps they can,'' he said: a lost apostrophe of an opening ''.
            case "'" where opensApostropheQuote(scalars, index): open = (index, 1, .apostrophes)
            default: continue
            }
        }
        if let current = open {
            spans.append(Span(open: current.index, close: scalars.count, closed: false, openLength: current.length))
        }
        let headline = headlineSpans(in: scalars).filter { single in
            !spans.contains { $0.open < single.end && single.open < $0.end }
        }
        return (spans + headline).sorted { $0.open < $1.open }
    }

    /// Single quotes in the headline (the first line), where news sets its quotations in
    /// them: Chris Christie Calls Hillary Clinton ‘A Disgrace’, Obama Sees 'Personal
    /// Insult'. An apostrophe inside a word (Don't, Clinton’s) neither opens nor closes.
    static func headlineSpans(in scalars: [Unicode.Scalar]) -> [Span] {
        var spans: [Span] = []
        var open: Int?
        var index = 0
        while index < scalars.count, scalars[index] != "\n" {
            defer { index += 1 }
            let scalar = scalars[index]
            guard scalar == "‘" || scalar == "’" || scalar == "'" else { continue }
            if let start = open {
                let endsWord =
                    index + 1 == scalars.count || !(scalars[index + 1].isAlpha || ("0"..."9").contains(scalars[index + 1]))
                if scalar != "‘", index > start + 1, !scalars[index - 1].isSpace, endsWord {
                    spans.append(Span(open: start, close: index, closed: true))
                    open = nil
                }
            } else if scalar != "’", isWordStart(scalars, index) {
                open = index
            }
        }
        return spans
    }

    /// Closing curly marks after `index` in its paragraph.
    private static func closers(in scalars: [Unicode.Scalar], after index: Int) -> Int {
        var count = 0
        var next = index + 1
        while next < scalars.count, scalars[next] != "\n" {
            if scalars[next] == "”" { count += 1 }
            next += 1
        }
        return count
    }

    /// A mark with space (or nothing) before it and a word right after it.
    private static func isWordStart(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        (index == 0 || scalars[index - 1].isSpace) && index + 1 < scalars.count && !scalars[index + 1].isSpace
    }

    /// A mark after a sentence's end and a space, before a capital, with a mark of its
    /// kind left in the paragraph to close it.
    private static func reopens(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        guard index >= 2, scalars[index - 1] == " ", [".", "?", "!"].contains(scalars[index - 2]), index + 1 < scalars.count,
            scalars[index + 1].isUpper
        else { return false }
        let closer: Unicode.Scalar = scalars[index] == "“" ? "”" : "\""
        var count = 0
        var next = index + 1
        while next < scalars.count, scalars[next] != "\n" {
            if scalars[next] == closer { count += 1 }
            next += 1
        }
        return closer == "”" ? count >= 1 : count % 2 == 1
    }

    /// A mark with nothing but spaces between it and the paragraph's start.
    private static func opensParagraph(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        var previous = index - 1
        while previous >= 0, scalars[previous] == " " || scalars[previous] == "\t" { previous -= 1 }
        return (previous < 0 || scalars[previous] == "\n") && index + 2 < scalars.count && scalars[index + 1] != "\n"
    }

    private static func isWordEnd(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        index > 0 && !scalars[index - 1].isSpace && (index + 1 == scalars.count || scalars[index + 1].isSpace)
    }

    /// A single apostrophe before a capital, whose next quote-like apostrophe in the
    /// paragraph (not one inside a word: "isn't") is a doubled one.
    private static func opensApostropheQuote(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        guard isWordStart(scalars, index), scalars[index + 1].isUpper else { return false }
        var next = index + 1
        while next < scalars.count, scalars[next] != "\n" {
            if scalars[next] == "'" {
                if next + 1 < scalars.count, scalars[next + 1] == "'" { return true }
                let inWord = scalars[next - 1].isAlpha && next + 1 < scalars.count && scalars[next + 1].isAlpha
                if !inWord { return false }
            }
            next += 1
        }
        return false
    }
}
