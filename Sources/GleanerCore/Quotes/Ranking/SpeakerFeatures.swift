/// The features of one candidate speaker for one quote, by name. Each one mirrors
/// `features` in scripts/train-speaker-ranker, which computed them for training: a
/// difference between the two would score with weights learnt for something else.
struct SpeakerFeatures {
    let scalars: [Unicode.Scalar]
    /// Spans between double quotation marks: a name there is quoted, not speaking.
    let quoted: [Range<Int>]
    /// Sentence ends ([.!?] then space then a capital or an opening quote) and line breaks.
    let breaks: [Int]
    /// Entities the rules made the speaker of some quote in the document.
    let speakers: Set<String>

    static let cues: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "wrote", "writes", "according",
        "explained", "noted", "argued", "stated", "declared", "insisted", "claimed", "continued", "tweeted",
    ]

    init(scalars: [Unicode.Scalar], speakers: Set<String>) {
        self.scalars = scalars
        self.speakers = speakers
        var quoted: [Range<Int>] = []
        var open: Int?
        var breaks: [Int] = []
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "“": open = index
            case "”":
                if let start = open { quoted.append(start..<(index + 1)) }
                open = nil
            case "\"":
                if let start = open {
                    quoted.append(start..<(index + 1))
                    open = nil
                } else {
                    open = index
                }
            default: break
            }
            if scalar == "\n" {
                breaks.append(index)
            } else if scalar == "." || scalar == "!" || scalar == "?" {
                var next = index + 1
                while next < scalars.count, scalars[next].properties.isWhitespace { next += 1 }
                if next > index + 1, next < scalars.count,
                    ("A"..."Z").contains(scalars[next]) || scalars[next] == "“" || scalars[next] == "\""
                {
                    breaks.append(index)
                }
            }
        }
        self.quoted = quoted
        self.breaks = breaks
    }

    func text(_ start: Int, _ end: Int) -> String {
        let lower = max(0, min(start, scalars.count))
        let upper = max(lower, min(end, scalars.count))
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[lower..<upper])
        return result
    }

    /// Distance in characters cut into the buckets the weights were learnt for.
    static func bucket(_ distance: Int) -> Int {
        switch distance {
        case ..<5: 0
        case ..<15: 1
        case ..<40: 2
        case ..<100: 3
        case ..<200: 4
        default: 5
        }
    }

    func isQuoted(_ position: Int) -> Bool {
        quoted.contains { $0.contains(position) }
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
    }

    func features(_ candidate: SpeakerCandidate, quoteStart: Int, quoteEnd: Int) -> [String] {
        let s = candidate.start
        let e = candidate.end
        let after = s >= quoteEnd
        let side = after ? "after" : "before"
        let bucket = Self.bucket(after ? s - quoteEnd : quoteStart - e)
        var names = ["side=\(side)", "dist=\(bucket)", "\(side):dist=\(bucket)"]
        let (low, high) = after ? (quoteEnd, s) : (e, quoteStart)
        let crossed = breaks.reduce(0) { $0 + (low <= $1 && $1 < high ? 1 : 0) }
        names.append("sentence=" + (crossed == 0 ? "same" : crossed == 1 ? "adjacent" : "far"))
        if low < high, scalars[low..<min(high, scalars.count)].contains("\n") { names.append("paragraph_break") }
        names.append("kind=\(candidate.kind.rawValue)")
        names.append("type=\(candidate.entityType)")
        if isQuoted(s) { names.append("in_quote") }
        if let entity = candidate.entity, speakers.contains(entity) { names.append("speaks_elsewhere") }
        if Self.words(text(s - 12, s) + " " + text(e, e + 14)).contains(where: Self.cues.contains) {
            names.append("cue_adjacent")
            names.append("cue_adjacent:\(side)")
        }
        let window = text(s - 4, s)
        let trimmed = window.unicodeScalars.reversed().drop { $0.properties.isWhitespace }
        if s == 0 || window.unicodeScalars.contains("\n")
            || trimmed.first.map({ [".", "!", "?", "”", "\""].contains($0) }) == true
        {
            names.append("opens_sentence")
        }
        if text(s - 3, s).unicodeScalars.reversed().first(where: { !$0.properties.isWhitespace }) == "," {
            names.append("after_comma")
        }
        names.append("bias")
        return names
    }
}
