/// Names the tagger found once, found again where it passed them over.
///
/// A story names a person in full once and by surname after ("Helena Brandt" ... "Brandt
/// shot back"), and the tagger, deciding sentence by sentence, can miss the bare surname
/// at a sentence start, where capitals say nothing. Within one document the same
/// capitalised word is the same name, so every untagged occurrence of a tagged person's
/// surname becomes a mention of that person. Likewise an organization the gazetteer knows
/// by its capitalised acronym ("/TASS/.") is a mention wherever the tagger skipped it,
/// except in a line written all in capitals, where every word looks like an acronym.
enum NamePropagation {
    static func extend(_ mentions: [EntityMention], in document: DocumentAnalysis, gazetteer: Gazetteer) -> [EntityMention] {
        var covered = [Bool](repeating: false, count: document.tokens.count)
        for mention in mentions { for token in mention.tokens { covered[token] = true } }
        let surnames = Set(
            mentions.filter { $0.type == "PERSON" && $0.tokens.count > 1 }.map { document.tokens[$0.tokens.upperBound - 1].text }
        )
        .filter { $0.unicodeScalars.count > 2 && $0.unicodeScalars.first!.isUpper && !TitleLexicon.words.contains($0) }
        var added: [EntityMention] = []
        for index in document.tokens.indices where !covered[index] {
            let token = document.tokens[index]
            if surnames.contains(token.text), !beginsLongerName(index, document) {
                added.append(
                    EntityMention(
                        tokens: index..<(index + 1), type: "PERSON", start: token.start, end: token.end, text: token.text))
            } else if let organization = knownAcronym(index, document, gazetteer) {
                var mention = EntityMention(
                    tokens: index..<(index + 1), type: "ORG", start: token.start, end: token.end, text: token.text)
                mention.organization = organization
                mention.country = organization.country
                added.append(mention)
            }
        }
        guard !added.isEmpty else { return mentions }
        return (mentions + added).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// "Brandt Street" or "Brandt-Smith": the surname begins a longer capitalised name.
    private static func beginsLongerName(_ index: Int, _ document: DocumentAnalysis) -> Bool {
        let next = index + 1
        guard next < document.tokens.count,
            document.tokens[next].start == document.tokens[index].end || document.tokens[next].text.isCapitalised
        else { return false }
        return !["'s", "’s", ".", ",", ":", ";", "!", "?", "”", "\"", "'"].contains(document.tokens[next].text)
    }

    private static func knownAcronym(_ index: Int, _ document: DocumentAnalysis, _ gazetteer: Gazetteer) -> Gazetteer
        .Organization?
    {
        let text = document.tokens[index].text
        guard text.unicodeScalars.count >= 3, text.unicodeScalars.allSatisfy(\.isUpper),
            let entry = gazetteer.entry([text][...]), let organization = entry.organization, entry.places.isEmpty,
            organization.acronym == text
        else { return nil }
        let sentence = document.sentenceTokens(ofToken: index)
        let words = document.tokens[sentence].map(\.text).filter {
            $0.unicodeScalars.count > 3 && $0.unicodeScalars.allSatisfy(\.isAlpha)
        }
        // Judged on the other words: "/TASS/." alone is a credit line, not a shouted one.
        let others = words.filter { $0 != text }
        let shouting = !others.isEmpty && others.allSatisfy { $0.unicodeScalars.allSatisfy(\.isUpper) }
        return shouting ? nil : organization
    }

}
