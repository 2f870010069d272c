import GleanerCore

/// When the page says it was published, from the most to the least deliberate
/// statement: structured data, meta tags, a `<time>` element marked as the
/// publication, the URL's date path, then the first date in an element whose class
/// says it holds one. Modification dates come last: a reader's "when" is the first
/// publication.
struct PublicationDate {
    /// "02/10/2020" is 10 February on US pages and 2 October on most others.
    let monthFirst: Bool

    init(language: String?) {
        let code = language?.lowercased() ?? "en-us"
        monthFirst = code == "en" || code.hasPrefix("en-us") || code.hasPrefix("en_us")
    }

    private static let metaKeys = [
        "article:published_time", "og:article:published_time", "article.published", "datepublished", "pubdate",
        "publishdate", "publish-date", "publish_date", "publication_date", "publicationdate", "dc.date.issued",
        "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "date", "sailthru.date",
        "parsely-pub-date", "citation_publication_date", "citation_date", "originalpublicationdate", "displaydate",
        "article_date_original", "og:published_time", "published_time", "release_date", "created", "timestamp",
    ]
    private static let modifiedKeys = ["article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "lastmod"]

    private static let dateWords: Set<String> = [
        "date", "time", "published", "publish", "pubdate", "posted", "postdate", "timestamp", "dateline", "byline",
        "meta", "entry", "updated", "day", "datetime", "article", "post", "info", "details",
    ]

    /// Keys that script-rendered pages use for the date in their own JSON state.
    private static let scriptKeys: [[UInt8]] = [
        "\"datePublished\"", "\"publishedDate\"", "\"datePosted\"", "\"publishDate\"", "\"published_at\"", "\"pubDate\"",
        "\"publicationDate\"",
    ].map { Array($0.utf8) }

    func find(_ tree: HTMLTree, meta: MetaTags, linkedData: LinkedData, url: String?) -> String? {
        let pathDate = url.flatMap(Self.urlDate) ?? meta.links["canonical"].flatMap(Self.urlDate)
        let declared =
            linkedData.datePublished.flatMap(parse) ?? meta.first(Self.metaKeys).flatMap(parse)
            ?? markedElementDate(tree)
        if let declared {
            // Metadata stamps are often UTC; the URL carries the publisher's own calendar day.
            if let pathDay = TimexCalendar.parseReference(pathDate), let declaredDay = TimexCalendar.parseReference(declared),
                declaredDay - pathDay == 1
            {
                return pathDate
            }
            return declared
        }
        return pathDate ?? scriptStateDate(tree) ?? firstTimeElement(tree) ?? classHintedDate(tree)
            ?? dateLineUnderHeadline(tree) ?? meta.first(Self.modifiedKeys).flatMap(parse)
    }

    /// `"publishedDate":"2016-11-04T20:37:27Z"` in a page's JSON state.
    private func scriptStateDate(_ tree: HTMLTree) -> String? {
        for index in tree.all(.script) {
            var source = tree.rawText(of: index)
            let found = source.withUTF8 { bytes -> String? in
                for key in Self.scriptKeys {
                    guard var position = ByteSearch.end(of: key, in: bytes) else { continue }
                    while position < bytes.count, bytes[position] == 0x3A || bytes[position] == 0x20 || bytes[position] == 0x22 {
                        position += 1
                    }
                    var value: [UInt8] = []
                    while position < bytes.count, bytes[position] != 0x22, value.count < 40 {
                        value.append(bytes[position])
                        position += 1
                    }
                    if let date = parse(String(decoding: value, as: UTF8.self)) { return date }
                }
                return nil
            }
            if let found { return found }
        }
        return nil
    }

    /// A short line that is only a date, just under the page's headline ("January 22, 2014")
    /// or near the top of its body.
    private func dateLineUnderHeadline(_ tree: HTMLTree) -> String? {
        // Without a headline element, the top of the body is where such a line sits.
        var index = tree.first(.h1).map { tree[$0].end } ?? tree.first(.body) ?? 0
        var seen = 0
        while index < tree.nodes.count, seen < 300 {
            let node = tree[index]
            if node.isText {
                let text = collapseWhitespace(node.text)
                if !text.isEmpty, text.unicodeScalars.count < 50, let date = parse(text) { return date }
            }
            if node.tag == .script || node.tag == .style {
                index = node.end
            } else {
                index += 1
            }
            seen += 1
        }
        return nil
    }

    /// `<time pubdate>`, `itemprop="datePublished"`, a `<time>` whose class says "published".
    private func markedElementDate(_ tree: HTMLTree) -> String? {
        for node in tree.nodes where !node.isText {
            let itemprop = node.attribute("itemprop")?.lowercased()
            let marked =
                itemprop == "datepublished" || itemprop == "datecreated"
                || (node.tag == .time
                    && (node.attribute("pubdate") != nil
                        || node.attribute("class")?.lowercased().contains("publish") == true))
            guard marked else { continue }
            for value in [node.attribute("datetime"), node.attribute("content"), node.attribute("title")] {
                if let date = value.flatMap(parse) { return date }
            }
        }
        for index in tree.nodes.indices where tree[index].attribute("itemprop")?.lowercased() == "datepublished" {
            if let date = parse(tree.text(of: index)) { return date }
        }
        return nil
    }

    private func firstTimeElement(_ tree: HTMLTree) -> String? {
        for index in tree.all(.time) {
            if let date = tree[index].attribute("datetime").flatMap(parse) ?? parse(tree.text(of: index)) {
                return date
            }
        }
        return nil
    }

    /// A stamp with a time of day keeps it and its offset ("2025-09-23T10:15:00+01:00" stays so);
    /// any other date string gives its day.
    private func parse(_ text: String) -> String? {
        if let stamp = ReferenceDateParser.parse(text)?.date, stamp.hasTime, DateText.plausibleYears.contains(stamp.year) {
            return stamp.rfc3339
        }
        return DateText.parse(text, monthFirst: monthFirst)
    }

    /// /2019/08/02/ or -2019-08-02 in a path; a path with only year and month is no day.
    static func urlDate(_ url: String) -> String? {
        let parts = url.split { $0 == "/" || $0 == "-" || $0 == "_" || $0 == "." }
        var index = 0
        while index + 2 < parts.count {
            if parts[index].count == 4, let year = Int(parts[index]), DateText.plausibleYears.contains(year),
                parts[index + 1].count <= 2, let month = Int(parts[index + 1]), (1...12).contains(month),
                parts[index + 2].count <= 2, let day = Int(parts[index + 2]), (1...31).contains(day)
            {
                return DateText.parse("\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)")
            }
            index += 1
        }
        return nil
    }

    /// The first date in a short element whose class or id names a date, a byline or
    /// post metadata: where templates print "Posted on August 2, 2019".
    private func classHintedDate(_ tree: HTMLTree) -> String? {
        for index in tree.nodes.indices where !tree[index].isText {
            let node = tree[index]
            guard node.tag != .script, node.tag != .style, node.end - index < 40 else { continue }
            let words = BoilerplateRules.nameWords(node)
            guard words.contains(where: Self.dateWords.contains) else { continue }
            let text = tree.text(of: index)
            guard text.unicodeScalars.count < 200 else { continue }
            if let date = parse(text) { return date }
        }
        return nil
    }
}
