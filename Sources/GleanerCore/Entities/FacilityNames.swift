/// Structures named by a lower-case head after their name: "the Keystone pipeline", "the
/// Bernabeu stadium", "the Xiluodu dam". The tagger stops at the capital letters and types
/// the name by its own words, a company or a person; the head says it is a built thing,
/// and OntoNotes names the whole (FAC). A place or nationality before the head stays
/// what it is: "the Frankfurt airport" may be, but "Chinese dam" and "a Texas refinery"
/// are a dam and a refinery somewhere.
enum FacilityNames {
    static let heads: Set<String> = [
        "pipeline", "dam", "tunnel", "bridge", "canal", "stadium", "airport", "dock", "docks", "reactor", "refinery",
        "motorway", "highway", "racecourse", "velodrome",
    ]

    static func retype(_ mentions: inout [EntityMention], in document: DocumentAnalysis) {
        for index in mentions.indices where ["ORG", "PERSON", "PRODUCT", "WORK_OF_ART"].contains(mentions[index].type) {
            let head = mentions[index].tokens.upperBound
            let sentence = document.sentenceTokens(ofToken: mentions[index].tokens.lowerBound)
            guard head < sentence.upperBound, heads.contains(document.tokens[head].text),
                !mentions.contains(where: { $0.tokens.contains(head) })
            else { continue }
            mentions[index].extend(to: head + 1, in: document)
            mentions[index].type = "FAC"
            mentions[index].organization = nil
            mentions[index].place = nil
        }
    }
}
