/// A document's text broken into what every extractor builds on: Unicode scalars
/// (offsets are code points), tokens, sentences, and each sentence's paragraph.
public struct DocumentAnalysis: Sendable {
    public let scalars: [Unicode.Scalar]
    public let tokens: [Token]
    public let sentences: [Sentence]
    /// Paragraph number of each sentence: a new paragraph starts on a new line.
    public let paragraphOfSentence: [Int]

    public init(text: String) {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer().tokenize(scalars)
        let sentences = SentenceSplitter().split(tokens)
        var paragraph = -1
        var paragraphs: [Int] = []
        for sentence in sentences {
            if sentence.tokens.lowerBound == 0 || tokens[sentence.tokens.lowerBound].newlinesBefore > 0 { paragraph += 1 }
            paragraphs.append(max(paragraph, 0))
        }
        self.scalars = scalars
        self.tokens = tokens
        self.sentences = sentences
        paragraphOfSentence = paragraphs
    }

    public func text(_ start: Int, _ end: Int) -> String {
        String(scalarSlice: scalars[start..<end])
    }

    public func tokenTexts(_ sentence: Sentence) -> [String] {
        tokens[sentence.tokens].map(\.text)
    }

    /// The sentence holding a token.
    public func sentenceIndex(ofToken token: Int) -> Int {
        var low = 0
        var high = sentences.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if sentences[middle].tokens.lowerBound <= token { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The tokens of the sentence holding a token.
    public func sentenceTokens(ofToken token: Int) -> Range<Int> {
        sentences[sentenceIndex(ofToken: token)].tokens
    }
}
