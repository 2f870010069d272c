/// One-word "people" nothing in the story attests: the names to take away from PERSON.
///
/// The tagger learnt from 1996 Reuters text that an unknown capitalised word in a subject's
/// place is a person, so clubs, bands, companies and shows founded since come out as people
/// ("Ospreys", "Babyshambles", "Twitter said"). A person, in news, is attested: named in
/// full somewhere in the story, given a title, role or initial ("President Suharto",
/// "striker Drogba", "F Michalak"), taken up by "he" or "she", listed beside other people
/// (a line-up), or at least carrying a given or family name the Census knows. A one-word person with none of these
/// is, on BBC stories read by hand, four times out of five not a person at all.
struct UnattestedPersons {
    let names: PersonNames

    /// The lower-cased words of the one-token PERSON mentions to retype.
    func words(in mentions: [EntityMention], _ document: DocumentAnalysis) -> Set<String> {
        guard !names.isEmpty else { return [] }
        let fullNames = Set(
            mentions.filter { $0.type == "PERSON" && $0.tokens.count > 1 }
                .flatMap { document.tokens[$0.tokens].map { $0.text.lowercased() } })
        var attested: Set<String> = []
        var candidates: Set<String> = []
        for (index, mention) in mentions.enumerated() where mention.type == "PERSON" && mention.tokens.count == 1 {
            let word = mention.text.lowercased()
            candidates.insert(word)
            if names.contains(word) || fullNames.contains(word) || Self.hasParticle(mention.text)
                || Self.isAttested(index, in: mentions, document)
            {
                attested.insert(word)
            }
        }
        return candidates.subtracting(attested)
    }

    /// Evidence around one mention: a title or role right before it, a pronoun soon after,
    /// or another person beside it across a comma (a list of players or guests).
    private static func isAttested(_ index: Int, in mentions: [EntityMention], _ document: DocumentAnalysis) -> Bool {
        let mention = mentions[index]
        let sentence = document.sentenceTokens(ofToken: mention.tokens.lowerBound)
        if mention.tokens.lowerBound > sentence.lowerBound {
            let before = document.tokens[mention.tokens.lowerBound - 1].text
            if TitleLexicon.isTitleWord(before) || TitleLexicon.courtesyTitles.contains(before)
                || RoleLexicon.head(before) != nil || isInitial(before)
            {
                return true
            }
        }
        return pronounFollows(mention, in: mentions, sentence, document) || listedWithPerson(index, in: mentions, document)
    }

    /// "F Michalak, P Mignoni": a line-up's initial, "F." or "F"; bare "A" and "I" are the
    /// article and the pronoun ("A Defra spokesman").
    private static func isInitial(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard let first = scalars.first, first.properties.isUppercase else { return false }
        return scalars.count == 2 && scalars[1] == "." || scalars.count == 1 && first != "A" && first != "I"
    }

    private static let tellVerbs: Set<String> = ["told", "tell", "tells", "telling"]
    private static let personalPronouns: Set<String> = ["he", "she", "his", "her", "him", "himself", "herself"]

    /// "Nerweyi said he did not know": a personal pronoun within a few words, with no other
    /// person named in between to take it. Not after "told": the pronoun of "Hunter told
    /// Politico he ..." is the teller's, and outlets are what people tell things to.
    private static func pronounFollows(
        _ mention: EntityMention, in mentions: [EntityMention], _ sentence: Range<Int>, _ document: DocumentAnalysis
    ) -> Bool {
        if mention.tokens.lowerBound > sentence.lowerBound,
            tellVerbs.contains(document.tokens[mention.tokens.lowerBound - 1].text.lowercased())
        {
            return false
        }
        let window = mention.tokens.upperBound..<min(mention.tokens.upperBound + 5, sentence.upperBound)
        guard let pronoun = window.first(where: { personalPronouns.contains(document.tokens[$0].text.lowercased()) })
        else { return false }
        return !mentions.contains {
            $0.type == "PERSON" && $0.tokens.lowerBound > mention.tokens.lowerBound && $0.tokens.lowerBound < pronoun
        }
    }

    private static let listSeparators: Set<String> = [",", ";", "(", ")"]

    /// "Ongaro, Castrogiovanni; De Villiers": a person mention right across a comma,
    /// semicolon or bracket.
    private static func listedWithPerson(_ index: Int, in mentions: [EntityMention], _ document: DocumentAnalysis) -> Bool {
        let mention = mentions[index]
        func isPerson(at token: Int) -> Bool {
            mentions.contains { $0.type == "PERSON" && $0.tokens.contains(token) && $0.tokens != mention.tokens }
        }
        let before = mention.tokens.lowerBound - 1
        if before > 0, listSeparators.contains(document.tokens[before].text), isPerson(at: before - 1) { return true }
        let after = mention.tokens.upperBound
        return after + 1 < document.tokens.count && listSeparators.contains(document.tokens[after].text)
            && isPerson(at: after + 1)
    }

    /// A name joined by a lower-case particle ("Inzamam-ul-Haq", "Ata-ur-Rehman") or an
    /// Irish or French elided prefix ("O'Neill", "N'Gotty") has a person's shape.
    static func hasParticle(_ word: String) -> Bool {
        let parts = word.split(separator: "-")
        if parts.count > 2, parts.dropFirst().dropLast().contains(where: { $0.first?.isLowercase == true }) { return true }
        let scalars = Array(word.unicodeScalars)
        return scalars.count > 3 && (scalars[1] == "'" || scalars[1] == "\u{2019}") && scalars[0].properties.isUppercase
    }
}
