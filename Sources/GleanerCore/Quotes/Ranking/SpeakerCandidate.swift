/// A mention that might be a quote's speaker, as the speaker ranker sees it: where it
/// is, what kind of words name it and which entity it belongs to.
public struct SpeakerCandidate: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case name, pronoun, description, org
    }

    public var start: Int
    public var end: Int
    public var kind: Kind
    public var entityType: String
    public var entity: String?

    public init(start: Int, end: Int, kind: Kind, entityType: String, entity: String?) {
        self.start = start
        self.end = end
        self.kind = kind
        self.entityType = entityType
        self.entity = entity
    }

    static let pronouns: Set<String> = ["he", "she", "they", "it", "i", "we", "who", "you"]

    /// The kind of a mention from its words: the ranker was trained on these four
    /// (scripts/train-speaker-ranker `candidates`), so the rule must stay the same.
    static func kind(of text: String, entityType: String) -> Kind {
        let lower = text.lowercased()
        if pronouns.contains(lower) { return .pronoun }
        if text.unicodeScalars.first?.properties.isLowercase == true || lower.hasPrefix("the ") || lower.hasPrefix("a ") {
            return .description
        }
        return entityType == "PERSON" ? .name : .org
    }

    /// "wary of Tomas Weller -- “a man who ...”": the object of one of these is what a
    /// quote describes, not who speaks it ("according to", "a statement from" stay).
    static let prepositions: Set<String> = ["of", "about", "against"]

    /// Every mention of a person, organization, place or nationality from 500 characters
    /// before the quote to 300 after it, none inside the quote itself nor after one of
    /// the `prepositions`: the candidates the ranker was trained on.
    static func around(_ quote: Quote, _ entities: [Entity], _ features: SpeakerFeatures) -> [SpeakerCandidate] {
        var found: [SpeakerCandidate] = []
        for entity in entities where ["PERSON", "ORG", "GPE", "NORP"].contains(entity.type) {
            for mention in entity.mentions {
                guard mention.start >= quote.start - 500, mention.start <= quote.end + 300,
                    !(quote.start <= mention.start && mention.start < quote.end)
                else { continue }
                if prepositions.contains(SpeakerFeatures.words(features.text(mention.start - 12, mention.start)).last ?? "") {
                    // ... and a quote right after that object describes it: nobody to find.
                    if (0...5).contains(quote.start - mention.end) { return [] }
                    continue
                }
                found.append(
                    SpeakerCandidate(
                        start: mention.start, end: mention.end, kind: kind(of: mention.text, entityType: entity.type),
                        entityType: entity.type, entity: entity.id))
            }
        }
        return found
    }
}
