/// Titles of creative works named by the noun before them: "the film Midnight Harbour",
/// "the sitcom Will and Grace", "her novel Enduring Love".
///
/// The tagger sees a title's words as it sees a person's or a company's ("Tulip Fever" a
/// person), and no gazetteer can list every film. The noun in front says what the name
/// is, in any story, so the type follows it; every other mention of the same words in the
/// document takes the same type, since a story keeps calling its film by its title.
enum WorkTitles {
    static let nouns: Set<String> = [
        "film", "films", "movie", "movies", "sitcom", "series", "show", "shows", "programme", "program", "documentary",
        "drama", "comedy", "thriller", "musical", "opera", "play", "novel", "book", "books", "memoir", "biography",
        "album", "albums", "song", "songs", "single", "poem", "painting", "sculpture", "soap", "cartoon", "franchise",
        "sequel", "prequel", "remake", "blockbuster", "bestseller", "best-seller", "newspaper", "magazine", "podcast", "episode",
        "trilogy", "saga",
    ]
    /// What may stand before the noun: a determiner or possessive, a describing word, or a
    /// capitalised owner ("US sitcom", "BBC comedy"). Without one, "play", "show" and
    /// "single" are as often verbs or adjectives ("play Leeds", "show Smith ahead").
    static let before: Set<String> = [
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "new", "latest", "debut",
        "hit", "final", "first", "second", "third", "recent", "upcoming", "forthcoming", "classic", "acclaimed",
        "award-winning", "animated", "feature", "tv", "television", "radio", "comedy", "best-selling",
    ]

    /// Two words after which only a work stands: "starred in Tulip Fever", "an episode of
    /// The Simpsons". Not "star of" or "role in", which take teams and countries as often.
    static let workPhrases: Set<String> = [
        "starred in", "stars in", "starring in", "cast of", "episode of", "episodes of", "sequel to", "adaptation of",
        "remake of", "premiere of", "screenplay for", "soundtrack to", "screening of",
    ]

    /// Nouns after a title that only a work takes: "his Office character", "a Friends
    /// spin-off". Not "star", "series" or "creator", which follow bands, channels and
    /// companies as often ("Westlife star", "the BBC series", "Linux creator").
    static let nounsAfter: Set<String> = [
        "character", "characters", "episode", "episodes", "sequel", "prequel", "spin-off", "soundtrack", "finale",
        "storyline",
    ]

    /// Nouns naming an outlet: OntoNotes types newspapers and magazines as organizations.
    static let outletNouns: Set<String> = ["newspaper", "magazine"]

