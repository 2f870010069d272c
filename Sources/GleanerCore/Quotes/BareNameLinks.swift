/// "Gervais has already said ...": a speaker written as a bare name that a finder took
/// from the text where the entity stage left no mention is the one person or
/// organization of the story that goes by that name (its full name, a mention's text, or a
/// person's surname). Two entities with the name leave the speaker as it stands, and a
/// pronoun ("His") is no name, whatever mention the entity stage gave it.
struct BareNameLink: QuoteRefinement {
    let name = "bare name linked to the entity of that name"

    func refine(_ quote: Quote, in context: QuoteContext) -> Quote { context.linkedBareName(quote) }
}

extension QuoteContext {
    func linkedBareName(_ quote: Quote) -> Quote {
        guard let speaker = quote.speaker, speaker.entity == nil else { return quote }
        let words = speaker.name.split(separator: " ")
        let lower = speaker.name.lowercased()
        guard (1...3).contains(words.count), !Pronouns.subject.contains(lower), !Pronouns.nonSubject.contains(lower),
            words.allSatisfy({ String($0).isCapitalised })
        else { return quote }
        let named = entities.filter { entity in
            ["PERSON", "ORG"].contains(entity.type)
                && (entity.name == speaker.name || entity.mentions.contains { $0.text == speaker.name }
                    || (entity.type == "PERSON" && words.count == 1 && entity.name.split(separator: " ").last == words[0]))
        }
        guard named.count == 1, let entity = named.first else { return quote }
        var linked = quote
        linked.speaker = Quote.Speaker(name: entity.name, entity: entity.id, start: speaker.start, end: speaker.end)
        return linked
    }
}
