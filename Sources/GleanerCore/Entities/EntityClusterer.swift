/// Groups a document's mentions into entities: one entity per real-world referent,
/// named by the fullest proper form the document uses.
///
/// - People: a mention joins a longer name whose words include its own ("Ryabkov"
///   joins "Sergey Ryabkov"); possessive "'s" and honorifics ("Mr Hague") are ignored;
///   a lone first name joins the one person the document gives it to ("Hillary").
/// - Places: mentions resolving to the same gazetteer place are one entity under the
///   gazetteer's name ("US", "U.S.", "the United States" → United States).
/// - Nationalities and groups: "Americans" and "American" → NORP "American"; "Iowans"
///   and "Iowan" are one; a party's forms are one ("Democrat", "Democrats", "Democratic").
/// - Organizations: the same name, or an acronym and its expansion.
struct EntityClusterer {
    let gazetteer: Gazetteer

    struct Cluster {
        var type: String
        var name: String
        var key: String
        var words: [String]
        var mentions: [EntityMention]
        var country: String?
        var place: Gazetteer.Place?
        var organization: Gazetteer.Organization?
    }

    func cluster(_ mentions: [EntityMention]) -> [Cluster] {
        var clusters: [Cluster] = []
        // Longest names first, so short forms find the full name they abbreviate.
        let ordered = mentions.enumerated().sorted {
            ($0.element.text.unicodeScalars.count, -$0.offset) > ($1.element.text.unicodeScalars.count, -$1.offset)
        }
        // The first cluster under each key: clusters before it can match only by type.
        var firstWithKey: [String: Int] = [:]
        for (_, mention) in ordered {
            let words = Self.personWords(mention)
            guard !words.isEmpty else { continue }
            let key = clusterKey(mention, words: words)
            let keyed = firstWithKey[key]
            var found = keyed
            if mention.type == "PERSON" || mention.type == "ORG",
                let earlier = clusters[..<(keyed ?? clusters.count)].firstIndex(where: {
                    matches($0, mention, key: key, words: words)
                })
            {
                found = earlier
            }
            // A lone surname the tagger typed as a place or a group ("Amsel:" in a title-case
            // headline) belongs to the person the text names in full, unless the gazetteer
            // knows it as a place or an organization.
            if found == nil, mention.type != "PERSON", words.count == 1, mention.place == nil, mention.organization == nil,
                let person = clusters.firstIndex(where: { $0.type == "PERSON" && $0.words.count > 1 && $0.words.last == words[0] }
                )
            {
                found = person
            }
            // A lone first name belongs to the one person the document gives it to, unless it
            // is also someone's surname ("Hillary" with "Hillary Clinton").
            if found == nil, mention.type == "PERSON", words.count == 1, !clusters.contains(where: { $0.words.last == words[0] })
            {
                let people = clusters.indices.filter {
                    clusters[$0].type == "PERSON" && clusters[$0].words.count > 1 && clusters[$0].words.first == words[0]
                }
                if people.count == 1 { found = people[0] }
            }
            if let index = found {
                clusters[index].mentions.append(mention)
                if clusters[index].country == nil { clusters[index].country = mention.country }
            } else {
                if keyed == nil { firstWithKey[key] = clusters.count }
                clusters.append(
                    Cluster(
                        type: mention.type, name: canonicalName(mention, words: words), key: key, words: words,
                        mentions: [mention], country: mention.country, place: mention.place,
                        organization: mention.organization))
            }
        }
        for index in clusters.indices { clusters[index].mentions.sort { $0.start < $1.start } }
        return clusters.sorted { $0.mentions[0].start < $1.mentions[0].start }
    }

    /// Joins clusters that the text itself equates by apposition in brackets: "the
    /// Treaty on ... Arms [the New START Treaty]", "North Atlantic Treaty Organization (NATO)".
    func mergeBracketed(_ clusters: [Cluster], in document: DocumentAnalysis) -> [Cluster] {
        var clusters = clusters
        var owner: [Int: Int] = [:]  // mention start -> cluster
        for (index, cluster) in clusters.enumerated() {
            for mention in cluster.mentions { owner[mention.start] = index }
        }
        let all = clusters.flatMap(\.mentions).sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
        var mergedInto: [Int: Int] = [:]
        func root(_ index: Int) -> Int {
            var index = index
            while let next = mergedInto[index] { index = next }
            return index
        }
        for (first, second) in zip(all, all.dropFirst()) where first.tokens.upperBound <= second.tokens.lowerBound {
            let between = document.tokens[first.tokens.upperBound..<second.tokens.lowerBound].map { $0.text.lowercased() }
            guard between == ["("] || between == ["["] || between == ["(", "the"] || between == ["[", "the"],
                second.tokens.upperBound < document.tokens.count,
                [")", "]"].contains(document.tokens[second.tokens.upperBound].text),
                let a = owner[first.start].map(root), let b = owner[second.start].map(root), a != b,
                clusters[a].type == clusters[b].type
            else { continue }
            clusters[a].mentions += clusters[b].mentions
            clusters[b].mentions = []
            mergedInto[b] = a
        }
        return clusters.filter { !$0.mentions.isEmpty }.map { cluster in
            var cluster = cluster
            cluster.mentions.sort { $0.start < $1.start }
            return cluster
        }
    }

