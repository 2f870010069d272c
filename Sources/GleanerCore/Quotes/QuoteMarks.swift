/// Quotation-mark spans in a text: straight and curly double quotes, « », „ “.
/// A quote opened in a paragraph and not closed there ends with the paragraph (the
/// news convention reopens it on the next one); single quotes are left alone, since
/// they double as apostrophes and mark quotes inside quotes.
struct QuoteMarks {
    struct Span {
        /// Code-point offsets of the opening mark and of the closing mark (or the
        /// paragraph end when the quote runs on).
        var open: Int
        var close: Int
        var closed: Bool
    }

    static func spans(in scalars: [Unicode.Scalar]) -> [Span] {
        var spans: [Span] = []
        var open: (index: Int, closer: Unicode.Scalar)?
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\n" {
                if let current = open { spans.append(Span(open: current.index, close: index, closed: false)) }
                open = nil
                continue
            }
            if let current = open {
                if scalar == current.closer || (current.closer == "”" && scalar == "\"") || (current.closer == "\"" && scalar == "”") {
                    spans.append(Span(open: current.index, close: index, closed: true))
                    open = nil
                }
                continue
            }
            switch scalar {
            case "“": open = (index, "”")
            case "\"": open = (index, "\"")
            case "«": open = (index, "»")
            case "„": open = (index, "“")
            default: continue
            }
        }
        if let current = open { spans.append(Span(open: current.index, close: scalars.count, closed: false)) }
        return spans
    }
}
