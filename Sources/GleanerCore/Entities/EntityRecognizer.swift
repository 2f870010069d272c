/// Finds the names in a document: the statistical tagger proposes typed spans, then
/// gazetteers and a few general rules attach places and countries and fix what no corpus
/// taught the tagger (a title word is not an organization; a treaty is a law).
///
/// The shipped tagger speaks OntoNotes types (PERSON, ORG, GPE, LOC, NORP, FAC, LAW, EVENT,
/// PRODUCT, WORK_OF_ART, and MISC for CoNLL names no OntoNotes type fitted); a tagger
/// trained on CoNLL-2003 alone speaks PER, ORG, LOC, MISC. Both are read here, so a model
/// can be swapped without touching the rules.
struct EntityRecognizer {
    let tagger: EntityTagger
    /// Given and family names, to tell a one-word person from a club or a band; empty
    /// leaves every one-word person as the tagger typed it.
    var personNames = PersonNames()
    var gazetteer: Gazetteer { tagger.gazetteer }

    private static let lawHeads: Set<String> = [
        "Treaty", "Act", "Law", "Convention", "Agreement", "Accord", "Accords", "Charter", "Constitution", "Protocol",
        "Amendment", "Resolution", "Directive", "Code", "Bill", "Pact",
    ]
    private static let eventHeads: Set<String> = [
        "War", "Olympics", "Games", "Cup", "Championship", "Championships", "Summit", "Election", "Elections",
        "Conference", "Festival", "Revolution", "Crisis", "Forum", "Open", "Grand Prix", "Marathon", "Expo", "Tour",
        "Uprising", "Massacre", "Offensive", "Operation",
    ]
    /// "the West", "the Middle East": regions named by direction, never nationalities.
    private static let compassRegions: Set<String> = [
        "West", "East", "North", "South", "Midwest", "Northeast", "Northwest", "Southeast", "Southwest", "Orient",
    ]
    private static let languages: Set<String> = [
        "English", "French", "German", "Spanish", "Russian", "Chinese", "Mandarin", "Arabic", "Portuguese", "Italian",
        "Japanese", "Korean", "Hindi", "Urdu", "Persian", "Farsi", "Turkish", "Hebrew", "Ukrainian", "Polish", "Dutch",
        "Swedish", "Greek", "Latin", "Swahili", "Bengali", "Cantonese",
    ]

    /// The tagger's typed mentions, then the checks that need the whole document, in
    /// this order: a skipped surname or acronym found again, works named by their noun,
    /// events, facilities, awards and products by the words of their names, persons no
    /// person could be or the story does not attest retyped, interjections dropped,
    /// headline names checked against the story, role words split out of names, and
    /// pieces of one name joined.
    func mentions(in document: DocumentAnalysis) -> [EntityMention] {
        var mentions = NamePropagation.extend(typedMentions(in: document), in: document, gazetteer: gazetteer)
        WorkTitles.retype(&mentions, in: document)
        EventNames.retype(&mentions, in: document)
        FacilityNames.retype(&mentions, in: document)
        AwardNames.retype(&mentions, in: document)
        ProductNames.retype(&mentions, in: document)
        retypeDoubtfulPersons(&mentions, in: document)
        NamesAfterRoles(names: personNames, gazetteer: gazetteer).retype(&mentions, in: document)
        mentions = HeadlineMentions.check(DiscourseOpeners.drop(mentions, in: document), in: document)
        return SplitNames().join(SwallowedTitles(gazetteer: gazetteer).split(mentions, in: document), in: document)
    }

