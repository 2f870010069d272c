/// Words of person titles, as they appear capitalised before a name
/// ("Deputy Foreign Minister", "Secretary of State", "Secretary General"): the
/// capitalised side of the role lexicon, beside RoleLexicon (the lower-case side) and
/// RoleFits (what a description needs of a person).
enum TitleLexicon {
    static let words: Set<String> = [
        "President", "Vice", "Prime", "Minister", "Deputy", "Foreign", "Secretary", "General", "Defense", "Defence",
        "Interior", "Finance", "Justice", "Economy", "Trade", "Health", "Energy", "Chancellor", "Ambassador", "Envoy",
        "Spokesman", "Spokeswoman", "Spokesperson", "Press", "Senator", "Sen.", "Governor", "Gov.", "Mayor", "King", "Queen",
        "Prince", "Princess", "Pope", "Chairman", "Chairwoman", "Chair", "Director", "Chief", "Executive", "Commander",
        "Colonel", "Col.", "Gen.", "Lt.", "Lieutenant", "Major", "Maj.", "Captain", "Capt.", "Sergeant", "Admiral",
        "Adm.", "Judge", "Attorney", "Head", "Leader", "Speaker", "Representative", "Rep.", "Congressman",
        "Congresswoman", "Premier", "Sheikh", "Emir", "Sultan", "Ayatollah", "Cardinal", "Bishop", "Archbishop",
        "Rabbi", "Imam", "Dr.", "Professor", "Prof.", "Officer", "Commissioner", "Inspector", "Superintendent",
        "Councillor", "Councilman", "Councilwoman", "Treasurer", "Auditor", "Coach", "Manager", "CEO", "Founder",
        "Chief-of-Staff", "Adviser", "Advisor", "Security", "National", "State", "Affairs", "Foreign-Affairs",
        "Agriculture", "Education", "Transport", "Environment", "Labour", "Labor", "Culture", "Sports", "Science",
        "Industry", "Development", "Housing", "Homeland", "Navy", "Army", "Air", "Force", "Staff", "Joint", "Chiefs",
        "First", "Lady", "Crown", "Grand", "Duke", "Duchess", "Lord", "Sir", "Dame", "Baroness", "Secretary-General",
        "Under", "Undersecretary", "Assistant", "Permanent", "Special", "Acting", "Interim", "Former", "Senior",
        "Assemblyman", "Assemblywoman", "Alderman", "Majority", "Minority", "Whip", "Reps.", "Sens.", "Govs.",
    ]
    /// A title word, or a hyphenated compound of them ("Lieutenant-Colonel", "Vice-President").
    static func isTitleWord(_ word: String) -> Bool {
        if words.contains(word) { return true }
        guard word.contains("-") else { return false }
        let parts = word.split(separator: "-")
        return parts.count > 1 && parts.allSatisfy { words.contains(String($0)) }
    }

    /// Title words that are not titles by themselves (they need a head word such as "Minister").
    static let modifiers: Set<String> = [
        "Deputy", "Vice", "Foreign", "Defense", "Defence", "Interior", "Finance", "Justice", "Economy", "Trade", "Health",
        "Energy", "Press", "Chief", "Executive", "Security", "National", "State", "Affairs", "Agriculture", "Education",
        "Transport", "Environment", "Labour", "Labor", "Culture", "Sports", "Science", "Industry", "Development",
        "Housing", "Homeland", "Navy", "Army", "Air", "Force", "Joint", "First", "Crown", "Grand", "Under", "Assistant",
        "Permanent", "Special", "Acting", "Interim", "Former", "Senior", "Majority", "Minority",
    ]
    /// Honorifics that are not worth reporting as a title.
    static let honorifics: Set<String> = ["Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Sir", "Dame", "Dr.", "Former", "Acting"]
    /// Courtesy titles that stand before a surname and are no part of the name: the
    /// clusterer reads "Mr Hague" as Hague.
    static let courtesyTitles: Set<String> = [
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady",
    ]
}