    private func clusterKey(_ mention: EntityMention, words: [String]) -> String {
        if let place = mention.place { return "place:\(place.kind.rawValue):\(place.name):\(place.country ?? "")" }
        if let party = PartyWords.party(words.joined(separator: " ")) { return "party:" + party }
        if mention.type == "NORP", let country = mention.country { return "norp:\(country)" }
        // A group in the plural is the group: "Iowans" and "Iowan".
        if mention.type == "NORP", words.count == 1, let word = words.first {
            let lowered = word.lowercased()
            return "norp:" + (lowered.count > 3 && lowered.hasSuffix("s") ? String(lowered.dropLast()) : lowered)
        }
        if let organization = mention.organization { return "org:\(organization.acronym)" }
        return mention.type + ":" + words.joined(separator: " ").lowercased()
    }

    private func matches(_ cluster: Cluster, _ mention: EntityMention, key: String, words: [String]) -> Bool {
        if cluster.key == key { return true }
        guard cluster.type == mention.type else { return false }
        switch mention.type {
        case "PERSON":
            // Every word of the short form appears in the long one, the last name last.
            return words.count < cluster.words.count && words.last == cluster.words.last
                && words.allSatisfy(cluster.words.contains)
        case "ORG":
            return acronym(of: cluster.words) == words.joined() || acronym(of: words) == cluster.words.joined()
        default:
            return false
        }
    }

    private func acronym(of words: [String]) -> String {
        let skipped: Set<String> = ["of", "the", "and", "for", "&"]
        return String(words.filter { !skipped.contains($0) }.compactMap { $0.first })
    }

    private func canonicalName(_ mention: EntityMention, words: [String]) -> String {
        if let place = mention.place, place.kind == .country, let code = place.country {
            return gazetteer.countryNames[code] ?? place.name
        }
        if let place = mention.place, mention.text != place.name, place.kind != .region,
            gazetteer.entry(words[...])?.places.first?.name == place.name
        {
            return place.name
        }
        if mention.type == "NORP", let country = mention.country, let adjective = gazetteer.demonymAdjective[country] {
            return adjective
        }
        return Self.nameText(mention.text)
    }

    /// A mention's text as a name: without a leading "the" or a trailing possessive.
    static func nameText(_ text: String) -> String {
        if let ascii = asciiNameText(text) { return ascii }
        var scalars = Substring(text).unicodeScalars[...]
        let lowered = text.lowercased()
        if lowered.hasPrefix("the ") { scalars = scalars.dropFirst(4) }
        for suffix in ["'s", "’s"] where text.hasSuffix(suffix) { scalars = scalars.dropLast(2) }
        return String(String.UnicodeScalarView(scalars)).trimmingWhitespace()
    }

    /// `nameText` for ASCII text, on its bytes (there a byte is a scalar and a
    /// Character); nil for other text.
    private static func asciiNameText(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            for byte in bytes where byte >= 0x80 { return nil }
            var start = 0
            var end = bytes.count
            if end >= 4, bytes[0] | 0x20 == 0x74, bytes[1] | 0x20 == 0x68, bytes[2] | 0x20 == 0x65, bytes[3] == 0x20 { start = 4 }
            if end >= 2, bytes[end - 2] == 0x27, bytes[end - 1] == 0x73 { end = max(end - 2, start) }
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    /// A mention's name words, and for a person without a leading honorific ("Mr Hague" is Hague).
    static func personWords(_ mention: EntityMention) -> [String] {
        var words = nameWords(mention.text)
        if mention.type == "PERSON", words.count > 1, TitleLexicon.courtesyTitles.contains(words[0]) { words.removeFirst() }
        return words
    }

    /// The words of a name without a leading "the" and a trailing possessive.
    static func nameWords(_ text: String) -> [String] {
        var words = Tokenizer().tokenize(text).map(\.text)
        if let last = words.last, last == "'s" || last == "’s" || last == "'" || last == "’" { words.removeLast() }
        if let first = words.first, first.lowercased() == "the" { words.removeFirst() }
        return words
    }
}
