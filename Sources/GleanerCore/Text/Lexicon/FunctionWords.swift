/// Closed-class words (determiners, quantifiers, prepositions, auxiliaries, words that
/// open a clause) as the quote stage reads them when it walks a phrase to its edge.
enum FunctionWords {
    static let nounModifiers: Set<String> = ["the", "a", "an", "no", "some", "any", "more", "much", "little"]

    /// Words right after a verb that make it a participle or a phrasal verb, not a stance
    /// on an object: "people accused of", "Washington backed out".
    static let particles: Set<String> = [
        "by", "of", "to", "as", "in", "for", "with", "from", "on", "at", "during", "up", "out", "off", "down", "away", "over",
        "back",
        "into", "about", "after", "before", "and", "or", "but", ",", ".", ";", ":",
    ]

    /// Auxiliaries and adverbs between a subject and its verb: "has repeatedly attacked".
    static let verbModifiers: Set<String> = [
        "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "did", "does", "do", "also",
        "still", "now", "often", "even", "never", "not", "n't", "once", "again", "already", "always", "then", "later", "just",
        "first", "long", "recently", "'ve", "’ve", "'ll", "’ll", "'d", "’d",
    ]

    static let beForms: Set<String> = [
        "is", "are", "was", "were", "be", "been", "being", "'s", "’s", "'re", "’re", "am", "'m", "’m",
    ]

    static let placePrepositions: Set<String> = ["at", "in", "during", "via", "from", "to", "outside", "inside"]

    static let subordinators: Set<String> = [
        "when", "while", "if", "after", "before", "as", "because", "since", "although", "though", "once",
    ]

    /// Verbs that make the words before them a clause: "it was", "he would".
    static let finiteVerbs: Set<String> = [
        "was", "were", "is", "are", "would", "will", "could", "should", "can", "had", "has", "have", "did", "does", "may",
        "might", "must", "wo", "ca",
    ]

    /// Words that end a subject phrase walking back from its cue ("..., while 73 percent said").
    static let phraseBoundaries: Set<String> = [
        ",", ";", ":", "—", "―", "--", "(", ")", "while", "but", "because", "as", "when", "if", "so", "and", "whereas",
        "although",
    ]

    static let demonstratives: Set<String> = ["this", "these", "that", "those", "it", "there"]

    /// Words a subject phrase may hold between its words: "Experts on North Korea and nuclear nonproliferation".
    static let phraseLinks: Set<String> = [
        "of", "on", "for", "in", "at", "from", "with", "and", "around", "across", "'s", "’s", "-",
    ]

    static let titleSmallWords: Set<String> = [
        "a", "an", "the", "of", "and", "in", "on", "to", "for", "at", "by", "or", "with", "is",
    ]

    /// Words that start a clause, not a name: "said the costs were hidden" is no speaker.
    static let clauseWords: Set<String> = [
        "was", "were", "is", "are", "be", "been", "had", "has", "have", "would", "will", "could", "should", "can", "may",
        "might", "must", "did", "does", "do", "not", "that", "which", "who", "to", "in", "on", "of", "for", "and", "but",
    ]

    static let determiners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "another", "one", "my", "our", "your",
    ]

    /// Sentence-initial words that say how many spoke, not who: "Some said".
    static let quantifiers: Set<String> = [
        "some", "others", "many", "most", "both", "all", "few", "several", "this", "that", "these", "those", "everyone",
        "nobody", "none", "one", "each", "who", "what", "which", "it", "there",
    ]

    static let prepositions: Set<String> = [
        "of", "to", "for", "with", "about", "by", "against", "from", "on", "at", "in", "like", "than", "as", "toward", "towards",
    ]
}
