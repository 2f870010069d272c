/// One entity per real-world thing across types: the tagger may type the same name
/// PERSON in one sentence and ORG or GPE in another ("Sen. Obama" and "then-senator
/// Barack Obama" typed ORG; "Obama" read as the Japanese town). Clusters of different
/// types are one when
///
/// - their names are the same words (typed by most mentions, a tie going to PERSON);
/// - one is a person's surname and the other the person's full name: typed PERSON when
///   the full name was, else by most mentions ("Barack Obama" typed ORG once and "Obama"
///   PERSON four times), and only if the full name does not start with a place or a
///   nationality ("Philadelphia Eagles" and a mistyped "Eagles" are no person).
///
/// A name the gazetteer pins to something else stays apart: an organization it knows,
/// a country, a state, or a city of 100,000 or more ("Washington" next to "George
/// Washington" is still the city).
extension EntityClusterer {
    func mergeAcrossTypes(_ clusters: [Cluster]) -> [Cluster] {
        var clusters = clusters
        let mergeable: Set<String> = ["PERSON", "ORG", "GPE", "LOC", "NORP"]
        func pinned(_ cluster: Cluster) -> Bool {
            cluster.organization != nil
                || cluster.place.map { $0.kind == .country || $0.kind == .state || $0.population >= 100_000 } == true
        }
        for person in clusters.indices where clusters[person].type == "PERSON" {
            for other in clusters.indices where other != person {
                guard clusters[person].type == "PERSON", !clusters[person].mentions.isEmpty, !clusters[other].mentions.isEmpty,
                    clusters[other].type != "PERSON", mergeable.contains(clusters[other].type), !pinned(clusters[other])
                else { continue }
                let personWords = clusters[person].words
                let otherWords = clusters[other].words
                let same = personWords.map { $0.lowercased() } == otherWords.map { $0.lowercased() }
                let surname = otherWords.count == 1 && personWords.count > 1 && personWords.last == otherWords[0]
                let fullName =
                    personWords.count == 1 && otherWords.count > 1 && otherWords.count <= 3 && otherWords.last == personWords[0]
                    && gazetteer.entry(otherWords.prefix(1)) == nil
                guard same || surname || fullName else { continue }
                if !surname, clusters[other].mentions.count > clusters[person].mentions.count {
                    clusters[person].type = clusters[other].type
                }
                if fullName {
                    clusters[person].name = clusters[other].name
                    clusters[person].words = otherWords
                    clusters[person].key = clusters[other].key
                }
                clusters[person].mentions += clusters[other].mentions
                clusters[person].mentions.sort { $0.start < $1.start }
                clusters[person].country = clusters[person].country ?? clusters[other].country
                clusters[other].mentions = []
            }
        }
        return clusters.filter { !$0.mentions.isEmpty }
    }
}
