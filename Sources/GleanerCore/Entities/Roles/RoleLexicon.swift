/// The words of a person's role as news writes it in lower case: a head noun that
/// names the role ("minister", "spokesman", "forward", "founder") and the words that
/// may stand before it ("oil minister", "lead scientist", "shadow education
/// secretary", "former president"). A head is needed: modifiers alone are no role,
/// which keeps "the oil X" or "former X" from reading as titles.
enum RoleLexicon {
    /// Nouns that name a role a person holds or is known by.
    static let heads: Set<String> = [
        // government and politics
        "minister", "secretary", "president", "premier", "chancellor", "senator", "congressman", "congresswoman",
        "assemblyman", "assemblywoman", "representative", "governor", "mayor", "councillor", "councilman",
        "councilwoman", "lawmaker", "legislator", "mp", "mep", "ambassador", "envoy", "diplomat", "consul", "attache",
        "leader", "nominee", "candidate", "front-runner", "frontrunner", "challenger", "incumbent", "contender",
        "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "strategist", "pollster",
        "commissioner", "official", "chairman", "chairwoman", "chairperson", "chair", "whip", "speaker", "king",
        "queen", "prince", "princess", "monarch", "sheriff", "prosecutor", "judge", "justice", "attorney", "lawyer",
        "regulator", "treasurer", "comptroller", "auditor", "ombudsman", "activist", "campaigner", "organiser",
        "organizer", "spymaster",
        // business and institutions
        "director", "executive", "boss", "head", "chief", "ceo", "cfo", "coo", "founder", "co-founder", "cofounder",
        "owner", "partner", "investor", "entrepreneur", "businessman", "businesswoman", "tycoon", "mogul", "magnate",
        "banker", "economist", "analyst", "manager", "officer", "administrator", "superintendent", "principal",
        "dean", "provost", "professor", "lecturer", "researcher", "scientist", "engineer", "designer", "architect",
        "consultant", "negotiator", "mediator", "developer", "publisher", "editor", "reporter", "correspondent", "journalist",
        "columnist",
        "commentator", "broadcaster", "presenter", "host", "anchor", "creator", "inventor", "pioneer",
        // arts, entertainment, sport
        "actor", "actress", "comedian", "comic", "singer", "songwriter", "musician", "rapper", "guitarist",
        "drummer", "pianist", "composer", "conductor", "producer", "filmmaker", "film-maker", "novelist", "author",
        "writer", "poet", "playwright", "screenwriter", "artist", "painter", "photographer", "dancer", "model",
        "star", "celebrity", "coach", "captain", "player", "forward", "striker", "midfielder", "defender",
        "goalkeeper", "keeper", "winger", "fly-half", "scrum-half", "prop", "hooker", "flanker", "lock", "centre",
        "quarterback", "pitcher", "batsman", "bowler", "all-rounder", "jockey", "driver", "rider", "cyclist",
        "runner", "sprinter", "swimmer", "boxer", "champion", "champ", "athlete", "golfer", "skipper", "referee", "umpire",
        "footballer", "cricketer", "finalist", "runner-up", "legend", "veteran", "rookie", "teammate", "team-mate",
        // security, religion, other
        "general", "admiral", "colonel", "commander", "sergeant", "lieutenant", "soldier", "detective", "inspector", "constable",
        "chief-of-staff", "bishop", "archbishop", "cardinal",
        "priest", "pastor", "rabbi", "imam", "cleric", "pope", "doctor", "surgeon", "nurse",
    ]

    /// Words that may stand before a head and belong to the role: ranks, branches,
    /// fields, portfolios. (Capitalised names before the role are its owner, not its words.)
    static let modifiers: Set<String> = [
        // ranks: a deputy minister is not a minister, so these keep the whole phrase
        "deputy", "vice", "assistant", "associate", "under", "junior", "senior", "chief", "lead", "principal",
        "acting", "interim", "executive", "managing", "general", "head", "co", "joint", "shadow", "prime", "first",
        "second", "top", "high", "grand", "special", "permanent", "honorary", "founding", "presiding", "ranking",
        // descriptions of the holder
        "veteran", "longtime", "long-time", "presumptive", "presidential", "vice-presidential", "parliamentary",
        "legislative", "congressional", "gubernatorial", "mayoral", "royal", "military", "national", "regional",
        "state", "federal", "local", "international", "foreign", "domestic", "legal", "political", "economic",
        "financial", "technical", "medical", "scientific", "artistic", "creative", "musical", "independent",
        "former", "retired", "outgoing", "incoming", "new", "current", "late", "fellow", "celebrity", "star",
        "award-winning", "best-selling", "bestselling", "famous", "renowned", "leading", "prominent", "real",
        // fields and portfolios
        "oil", "energy", "finance", "treasury", "trade", "health", "education", "defence", "defense", "interior",
        "justice", "home", "culture", "sports", "sport", "transport", "environment", "agriculture", "labour",
        "labor", "industry", "economy", "development", "security", "intelligence", "police", "army", "navy",
        "campaign", "communications", "press", "media", "public", "relations", "marketing", "sales", "operations",
        "research", "policy", "estate", "property", "investment", "hedge", "fund", "private", "equity", "tech",
        "technology", "internet", "software", "computer", "games", "film", "movie", "television", "tv", "radio",
        "music", "pop", "rock", "jazz", "folk", "country", "opera", "fashion", "news", "business", "science",
        "football", "rugby", "cricket", "tennis", "golf", "team", "club", "squad", "programme", "program",
        "project", "company", "party", "union", "council", "committee", "board", "department", "cabinet",
        "white", "house", "nuclear", "climate", "human", "rights", "civil", "opposition", "majority", "minority",
        "senate", "emeritus", "law", "history", "politics", "physics", "chemistry", "biology",
        "mathematics", "economics", "engineering", "computing", "marine", "space",
    ]