    /// Persons no person could be (ImpossiblePersons: "Lib Dems", "Manchester United") and
    /// one-word persons the story does not attest (UnattestedPersons) are typed as the
    /// party, or the organization they most often are, or the place the words before say
    /// they are.
    private func retypeDoubtfulPersons(_ mentions: inout [EntityMention], in document: DocumentAnalysis) {
        let impossible = ImpossiblePersons(names: personNames)
        for index in mentions.indices {
            switch impossible.kind(of: mentions[index], in: document) {
            case .party?:
                mentions[index].type = "NORP"
            case .organization?:
                let words = EntityClusterer.nameWords(mentions[index].text)
                typeOrganization(&mentions[index], words: words, entry: gazetteer.entry(words[...]), before: nil)
            case nil:
                continue
            }
        }
        let words = UnattestedPersons(names: personNames).words(in: mentions, document)
        guard !words.isEmpty else { return }
        for index in mentions.indices
        where mentions[index].type == "PERSON" && mentions[index].tokens.count == 1
            && words.contains(mentions[index].text.lowercased())
        {
            let first = mentions[index].tokens.lowerBound
            let sentence = document.sentenceTokens(ofToken: first)
            let before = first > sentence.lowerBound ? document.tokens[first - 1].text : nil
            let nameWords = EntityClusterer.nameWords(mentions[index].text)
            typeOrganization(&mentions[index], words: nameWords, entry: gazetteer.entry(nameWords[...]), before: before)
        }
    }

    /// The tagger's spans, refined and typed, with the gazetteer's places and organizations.
    private func typedMentions(in document: DocumentAnalysis) -> [EntityMention] {
        let sentenceTokens = document.sentences.map(document.tokenTexts)
        let sentenceLabels = tagger.tagDocument(sentenceTokens)
        var mentions: [EntityMention] = []
        for (sentenceIndex, sentence) in document.sentences.enumerated() {
            let tokens = sentenceTokens[sentenceIndex]
            let offset = sentence.tokens.lowerBound
            var spans = BIO.spans(sentenceLabels[sentenceIndex])
            spans = refine(spans, tokens: tokens)
            for span in spans {
                let range = (span.tokens.lowerBound + offset)..<(span.tokens.upperBound + offset)
                let start = document.tokens[range.lowerBound].start
                let end = document.tokens[range.upperBound - 1].end
                var mention = EntityMention(
                    tokens: range, type: span.type, start: start, end: end, text: document.text(start, end))
                type(
                    &mention, words: Array(tokens[span.tokens]),
                    before: span.tokens.lowerBound > 0 ? tokens[span.tokens.lowerBound - 1] : nil)
                mentions.append(mention)
            }
        }
        // The gazetteer overrules the tagger's type where the name is unambiguous:
        // "TASS" is only an agency, "US" in "US Secretary of State" only a country.
        let nameWords = mentions.map { EntityClusterer.nameWords($0.text) }
        for index in mentions.indices {
            guard let entry = gazetteer.entry(nameWords[index][...]) else { continue }
            if let organization = entry.organization, entry.places.isEmpty, mentions[index].type != "ORG" {
                mentions[index].type = "ORG"
                mentions[index].organization = organization
                mentions[index].country = organization.country
                mentions[index].place = nil
            } else if mentions[index].type == "ORG", entry.organization == nil,
                let country = entry.places.first(where: { $0.kind == .country })
            {
                mentions[index].type = "GPE"
                mentions[index].place = country
                mentions[index].country = country.country
            }
        }
        disambiguatePlaces(&mentions, nameWords: nameWords, in: document)
        // A place name the tagger read as a person stays a person when the document also
        // uses it as a surname ("MaliVai Washington" ... "Washington won").
        let surnames = Set(
            mentions.filter { $0.type == "PERSON" && $0.tokens.count > 1 }.map { document.tokens[$0.tokens.upperBound - 1].text })
        for index in mentions.indices where mentions[index].overriddenPerson && surnames.contains(mentions[index].text) {
            mentions[index].type = "PERSON"
            mentions[index].place = nil
            mentions[index].country = nil
        }
        return mentions
    }

