/// CoNLL-2003 column files (token POS chunk NER-tag, IOB1, `-DOCSTART-` between
/// documents) parsed into documents of sentences with BIO (IOB2) labels.
public struct CoNLLCorpus: Sendable {
    public struct Sentence: Sendable {
        public var tokens: [String]
        public var labels: [String]
    }

    public var documents: [[Sentence]]

    public init(documents: [[Sentence]]) {
        self.documents = documents
    }

    public init(text: String) {
        var documents: [[Sentence]] = []
        var document: [Sentence] = []
        var tokens: [String] = []
        var tags: [String] = []
        func endSentence() {
            if !tokens.isEmpty { document.append(Sentence(tokens: tokens, labels: Self.iob2(tags))) }
            tokens = []
            tags = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let columns = line.split(separator: " ")
            if columns.isEmpty {
                endSentence()
                continue
            }
            if columns[0] == "-DOCSTART-" {
                endSentence()
                if !document.isEmpty { documents.append(document) }
                document = []
                continue
            }
            tokens.append(String(columns[0]))
            tags.append(String(columns[columns.count - 1]))
        }
        endSentence()
        if !document.isEmpty { documents.append(document) }
        self.documents = documents
    }

    /// IOB1 marks B- only between two adjacent entities of one type; IOB2 starts every entity with B-.
    static func iob2(_ tags: [String]) -> [String] {
        var result: [String] = []
        for (index, tag) in tags.enumerated() {
            if tag.hasPrefix("I-") {
                let type = tag.dropFirst(2)
                let previous = index > 0 ? tags[index - 1] : "O"
                if previous == "O" || previous.dropFirst(2) != type {
                    result.append("B-" + type)
                    continue
                }
            }
            result.append(tag)
        }
        return result
    }
}
