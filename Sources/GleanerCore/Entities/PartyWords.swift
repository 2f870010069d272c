/// The forms a political party's members and adjective take in news ("Democrat",
/// "Democrats", "Democratic"; "Tory", "Tories", "Conservatives"): one group, so one
/// entity, and an owner of a role rather than part of it ("Democratic nominee").
enum PartyWords {
    /// Each form, as written, to the adjective the party is named by.
    private static let canonical: [String: String] = {
        let groups: [String: [String]] = [
            "Democratic": ["Democrat", "Democrats", "Democratic"],
            "Republican": ["Republican", "Republicans"],
            "Conservative": ["Conservative", "Conservatives", "Tory", "Tories"],
            "Labour": ["Labour"],
            "Liberal": ["Liberal", "Liberals"],
            "Liberal Democrat": ["Liberal Democrat", "Liberal Democrats", "Lib Dem", "Lib Dems"],
            "Socialist": ["Socialist", "Socialists"],
            "Communist": ["Communist", "Communists"],
            "Green": ["Green", "Greens"],
            "Libertarian": ["Libertarian", "Libertarians"],
            "Unionist": ["Unionist", "Unionists"],
            "Nationalist": ["Nationalist", "Nationalists"],
            "Social Democrat": ["Social Democrat", "Social Democrats"],
            "Christian Democrat": ["Christian Democrat", "Christian Democrats"],
        ]
        var forms: [String: String] = [:]
        for (name, words) in groups {
            for word in words { forms[word] = name }
        }
        return forms
    }()

    /// The party a name written as `text` stands for, or nil.
    static func party(_ text: String) -> String? { canonical[text] }
}
