/// A role the text gives a person only through a definite description: "Tony Blair
/// has said ... the summit, chaired by the prime minister, ..." makes Blair the prime
/// minister. Nothing in the wording ties the description to a name, so the rule only
/// trusts it where no one else could be meant: exactly one person named in the
/// description's sentence before it and in the sentence before that (news paragraphs
/// are often one sentence long, so the sentence before may open the paragraph before),
/// the description outside quotation marks and not the object of a preposition ("he
/// spoke to the referee" is someone else), a head noun that, after "the", names
/// nothing but a person's role ("the head", "the star", "the centre" do not), and a
/// person with no other role yet: on BBC text, "the mayor" or "the president" after
/// the only name caught was most often an unnamed or untagged other person, and a
/// named person's titles are mostly written next to their name.
struct DescribedRoles {
    /// Person mentions by cluster, in any order.
    struct Person {
        var cluster: Int
        var tokens: Range<Int>
    }

    /// Titles for clusters, each as written without "the" ("prime minister") and, where
    /// every word before the head only describes the holder, the head alone.
    /// `known`: the titles already read for each cluster from the words around its names.
    /// `salience`: the document's, when the caller has read it already.
    static func read(_ document: DocumentAnalysis, people: [Person], known: [Int: [String]] = [:], salience: Salience? = nil)
        -> [Int: [String]]
    {
        guard !people.isEmpty else { return [:] }
        let tokens = document.tokens
        let quoted = (salience ?? Salience(document)).quoted
        var titles: [Int: [String]] = [:]
        for index in tokens.indices where tokens[index].text.lowercased() == "the" && !quoted[index] {
            if index > 0, objectMarkers.contains(tokens[index - 1].text.lowercased()) { continue }
            guard let end = description(after: index, document) else { continue }
            let sentence = document.sentenceIndex(ofToken: index)
            let windowStart = document.sentences[max(0, sentence - 1)].tokens.lowerBound
            let named = Set(people.filter { $0.tokens.lowerBound >= windowStart && $0.tokens.upperBound <= index }.map(\.cluster))
            guard named.count == 1, let cluster = named.first else { continue }
            let words = tokens[(index + 1)..<end].map(\.text)
            let held = (known[cluster] ?? []) + (titles[cluster] ?? [])
            guard held.isEmpty || held.contains(where: { $0.lowercased().hasSuffix(words[words.count - 1]) }) else { continue }
            for form in forms(words) where !(titles[cluster] ?? []).contains(form) { titles[cluster, default: []].append(form) }
        }
        return titles
    }

    /// Words that make the description an object, not the subject the text is about.
    /// ("by" is left out: "chaired by the prime minister" names the agent.)
    private static let objectMarkers: Set<String> = [
        "to", "for", "with", "at", "from", "on", "in", "of", "about", "against", "into", "tells", "told", "tell", "asked", "asks",
    ]

    /// The end of "the (modifier)* head" starting after `article`: lower-case words, the
    /// last a role head safe alone, and no name, possessive or "of" after it ("the
    /// chairman of X" may be anyone's chairman; "the minister's aide" is the aide).
    static func description(after article: Int, _ document: DocumentAnalysis) -> Int? {
        let tokens = document.tokens
        var position = article + 1
        var head: Int?
        while position < tokens.count, position - article <= 4, tokens[position].newlinesBefore == 0 {
            let word = tokens[position].text
            if RoleLexicon.head(word) != nil, word == word.lowercased() {
                head = position
            } else if !RoleLexicon.isModifier(word) {
                break
            }
            position += 1
        }
        guard let head, head + 1 == position, let role = RoleLexicon.head(tokens[head].text), role.qualifier == nil,
            !RoleLexicon.commonNouns.contains(role.head)
        else { return nil }
        if position < tokens.count {
            let next = tokens[position].text
            if next == "of" || next == "'s" || next == "’s" || next.unicodeScalars.first?.isUpper == true { return nil }
        }
        return position
    }

    /// The description as a title, and its head alone where the other words only
    /// describe the holder ("veteran businessman" → "businessman"; "prime minister" stays).
    static func forms(_ words: [String]) -> [String] {
        var bare = words
        while bare.count > 1, let first = bare.first, RoleLexicon.timeQualifiers.contains(first) { bare.removeFirst() }
        var forms = [bare.joined(separator: " ")]
        if bare.count > 1, let last = bare.last, !bare.contains(where: { RoleLexicon.ranks.contains($0) }) { forms.append(last) }
        return forms
    }
}
