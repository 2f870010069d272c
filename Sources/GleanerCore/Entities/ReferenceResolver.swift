/// Attaches pronouns ("he", "she") and descriptions ("the high-ranking diplomat",
/// "the Russian leader") to the person they refer to, where the text makes it clear:
/// among the people named (or already referred to) in the same paragraph or the two
/// sentences before, one whose gender and titles fit, ranked by salience (the subject
/// of a report beats a name inside a quote or after a preposition) and then recency.
struct ReferenceResolver {
    struct Reference {
        var mention: EntityMention
        var cluster: Int
    }

    let gazetteer: Gazetteer
    var firstNames = FirstNames()

    private static let personalPronouns: Set<String> = ["he", "him", "his", "she", "her", "hers", "himself", "herself"]

    /// A person a pronoun or description can refer to: a named mention, or a pronoun
    /// already resolved, which carries its person on through a paragraph of "he said".
    private struct Candidate {
        var token: Int
        var cluster: Int
        var salience: Int
    }

    /// The gender a name shows: an honorific in or before it ("Mr Caudwell"), else the
    /// first name of a full name ("Marta Quill"); a lone surname shows none.
    private func shownGender(of mention: EntityMention, _ document: DocumentAnalysis) -> Gender? {
        let first = document.tokens[mention.tokens.lowerBound].text
        if let shown = Gender.honorifics[first.lowercased()] ?? Gender.ofHonorific(before: mention.tokens.lowerBound, document) {
            return shown
        }
        return mention.tokens.count > 1 ? firstNames.gender(of: first) : nil
    }

    func resolve(_ document: DocumentAnalysis, clusters: [EntityClusterer.Cluster], titles: [Int: [String]], salience: Salience)
        -> [Reference]
    {
        let roleWords = RoleWords.read(document, clusters: clusters)
        let knownRoles = roleWords.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        // Every named person mention, in text order, with its cluster; the gender an honorific shows.
        var candidates: [Candidate] = []
        var gender: [Int: Gender] = [:]
        for (index, cluster) in clusters.enumerated() where cluster.type == "PERSON" {
            for mention in cluster.mentions {
                candidates.append(
                    Candidate(token: mention.tokens.lowerBound, cluster: index, salience: salience.score(mention.tokens)))
                if gender[index] == nil, let shown = shownGender(of: mention, document) {
                    gender[index] = shown
                }
            }
        }
        candidates.sort { $0.token < $1.token }
        guard !candidates.isEmpty else { return [] }

        var references: [Reference] = []
        var index = 0
        let tokens = document.tokens
        while index < tokens.count {
            let lower = tokens[index].text.lowercased()
            if let pronounGender = Gender.pronouns[lower] {
                let fits = { (cluster: Int) in gender[cluster].map { $0 == pronounGender } ?? true }
                if let cluster = antecedent(before: index, in: document, candidates, salience, fits: fits) {
                    references.append(Reference(mention: mention(document, index..<(index + 1)), cluster: cluster))
                    if gender[cluster] == nil { gender[cluster] = pronounGender }
                    let bound = Candidate(token: index, cluster: cluster, salience: salience.score(index..<(index + 1)))
                    let position = candidates.firstIndex { $0.token > index } ?? candidates.count
                    candidates.insert(bound, at: position)
                }
                index += 1
                continue
            }
            if lower == "the", let (end, role, country) = description(at: index, document, knownRoles: knownRoles) {
                let fits: (Int) -> Bool = { cluster in
                    let clusterTitles =
                        (titles[cluster] ?? []).flatMap { $0.lowercased().split(separator: " ").map(String.init) }
                        + (roleWords[cluster] ?? [])
                    if let country, clusters[cluster].country != nil, clusters[cluster].country != country { return false }
                    guard let needed = RoleFits.needed[role] else { return clusterTitles.contains(role) }
                    return needed.isEmpty
                        ? !clusterTitles.isEmpty : !needed.isDisjoint(with: clusterTitles) || clusterTitles.contains(role)
                }
                // A role the text gave someone reaches back past the two-sentence window;
                // "the official", which fits anyone with a title, does not.
                let specific = RoleFits.needed[role].map { !$0.isEmpty } ?? true
                if let cluster = antecedent(before: index, in: document, candidates, salience, reachesBack: specific, fits: fits)
                {
                    references.append(Reference(mention: mention(document, index..<end), cluster: cluster))
                    let bound = Candidate(token: index, cluster: cluster, salience: salience.score(index..<end))
                    let position = candidates.firstIndex { $0.token > index } ?? candidates.count
                    candidates.insert(bound, at: position)
                }
                index = end
                continue
            }
            index += 1
        }
        return references
    }

    private func mention(_ document: DocumentAnalysis, _ range: Range<Int>) -> EntityMention {
        EntityMention(tokens: range, type: "PERSON", in: document)
    }

    /// "the [nationality] [adjectives] role-noun": returns the end token, the role, the country.
    private func description(at index: Int, _ document: DocumentAnalysis, knownRoles: Set<String>) -> (Int, String, String?)? {
        var position = index + 1
        var country: String?
        var words = 0
        while position < document.tokens.count, words < 4, document.tokens[position].newlinesBefore == 0 {
            let word = document.tokens[position].text
            let lower = word.lowercased()
            if RoleFits.needed[lower] != nil || knownRoles.contains(lower) && word == lower {
                return (position + 1, lower, country)
            }
            if let demonym = gazetteer.entry([word][...])?.demonymCountry {
                country = demonym
            } else if word.unicodeScalars.first?.isLower != true && !word.contains("-") {
                return nil
            }
            position += 1
            words += 1
        }
        return nil
    }

    /// The best-ranked person before `token` in its paragraph, the paragraph before or
    /// the two sentences before: salience less two for each sentence back, the later one on a tie. Names
    /// inside quotation marks are someone's words, not the report's subject, so a
    /// pronoun outside them does not refer to them. `reachesBack` lifts the window.
    private func antecedent(
        before token: Int, in document: DocumentAnalysis, _ candidates: [Candidate], _ salience: Salience,
        reachesBack: Bool = false,
        fits: (Int) -> Bool
    ) -> Int? {
        let sentence = document.sentenceIndex(ofToken: token)
        let earliestSentence = max(0, sentence - 2)
        let paragraph = document.paragraphOfSentence[sentence]
        let pronounQuoted = salience.quoted[token]
        var best: (cluster: Int, score: Int)?
        for candidate in candidates.reversed() where candidate.token < token {
            let candidateSentence = document.sentenceIndex(ofToken: candidate.token)
            // The paragraph before counts whole: a long quote between "Trump said" and
            // "He added" fills the sentences, and its names are someone's words.
            guard
                reachesBack || candidateSentence >= earliestSentence
                    || document.paragraphOfSentence[candidateSentence] >= paragraph - 1
            else { break }
            if !pronounQuoted && salience.quoted[candidate.token] { continue }
            guard fits(candidate.cluster) else { continue }
            let score = candidate.salience - 2 * (sentence - candidateSentence)
            if best.map({ score > $0.score }) ?? true { best = (candidate.cluster, score) }
        }
        return best?.cluster
    }
}
