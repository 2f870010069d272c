/// Names of events told by their head noun: "the Heineken Cup", "the British Comedy
/// Awards", "the Nevada caucuses", "the G8 summit".
///
/// The tagger learnt its types from words, and "Heineken", "Comedy" and "Nevada" are a
/// company, a genre and a state wherever they stand; the noun at the end is what makes the
/// whole an event, in any story. Two shapes:
/// - a capitalised head ending the name ("Cup", "Open", "Games", "Awards") retypes it;
/// - a lower-case head right after a place or organization ("Iowa caucus", "G8 summit")
///   joins it into one event name, since the state holds no primary of its own.
enum EventNames {
    /// Heads that end an event's name, with a word before them ("the Australian Open", "the
    /// Commonwealth Games"): alone they are ordinary words. Not "Caucus" or "Primary": the
    /// Congressional Black Caucus is a body, St Mary's Primary a school.
    static let capitalisedHeads: Set<String> = [
        "Cup", "Open", "Games", "Olympics", "Paralympics", "Championship", "Championships", "Prix", "Awards",
        "Festival", "Marathon", "Tournament", "Rally", "Summit", "Expo", "Olympiad", "Regatta",
    ]
    /// Lower-case heads that turn the place or organization before them into an event.
    static let lowercaseHeads: Set<String> = ["caucus", "caucuses", "primary", "primaries", "summit"]
    /// "primary" is also an adjective ("Iowa primary schools"): not before these nouns.
    static let adjectiveUses: Set<String> = [
        "school", "schools", "care", "teacher", "teachers", "source", "sources", "reason", "concern", "goal", "aim",
        "target", "residence", "role", "focus", "purpose", "industry", "sector", "market", "markets", "education",
        "health", "healthcare", "pupils", "students", "producer", "producers", "research",
    ]
    /// A party's national convention is an event; the Geneva Convention is a treaty.
    static let conventionMarks: Set<String> = ["National", "Democratic", "Republican", "Labour", "Conservative", "Party"]

    static func retype(_ mentions: inout [EntityMention], in document: DocumentAnalysis) {
        for index in mentions.indices where mentions[index].type != "EVENT" {
            if endsWithEventHead(mentions[index], document) {
                toEvent(&mentions[index], through: mentions[index].tokens.upperBound, document)
            } else if let head = lowercaseHead(after: mentions[index], document) {
                toEvent(&mentions[index], through: head + 1, document)
            }
        }
    }

    private static func endsWithEventHead(_ mention: EntityMention, _ document: DocumentAnalysis) -> Bool {
        let last = document.tokens[mention.tokens.upperBound - 1].text
        guard mention.tokens.count > 1 else { return ["Olympics", "Paralympics"].contains(last) }
        if last == "Convention" {
            return conventionMarks.contains(document.tokens[mention.tokens.upperBound - 2].text)
        }
        return capitalisedHeads.contains(last)
    }

    /// The index of "caucus"/"summit"/... right after a place or organization name.
    private static func lowercaseHead(after mention: EntityMention, _ document: DocumentAnalysis) -> Int? {
        guard ["GPE", "ORG"].contains(mention.type) else { return nil }
        let head = mention.tokens.upperBound
        let sentence = document.sentenceTokens(ofToken: mention.tokens.lowerBound)
        guard head < sentence.upperBound, lowercaseHeads.contains(document.tokens[head].text) else { return nil }
        let next = head + 1
        if next < sentence.upperBound, adjectiveUses.contains(document.tokens[next].text.lowercased()) { return nil }
        return head
    }

    /// An event names no place or body, but keeps the country it happens in ("Iowa caucus").
    private static func toEvent(_ mention: inout EntityMention, through end: Int, _ document: DocumentAnalysis) {
        mention.extend(to: end, in: document)
        mention.type = "EVENT"
        mention.place = nil
        mention.organization = nil
    }
}
