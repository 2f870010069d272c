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
        "sequel", "prequel", "remake", "blockbuster", "bestseller", "newspaper", "magazine", "podcast", "episode",
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

    static func retype(_ mentions: inout [EntityMention], in document: DocumentAnalysis) {
        var titles: Set<String> = []
        for index in mentions.indices where mentions[index].type != "PERSON" || mentions[index].tokens.count > 1 {
            guard let noun = namingNoun(before: mentions[index].tokens.lowerBound, document) else { continue }
            retype(&mentions[index], as: noun == "newspaper" || noun == "magazine" ? "ORG" : "WORK_OF_ART")
            titles.insert(mentions[index].text)
        }
        guard !titles.isEmpty else { return }
        for index in mentions.indices where titles.contains(mentions[index].text) && !["WORK_OF_ART", "ORG"].contains(mentions[index].type) {
            retype(&mentions[index], as: "WORK_OF_ART")
        }
        mentions += repeats(of: titles, untagged: mentions, in: document)
        mentions.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// A title names no place, so it takes no place's country.
    private static func retype(_ mention: inout EntityMention, as type: String) {
        mention.type = type
        mention.place = nil
        mention.country = nil
    }

    /// Later uses of a title the tagger passed over ("Midnight Harbour cost less ..." at a
    /// sentence start): the same words, token for token, where no mention stands.
    private static func repeats(of titles: Set<String>, untagged mentions: [EntityMention], in document: DocumentAnalysis) -> [EntityMention] {
        var found: [EntityMention] = []
        let tokens = document.tokens
        for title in titles {
            let words = title.split(separator: " ").map(String.init)
            guard let head = words.first else { continue }
            for start in tokens.indices where tokens[start].text == head && start + words.count <= tokens.count {
                let range = start..<(start + words.count)
                guard zip(range, words).allSatisfy({ tokens[$0].text == $1 }),
                    !mentions.contains(where: { $0.tokens.overlaps(range) })
                else { continue }
                let mentionStart = tokens[range.lowerBound].start
                let end = tokens[range.upperBound - 1].end
                found.append(EntityMention(tokens: range, type: "WORK_OF_ART", start: mentionStart, end: end, text: document.text(mentionStart, end)))
            }
        }
        return found
    }

    /// The work noun right before a name, or before a comma before it ("the sequel, Harbour
    /// Lights,"). Newspapers and magazines are organizations in OntoNotes; the rest works.
    private static func namingNoun(before first: Int, _ document: DocumentAnalysis) -> String? {
        var noun = first - 1
        if noun > 0, document.tokens[noun].text == "," { noun -= 1 }
        guard noun >= 0 else { return nil }
        let word = document.tokens[noun].text.lowercased()
        guard nouns.contains(word), noun > 0 else { return nil }
        let previous = document.tokens[noun - 1].text
        let introduced = before.contains(previous.lowercased()) || previous.unicodeScalars.first?.isUpper == true
        return introduced ? word : nil
    }
}
