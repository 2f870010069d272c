/// Groups tokens into sentences. A sentence ends at a line break (news text puts
/// the headline and each paragraph on lines of their own; hard-wrapped text is a
/// known limit), or after `.`, `!`, `?` plus any closing quotes and brackets, when
/// what follows does not continue the sentence. Abbreviations and initials keep
/// their period inside the token (see `Tokenizer`), so they never end a sentence.
public struct SentenceSplitter: Sendable {
    /// Longer runs without a sentence end (tables, lists, garbage) are cut into pieces
    /// of this many tokens, so per-sentence work and memory stay bounded.
    public var maxTokens = 200

    public init() {}

    private static let terminals: Set<String> = [".", "!", "?", "...", "!!", "??", "…", "?!", "!?"]
    private static let closers: Set<String> = ["\"", "”", "’", "'", ")", "]", "»", "』", "」"]

    /// Whether the first scalar could start a terminal or closer: most tokens are
    /// rejected without hashing them for the set look-ups.
    @inline(__always)
    private static func mayBeTerminal(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first == "." || first == "!" || first == "?" || first == "…"
    }

    @inline(__always)
    private static func mayBeCloser(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        switch first {
        case "\"", "”", "’", "'", ")", "]", "»", "』", "」": return true
        default: return false
        }
    }

    public func split(_ tokens: [Token]) -> [Sentence] {
        var sentences: [Sentence] = []
        var start = 0
        var index = 0
        while index < tokens.count {
            if index > start, tokens[index].newlinesBefore > 0 {
                sentences.append(Sentence(tokens: start..<index))
                start = index
            }
            if Self.mayBeTerminal(tokens[index].text), Self.terminals.contains(tokens[index].text) {
                var end = index + 1
                while end < tokens.count, tokens[end].newlinesBefore == 0, Self.mayBeCloser(tokens[end].text),
                    Self.closers.contains(tokens[end].text)
                {
                    end += 1
                }
                if end >= tokens.count || startsNewSentence(tokens[end]) {
                    sentences.append(Sentence(tokens: start..<end))
                    start = end
                }
                index = end
                continue
            }
            index += 1
        }
        if start < tokens.count { sentences.append(Sentence(tokens: start..<tokens.count)) }
        return sentences.flatMap { sentence in
            stride(from: sentence.tokens.lowerBound, to: sentence.tokens.upperBound, by: maxTokens).map {
                Sentence(tokens: $0..<min($0 + maxTokens, sentence.tokens.upperBound))
            }
        }
    }

    /// A lowercase word after a period ("U.S. officials said ... 5 p.m. yesterday")
    /// continues the sentence; anything else starts a new one.
    private func startsNewSentence(_ token: Token) -> Bool {
        guard token.newlinesBefore == 0, let first = token.text.unicodeScalars.first else { return true }
        return !(first.isLower || first == "," || first == ";" || first == ")")
    }
}
