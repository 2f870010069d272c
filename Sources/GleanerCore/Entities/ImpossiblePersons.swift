/// Names the tagger typed PERSON that no person carries, told by their words alone: a
/// party's name for its members ("Lib Dems", "Tories"), and a name ending in a word that
/// ends organizations' names and is nobody's surname ("Manchester United", "Ministry",
/// "Rovers"). "Jude Law", "Charlotte Church" and "Doris Day" keep their surnames: the
/// Census lists them.
struct ImpossiblePersons {
    let names: PersonNames

    enum Kind { case party, organization }

    func kind(of mention: EntityMention, in document: DocumentAnalysis) -> Kind? {
        guard mention.type == "PERSON" else { return nil }
        let words = document.tokens[mention.tokens].map(\.text)
        if PartyWords.party(words.joined(separator: " ")) != nil { return .party }
        guard words.count > 1, let last = words.last, SwallowedTitles.nonPersonHeads.contains(last), !names.contains(last)
        else { return nil }
        return .organization
    }
}
