/// Reads a person's titles, and the country or organization the title belongs to,
/// from the words around one mention of their name. Layouts:
///
/// - before the name, capitalised or not: "Russian Deputy Foreign Minister Sergey
///   Ryabkov", "oil minister X", "veteran comedian X", "Sen. X", "then-senator X";
/// - with an owner in front: "NATO Secretary General X" (affiliation), "Russia's
///   President X", "British diplomat X" (country), "Vermont Sen. X" (affiliation);
/// - a plural abbreviation shared by coordinated names: "Reps. X (R-N.Y.) and Y";
/// - in apposition after the name: "X, the chief scientist,", "X, chairman of Y",
///   "X, Britain's ambassador to Y,".
///
/// A role needs a head noun ("minister", "spokesman", "Secretary"): modifiers alone
/// ("former X", "the late X") are no title. Each role is reported as written and in
/// its shorter forms (see `forms`), so "former Conservative leader" also gives
/// "Conservative leader" and "leader".
struct PersonTitles {
    struct Found {
        var titles: [String] = []
        var country: String?
        var affiliation: String?
    }

    let gazetteer: Gazetteer
    /// Mentions by the token they end before, and by their first token.
    private let endingAt: [Int: EntityMention]
    private let startingAt: [Int: EntityMention]

    init(gazetteer: Gazetteer, mentions: [EntityMention]) {
        self.gazetteer = gazetteer
        endingAt = Dictionary(mentions.map { ($0.tokens.upperBound, $0) }, uniquingKeysWith: { first, _ in first })
        startingAt = Dictionary(mentions.map { ($0.tokens.lowerBound, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func read(_ mention: EntityMention, in document: DocumentAnalysis) -> Found {
        let sentence = document.sentences[document.sentenceIndex(ofToken: mention.tokens.lowerBound)].tokens
        var found = Found()
        if let before = roleBefore(mention.tokens.lowerBound, sentence: sentence, in: document, coordinated: true) {
            found.titles = before.forms
            found.country = before.country
            found.affiliation = before.affiliation
        } else {
            // No title, but a nationality or country may still stand before the name.
            let owner = self.owner(endingAt: mention.tokens.lowerBound, sentence: sentence, in: document)
            found.country = owner.country
            found.affiliation = owner.affiliation
        }
        if let after = roleAfter(mention.tokens.upperBound, sentence: sentence, in: document) {
            for form in after.forms where !found.titles.contains(form) { found.titles.append(form) }
            found.country = found.country ?? after.country
            found.affiliation = found.affiliation ?? after.affiliation
        } else {
            let predicate = predicateRole(of: mention, in: document)
            for form in predicate.titles where !found.titles.contains(form) { found.titles.append(form) }
            found.country = found.country ?? predicate.country
            found.affiliation = found.affiliation ?? predicate.affiliation
        }
        return found
    }

    /// A role read from the text: its words as written and what it belongs to.
    private struct Role {
        var words: [String]
        var country: String?
        var affiliation: String?
        /// A party or group adjective written before the role ("Conservative leader"):
        /// part of the office, so one form keeps it.
        var party: String?
        /// A nationality or party written inside the role ("former British ambassador",
        /// "presumptive Democratic nominee"): one form leaves it out.
        var embeddedOwner: String?
        /// The role was written in the plural ("Reps."), so coordinated names share it.
        var plural = false

        /// The role as written, without its time qualifier ("former", "then-"), with its
        /// party, and reduced to its head when every other word only describes the holder
        /// ("veteran comedian" → "comedian"; not "deputy minister", a different office).
        var forms: [String] {
            // Two roles stacked: "spokesman Lieutenant-Colonel X" is a spokesman and a
            // lieutenant-colonel, each reported on its own.
            if let split = words.indices.dropLast().first(where: { index in
                RoleLexicon.head(words[index]) != nil && words[index] == words[index].lowercased()
                    && PersonTitles.isHead(words[index + 1]) && words[index + 1] != words[index + 1].lowercased()
            }) {
                var first = self
                first.words = Array(words[...split])
                var second = self
                second.words = Array(words[(split + 1)...])
                second.party = nil
                return first.forms + second.forms.filter { !first.forms.contains($0) }
            }
            var forms: [String] = []
            func add(_ words: [String]) {
                let text = words.joined(separator: " ")
                if !words.isEmpty, !forms.contains(text) { forms.append(text) }
            }
            let written = words.map { RoleLexicon.pluralAbbreviations[$0] ?? $0 }
            add(written)
            var bare = written
            while let first = bare.first, bare.count > 1, RoleLexicon.timeQualifiers.contains(first.lowercased()) {
                bare.removeFirst()
            }
            if let first = bare.first, let split = RoleLexicon.head(first), split.qualifier != nil {
                bare[0] = split.head
            }
            add(bare)
            if let embeddedOwner, let index = bare.firstIndex(of: embeddedOwner) {
                bare.remove(at: index)
                add(bare)
            }
            // The race a role is in is no part of the role: "presumptive presidential
            // nominee" is also a "presumptive nominee".
            if bare.count > 2, bare.dropLast().contains(where: { RoleLexicon.contests.contains($0) }) {
                add(bare.filter { !RoleLexicon.contests.contains($0) })
            }
            if let party { add([party] + bare) }
            if bare.count > 1, let last = bare.last, RoleLexicon.head(last) != nil,
                bare.allSatisfy({ $0 == $0.lowercased() && !RoleLexicon.ranks.contains($0) })
            {
                add([last])
            }
            return forms
        }
    }

    /// The role written right before token `name` (honorifics such as "Sir" between
    /// them are skipped), and its owner.
    private func roleBefore(_ name: Int, sentence: Range<Int>, in document: DocumentAnalysis, coordinated: Bool) -> Role? {
        let tokens = document.tokens
        var end = name
        while end > sentence.lowerBound, TitleLexicon.honorifics.contains(tokens[end - 1].text),
            !TitleLexicon.modifiers.contains(tokens[end - 1].text)
        {
            end -= 1
        }
        var start = end
        var embedded: Int?
        while start > sentence.lowerBound {
            let word = tokens[start - 1].text
            let lowered = opensClause(start - 1, sentence: sentence, in: document) ? word.lowercased() : word
            if start < end, start - 2 >= sentence.lowerBound, embedded == nil,
                PartyWords.party(word) != nil || endingAt[start].map({ $0.tokens.count == 1 && $0.type == "NORP" }) == true,
                Self.qualifies(tokens[start - 2].text, initial: opensClause(start - 2, sentence: sentence, in: document))
            {
                // A nationality or party between role words belongs to the role's owner.
                embedded = start - 1
                start -= 1
            } else if TitleLexicon.isTitleWord(word) || RoleLexicon.pluralAbbreviations[word] != nil {
                start -= 1
            } else if word == "of", start < end, start - 2 >= sentence.lowerBound,
                TitleLexicon.words.contains(tokens[start - 2].text)
            {
                start -= 1
            } else if RoleLexicon.head(lowered) != nil || (start < end && RoleLexicon.isModifier(lowered)) {
                start -= 1
            } else if start < end,
                RoleLexicon.ranks.contains(word.lowercased()) || RoleLexicon.timeQualifiers.contains(word.lowercased())
            {
                // A capitalised rank inside a title: "Managing Director", "Chief Operating Officer".
                start -= 1
            } else {
                break
            }
        }
        // Honorifics at the front are no part of the title ("Sir", "Dr."); "Former" and "Acting" are.
        while start < end, TitleLexicon.honorifics.contains(tokens[start].text),
            !TitleLexicon.modifiers.contains(tokens[start].text)
        {
            start += 1
        }
        // "Under" is a rank only in "Under Secretary"; before other titles it is the
        // preposition ("under President X's reform").
        if start + 1 < end, tokens[start].text == "Under", !tokens[start + 1].text.hasPrefix("Secretary") { start += 1 }
        let words = tokens[start..<end].map(\.text)
        let initial = start < end && opensClause(start, sentence: sentence, in: document)
        guard start < end, Self.hasHead(words, sentenceInitial: initial) else {
            if coordinated, let shared = sharedPluralRole(before: name, sentence: sentence, in: document) { return shared }
            return coordinated ? possessedRole(before: name, sentence: sentence, in: document) : nil
        }
        var role = Role(words: Self.sentenceCase(words, initial: initial))
        role.plural = words.contains { RoleLexicon.pluralAbbreviations[$0] != nil }
        let owner = self.owner(endingAt: start, sentence: sentence, in: document)
        role.country = owner.country
        role.affiliation = owner.affiliation
        role.party = owner.party
        if let embedded {
            let inner = self.owner(ofWord: embedded, in: document)
            role.embeddedOwner = tokens[embedded].text
            role.country = role.country ?? inner.country
            role.affiliation = role.affiliation ?? inner.affiliation
        }
        return role
    }

    /// Whether the token opens a sentence or a clause after a dash, colon, quote mark or
    /// bracket, where a common noun may be capitalised ("— Presumptive nominee X").
    private func opensClause(_ token: Int, sentence: Range<Int>, in document: DocumentAnalysis) -> Bool {
        token == sentence.lowerBound || Self.clauseOpeners.contains(document.tokens[token - 1].text)
    }

    private static let clauseOpeners: Set<String> = ["—", "–", "-", "--", ":", "\"", "“", "‘", "(", "["]

    /// "Vodafone's chief executive, Arun Sarin," and "The company's chairman, X,": a role
    /// owned in the possessive, then a comma, then the name. The possessive keeps "a
    /// letter to the chairman, X said" from giving X the chairman's role.
    private func possessedRole(before name: Int, sentence: Range<Int>, in document: DocumentAnalysis) -> Role? {
        let tokens = document.tokens
        guard name - 2 > sentence.lowerBound, tokens[name - 1].text == "," else { return nil }
        if let role = definiteRole(endingAt: name - 1, sentence: sentence, in: document) { return role }
        guard Self.isHead(tokens[name - 2].text) else { return nil }
        var start = name - 1
        while start > sentence.lowerBound, Self.isRoleWord(tokens[start - 1].text) { start -= 1 }
        guard start > sentence.lowerBound + 1, ["'s", "’s"].contains(tokens[start - 1].text) else { return nil }
        var role = Role(words: tokens[start..<(name - 1)].map(\.text))
        let owner = self.owner(endingAt: start, sentence: sentence, in: document)
        role.country = owner.country
        role.affiliation = owner.affiliation
        return role
    }

    /// "The speaker of the Harbour Council, X, said": a definite role opening the sentence,
    /// held at an organization or place, in apposition to the name after it.
    private func definiteRole(endingAt comma: Int, sentence: Range<Int>, in document: DocumentAnalysis) -> Role? {
        let tokens = document.tokens
        guard tokens[sentence.lowerBound].text == "The", let mention = endingAt[comma], mention.type != "PERSON" else {
            return nil
        }
        var of = mention.tokens.lowerBound - 1
        if of > sentence.lowerBound, tokens[of].text == "the" { of -= 1 }
        guard of > sentence.lowerBound + 1, ["of", "for", "at"].contains(tokens[of].text) else { return nil }
        let words = tokens[(sentence.lowerBound + 1)..<of].map(\.text)
        guard let last = words.last, Self.isHead(last), words.allSatisfy({ Self.isRoleWord($0) }) else { return nil }
        var role = Role(words: words)
        let owner = self.owner(of: mention)
        role.affiliation = owner.affiliation
        role.country = owner.country
        return role
    }

    /// "Reps. Chris Collins (R-N.Y.) and Duncan Hunter": the name after "and" or a comma
    /// takes the plural title of the name before it.
    private func sharedPluralRole(before name: Int, sentence: Range<Int>, in document: DocumentAnalysis) -> Role? {
        let tokens = document.tokens
        var index = name - 1
        guard index > sentence.lowerBound, ["and", ","].contains(tokens[index].text) else { return nil }
        if tokens[index - 1].text == ")" {
            guard let open = (sentence.lowerBound..<(index - 1)).last(where: { tokens[$0].text == "(" }) else { return nil }
            index = open
        }
        guard let previous = endingAt[index], previous.type == "PERSON",
            var role = roleBefore(previous.tokens.lowerBound, sentence: sentence, in: document, coordinated: true), role.plural
        else { return nil }
        role.country = nil
        role.affiliation = nil
        return role
    }

    /// A role in apposition right after the name: ", the shadow education secretary,",
    /// ", spokesman for Vodafone,", ", Britain's ambassador to the US".
    private func roleAfter(_ end: Int, sentence: Range<Int>, in document: DocumentAnalysis) -> Role? {
        var end = end
        // An age between name and role: "X, 52, chairman of Y".
        if end + 3 < sentence.upperBound, document.tokens[end].text == ",", Int(document.tokens[end + 1].text) != nil,
            document.tokens[end + 2].text == ","
        {
            end += 2
        }
        // After a comma, or in brackets: "Ian Healy (captain)".
        guard end + 1 < sentence.upperBound, [",", "("].contains(document.tokens[end].text) else { return nil }
        return rolePhrase(at: end + 1, sentence: sentence, in: document, openFields: true)
    }

    /// The role a sentence gives its subject: "X became an MP", "she was secretary of
    /// state", "he serves as the British ambassador to the US".
    func predicateRole(of mention: EntityMention, in document: DocumentAnalysis) -> Found {
        let sentence = document.sentences[document.sentenceIndex(ofToken: mention.tokens.lowerBound)].tokens
        let tokens = document.tokens
        var index = mention.tokens.upperBound
        // A relative clause: "X, who is the chief executive, ...".
        if index + 2 < sentence.upperBound, tokens[index].text == ",", tokens[index + 1].text == "who" { index += 2 }
        func skipAdverbs() {
            while index < sentence.upperBound, Self.predicateAdverbs.contains(tokens[index].text) { index += 1 }
        }
        skipAdverbs()
        guard index + 1 < sentence.upperBound else { return Found() }
        let verb = tokens[index].text
        if Self.copulas.contains(verb) {
            index += 1
        } else if Self.servingVerbs.contains(verb), tokens[index + 1].text == "as" {
            index += 2
        } else {
            return Found()
        }
        skipAdverbs()
        guard index < sentence.upperBound, let role = rolePhrase(at: index, sentence: sentence, in: document) else {
            return Found()
        }
        return Found(titles: role.forms, country: role.country, affiliation: role.affiliation)
    }

    private static let copulas: Set<String> = ["is", "was", "became", "becomes", "remains", "remained", "has been", "had been"]
    private static let servingVerbs: Set<String> = [
        "serves", "served", "serving", "works", "worked", "working", "acts", "acted", "stood", "stands",
    ]
    private static let predicateAdverbs: Set<String> = [
        "now", "currently", "still", "also", "then", "later", "once", "previously", "formerly", "briefly",
    ]

    /// A role phrase starting at `index`, after an apposition's comma or a copula: an
    /// optional article and owner, role words ending at a head, then the organization it
    /// is held at ("of Y", "for Y", "to Y") or the end of the phrase.
    /// `openFields`: words the lexicon lacks may stand before the head, where the layout
    /// itself (an apposition) says a role follows.
    private func rolePhrase(at start: Int, sentence: Range<Int>, in document: DocumentAnalysis, openFields: Bool = false) -> Role?
    {
        let tokens = document.tokens
        var index = start
        if ["the", "a", "an"].contains(tokens[index].text) { index += 1 }
        guard index < sentence.upperBound else { return nil }
        // An owner first: "Britain's", "the Scarlets", "the Conservative".
        var owner = Owner()
        if let mention = startingAt[index], mention.type != "PERSON" {
            var next = mention.tokens.upperBound
            if next < sentence.upperBound, ["'s", "’s"].contains(tokens[next].text) { next += 1 }
            if next < sentence.upperBound, Self.isRoleWord(tokens[next].text) {
                owner = self.owner(of: mention)
                index = next
            }
        }
        let phraseStart = index
        var embedded: Int?
        var ofPortfolio: Int?
        while index < sentence.upperBound {
            let word = tokens[index].text
            if TitleLexicon.isTitleWord(word) || RoleLexicon.head(word) != nil || RoleLexicon.isModifier(word) {
                index += 1
            } else if openFields, index - phraseStart < 2, Self.isOpenWord(word),
                (index + 1..<min(index + 3, sentence.upperBound)).contains(where: { RoleLexicon.head(tokens[$0].text) != nil })
            {
                // A field the lexicon does not list, right before a head: "banking industry analyst".
                index += 1
            } else if index > phraseStart, embedded == nil,
                PartyWords.party(word) != nil || startingAt[index].map({ $0.tokens.count == 1 && $0.type == "NORP" }) == true,
                index + 1 < sentence.upperBound, Self.isRoleWord(tokens[index + 1].text)
            {
                embedded = index
                index += 1
            } else if word == "of", index > phraseStart, TitleLexicon.words.contains(tokens[index - 1].text),
                index + 1 < sentence.upperBound,
                TitleLexicon.words.contains(tokens[index + 1].text)
            {
                index += 1
            } else if word == "of", index > phraseStart, RoleLexicon.head(tokens[index - 1].text) != nil,
                index + 1 < sentence.upperBound,
                Self.portfolios.contains(tokens[index + 1].text),
                index + 2 == sentence.upperBound || !Self.isRoleWord(tokens[index + 2].text)
            {
                // "secretary of state", "minister of defence": the portfolio after the head.
                index += 2
                ofPortfolio = index
            } else {
                break
            }
        }
        // The role ends at its head: "the chief scientist", not "the chief scientist's ...".
        while index > phraseStart, index != ofPortfolio, !Self.isHead(tokens[index - 1].text) { index -= 1 }
        guard index > phraseStart else { return nil }
        let words = tokens[phraseStart..<index].map(\.text)
        guard Self.hasHead(words, sentenceInitial: false) else { return nil }
        // What follows must close the apposition or attach the role to its organization.
        var role = Role(words: words, country: owner.country, affiliation: owner.affiliation, party: owner.party)
        if let embedded, embedded < index {
            let inner = self.owner(ofWord: embedded, in: document)
            role.embeddedOwner = tokens[embedded].text
            role.country = role.country ?? inner.country
            role.affiliation = role.affiliation ?? inner.affiliation
        }
        if index < sentence.upperBound, ["of", "for", "at", "to", "with", "in"].contains(tokens[index].text) {
            var target = index + 1
            if target < sentence.upperBound, tokens[target].text == "the" { target += 1 }
            if let mention = startingAt[target], mention.type != "PERSON" || mention.tokens.count == 1 {
                if role.affiliation == nil || tokens[index].text == "to" {
                    role.affiliation = EntityClusterer.nameText(mention.text)
                }
                if tokens[index].text != "to", role.country == nil { role.country = self.owner(of: mention).country }
            }
            return role
        }
        guard index == sentence.upperBound || Self.closesApposition(tokens[index].text) else { return nil }
        return role
    }

    private static let appositionClosers: Set<String> = [
        ",", ".", ";", ":", ")", "—", "–", "said", "says", "told", "who", "whose", "and", "has", "had", "is", "was",
        "will", "would", "added", "explained", "argued", "wrote", "since", "until", "from", "when", "before", "after",
        "during", "on", "but", "or", "between", "under", "last", "this",
    ]

    /// Portfolios written after a lower-case head: "secretary of state", "chief of staff".
    private static let portfolios: Set<String> = [
        "state", "defence", "defense", "finance", "health", "education", "justice", "energy", "transport", "agriculture",
        "labour", "labor", "culture", "trade", "communications", "operations", "staff", "policy", "research",
        "marketing", "sales", "security", "intelligence", "police",
    ]

    /// Punctuation or a verb after the role closes the apposition; a possessive does not
    /// ("X, the secretary's driver": the role is someone else's).
    private static func closesApposition(_ word: String) -> Bool {
        guard word != "'s", word != "’s" else { return false }
        return appositionClosers.contains(word) || word.unicodeScalars.first.map { !$0.isAlpha } == true
    }

    /// A word that can stand left of a nationality or party inside a role: "former",
    /// "presumptive", "Deputy".
    private static func qualifies(_ word: String, initial: Bool) -> Bool {
        RoleLexicon.isModifier(initial ? word.lowercased() : word) || TitleLexicon.modifiers.contains(word)
    }

    private static let closedWords: Set<String> = [
        "the", "a", "an", "his", "her", "their", "its", "one", "who", "which", "that", "and", "or", "but", "of", "in", "on",
        "at", "to", "for", "with", "by", "from", "as", "is", "was", "has", "had", "not", "also", "now", "be", "been",
    ]

    /// A lower-case content word: letters only, not a function word, and not a participle
    /// or an adverb ("was named captain", "newly elected").
    private static func isOpenWord(_ word: String) -> Bool {
        !closedWords.contains(word) && !word.hasSuffix("ed") && !word.hasSuffix("ly")
            && word.unicodeScalars.allSatisfy { $0.properties.isLowercase || $0 == "-" }
    }

    private static func isRoleWord(_ word: String) -> Bool {
        TitleLexicon.isTitleWord(word) || RoleLexicon.head(word) != nil || RoleLexicon.isModifier(word)
    }

    fileprivate static func isHead(_ word: String) -> Bool {
        RoleLexicon.head(word) != nil
            || (TitleLexicon.isTitleWord(word) && !TitleLexicon.modifiers.contains(word)
                && !TitleLexicon.honorifics.contains(word))
            || RoleLexicon.pluralAbbreviations[word] != nil
    }

    /// A role has a head: a role noun, or a capitalised title word that is not only a
    /// modifier or an honorific ("Deputy Foreign" alone is none).
    private static func hasHead(_ words: [String], sentenceInitial: Bool) -> Bool {
        words.enumerated().contains { index, word in
            isHead(index == 0 && sentenceInitial ? word.lowercased() : word) || isHead(word)
        }
    }

    /// A sentence's first word keeps its capital only if it is a title word ("President"),
    /// not a common noun capitalised by position ("Veteran comedian").
    private static func sentenceCase(_ words: [String], initial: Bool) -> [String] {
        guard initial, let first = words.first, !TitleLexicon.words.contains(first),
            RoleLexicon.head(first.lowercased()) != nil || RoleLexicon.isModifier(first.lowercased())
        else { return words }
        return [first.lowercased()] + words.dropFirst()
    }

    private struct Owner {
        var country: String?
        var affiliation: String?
        var party: String?
    }

    /// Who a title written before `start` belongs to: an organization or party ending
    /// there, a nationality, or a country in the possessive ("Russia's").
    private func owner(endingAt start: Int, sentence: Range<Int>, in document: DocumentAnalysis) -> Owner {
        guard start > sentence.lowerBound else { return Owner() }
        var end = start
        let last = document.tokens[end - 1].text
        if last == "'s" || last == "’s", end - 1 > sentence.lowerBound { end -= 1 }
        if let mention = endingAt[end], mention.type != "PERSON" { return owner(of: mention) }
        var found = Owner()
        if let entry = gazetteer.entry([document.tokens[end - 1].text][...]) {
            found.country = entry.demonymCountry ?? entry.places.first { $0.kind == .country }?.country
        }
        return found
    }

    /// The owner a nationality or party word inside a role names.
    private func owner(ofWord index: Int, in document: DocumentAnalysis) -> Owner {
        if let mention = startingAt[index], mention.tokens.count == 1 { return owner(of: mention) }
        let word = document.tokens[index].text
        return Owner(affiliation: word, party: word)
    }

    private func owner(of mention: EntityMention) -> Owner {
        var found = Owner()
        let name = EntityClusterer.nameText(mention.text)
        if PartyWords.party(name) != nil {
            found.affiliation = name
            found.party = name
            return found
        }
        switch mention.type {
        case "NORP":
            found.country = mention.country
            // A party or group adjective ("Conservative", "Democratic"), not a nationality.
            if mention.country == nil {
                found.affiliation = EntityClusterer.nameText(mention.text)
                found.party = found.affiliation
            }
        case "GPE", "LOC":
            if mention.place?.kind == .country {
                found.country = mention.place?.country ?? mention.country
            } else {
                found.affiliation = EntityClusterer.nameText(mention.text)
                found.country = mention.country
            }
        default:
            found.affiliation = EntityClusterer.nameText(mention.text)
            found.country = mention.country
        }
        return found
    }
}