    static func retype(_ mentions: inout [EntityMention], in document: DocumentAnalysis) {
        // Each title's words and the type its noun gave it: a magazine's name repeated
        // later stays an organization, a film's a work.
        var titles: [String: String] = [:]
        for index in mentions.indices where mentions[index].type != "PERSON" || mentions[index].tokens.count > 1 {
            if namedByNounAfter(mentions[index], document) {
                retype(&mentions[index], as: "WORK_OF_ART")
                titles[mentions[index].text] = "WORK_OF_ART"
                continue
            }
            guard let noun = namingNoun(before: mentions[index].tokens.lowerBound, document) else { continue }
            // "starred in London": a known place after a phrase stays the place.
            if noun == "work", mentions[index].place != nil || mentions[index].type == "NORP" { continue }
            if ownsTheTitle(endingBefore: mentions[index].tokens.upperBound, document) { continue }
            retype(&mentions[index], as: outletNouns.contains(noun) ? "ORG" : "WORK_OF_ART")
            titles[mentions[index].text] = mentions[index].type
        }
        for title in untaggedTitles(besides: mentions, in: document) + untaggedBeforeNouns(besides: mentions, in: document) {
            titles[title.text] = title.type
            mentions.append(title)
        }
        guard !titles.isEmpty else { return }
        let byName = Dictionary(titles.map { (withoutThe($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        for index in mentions.indices {
            guard let type = titles[mentions[index].text] ?? byName[withoutThe(mentions[index].text)],
                mentions[index].type != type
            else { continue }
            retype(&mentions[index], as: type)
        }
        mentions += repeats(of: titles, untagged: mentions, in: document)
        mentions.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// Titles the tagger passed over altogether, after their noun: "the cartoon The
    /// Wobblers". The capitalised words after the noun, with the small words titles keep
    /// inside them ("Sex and the City"), less a leading "The" as the tagger would cut it.
    private static func untaggedTitles(besides mentions: [EntityMention], in document: DocumentAnalysis) -> [EntityMention] {
        let tokens = document.tokens
        let tagged = Set(mentions.flatMap { Array($0.tokens) })
        var found: [EntityMention] = []
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            guard !tagged.contains(index), tokens[index].text.isCapitalised,
                let noun = namingNoun(before: index, document)
            else { continue }
            var first = index
            if tokens[first].text == "The" { first += 1 }
            var end = first
            while end < tokens.count, !tagged.contains(end), end - first < 8, end == first || tokens[end].newlinesBefore == 0 {
                if tokens[end].text.isCapitalised {
                    end += 1
                } else if ["and", "of", "the", "in", "on", "for", "to"].contains(tokens[end].text), end + 1 < tokens.count,
                    tokens[end + 1].text.isCapitalised
                {
                    end += 2
                } else {
                    break
                }
            }
            // A run never ends in a small word or a "The" that opens the next name.
            while end > first, !tokens[end - 1].text.isCapitalised || tokens[end - 1].text == "The" { end -= 1 }
            guard end > first, !ownsTheTitle(endingBefore: end, document) else { continue }
            let type = outletNouns.contains(noun) ? "ORG" : "WORK_OF_ART"
            found.append(EntityMention(tokens: first..<end, type: type, in: document))
            index = end - 1
        }
        return found
    }

    /// A name between a determiner and a noun only works take: "his Office character".
    /// Persons and nationalities are their makers or their kind ("the Dickens character",
    /// "a Muslim character"), a known organization its owner.
    private static func namedByNounAfter(_ mention: EntityMention, _ document: DocumentAnalysis) -> Bool {
        let before = mention.tokens.lowerBound - 1
        let after = mention.tokens.upperBound
        guard before >= 0, after < document.tokens.count, !["PERSON", "NORP"].contains(mention.type),
            mention.organization == nil, nounsAfter.contains(document.tokens[after].text),
            ["the", "a", "an", "his", "her", "their", "its"].contains(document.tokens[before].text.lowercased())
        else { return false }
        return true
    }

    /// Titles the tagger passed over between a determiner and a noun only works take: "his
    /// Office character" (tagged or not, the same shape as `namedByNounAfter`).
    private static func untaggedBeforeNouns(besides mentions: [EntityMention], in document: DocumentAnalysis)
        -> [EntityMention]
    {
        let tokens = document.tokens
        let tagged = Set(mentions.flatMap { Array($0.tokens) })
        var found: [EntityMention] = []
        for noun in tokens.indices where nounsAfter.contains(tokens[noun].text) {
            var first = noun
            while first > 0, noun - first < 4, !tagged.contains(first - 1), tokens[first - 1].text.isCapitalised,
                tokens[first].newlinesBefore == 0
            {
                first -= 1
            }
            // "the Tarantino-directed episode": a describing word, not a title.
            let describing = tokens[first..<noun].contains {
                $0.text.split(separator: "-").dropFirst().contains { $0.first?.isLowercase == true }
            }
            guard first < noun, first > 0, !describing, tokens[first].newlinesBefore == 0,
                ["the", "a", "an", "his", "her", "their", "its"].contains(tokens[first - 1].text.lowercased())
            else { continue }
            found.append(EntityMention(tokens: first..<noun, type: "WORK_OF_ART", in: document))
        }
        return found
    }

    /// A name right before "'s" or another work noun is the work's owner or maker, not
    /// its title: "a remake of Whitney Houston's hit", "starred in TV comedy Married ...".
    private static func ownsTheTitle(endingBefore end: Int, _ document: DocumentAnalysis) -> Bool {
        guard end < document.tokens.count else { return false }
        if ["'s", "’s", "'", "’"].contains(document.tokens[end].text) { return true }
        // "BBC sketch programme The Fast Show": the noun may come a word or two later.
        return document.tokens[end..<min(end + 3, document.tokens.count)].contains { nouns.contains($0.text.lowercased()) }
    }

    /// A story writes its title with its article or without ("The Office", "his Office
    /// character"): both are the one work.
    private static func withoutThe(_ text: String) -> Substring {
        text.hasPrefix("The ") ? text.dropFirst(4) : text[...]
    }

    /// A title names no place, so it takes no place's country.
    private static func retype(_ mention: inout EntityMention, as type: String) {
        mention.type = type
        mention.place = nil
        mention.country = nil
    }

    /// Later uses of a title the tagger passed over ("Midnight Harbour cost less ..." at a
    /// sentence start): the same words, token for token, where no mention stands.
    private static func repeats(of titles: [String: String], untagged mentions: [EntityMention], in document: DocumentAnalysis)
        -> [EntityMention]
    {
        var found: [EntityMention] = []
        let tokens = document.tokens
        for (title, type) in titles.sorted(by: { $0.key < $1.key }) {
            let words = title.split(separator: " ").map(String.init)
            guard let head = words.first else { continue }
            for start in tokens.indices where tokens[start].text == head && start + words.count <= tokens.count {
                let range = start..<(start + words.count)
                guard zip(range, words).allSatisfy({ tokens[$0].text == $1 }),
                    !mentions.contains(where: { $0.tokens.overlaps(range) })
                else { continue }
                found.append(EntityMention(tokens: range, type: type, in: document))
            }
        }
        return found
    }

    /// The work noun right before a name, or before a comma before it ("the sequel, Harbour
    /// Lights,"), or before the title's own "The" ("US cartoon The Simpsons": the tagger,
    /// trained on CoNLL's convention, leaves "The" out of the name).
    private static func namingNoun(before first: Int, _ document: DocumentAnalysis) -> String? {
        var noun = first - 1
        if noun > 0, [",", "The", "the"].contains(document.tokens[noun].text) { noun -= 1 }
        // A headline's last word is no noun for the next line's name ("... Broadway play" /
        // "Actor Kevin ...").
        guard noun >= 0, !(noun + 1...first).contains(where: { document.tokens[$0].newlinesBefore > 0 }) else { return nil }
        let word = document.tokens[noun].text.lowercased()
        guard noun > 0 else { return nil }
        if workPhrases.contains(document.tokens[noun - 1].text.lowercased() + " " + word) { return "work" }
        guard nouns.contains(word) else { return nil }
        let previous = document.tokens[noun - 1].text
        let introduced = before.contains(previous.lowercased()) || previous.isCapitalised
        return introduced ? word : nil
    }
}
