/// Splits role words the tagger took into a name back out of it, so the person
/// stands alone and the role can be read as their title:
///
/// - "Assemblywoman Claudia Tenney" typed ORG → PERSON "Claudia Tenney";
/// - "Republican National Committee Chairman Reince Priebus" → ORG "Republican National
///   Committee" + PERSON "Reince Priebus" (titled Chairman, with that affiliation);
/// - "Treasury Paul Boateng" → ORG "Treasury" + PERSON "Paul Boateng".
///
/// The part after the role must look like a person's name: capitalised words with no
/// organization or place head among them ("Prince William County" stays whole), two or
/// more of them, or one the document uses as a person's surname elsewhere.
struct SwallowedTitles {
    let gazetteer: Gazetteer

    /// Departments that head a person's name when the tagger runs them together
    /// ("Treasury Paul Boateng"); they are organizations, not title words.
    private static let departments: Set<String> = ["Treasury", "Exchequer", "Pentagon", "Kremlin", "Cabinet", "Commons"]

    /// Words that end organization and place names: a name with one is no person.
    static let nonPersonHeads: Set<String> = [
        "Ministry", "Department", "Office", "Agency", "Council", "Committee", "Commission", "Parliament", "Embassy",
        "Army", "Navy", "Party", "Court", "Service", "Police", "Institute", "Corporation", "Bank", "Authority",
        "Bureau", "Assembly", "Senate", "Congress", "Cabinet", "Government", "Organisation", "Organization",
        "Alliance", "Association", "Federation", "Fund", "University", "College", "School", "Hospital", "Church",
        "County", "City", "Street", "Road", "Avenue", "Square", "Park", "Airport", "Station", "Hotel", "Centre",
        "Center", "Club", "Foundation", "Trust", "Group", "Company", "Inc", "Inc.", "Ltd", "Ltd.", "Corp", "Corp.",
        "Motors", "Award", "Awards", "Prize", "Cup", "Games", "Bridge", "River", "Lake", "Island", "Islands",
        "Mountain", "Act", "Treaty", "Law", "Bill", "Day", "Hall", "House", "Museum", "Theatre", "Theater", "League",
        "Front", "Union", "Movement", "Network", "News", "Newsroom", "Times", "Post", "Baseball", "Football",
        "Radio", "Television", "TV", "Studio", "Studios", "Records", "Films", "Pictures", "Media", "Entertainment",
        "United", "Rovers", "Wanderers", "Athletic", "Airlines", "Airways", "Holdings", "Partners", "Capital",
    ]

    func split(_ mentions: [EntityMention], in document: DocumentAnalysis) -> [EntityMention] {
        let tokens = document.tokens
        let surnames = Set(mentions.filter { $0.type == "PERSON" }.map { tokens[$0.tokens.upperBound - 1].text })
        var result: [EntityMention] = []
        result.reserveCapacity(mentions.count)
        for mention in mentions {
            guard mention.tokens.count >= 2, mention.organization == nil,
                let split = splitPoint(mention, in: document, surnames: surnames)
            else {
                result.append(mention)
                continue
            }
            if split.owner.lowerBound < split.owner.upperBound {
                result.append(owner(split.owner, wasPerson: mention.type == "PERSON", in: document))
            }
            var person = piece(split.name, type: "PERSON", in: document)
            person.country = nil
            result.append(person)
        }
        return result
    }

    /// Where the role sits in the mention: the tokens before it (its owner, possibly
    /// none) and the name after it.
    private func splitPoint(_ mention: EntityMention, in document: DocumentAnalysis, surnames: Set<String>) -> (
        owner: Range<Int>, name: Range<Int>
    )? {
        let tokens = document.tokens
        let range = mention.tokens
        func isRole(_ index: Int) -> Bool {
            let word = tokens[index].text
            return TitleLexicon.words.contains(word) && !TitleLexicon.honorifics.contains(word)
                || RoleLexicon.pluralAbbreviations[word] != nil
        }
        // The last role word (or department) with a non-role word after it.
        guard
            let roleEnd = range.dropLast().last(where: {
                (isRole($0) || Self.departments.contains(tokens[$0].text)) && !isRole($0 + 1)
            })
        else {
            return nil
        }
        var roleStart = roleEnd
        if !Self.departments.contains(tokens[roleEnd].text) {
            while roleStart > range.lowerBound,
                isRole(roleStart - 1)
                    || (tokens[roleStart - 1].text == "of" && roleStart - 1 > range.lowerBound && isRole(roleStart - 2))
            {
                roleStart -= 1
            }
        } else {
            roleStart = roleEnd + 1  // the department stays with the owner
        }
        // A role needs a head: "National" or "Air" alone is the start of an organization's name.
        guard
            Self.departments.contains(tokens[roleEnd].text)
                || (roleStart...roleEnd).contains(where: {
                    !TitleLexicon.modifiers.contains(tokens[$0].text) && tokens[$0].text != "of"
                })
        else { return nil }
        let name = (roleEnd + 1)..<range.upperBound
        let nameWords = tokens[name].map(\.text)
        // A person already: the recognizer has taken leading titles off it.
        if mention.type == "PERSON", roleStart == range.lowerBound { return nil }
        guard nameWords.count <= 3,
            nameWords.allSatisfy({ word in word.unicodeScalars.first?.isUpper == true && !Self.nonPersonHeads.contains(word) }),
            nameWords.count >= 2 || surnames.contains(nameWords[0]),
            gazetteer.entry(nameWords[...]) == nil
        else { return nil }
        return (range.lowerBound..<roleStart, name)
    }

    /// The owner in front of the role, typed the way the gazetteer knows it: a party or
    /// nationality (NORP), a place (GPE), else an organization.
    private func owner(_ tokens: Range<Int>, wasPerson: Bool, in document: DocumentAnalysis) -> EntityMention {
        let words = document.tokens[tokens].map(\.text)
        let entry = gazetteer.entry(words[...])
        var mention = piece(tokens, type: "ORG", in: document)
        if let country = entry?.demonymCountry {
            mention.type = "NORP"
            mention.country = country
        } else if PartyWords.party(words.joined(separator: " ")) != nil {
            mention.type = "NORP"
        } else if let place = entry?.places.first {
            mention.type = place.kind == .region ? "LOC" : "GPE"
            mention.place = place
            mention.country = place.country
        } else if let organization = entry?.organization {
            mention.organization = organization
            mention.country = organization.country
        }
        return mention
    }

    private func piece(_ tokens: Range<Int>, type: String, in document: DocumentAnalysis) -> EntityMention {
        EntityMention(tokens: tokens, type: type, in: document)
    }
}
