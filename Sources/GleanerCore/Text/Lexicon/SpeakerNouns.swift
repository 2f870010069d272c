/// Heads of phrases that can speak without a name: people by what they do ("the
/// spokesman"), groups ("officials"), organizations ("the company") and the documents
/// they issue ("a statement").
enum SpeakerNouns {
    /// Heads that any organization can be called by.
    static let genericOrganizations: Set<String> = [
        "company", "firm", "group", "organization", "organisation", "business", "retailer", "airline", "carrier", "maker",
        "manufacturer", "chain", "operator", "network", "broadcaster", "publisher", "studio", "label", "club", "team",
    ]

    /// Heads that must appear in the organization's name ("the council" → "Marlow City Council").
    static let namedOrganizations: Set<String> = [
        "council", "ministry", "department", "agency", "committee", "commission", "party", "campaign", "bank", "union",
        "board", "court", "university", "institute", "foundation", "association", "federation", "league", "authority",
        "service", "office", "embassy", "newspaper", "magazine", "paper",
    ]

    /// Heads of descriptions that can speak: "the city council", "a senior official".
    static let heads: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "official", "officials", "minister", "ministry", "council", "government",
        "president", "leader", "agency", "department", "authorities", "authority", "source", "sources", "committee", "court",
        "judge", "prosecutor", "prosecutors", "lawyer", "lawyers", "attorney", "embassy", "military", "army", "police",
        "company", "firm", "group", "party", "campaign", "administration", "office", "statement", "spokespeople", "analyst",
        "diplomat", "envoy", "ambassador", "mayor", "governor", "senator", "chief", "director", "commander", "expert",
        "witness", "resident", "activist", "lawmaker", "economist", "researcher", "scientist", "doctor", "board", "union",
        "commission", "regulator", "bank", "newspaper", "report", "study", "survey", "poll", "website", "aide", "aides",
        "businessman", "businesswoman", "nominee", "candidate", "narrator", "announcer", "host", "congressman",
        "congresswoman", "strategist", "adviser", "advisor", "chairman", "chairwoman", "secretary", "article", "letter",
        "memo", "book", "ruling", "brief", "editorial", "ad", "clip", "mother", "father", "wife", "release", "email",
        "tweet", "post", "note", "filing", "transcript", "video", "message", "document", "complaint", "lawsuit", "analysis",
        "husband", "daughter", "son", "friend", "organization", "association", "foundation", "institute", "center",
        "coalition", "alliance", "network", "magazine", "members", "authors", "man", "woman", "boy", "girl", "voter",
        "member", "student", "worker", "veteran", "nurse", "teacher", "pastor", "priest", "owner", "chair", "head",
        "person", "democrat", "republican", "conservative", "liberal", "independent", "operative", "staffer",
    ]

    /// Bare plural subjects that name who spoke without naming them.
    static let groups: Set<String> = [
        "officials", "critics", "analysts", "experts", "residents", "witnesses", "activists", "lawmakers", "economists",
        "diplomats", "sources", "observers", "protesters", "investigators", "police", "doctors", "scientists", "researchers",
        "groups",
    ]

    static let documents: Set<String> = [
        "statement", "letter", "release", "memo", "email", "e-mail", "tweet", "post", "message", "note", "video", "ad",
    ]
}
