/// Joins the pieces of one person's name that the tagger cut apart: two person
/// spans with nothing between them ("Mary Ann" + "Evans" is "Mary Ann Evans"), and a
/// generational suffix left outside the name ("Duncan Hunter" + "Sr."), which makes
/// the father a person of his own rather than a mention of the son.
struct SplitNames {
    private static let suffixes: Set<String> = ["Sr.", "Jr.", "Sr", "Jr", "II", "III", "IV"]

    func join(_ mentions: [EntityMention], in document: DocumentAnalysis) -> [EntityMention] {
        let tokens = document.tokens
        var result: [EntityMention] = []
        result.reserveCapacity(mentions.count)
        for mention in mentions {
            if var last = result.last, last.type == "PERSON", mention.type == "PERSON",
                last.tokens.upperBound == mention.tokens.lowerBound, tokens[mention.tokens.lowerBound].newlinesBefore == 0,
                !tokens[last.tokens].allSatisfy({ TitleLexicon.isTitleWord($0.text) })
            {
                last.extend(to: mention.tokens.upperBound, in: document)
                result[result.count - 1] = last
                continue
            }
            result.append(mention)
        }
        // A suffix right after a name (", Jr." stays outside: it may start a list).
        for index in result.indices where result[index].type == "PERSON" {
            let next = result[index].tokens.upperBound
            guard next < tokens.count, Self.suffixes.contains(tokens[next].text), tokens[next].newlinesBefore == 0,
                !result.contains(where: { $0.tokens.contains(next) })
            else { continue }
            result[index].extend(to: next + 1, in: document)
        }
        return result
    }
}
