/// The grammatical gender a person's mentions show: an honorific in front of a name
/// ("Mr Caudwell", "Mrs Thatcher", "Sir Elton") or a pronoun already bound to them.
/// A "she" never picks up a man the text called "Mr", whoever was named last.
enum Gender: Sendable, Equatable {
    case male, female

    static let honorifics: [String: Gender] = [
        "mr": .male, "mr.": .male, "sir": .male, "lord": .male, "mister": .male, "king": .male, "prince": .male,
        "mrs": .female, "mrs.": .female, "ms": .female, "ms.": .female, "miss": .female, "lady": .female, "dame": .female,
        "madam": .female, "queen": .female, "princess": .female, "baroness": .female,
    ]

    static let pronouns: [String: Gender] = [
        "he": .male, "him": .male, "his": .male, "himself": .male,
        "she": .female, "her": .female, "hers": .female, "herself": .female,
    ]

    /// The gender an honorific right before `token` gives ("Mr" "." counts as one).
    static func ofHonorific(before token: Int, _ document: DocumentAnalysis) -> Gender? {
        guard token > 0 else { return nil }
        var previous = token - 1
        if document.tokens[previous].text == ".", previous > 0 { previous -= 1 }
        return honorifics[document.tokens[previous].text.lowercased()]
    }
}
