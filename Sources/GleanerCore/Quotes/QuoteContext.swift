/// Everything the quote stage reads about one document, built once and never changed:
/// its tokens and sentences, the entity mentions that can speak, which tokens stand
/// inside quotation marks, and how salient each mention is. Layouts and speaker rules
/// are functions of this value, so none of them can see what another one did.
struct QuoteContext {
    struct SpeakerMention {
        var tokens: Range<Int>
        var start: Int
        var end: Int
        var entity: Entity
    }

    /// Whether a token (marks included) lies in a quote that opens its sentence or in a
    /// fragment of the reporter's sentence.
    enum QuotedToken {
        case none, direct, partial
    }

    /// Quoted words inside the reporter's sentence: the token of their opening mark and
    /// the words themselves, without marks.
    struct Fragment {
        /// The tokens from the opening mark through the closing one.
        var marks: Range<Int>
        var start: Int
        var end: Int
        var text: String
    }

    struct Attribution {
        var speaker: Quote.Speaker?
        var cue: String?
    }

    let analysis: DocumentAnalysis
    let entities: [Entity]
    /// Mentions that can speak (people, organizations, places, nationalities) by their first token.
    let speakers: [Int: SpeakerMention]
    /// Name mentions by their last token, for pronoun antecedents.
    let pronounAntecedents: [Int: SpeakerMention]
    /// Entity types by id.
    let entityTypes: [String: String]
    /// How strongly each mention stands out as an antecedent, for pronoun speakers.
    let salience: Salience
    /// What each token is, with respect to quotation marks (see `MarkedQuotes`).
    private(set) var quoted: [QuotedToken] = []
    /// Quoted words inside the reporter's sentence, which reports carry as partial quotes.
    private(set) var fragments: [Fragment] = []
    /// Every quotation-mark span that may be a quote, in text order.
    private(set) var marked: [MarkedQuote] = []

    /// `salience`: the document's, when the caller has read it already.
    init(_ analysis: DocumentAnalysis, entities: [Entity], salience: Salience? = nil) {
        self.analysis = analysis
        self.entities = entities
        self.salience = salience ?? Salience(analysis)
        let speakers = Self.speakerMentions(analysis, entities)
        self.speakers = speakers
        var types: [String: String] = [:]
        for entity in entities { types[entity.id] = entity.type }
        entityTypes = types
        var antecedents: [Int: SpeakerMention] = [:]
        for mention in speakers.values
        where mention.tokens.count > 1 || analysis.tokens[mention.tokens.lowerBound].text.unicodeScalars.first?.isUpper == true {
            antecedents[mention.tokens.upperBound - 1] = mention
        }
        pronounAntecedents = antecedents
        let marks = readMarks()
        quoted = marks.quoted
        fragments = marks.fragments
        marked = marks.quotes
    }
}