    /// Ranks and compound heads: a role with one of these is reported whole, never cut
    /// down to its head ("deputy minister", "chief executive", "vice president").
    static let ranks: Set<String> = [
        "deputy", "vice", "assistant", "associate", "under", "junior", "chief", "acting", "interim", "executive",
        "managing", "general", "co", "joint", "shadow", "prime", "first", "second", "head", "honorary", "emeritus",
    ]

    /// Heads that after "the" often name a thing, a place or a group rather than a
    /// person's role ("the head", "the star", "the centre", "the lock"): a description
    /// alone ("chaired by the prime minister") may not give them as titles.
    static let commonNouns: Set<String> = [
        "head", "chief", "chair", "principal", "partner", "model", "star", "host", "anchor", "creator", "pioneer",
        "forward", "prop", "hooker", "lock", "centre", "keeper", "driver", "rider", "runner", "champion", "champ",
        "legend", "veteran", "rookie", "general", "official", "leader", "player", "speaker", "justice", "whip",
        "developer", "publisher", "producer", "designer", "engineer", "architect", "owner", "investor", "artist",
        "writer", "author", "editor", "reporter", "correspondent", "organiser", "organizer", "winner", "finalist",
        "runner-up", "officer", "manager", "director", "doctor", "nurse", "soldier", "representative", "executive",
        "candidate", "challenger", "incumbent", "contender", "nominee", "teammate", "team-mate", "athlete", "celebrity",
    ]

    /// Adjectives naming the race or office a candidate runs for, not the role itself
    /// ("presidential nominee", "gubernatorial candidate").
    static let contests: Set<String> = [
        "presidential", "gubernatorial", "mayoral", "senatorial", "congressional", "parliamentary", "legislative",
    ]

    /// Words saying when the person held the role, not what it is: "former president",
    /// "then-senator", "ex-chairman".
    static let timeQualifiers: Set<String> = [
        "former", "then", "ex", "late", "outgoing", "incoming", "retiring", "erstwhile", "onetime", "one-time",
    ]

    /// Plural abbreviated titles before coordinated names ("Reps. A and B"): each name gets the singular.
    static let pluralAbbreviations: [String: String] = [
        "Reps.": "Rep.", "Sens.": "Sen.", "Govs.": "Gov.", "Drs.": "Dr.", "Profs.": "Prof.", "Gens.": "Gen.",
    ]

    /// A lower-case word as a role head, with a time prefix split off ("then-senator" → ("then", "senator")).
    static func head(_ word: String) -> (qualifier: String?, head: String)? {
        let lowered = word.lowercased()
        guard word == lowered || word.count <= 4 && word == word.uppercased() else { return nil }
        if heads.contains(lowered) { return (nil, lowered) }
        for qualifier in ["then-", "ex-", "former-"] where lowered.hasPrefix(qualifier) {
            let rest = String(lowered.dropFirst(qualifier.count))
            if heads.contains(rest) { return (String(qualifier.dropLast()), rest) }
        }
        return nil
    }

    /// A lower-case word that may stand before a head: a listed modifier, a time word,
    /// or a hyphenated compound adjective ("back-five", "two-time").
    static func isModifier(_ word: String) -> Bool {
        guard word == word.lowercased(), let first = word.unicodeScalars.first, first.properties.isLowercase else { return false }
        if modifiers.contains(word) || timeQualifiers.contains(word) || heads.contains(word) { return true }
        return word.contains("-") && word.unicodeScalars.allSatisfy { $0 == "-" || $0.isAlpha || $0.isDigit }
    }
}
