/// The full extraction core: document structure, then entities (tagged, typed,
/// clustered, with titles, countries and resolved references). Quotes and dates
/// come in with their issues. Non-English text gets its language and no
/// English-specific extraction.
public struct StandardExtractor: Extractor {
    public let info = ExtractorInfo(name: "gleaner", version: GleanerVersion.current)
    private let recognizer: EntityRecognizer
    private let gazetteer: Gazetteer
    private let baseline: BaselineExtractor
    /// Chooses a speaker for the direct quotes the rules leave without one; nil leaves them so.
    private let speakerRanker: SpeakerRanker?
    /// Genders of first names, for pronouns; empty leaves gender to honorifics.
    private let firstNames: FirstNames

    public init(
        taggerStages: [EntityTaggerModel], gazetteer: Gazetteer, pageReader: any PageReader = MarkupStrippingReader(),
        speakerRanker: SpeakerRanker? = nil, firstNames: FirstNames = FirstNames(), personNames: PersonNames = PersonNames()
    ) {
        self.gazetteer = gazetteer
        self.speakerRanker = speakerRanker
        self.firstNames = firstNames
        baseline = BaselineExtractor(pageReader: pageReader)
        recognizer = EntityRecognizer(
            tagger: EntityTagger(stages: taggerStages, gazetteer: gazetteer), personNames: personNames)
    }

    public func extract(_ document: InputDocument) throws -> ExtractionResult {
        try explained(document).result
    }

    /// The result, and for each of its quotes (in the same order) how the quote stage
    /// found it and chose its speaker: what `gleaner extract --explain` prints.
    public func explained(_ document: InputDocument) throws -> (result: ExtractionResult, quotes: [QuoteExplanation]) {
        var result = try baseline.extract(document)
        result.extractor = info
        guard result.language == "en" else { return (result, []) }
        let analysis = DocumentAnalysis(text: result.text)
        // Which tokens stand inside quotation marks and who a sentence is about: read once,
        // for coreference, described roles and quote speakers alike.
        let salience = Salience(analysis)
        result.entities = entities(in: analysis, salience: salience)
        var quotes = QuoteExtractor().extract(analysis, entities: result.entities, salience: salience)
        if let speakerRanker {
            quotes = speakerRanker.fill(quotes, entities: result.entities, scalars: analysis.scalars)
        }
        result.quotes = quotes.map(\.quote)
        // A dateline's date is the reference when upstream gave no publication date; its
        // year, when the dateline has none, is the one the story's full dates use most.
        let undated = result.reference == nil ? TimexExtractor().extract(analysis, reference: nil) : nil
        if let dateline = DatelineParser.parse(analysis) {
            result.dateline = dateline
            result.datelineEntity = result.entities.first { $0.mentions.contains { $0.start == dateline.start } }?.id
            // The agency in a dateline's brackets ("(UPI)") is a news organization, whatever
            // type the tagger read into an unknown acronym.
            if let agency = dateline.agency, let index = result.entities.firstIndex(where: { $0.name == agency }),
                ["NORP", "PERSON", "GPE", "MISC"].contains(result.entities[index].type)
            {
                result.entities[index].type = "ORG"
            }
            if result.reference == nil, var date = dateline.date {
                if dateline.year == nil, let year = Self.commonestYear(undated ?? []) {
                    date = String(year) + date.dropFirst(4)
                }
                if !date.hasPrefix("X") {
                    result.adoptPublishedAt(date, source: .dateline)
                }
            }
        }
        // Still no date: one the text itself pins down, said to be an estimate.
        if result.reference == nil, let estimate = ReferenceEstimator.estimate(analysis, timex: undated ?? []) {
            result.reference = estimate.date
            result.publishedAtSource = .estimated
            result.publishedAtEvidence = estimate.evidence
            result.publishedAtEvidenceKind = estimate.kind
        }
        result.timex = TimexExtractor().extract(
            analysis, reference: result.reference, source: result.publishedAtSource, withoutReference: undated)
        return (result, quotes.map(\.explanation))
    }

    /// The year most full dates in the text name ("December 17, 2021" → 2021).
    private static func commonestYear(_ timex: [Timex]) -> Int? {
        var counts: [Int: Int] = [:]
        for value in timex.compactMap(\.value) where value.count >= 7 {
            if let year = Int(value.prefix(4)), value.dropFirst(4).hasPrefix("-") { counts[year, default: 0] += 1 }
        }
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    }

    func entities(in analysis: DocumentAnalysis, salience: Salience) -> [Entity] {
        let mentions = recognizer.mentions(in: analysis)
        let clusterer = EntityClusterer(gazetteer: gazetteer)
        let clusters = clusterer.mergeAcrossTypes(clusterer.mergeBracketed(clusterer.cluster(mentions), in: analysis))
        let titleReader = PersonTitles(gazetteer: gazetteer, mentions: mentions)

        var titles: [Int: [String]] = [:]
        func addTitles(_ found: [String], to cluster: Int) {
            for title in found where !(titles[cluster] ?? []).contains(title) { titles[cluster, default: []].append(title) }
        }
        var countries: [Int: String] = [:]
        var affiliations: [Int: String] = [:]
        for (index, cluster) in clusters.enumerated() where cluster.type == "PERSON" {
            for mention in cluster.mentions {
                let found = titleReader.read(mention, in: analysis)
                addTitles(found.titles, to: index)
                if countries[index] == nil, let country = found.country { countries[index] = country }
                if affiliations[index] == nil, let affiliation = found.affiliation { affiliations[index] = affiliation }
            }
        }
        // "chaired by the prime minister": a role given only by a description, where one
        // person alone could be meant.
        let people = clusters.enumerated().filter { $0.element.type == "PERSON" }.flatMap { index, cluster in
            cluster.mentions.map { DescribedRoles.Person(cluster: index, tokens: $0.tokens) }
        }
        for (index, described) in DescribedRoles.read(analysis, people: people, known: titles, salience: salience) {
            addTitles(described, to: index)
        }
        var clustersWithCountry = clusters
        for (index, country) in countries { clustersWithCountry[index].country = country }
        let references = ReferenceResolver(gazetteer: gazetteer, firstNames: firstNames).resolve(
            analysis, clusters: clustersWithCountry, titles: titles, salience: salience)
        // "She was secretary of state": a role given to a pronoun is its person's.
        for reference in references where clusters[reference.cluster].type == "PERSON" {
            addTitles(titleReader.predicateRole(of: reference.mention, in: analysis).titles, to: reference.cluster)
        }

        return clustersWithCountry.enumerated().map { index, cluster in
            let names = cluster.mentions.map { EntityClusterer.nameText($0.text) }
            var aliases: [String] = []
            // Case variants ("MOSCOW" in a dateline) are the same name, not an alias.
            for name in names where name.lowercased() != cluster.name.lowercased() && !aliases.contains(name) {
                aliases.append(name)
            }
            var mentionList = cluster.mentions.map { Mention(start: $0.start, end: $0.end, text: $0.text) }
            mentionList += references.filter { $0.cluster == index }.map {
                Mention(start: $0.mention.start, end: $0.mention.end, text: $0.mention.text)
            }
            mentionList.sort { $0.start < $1.start }
            let coordinates = cluster.place.flatMap { place in
                place.latitude.flatMap { latitude in place.longitude.map { (latitude: latitude, longitude: $0) } }
            }
            return Entity(
                id: "e\(index + 1)", type: cluster.type, name: cluster.name, aliases: aliases, mentions: mentionList,
                titles: titles[index] ?? [], country: cluster.country, affiliation: affiliations[index],
                coordinates: coordinates)
        }
    }
}
