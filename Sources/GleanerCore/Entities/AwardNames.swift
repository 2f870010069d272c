/// Awards and prizes a person wins: "the Booker Prize", "an Oscar", "won two Golden Globes".
///
/// OntoNotes types an award as a work of art, the statuette as much as the title of a film.
/// The tagger, never taught awards, typed "Oscar" a person, "Bafta" a place and "Golden
/// Globes" a building. The words of the name say it in any story: a name ending in "Prize"
/// or "Award" is one; a statuette's name is one when a count, an article or a verb of
/// winning stands before it, or a word like "nomination" after it. The ceremony ("at the
/// Brit Awards", "the Oscars in February") stays the event it is.
enum AwardNames {
    /// Heads that end an award's name: "Mercury Music Prize", "Academy Award".
    static let heads: Set<String> = ["Prize", "Award"]
    /// Statuettes named on their own, singular and plural.
    static let statuettes: Set<String> = [
        "Oscar", "Oscars", "Grammy", "Grammys", "Emmy", "Emmys", "Bafta", "Baftas", "Golden Globe", "Golden Globes",
    ]
    /// Words before a statuette that make it the thing won, not the academy or the night.
    static let wonMarks: Set<String> = [
        "a", "an", "his", "her", "their", "its", "first", "second", "third", "won", "win", "wins", "winning", "scooped",
        "collected", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "several",
    ]
    /// Words after a statuette that make it the award: "Oscar nominations", "Grammy winner".
    static let awardNouns: Set<String> = [
        "nomination", "nominations", "nominee", "nominees", "winner", "winners", "glory", "statuette", "statuettes",
        "contender", "contenders", "hopes", "success",
    ]

    /// Words after a statuette that make it the ceremony: "his first Oscars show", "scooped
    /// Oscar rights".
    static let ceremonyNouns: Set<String> = [
        "show", "shows", "ceremony", "ceremonies", "night", "party", "parties", "host", "telecast", "broadcast", "rights",
    ]

    static func retype(_ mentions: inout [EntityMention], in document: DocumentAnalysis) {
        // "Oscar Wilde" makes "Oscar" a first name in this story.
        let firstNames = Set(
            mentions.filter { $0.type == "PERSON" && $0.tokens.count > 1 }.map { document.tokens[$0.tokens.lowerBound].text })
        for index in mentions.indices where mentions[index].type != "WORK_OF_ART" {
            let mention = mentions[index]
            let last = document.tokens[mention.tokens.upperBound - 1].text
            let named = mention.tokens.count > 1 && heads.contains(last)
            let won = statuettes.contains(mention.text) && !firstNames.contains(mention.text) && isWon(mention, document)
            guard named || won else { continue }
            mentions[index].type = "WORK_OF_ART"
            mentions[index].place = nil
            mentions[index].country = nil
            mentions[index].organization = nil
        }
    }

    private static func isWon(_ mention: EntityMention, _ document: DocumentAnalysis) -> Bool {
        let sentence = document.sentenceTokens(ofToken: mention.tokens.lowerBound)
        let after = mention.tokens.upperBound
        let next = after < sentence.upperBound ? document.tokens[after].text : nil
        if let next, ceremonyNouns.contains(next) { return false }
        let before = mention.tokens.lowerBound - 1
        if before >= sentence.lowerBound {
            let word = document.tokens[before].text.lowercased()
            if wonMarks.contains(word) || Int(word) != nil { return true }
        }
        return next.map { awardNouns.contains($0) } ?? false
    }
}
