/// Reporting verbs: the cue that a sentence reports speech. Every form is listed,
/// so matching is one set look-up per token; forms that are mostly nouns ("request",
/// "report", "claim", "state") are left out, since there is no tagger to tell them apart.
enum SpeechCues {
    static let verbs: Set<String> = {
        let lemmas: [[String]] = [
            ["say", "says", "said", "saying"], ["tell", "tells", "told", "telling"], ["stress", "stresses", "stressed"],
            ["noted"], ["add", "adds", "added"], ["replied"],
            ["warn", "warns", "warned"], ["insist", "insists", "insisted"], ["argue", "argues", "argued"],
            ["write", "writes", "wrote"], ["tweet", "tweets", "tweeted"], ["explain", "explains", "explained"],
            ["ask", "asks", "asked"], ["claimed"], ["stated"],
            ["declare", "declares", "declared"], ["announce", "announces", "announced"], ["continue", "continued"],
            ["conclude", "concluded"], ["recall", "recalls", "recalled"], ["suggest", "suggests", "suggested"],
            ["acknowledge", "acknowledges", "acknowledged"], ["admit", "admits", "admitted"],
            ["confirm", "confirms", "confirmed"], ["emphasize", "emphasizes", "emphasized", "emphasise", "emphasised"],
            ["remarked"], ["reassure", "reassures", "reassured"], ["urge", "urges", "urged"],
            ["commented"], ["respond", "responds", "responded"], ["observe", "observed"],
            ["caution", "cautioned"], ["predict", "predicts", "predicted"], ["promised"], ["vow", "vowed"],
            ["complain", "complained"], ["concede", "conceded"], ["posted"], ["testify", "testified"],
            ["maintain", "maintains", "maintained"], ["contend", "contends", "contended"], ["assert", "asserts", "asserted"],
            ["allege", "alleges", "alleged"], ["reported"], ["charged"],
            ["deny", "denies", "denied"], ["predict", "predicted"], ["shout", "shouted"], ["joke", "joked"],
            ["quip", "quipped"], ["exclaim", "exclaimed"], ["demanded"], ["estimated"],
            ["pointed"], ["requested"], ["ordered"], ["believe", "believes", "believed"], ["think", "thinks", "thought"],
            ["argue", "argued"], ["signaled", "signalled"], ["indicate", "indicated"], ["mention", "mentioned"],
            ["proclaim", "proclaims", "proclaimed"], ["boast", "boasts", "boasted"], ["exhort", "exhorts", "exhorted"],
            ["scold", "scolds", "scolded"], ["yell", "yells", "yelled"], ["shouts"], ["lament", "laments", "lamented"],
        ]
        return Set(lemmas.flatMap { $0 })
    }()

    /// Present participles of reporting verbs: cues only after a comma or a name
    /// ("..., asserting, “...”", "Hillary Clinton asking, “...”"), since alone they are
    /// often nouns ("a warning", "the writing").
    static let participles: Set<String> = [
        "adding", "noting", "asserting", "arguing", "insisting", "explaining", "warning", "claiming", "declaring",
        "writing", "tweeting", "asking", "replying", "responding", "stating", "recalling", "announcing", "vowing",
        "complaining", "suggesting", "joking", "quipping", "proclaiming", "boasting", "lamenting", "yelling", "shouting",
    ]

    /// Verbs that report belief rather than speech: cues only for indirect reports.
    static let beliefVerbs: Set<String> = [
        "believe", "believes", "believed", "think", "thinks", "thought", "hope", "hopes", "hoped", "fear", "fears", "feared",
        "expect", "expects", "expected", "worry", "worries", "worried", "argue", "know", "knows", "knew", "feel", "feels",
        "felt", "insist", "doubt", "doubts", "doubted", "acknowledge", "recognize", "recognized", "agree", "agrees", "agreed",
        "contend", "suspect", "suspects", "suspected", "wonder", "wondered", "predict", "warn", "vow", "pledge", "pledged",
        "pledges", "hinted", "implied", "implies", "conceded", "disclosed", "revealed", "reveals", "found", "finds",
        // What a poll, a study or a video shows is reported like what someone says: "A new poll shows that ...".
        "show", "shows", "showed",
    ]

    /// Nouns whose that-clause is reported speech: "Trump's claim that ...", "his argument that ...".
    static let nouns: Set<String> = [
        "claim", "claims", "argument", "assertion", "contention", "allegation", "allegations", "insistence", "belief",
        "warning", "promise", "suggestion", "statement", "assurance", "accusation", "charge", "view", "pledge",
    ]

    /// Participles that continue the speaker's sentence with a report: ", adding that ...".
    static let continuing: Set<String> = [
        "adding", "arguing", "saying", "noting", "insisting", "warning", "claiming", "explaining", "stressing", "suggesting",
        "citing",
    ]

    /// Verbs whose object is what was said: "Trump called for steep tariffs", "Clinton cited his remarks".
    /// "call" reports only with "for" or "on" after it.
    static let objectVerbs: Set<String> = ["call", "calls", "called", "cite", "cites", "cited"]

    /// Cues of quoted words only, too common for a report without marks: "the letter reads".
    static let quoteVerbs: Set<String> = ["reads", "read"]

    /// Every cue an indirect report may hang on.
    static let indirectVerbs: Set<String> = verbs.union(beliefVerbs)

    /// Verbs that name what someone is or did in their own quoted words: "called the
    /// senator a “nasty guy”", "described Clinton as a “disgrace”". Cues only when
    /// quoted words follow.
    static let namingVerbs: Set<String> = [
        "call", "calls", "called", "calling", "describe", "describes", "described", "describing", "label", "labels",
        "labeled", "labelled", "brand", "brands", "branded", "dub", "dubbed", "condemned", "blasted", "criticized",
        "praised", "accused", "likened", "characterized", "hailed", "slammed", "decried", "lauded",
        "rated", "rates", "chanted", "chanting", "sang", "sings", "touted", "mocked",
        "dismissed", "nicknamed", "compared", "attacked", "promising", "stressing",
    ]

    /// Audience words after "told": "told reporters that ...".
    static let audiences: Set<String> = [
        "reporters", "journalists", "lawmakers", "supporters", "the", "a", "an", "him", "her", "them", "us", "me",
        "parliament", "congress", "crowd", "audience", "listeners", "viewers", "senators", "students", "members",
    ]
}
