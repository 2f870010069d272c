/// What a description needs of a person to refer to them: "the diplomat" fits someone
/// titled minister, ambassador or envoy; "the leader" a president or a chairman. A
/// role noun not listed fits only someone given that very noun; one listed with no
/// words ("the official") fits anyone with a title. Part of the role lexicon layer
/// with RoleLexicon and TitleLexicon, read by ReferenceResolver.
enum RoleFits {
    static let needed: [String: Set<String>] = [
        "diplomat": ["minister", "foreign", "ambassador", "envoy", "diplomat", "secretary"],
        "minister": ["minister"], "official": [],
        "leader": ["president", "prime", "chancellor", "leader", "premier", "king", "chairman"],
        "president": ["president"], "premier": ["premier", "prime"], "chancellor": ["chancellor"],
        "spokesman": ["spokesman", "spokesperson", "press"],
        "spokeswoman": ["spokeswoman", "spokesperson", "press"], "envoy": ["envoy", "ambassador"], "ambassador": ["ambassador"],
        "secretary": ["secretary"], "senator": ["senator"], "governor": ["governor"], "mayor": ["mayor"],
        "general": ["general", "commander"],
        "commander": ["commander", "general"], "chief": ["chief", "head", "director"], "politician": [],
        "lawmaker": ["senator", "representative"],
        "head": ["head", "chief", "director"], "director": ["director"], "chairman": ["chairman"],
        "prosecutor": ["prosecutor", "attorney"],
    ]
}