    /// Chooses among same-named places by what the text says around them: "Paris,
    /// Texas" is the Texan one; otherwise a place in a state or country the document
    /// names wins; otherwise the largest.
    /// `nameWords`: `EntityClusterer.nameWords` of each mention's text.
    private func disambiguatePlaces(_ mentions: inout [EntityMention], nameWords: [[String]], in document: DocumentAnalysis) {
        let regions = mentions.compactMap { $0.place }.filter { $0.kind == .state || $0.kind == .country }
        for index in mentions.indices {
            let words = nameWords[index]
            guard mentions[index].place?.kind == .city,
                let candidates = gazetteer.entry(words[...])?.places.filter({ $0.kind == .city }),
                candidates.count > 1
            else { continue }
            let next = mentions.first {
                $0.tokens.lowerBound == mentions[index].tokens.upperBound + 1
                    && document.tokens[mentions[index].tokens.upperBound].text == ","
            }
            func fits(_ city: Gazetteer.Place, _ region: Gazetteer.Place) -> Bool {
                region.kind == .state ? city.country == "US" && city.admin1 == region.admin1 : city.country == region.country
            }
            if let region = next?.place, region.kind != .city, let city = candidates.first(where: { fits($0, region) }) {
                mentions[index].place = city
            } else if let city = candidates.first(where: { city in regions.contains { $0.kind == .state && fits(city, $0) } }) {
                mentions[index].place = city
            }
            mentions[index].country = mentions[index].place?.country
        }
    }

    /// Span-level corrections that need the sentence around the span.
    /// Quote marks, dashes and sentence punctuation: never the edge of a name (brackets and
    /// "&" may be: "Mladost (BJ)").
    private static let marks: Set<Unicode.Scalar> = [
        "“", "”", "\"", "'", "‘", "’", "«", "»", "„", "—", "–", "―", "-", "!", "?", ".", ",", ":", ";", "`",
    ]

