/// Products told by the shape of their name: a model number after the make ("Nokia 6600",
/// "Xbox 2", "Windows XP") or the lower-case "i" before a capital ("iPod", "iTunes").
///
/// The tagger learnt from 1996 newswire, where a maker's name was a company; "Xbox 2" it
/// read as a person and "Windows XP" as a place. The number at the end is what makes a
/// name one model among others, in any story, so the type follows it. Names that count
/// other things are kept apart: channels and stations ("Channel 4", "Radio 1"), events
/// by their year ("Euro 2004"), clauses of a law, and anything the gazetteer knows as an
/// organization. A film's sequel has the same shape ("Shrek 2"), so a numbered name is a
/// model only in a story that speaks of devices or software.
enum ProductNames {
    /// First words of numbered names that are not models.
    static let notMakes: Set<String> = [
        "Channel", "Radio", "BBC", "Euro", "Live", "Formula", "Article", "Section", "Chapter", "Clause", "Top", "Group",
        "FTSE", "Fortune", "Nasdaq", "Division", "League", "Level", "Stage", "Phase", "Category", "Grade", "Class",
        "Route", "Highway", "Interstate", "Flight", "Room", "Block", "Studio", "Camp", "Gate", "Terminal", "Platform",
        "Series", "Volume", "Part", "Day", "Week", "Year", "Super", "Big", "Pier", "Downing", "Number", "No",
    ]
    /// Versions named by letters: "Windows XP", "Mac OS X".
    static let versionWords: Set<String> = ["XP", "NT", "Pro", "Mini", "Portable", "Lite"]
    /// Words of a story about devices and software.
    static let productNouns: Set<String> = [
        "console", "consoles", "phone", "phones", "handset", "handsets", "software", "computer", "computers", "laptop",
        "laptops", "device", "devices", "gadget", "gadgets", "chip", "chips", "processor", "processors", "browser",
        "camera", "cameras", "aircraft", "jet", "jets", "car", "cars",
    ]

    static func retype(_ mentions: inout [EntityMention], in document: DocumentAnalysis) {
        let aboutDevices = document.tokens.contains { productNouns.contains($0.text) }
        for index in mentions.indices where ["PERSON", "ORG", "GPE", "LOC", "NORP", "MISC"].contains(mentions[index].type) {
            let words = document.tokens[mentions[index].tokens].map(\.text)
            guard isAppleShaped(words[0]) || aboutDevices && isModel(words), mentions[index].organization == nil else { continue }
            mentions[index].type = "PRODUCT"
            mentions[index].place = nil
            mentions[index].country = nil
        }
    }

    /// "iPod", "iTunes", "iMac": a lower-case "i" and then a capitalised word.
    static func isAppleShaped(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 4, scalars[0] == "i", scalars[1].properties.isUppercase else { return false }
        return scalars[2].properties.isLowercase
    }

    /// A make then a model: "Nokia 6600", "PlayStation 3", "Firefox 1.0", "Windows XP";
    /// not a year ("Sydney 2000").
    static func isModel(_ words: [String]) -> Bool {
        guard words.count > 1, let make = words.first, let last = words.last, !notMakes.contains(make) else { return false }
        if versionWords.contains(last) { return true }
        // Every word of a make is capitalised: not "Films on ITV1".
        guard words.dropLast().allSatisfy({ $0.unicodeScalars.first?.properties.isUppercase == true }) else { return false }
        if let year = Int(last), (1800...2100).contains(year) { return false }
        return isModelNumber(last)
    }

    /// "6600", "3", "1.0", or a few capitals then digits ("A380", "E200", "X5"): not a
    /// word with a digit inside ("Freedom2surf").
    static func isModelNumber(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        let letters = scalars.prefix { $0.properties.isUppercase }.count
        let rest = scalars.dropFirst(letters)
        guard letters <= 3, let digit = rest.first, digit.properties.numericType != nil else { return false }
        return rest.allSatisfy { $0.properties.numericType != nil || $0 == "." || $0 == "s" }
    }
}
