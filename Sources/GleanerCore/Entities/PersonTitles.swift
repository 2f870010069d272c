/// Reads a person's titles and nationality or affiliation from the words written
/// right before their name: "Russian Deputy Foreign Minister Sergey Ryabkov",
/// "NATO Secretary General Jens Stoltenberg", "Russia's President Vladimir Putin".
struct PersonTitles {
    struct Found {
        var title: String?
        var country: String?
        var affiliation: String?
    }

    let gazetteer: Gazetteer

    func read(before mention: EntityMention, in document: DocumentAnalysis, organizations: [Range<Int>: EntityMention]) -> Found {
        let sentence = document.sentences[document.sentenceIndex(ofToken: mention.tokens.lowerBound)]
        var first = mention.tokens.lowerBound
        // Walk left over title words ("Secretary of State": "of" between two title words).
        while first > sentence.tokens.lowerBound {
            let word = document.tokens[first - 1].text
            if TitleLexicon.words.contains(word) {
                first -= 1
            } else if word == "of", first - 2 >= sentence.tokens.lowerBound, first < mention.tokens.lowerBound,
                TitleLexicon.words.contains(document.tokens[first - 2].text)
            {
                first -= 1
            } else {
                break
            }
        }
        var found = Found()
        let titleWords = document.tokens[first..<mention.tokens.lowerBound].map(\.text)
        var titleStart = first
        while titleStart < mention.tokens.lowerBound, TitleLexicon.honorifics.contains(document.tokens[titleStart].text) {
            titleStart += 1
        }
        if titleStart < mention.tokens.lowerBound,
            titleWords.contains(where: { !TitleLexicon.modifiers.contains($0) && !TitleLexicon.honorifics.contains($0) && $0 != "of" })
        {
            found.title = document.text(document.tokens[titleStart].start, document.tokens[mention.tokens.lowerBound - 1].end)
        }
        // Who the title belongs to: a nationality, a country ("Russia's"), or an organization.
        guard first > sentence.tokens.lowerBound else { return found }
        var owner = first - 1
        if document.tokens[owner].text == "'s" || document.tokens[owner].text == "’s", owner > sentence.tokens.lowerBound {
            owner -= 1
        }
        if let organization = organizations.first(where: { $0.key.upperBound == owner + 1 || $0.key.upperBound == first })?.value {
            found.affiliation = EntityClusterer.nameText(organization.text)
            found.country = organization.country
            return found
        }
        let word = document.tokens[owner].text
        if let entry = gazetteer.entry([word][...]) {
            found.country = entry.demonymCountry ?? entry.places.first { $0.kind == .country }?.country
        }
        return found
    }
}