    private func refine(_ spans: [TaggedSpan], tokens: [String]) -> [TaggedSpan] {
        var result: [TaggedSpan] = []
        var index = 0
        while index < spans.count {
            var span = spans[index]
            // Quote marks and dashes the tagger took into a name, or took for one: "“ Trump" is
            // Trump, a lone "”" is nobody.
            let isMark = { (token: Int) in tokens[token].unicodeScalars.allSatisfy { Self.marks.contains($0) } }
            var lower = span.tokens.lowerBound
            var upper = span.tokens.upperBound
            while lower < upper, isMark(lower) { lower += 1 }
            while upper > lower, isMark(upper - 1) { upper -= 1 }
            guard lower < upper else {
                index += 1
                continue
            }
            span.tokens = lower..<upper
            let words = tokens[span.tokens]
            // "Secretary of State", "Secretary General": title words, not an organization or
            // place; "Mrs" alone is nobody's name either.
            if words.allSatisfy({ TitleLexicon.words.contains($0) }) && !Self.isPerson(span.type)
                || words.allSatisfy({ TitleLexicon.honorifics.contains($0) })
            {
                index += 1
                continue
            }
            // A nationality right before an organization names its owner: "the Russian Foreign Ministry".
            if index + 1 < spans.count, span.type == "MISC" || span.type == "NORP", spans[index + 1].type == "ORG",
                spans[index + 1].tokens.lowerBound == span.tokens.upperBound,
                gazetteer.entry(words)?.kinds.contains(.demonym) == true
            {
                span = TaggedSpan(type: "ORG", tokens: span.tokens.lowerBound..<spans[index + 1].tokens.upperBound)
                index += 1
            }
            result.append(titledPerson(span, words: words, tokens: tokens))
            index += 1
        }
        let phrases = headedPhrases(tokens, existing: result)
        let kept = result.filter { span in
            !phrases.contains { $0.tokens.lowerBound <= span.tokens.lowerBound && span.tokens.upperBound <= $0.tokens.upperBound }
        }
        var spans = kept + phrases.filter { phrase in !kept.contains { $0.tokens.overlaps(phrase.tokens) } }
        // The nationality inside "Russian Foreign Ministry" is a mention of its own as well.
        for span in spans where span.type == "ORG" || span.type == "LAW" {
            let first = span.tokens.lowerBound
            if span.tokens.count > 1, gazetteer.entry([tokens[first]][...])?.demonymCountry != nil {
                spans.append(TaggedSpan(type: "MISC", tokens: first..<(first + 1)))
            }
        }
        return spans.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// A person's span without the title words or honorific the tagger ran into it:
    /// "Minister Sergey Lavrov", "Mrs Clara Amsel" (the honorific stays in the text before
    /// the name, where gender and titles read it). And a short name the gazetteer does not
    /// know, right after a title or honorific, is a person whatever the tagger typed it
    /// ("Mayor Helena Brandt" as ORG). `words`: the span's words as the tagger gave it.
    private func titledPerson(_ span: TaggedSpan, words: ArraySlice<String>, tokens: [String]) -> TaggedSpan {
        var span = span
        if Self.isPerson(span.type) {
            var lower = span.tokens.lowerBound
            while lower < span.tokens.upperBound - 1,
                TitleLexicon.isTitleWord(tokens[lower]) || TitleLexicon.honorifics.contains(tokens[lower])
            {
                lower += 1
            }
            span.tokens = lower..<span.tokens.upperBound
        } else if span.tokens.lowerBound > 0, Self.namesAPerson(after: tokens[span.tokens.lowerBound - 1]),
            (2...3).contains(span.tokens.count), gazetteer.entry(words) == nil,
            words.allSatisfy({ $0.unicodeScalars.first?.isUpper == true })
        {
            span.type = "PERSON"
        }
        return span
    }

    /// Head words that type a capitalised phrase whatever the tagger made of it:
    /// "the Russian Foreign Ministry" is an organization, "the Treaty on Measures for
    /// the Further Reduction ... of Strategic Offensive Arms" a law.
    private static let phraseHeads: [String: String] = {
        var heads: [String: String] = [:]
        for head in lawHeads { heads[head] = "LAW" }
        for head in [
            "Ministry", "Department", "Office", "Agency", "Council", "Committee", "Commission", "Parliament", "Embassy",
            "Army", "Navy", "Party", "Court", "Service", "Police", "Institute", "Corporation", "Bank", "Authority",
            "Bureau", "Directorate", "Secretariat", "Assembly", "Senate", "Congress", "Cabinet", "Government",
            "Organisation", "Organization", "Alliance", "Association", "Federation", "Fund",
        ] {
            heads[head] = "ORG"
        }
        for head in companyHeads { heads[head] = "ORG" }
        return heads
    }()
    /// Words that end company names: legal forms and the trades firms name themselves by
    /// ("Marlow Ferries", "Miramax Films", "Nordport Holdings plc"). A person's name never
    /// ends in one, so they overrule a person the tagger saw.
    private static let companyHeads: Set<String> = [
        "Inc", "Inc.", "Ltd", "Ltd.", "plc", "PLC", "LLC", "Corp", "Corp.", "Co.", "AG", "GmbH", "SA", "NV", "Group",
        "Holdings", "Industries", "Airlines", "Airways", "Ferries", "Motors", "Systems", "Technologies", "Pharmaceuticals",
        "Enterprises", "Communications", "Networks", "Entertainment", "Studios", "Films", "Pictures", "Productions",
        "Publishing", "Insurance", "Investments", "Securities", "Telecom", "Laboratories", "Labs", "Foods", "Brewery",
        "Petroleum", "Mining", "Logistics", "Partners", "Associates", "Company", "Corporation",
    ]
    private static let phraseConnectors: Set<String> = ["of", "on", "for", "the", "and", "&"]

    /// Capitalised phrases built around a head word; they replace the tagger's spans they cover.
    private func headedPhrases(_ tokens: [String], existing: [TaggedSpan]) -> [TaggedSpan] {
        var found: [TaggedSpan] = []
        func capitalized(_ index: Int) -> Bool { tokens[index].unicodeScalars.first?.isUpper == true }
        var index = 0
        while index < tokens.count {
            guard let type = Self.phraseHeads[tokens[index]], index > 0 || tokens.count > 1 else {
                index += 1
                continue
            }
            var start = index
            while start > 0, capitalized(start - 1), !TitleLexicon.honorifics.contains(tokens[start - 1]),
                tokens[start - 1] != "The" || start - 1 > 0
            {
                start -= 1
            }
            var end = index + 1
            // "of Foreign Affairs", "on Measures for the Further Reduction and Limitation of ... Arms"
            var probe = end
            while probe < tokens.count, Self.phraseConnectors.contains(tokens[probe]) || capitalized(probe) {
                if capitalized(probe) { end = probe + 1 }
                probe += 1
            }
            // The last head decides: "North Atlantic Treaty Organisation" is an organization.
            let phraseType = (start..<end).reversed().lazy.compactMap { Self.phraseHeads[tokens[$0]] }.first ?? type
            let span = TaggedSpan(type: phraseType, tokens: start..<end)
            let taggerAgrees = existing.contains {
                $0.tokens.contains(index) && ($0.type == phraseType || ($0.type == "MISC" && phraseType == "LAW"))
            }
            // "Jewish West Bank settlements": a place name ending in a head word is a place.
            let isPlace = (start..<index).contains { gazetteer.entry(tokens[$0..<end])?.places.isEmpty == false }
            let clashesWithPerson =
                !Self.companyHeads.contains(tokens[end - 1])
                && existing.contains { Self.isPerson($0.type) && $0.tokens.overlaps(span.tokens) }
            // A lone head word ("Treaty", "Government") is not a name; it needs a modifier.
            if end - start >= 2, !taggerAgrees, !isPlace, !clashesWithPerson { found.append(span) }
            index = end
        }
        return found
    }

    static func isPerson(_ type: String) -> Bool { type == "PER" || type == "PERSON" }

    /// A capitalised title head or an honorific: "Mayor", "Senator", "Mrs" ("Foreign" or
    /// "National" alone modify a title and also begin organization names).
    static func namesAPerson(after word: String) -> Bool {
        TitleLexicon.honorifics.contains(word) || (TitleLexicon.words.contains(word) && !TitleLexicon.modifiers.contains(word))
    }

    /// The tagger's type → the OntoNotes type, with the gazetteer's country and place.
    private func type(_ mention: inout EntityMention, words: [String], before: String?) {
        // "Pa." is Pennsylvania whatever the tagger typed it ("R.I." an organization).
        if words.count == 1, let state = StateAbbreviations.states[words[0]] {
            let name = state.split(separator: " ").map(String.init)
            var entry = gazetteer.entry(name[...])
            entry?.places.removeAll { $0.kind != .state }  // the state, not the city of New York
            typePlace(&mention, words: name, entry: entry, tagged: "GPE")
            return
        }
        let entry = gazetteer.entry(words[...])
        switch mention.type {
        case "PER", "PERSON":
            typePerson(&mention, words: words, entry: entry, before: before)
        case "LOC", "GPE":
            typePlace(&mention, words: words, entry: entry, tagged: mention.type)
        case "FAC":
            // A facility the gazetteer knows as a town is the town ("Richmond"), not a building.
            if words.count == 1, let place = entry?.places.first, place.kind != .region {
                typePlace(&mention, words: words, entry: entry, tagged: "GPE")
            }
        case "ORG":
            typeOrganization(&mention, words: words, entry: entry, before: before)
        case "NORP":
            mention.country = entry?.demonymCountry
        case "LAW", "EVENT", "PRODUCT", "WORK_OF_ART":
            break
        default:  // MISC: CoNLL's leftovers, typed by their words
            typeMiscellaneous(&mention, words: words, entry: entry, before: before)
        }
    }

    private func typePerson(_ mention: inout EntityMention, words: [String], entry: Gazetteer.Entry?, before: String?) {
        mention.type = "PERSON"
        guard words.count == 1, let entry else { return }
        // A nationality word is not a person ("the Welsh runner"), unless the story also
        // uses it as a surname (undone with the other overrides).
        if let country = entry.demonymCountry, entry.places.isEmpty {
            mention.type = "NORP"
            mention.country = country
            mention.overriddenPerson = true
            return
        }
        // A capital or a country is not a person, whatever its shape ("Kiev said ..."); a
        // smaller town is one when the words before say place ("a crowd in Glasgow").
        guard let place = entry.places.first else { return }
        let saysPlace = before.map { Self.locativeWords.contains($0.lowercased()) } ?? false
        if place.kind == .country || place.population >= 1_000_000
            || saysPlace && (place.population >= 20_000 || place.kind != .city)
        {
            mention.type = "GPE"
            mention.place = place
            mention.country = place.country
            mention.overriddenPerson = true
        }
    }

    /// Words after which a name is a place rather than a person: "in", "near", "outside".
    /// Not "to" or "from", which take people as often ("spoke to Glass", "a letter from Hull").
    private static let locativeWords: Set<String> = ["in", "near", "outside", "across", "around", "throughout", "inside", "at"]

    /// `tagged`: GPE or LOC as the tagger said (CoNLL's LOC means either).
    private func typePlace(_ mention: inout EntityMention, words: [String], entry: Gazetteer.Entry?, tagged: String) {
        mention.type = tagged == "LOC" ? "LOC" : "GPE"
        if let place = entry?.places.first {
            mention.place = place
            mention.country = place.country
            mention.type = place.kind == .region ? "LOC" : "GPE"
        } else if words.count == 1, Self.compassRegions.contains(words[0]) {
            mention.type = "LOC"
        } else if let last = words.last, Self.naturalFeatureHeads.contains(last) {
            mention.type = "LOC"
        }
    }

    private static let naturalFeatureHeads: Set<String> = [
        "River", "Sea", "Ocean", "Mountains", "Mountain", "Lake", "Gulf", "Bay", "Valley", "Desert", "Island", "Islands",
        "Peninsula", "Strait", "Canal", "Basin",
    ]

    private func typeOrganization(_ mention: inout EntityMention, words: [String], entry: Gazetteer.Entry?, before: String?) {
        mention.type = "ORG"
        // A nationality is no body ("Britons" after a count); a place after "in" is the
        // place ("the summit in Gleneagles"), whatever the tagger's type.
        if let entry, entry.organization == nil {
            if let country = entry.demonymCountry, entry.places.isEmpty {
                mention.type = "NORP"
                mention.country = country
                return
            }
            if let before, Self.locativeWords.contains(before.lowercased()), before.lowercased() != "at",
                entry.places.first != nil
            {
                typePlace(&mention, words: words, entry: entry, tagged: "GPE")
                return
            }
        }
        if let organization = entry?.organization {
            mention.organization = organization
            mention.country = organization.country
        } else if let first = words.first, let demonym = gazetteer.entry([first][...])?.demonymCountry {
            mention.country = demonym
        } else if let first = words.first, let place = gazetteer.entry([first][...])?.places.first, place.kind == .country {
            mention.country = place.country
        }
    }

    private func typeMiscellaneous(_ mention: inout EntityMention, words: [String], entry: Gazetteer.Entry?, before: String?) {
        let text = words.joined(separator: " ")
        if let demonym = entry?.demonymCountry {
            mention.type = "NORP"
            mention.country = demonym
        } else if Self.languages.contains(text), before == "in" {
            mention.type = "LANGUAGE"
        } else if let last = words.last, Self.lawHeads.contains(last) {
            mention.type = "LAW"
        } else if words.contains(where: { Self.eventHeads.contains($0) }) {
            mention.type = "EVENT"
        } else if words.count == 1, Self.compassRegions.contains(words[0]) {
            mention.type = "LOC"
        } else if words.count == 1 {
            mention.type = "NORP"
        } else {
            mention.type = "WORK_OF_ART"
        }
    }
}
