/// One name in the text before clustering: its tokens, its OntoNotes type, and what
/// the gazetteer says it refers to.
struct EntityMention {
    var tokens: Range<Int>
    var type: String
    var start: Int
    var end: Int
    var text: String
    /// Gazetteer knowledge: the country a name or nationality points to, the place it names.
    var country: String?
    var place: Gazetteer.Place?
    var organization: Gazetteer.Organization?
    /// The tagger said person, the gazetteer a major place: undone if the name is a surname here.
    var overriddenPerson = false
}

extension EntityMention {
    /// The mention over `tokens`, with its offsets and text as the document has them.
    init(tokens: Range<Int>, type: String, in document: DocumentAnalysis) {
        let start = document.tokens[tokens.lowerBound].start
        let end = document.tokens[tokens.upperBound - 1].end
        self.init(tokens: tokens, type: type, start: start, end: end, text: document.text(start, end))
    }

    /// The same mention grown rightward to end before token `end` ("Keystone" → "Keystone
    /// pipeline", "Duncan Hunter" → "Duncan Hunter Sr."), its offsets and text with it.
    mutating func extend(to end: Int, in document: DocumentAnalysis) {
        tokens = tokens.lowerBound..<end
        self.end = document.tokens[end - 1].end
        text = document.text(start, self.end)
    }
}
