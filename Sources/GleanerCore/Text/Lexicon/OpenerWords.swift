/// Words that open a sentence, a clause or a label without naming anyone: "In August,",
/// ", although", "Analysis:".
enum OpenerWords {
    /// Words after a comma that open a clause of their own: the report ends before them.
    static let clauseOpeners: Set<String> = [
        "and", "but", "which", "who", "while", "as", "after", "before", "because", "when", "where", "although", "though",
        "saying", "adding", "according", "since", "whereas", "even", "so",
    ]

    static let adverbialOpeners: Set<String> = [
        "since", "during", "after", "before", "until", "while", "when", "because", "at", "amid", "despite", "last",
        "this", "yesterday", "today", "earlier",
    ]

    /// ", which" stays: a relative clause on the reported subject is reported too ("that
    /// the immunity deals, which now cover five staffers, did not require ...").
    static let asideOpeners: Set<String> = ["although", "though", "whereas", "while"]

    /// Capitalised words that never name a speaker.
    static let notNames: Set<String> = [
        "The", "A", "An", "But", "And", "In", "On", "At", "It", "He", "She", "They", "We", "I", "Monday", "Tuesday",
        "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December", "Today", "Yesterday", "Tonight", "Mr.", "Mrs.",
        "Ms.", "Dr.",
        // Words that open a sentence without naming anyone: "By the end of the day, ...".
        "By", "If", "For", "With", "As", "After", "Before", "When", "While", "Since", "Likewise", "However", "Meanwhile",
        "Still", "Yet", "So", "Then", "Now", "Here", "There", "This", "That", "These", "Those", "Some", "Many", "Most",
        "All", "Both", "Each", "Every", "No", "Not", "Only", "Also", "Even", "Just", "Asked", "According", "Despite",
        "During", "Under", "Over", "From", "To", "Of", "Into", "About", "Against", "Among", "Although", "Though",
        "Because", "Unless", "Until", "Once", "Whether", "Instead", "Indeed", "Earlier", "Later", "Last", "Next",
    ]

    static let genreLabels: Set<String> = [
        "analysis", "opinion", "exclusive", "watch", "update", "updated", "breaking", "live", "video", "photos", "editorial",
        "review", "explainer", "factbox", "timeline", "interview", "commentary", "correction", "podcast", "listen", "read",
    ]

    /// Words that open a phrase before the subject: "In August, ...", "On July 6, 2015, ...".
    static let introWords: Set<String> = [
        "in", "on", "at", "during", "after", "before", "when", "while", "as", "since", "following", "speaking", "for", "from",
        "with", "without", "despite", "under", "last", "earlier", "later", "meanwhile", "however", "still", "then", "asked",
        "here", "there", "now", "today", "yesterday", "tonight", "afterward", "afterwards", "instead", "again",
    ]
}
