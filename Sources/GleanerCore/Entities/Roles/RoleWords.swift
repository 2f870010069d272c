/// The role nouns a text gives a person, read around their named mentions, so that a
/// later "the diplomat" or "the candidate" finds who was called so even where no title
/// was recorded: a lowercase noun right before the name ("British diplomat Sir Peter
/// Vos", "Democratic candidate Ann Lee"), the head of an appositive after it ("Ann
/// Lee, a spokeswoman for the council,"), and a predicate about a pronoun or the name
/// ("He currently serves as the British ambassador", "Lee is the council's treasurer").
struct RoleWords {
    /// Words that end a noun phrase's modifiers without being its head.
    private static let stop: Set<String> = [
        "the", "a", "an", "and", "or", "of", "for", "to", "in", "on", "at", "by", "with", "from", "who", "which", "that",
        "is", "was", "be", "been", "as", "said", "says", "his", "her", "their", "its", "'s", "’s",
    ]

    /// Role words for each cluster index.
    static func read(_ document: DocumentAnalysis, clusters: [EntityClusterer.Cluster]) -> [Int: Set<String>] {
        var roles: [Int: Set<String>] = [:]
        let tokens = document.tokens
        for (index, cluster) in clusters.enumerated() where cluster.type == "PERSON" {
            for mention in cluster.mentions {
                let sentence = document.sentenceTokens(ofToken: mention.tokens.lowerBound)
                // Before the name, past capitalised titles: "diplomat Sir Peter Vos".
                var previous = mention.tokens.lowerBound - 1
                while previous >= sentence.lowerBound, tokens[previous].text.unicodeScalars.first?.isUpper == true,
                    mention.tokens.lowerBound - previous <= 3
                {
                    previous -= 1
                }
                if previous >= sentence.lowerBound, let noun = roleNoun(tokens[previous].text),
                    standsAsRole(noun, at: previous, within: sentence, document)
                {
                    roles[index, default: []].insert(noun)
                }
                // After the name: ", a spokeswoman for ...", " is the treasurer", " serves as the envoy".
                var next = mention.tokens.upperBound
                if next < sentence.upperBound,
                    tokens[next].text == "," || ["is", "was", "serves", "served", "became"].contains(tokens[next].text)
                {
                    next += 1
                    if next < sentence.upperBound, tokens[next].text == "as" { next += 1 }
                    if let head = head(from: next, within: sentence, document) { roles[index, default: []].insert(head) }
                }
            }
        }
        return roles
    }

    /// A lowercase word right before a name is a role when the lexicon knows it, or when
    /// what stands before it opens a noun phrase (sentence start, a determiner, a
    /// capitalised modifier: "Democratic candidate Ann Lee"); after another lowercase word
    /// it is more often a verb taking the name ("the audience cheered Ann Lee").
    private static func standsAsRole(_ noun: String, at position: Int, within sentence: Range<Int>, _ document: DocumentAnalysis)
        -> Bool
    {
        if RoleLexicon.heads.contains(noun) || position == sentence.lowerBound { return true }
        let before = document.tokens[position - 1].text
        return before.unicodeScalars.first?.isUpper == true || FunctionWords.determiners.contains(before.lowercased())
            || RoleLexicon.isModifier(before) || before == "'s" || before == "’s" || before == ","
    }

    /// The head noun of a phrase "(the|a|an) modifiers* noun" starting at `first`: the last
    /// lowercase word before a preposition, comma or clause word, within five words.
    static func head(from first: Int, within sentence: Range<Int>, _ document: DocumentAnalysis) -> String? {
        var position = first
        guard position < sentence.upperBound, ["the", "a", "an"].contains(document.tokens[position].text.lowercased()) else {
            return nil
        }
        position += 1
        var head: String?
        while position < min(sentence.upperBound, first + 7) {
            let word = document.tokens[position].text
            if word == "'s" || word == "’s" {
                head = nil
            } else if let noun = roleNoun(word) {
                head = noun
            } else if word.unicodeScalars.first?.isUpper != true {
                break
            }
            position += 1
        }
        return head
    }

    /// A lowercase word that can be a role: letters only, not a function word.
    static func roleNoun(_ word: String) -> String? {
        guard word.count > 2, word.unicodeScalars.allSatisfy({ $0.isAlpha && $0.isLower || $0 == "-" }), !stop.contains(word),
            !SpeechCues.indirectVerbs.contains(word), !FunctionWords.clauseWords.contains(word),
            !FunctionWords.prepositions.contains(word), !FunctionWords.subordinators.contains(word)
        else { return nil }
        return word
    }
}
