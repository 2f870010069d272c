/// A name right after a lowercase role noun is the person holding the role ("Worldcom
/// boss Bernie Ebbers", "credit analyst Helena Hessel"), whatever type the tagger gave it:
/// it read the company before the role and carried the organization on into the name.
/// The name must open with a given or family name the Census lists and hold no word an
/// organization or place name ends with, and be no name the gazetteer knows, so
/// "investment bank Morgan Stanley" (no role), "captain Virgin Radio" (a station) and "coach
/// New Zealand" (a country) stay as they are.
struct NamesAfterRoles {
    let names: PersonNames
    let gazetteer: Gazetteer

    func retype(_ mentions: inout [EntityMention], in document: DocumentAnalysis) {
        guard !names.isEmpty else { return }
        for index in mentions.indices where ["ORG", "GPE", "NORP"].contains(mentions[index].type) {
            let mention = mentions[index]
            let words = document.tokens[mention.tokens].map(\.text)
            guard (2...3).contains(words.count), mention.organization == nil, mention.place == nil,
                gazetteer.entry(words[...]) == nil, names.contains(words[0]),
                words.allSatisfy({ $0.isCapitalised && !SwallowedTitles.nonPersonHeads.contains($0) }),
                followsRole(mention, document)
            else { continue }
            mentions[index].type = "PERSON"
            mentions[index].place = nil
            mentions[index].country = nil
        }
    }

    private func followsRole(_ mention: EntityMention, _ document: DocumentAnalysis) -> Bool {
        let sentence = document.sentenceTokens(ofToken: mention.tokens.lowerBound)
        guard mention.tokens.lowerBound > sentence.lowerBound else { return false }
        // The lexicon's heads are lower case, so a capitalised word ("Boss") is no role here.
        return RoleLexicon.heads.contains(document.tokens[mention.tokens.lowerBound - 1].text)
    }
}
