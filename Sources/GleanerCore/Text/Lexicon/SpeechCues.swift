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
            // Manners of saying it, mostly after a quotation: "“...,” Oliver barked."
            ["answered"], ["barked"], ["snapped"], ["retorted"], ["countered"], ["whispered"], ["muttered"],
            ["growled"], ["thundered"], ["bellowed"], ["pleaded"], ["begged"], ["sighed"], ["scoffed"], ["gushed"],
            ["groused"], ["griped"], ["grumbled"], ["confessed"], ["teased"], ["taunted"], ["swore"], ["speculated"],
            ["opined"], ["mused"], ["chanted"], ["interjected"], ["reacted"], ["riffed"],
            // Present tense, common in features and columns: "“...,” Conway notes."
            ["notes"], ["observes"], ["concludes"], ["quips"], ["jokes"], ["muses"], ["counters"], ["replies"],
            ["cautions"], ["concedes"], ["remarks"], ["recounts"], ["sings", "sang"], ["assured", "assures"], ["recounted"],
            ["reasoned"], ["emailed"], ["texted"], ["screamed"], ["underscored"],
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

    /// Verbs whose cue needs a particle: "shot back", "fired back", "went on", "chimed in".
    static let phrasalCues: [String: String] = ["shot": "back", "fired": "back", "went": "on", "chimed": "in", "snapped": "back"]

    /// Cues of quoted words only, too common for a report without marks: "the letter reads".
    static let quoteVerbs: Set<String> = ["reads", "read", "states"]

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

    /// Verbs of plans and wishes, cues only before "to": "Clinton wants to ...", "he vows to ...".
    static let intentionVerbs: Set<String> = [
        "want", "wants", "wanted", "wanting", "plan", "plans", "planned", "planning", "hope", "hopes", "hoped", "hoping",
        "intend", "intends", "intended", "intending", "seek", "seeks", "sought", "seeking", "vows", "vowing", "promise",
        "promises", "promising", "pledge", "pledges", "pledged", "pledging", "refuse", "refuses", "refused", "refusing",
        "agree", "agrees", "agreed", "agreeing", "decide", "decides", "decided", "deciding", "threaten", "threatens",
        "threatened", "threatening", "aim", "aims", "aimed", "aiming", "wish", "wishes", "wished", "expects", "expect",
    ]

    /// Verbs of taking a stand on someone or something: "Trump attacked Machado", "the
    /// union endorsed Clinton". Forms that are mostly nouns ("questions", "attacks",
    /// "demands") count only with a subject before them, which the caller checks.
    static let stanceVerbs: Set<String> = Set([
        "attack", "attacked", "attacking", "criticize", "criticizes", "criticized", "criticizing", "criticise", "criticises",
        "criticised", "criticising", "questioned", "questioning", "endorse", "endorses", "endorsed", "endorsing", "backs",
        "backed", "backing", "praise", "praises", "praised", "praising", "support", "supports", "supported", "supporting",
        "reject", "rejects", "rejected", "rejecting", "defend", "defends", "defended", "defending", "propose", "proposes",
        "proposed", "proposing", "oppose", "opposes", "opposed", "opposing", "accuse", "accuses", "accused", "accusing",
        "blame", "blames", "blamed", "blaming", "condemn", "condemns", "condemned", "condemning", "welcomes", "welcomed",
        "slams", "slammed", "slamming", "blasts", "blasted", "blasting", "denounce", "denounces", "denounced", "denouncing",
        "mocks", "mocked", "mocking", "ridicules", "ridiculed", "dismisses", "dismissed", "dismissing", "lambasted",
        "chastised", "applauded", "applauds", "hails", "hailed", "touts", "touted", "touting", "championed", "champions",
        "embraced", "embraces", "embracing", "disputes", "disputed", "disputing", "challenged", "challenges", "challenging",
        "demands", "demanding", "rebuked", "berated", "disparaged", "insulted", "lauded", "grilled", "excoriated",
    ]).subtracting(verbs)

    /// Stance verbs whose charge follows the object after "of" or "for": "accused the
    /// regime, which was toppled in November, of allowing bribery", "praised her for ...".
    static let chargeVerbs: Set<String> = [
        "accuse", "accuses", "accused", "accusing", "blame", "blames", "blamed", "blaming", "criticize", "criticizes",
        "criticized", "criticizing", "criticise", "criticises", "criticised", "criticising", "praise", "praises", "praised",
        "praising", "condemned", "chastised", "applauded", "applauds", "lauded", "rebuked", "berated",
    ]

    /// Belief verbs whose object is the finding itself: "Polls show a close contest",
    /// "leaked documents show he took a loss".
    static let findingVerbs: Set<String> = ["show", "shows", "showed", "suggest", "suggests", "indicate", "indicates"]

    /// Verbs that say what someone called something, without quote marks: "Trump has
    /// called climate change a hoax", "Democrats described the showdown as ominous".
    static let callingVerbs: Set<String> = [
        "call", "calls", "called", "describe", "describes", "described", "label", "labels", "labeled", "labelled", "brand",
        "brands", "branded", "dubbed",
    ]

    /// Verbs of talking about something, cues before "about", "of" or "on": "Clinton
    /// spoke about her ties to black churches", "Mr. Obama spoke emotionally of ...".
    static let topicVerbs: Set<String> = [
        "spoke", "speaks", "speaking", "talked", "talks", "talking", "wrote", "writes", "complained", "warned", "joked",
        "boasted", "testified", "worried", "worries", "bragged", "lectured", "mused", "reminisced", "ranted", "raved",
    ]

    /// Adjectives of an attitude towards something, after a form of "be" and before
    /// "about", "of" or "over": "Republicans weren't too concerned about ...".
    static let topicAdjectives: Set<String> = [
        "worried", "concerned", "critical", "skeptical", "sceptical", "coy", "passionate", "optimistic", "pessimistic",
        "wary", "nervous", "angry", "upset", "furious", "excited", "enthusiastic", "supportive", "dismissive", "fond",
        "proud", "ashamed", "silent", "unapologetic", "candid", "vocal", "outspoken",
    ]

    static let topicPrepositions: Set<String> = ["about", "of", "on", "over"]

    /// Speech verbs that attribute quoted words but report nothing without them: "“...,”
    /// she continued" against "he continued to stay away".
    static let quoteOnlyVerbs: Set<String> = ["continue", "continued", "continues"]

    /// Verbs and nouns that report only with "that" right after them ("Trump charges that",
    /// "the court ruled that", "the Tax Policy Center estimates that"): alone they are
    /// mostly nouns or other senses.
    static let thatVerbs: Set<String> = [
        "claims", "notes", "estimates", "charges", "states", "ruled", "rules", "learned", "learns", "discovered", "determined",
        "realized", "realizes", "realised", "assumed", "assume", "assumes", "understood", "understand", "understands", "heard",
        "reiterated", "reiterates", "affirmed", "projected", "calculated", "reckons", "points", "decided", "agreed", "held",
    ]

    /// Adjectives of a state of mind that report a belief with "that": "Democrats are
    /// afraid that ...", "protesters were frustrated that ...".
    static let thatAdjectives: Set<String> = [
        "afraid", "frustrated", "convinced", "concerned", "incensed", "confident", "sure", "certain", "aware", "glad", "angry",
        "upset", "worried", "disappointed", "optimistic", "hopeful", "adamant", "unhappy", "pleased", "happy", "proud",
        "furious", "insistent", "skeptical", "doubtful", "persuaded", "satisfied", "alarmed",
    ]

    /// Present participles that are cues after a form of "be": "Clinton is stressing that".
    static let progressives: Set<String> = [
        "stressing", "warning", "confirming", "demanding", "insisting", "arguing", "claiming", "saying", "telling", "suggesting",
        "noting", "predicting", "promising", "charging", "denying", "admitting", "conceding", "reporting", "estimating",
        "emphasizing", "hoping", "urging", "asking", "explaining", "announcing", "declaring", "asserting", "alleging",
        "complaining", "acknowledging", "maintaining", "contending", "signaling", "indicating", "vowing", "pledging",
    ]

    /// Audience words after "told": "told reporters that ...".
    static let audiences: Set<String> = [
        "reporters", "journalists", "lawmakers", "supporters", "the", "a", "an", "him", "her", "them", "us", "me",
        "parliament", "congress", "crowd", "audience", "listeners", "viewers", "senators", "students", "members",
    ]

    /// Verbs that cast someone as something in quoted words: "admires Putin as a “strong
    /// leader”", "pounding Trump as a “con artist”".
    static let portrayingVerbs: Set<String> = [
        "admires", "admired", "pounding", "pounded", "portrayed", "portrays", "portraying", "painted", "paints", "cast", "casts",
        "depicted", "depicts", "framed", "frames", "hailing", "blasting", "slamming", "labeling", "branding",
    ]

    /// Cues whose following place or audience ("said in a phone interview", "shouted to
    /// the crowd") is not what was said; others report what follows ("responded to
    /// requests", "pointed to the vote").
    static let placeCues: Set<String> = [
        "said", "says", "say", "wrote", "writes", "reported", "told", "tells", "added", "shouted", "explained",
    ]

    /// Words between a subject and its cue that belong to neither: "Rubio still maintains".
    static let adverbsBeforeCue: Set<String> = [
        "also", "later", "then", "has", "have", "had", "still", "now", "already", "never", "always", "just", "even", "often",
    ]

    /// Words a speaker's mention may stand before its cue past: "Ryabkov also said", "the
    /// US side requested".
    static let skippableBeforeCue: Set<String> = [
        "also", "then", "later", "again", "further", "has", "had", "have", "previously", "once", "is", "was", "are", "were",
        "himself", "herself", "themselves", "itself", "still", "now", "already", "never", "always", "just", "even", "often",
        // A country or nationality with a head noun speaks as an institution: "the US side requested".
        "side", "government", "officials", "official", "authorities", "spokesman", "spokeswoman", "leader", "leaders",
        "ministry", "administration", "delegation", "military", "forces", "embassy",
    ]

    /// Verbs of issuing a document, whose subject speaks for it: "released a statement saying".
    static let issuingVerbs: Set<String> = [
        "issued", "released", "sent", "posted", "published", "put", "wrote", "tweeted", "distributed", "circulated", "aired",
        "issues", "releases", "sends", "posts", "publishes", "puts", "writes",
    ]

    /// Adverbs between a subject and its cue: "Mexicans often say", "she still says".
    static let cueAdverbs: Set<String> = [
        "often", "still", "now", "just", "even", "already", "never", "always", "also", "then", "later", "again",
    ]

    /// Cues whose object is who was spoken to: "told reporters", "asked the crowd".
    static let audienceVerbs: Set<String> = [
        "tell", "tells", "told", "telling", "ask", "asks", "asked", "urge", "urges", "urged", "reassure", "reassured",
    ]

    /// Participles whose passive names the speaker after "by": "was declared the winner by
    /// news organizations", "was projected by networks". Not "maintained", "felt", "found",
    /// whose passives are seldom reports.
    static let passiveReportVerbs: Set<String> = [
        "declared", "projected", "reported", "announced", "confirmed", "quoted", "predicted", "estimated",
    ]
}
