/// Who wrote the page, as names: structured data first, then meta tags, then the
/// byline the template prints, with "By", dates, roles and e-mail addresses removed.
enum Authors {
    private static let bylineWords: Set<String> = ["byline", "author", "authors", "writer", "creator", "contributor"]
    /// A byline "name" longer than this is a sentence, not a name.
    private static let maximumWords = 6

    static func find(_ tree: HTMLTree, meta: MetaTags, linkedData: LinkedData) -> [String] {
        var names = linkedData.authors
        if names.isEmpty,
            let declared = meta.first(["author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author"])
        {
            names = [declared]
        }
        if names.isEmpty {
            for index in tree.nodes.indices where !tree[index].isText && tree[index].end - index < 30 {
                let node = tree[index]
                let marked =
                    node.attribute("rel")?.lowercased() == "author"
                    || node.attribute("itemprop")?.lowercased() == "author"
                    || BoilerplateRules.nameWords(node).contains(where: bylineWords.contains)
                guard marked else { continue }
                let text = tree.text(of: index)
                if !text.isEmpty {
                    names = [text]
                    break
                }
            }
        }
        var cleaned: [String] = []
        for name in names.flatMap(splitNames) where !cleaned.contains(name) { cleaned.append(name) }
        return cleaned
    }

    /// "By Jane Doe and John Roe | Reporter" → ["Jane Doe", "John Roe"].
    private static func splitNames(_ raw: String) -> [String] {
        var text = collapseWhitespace(raw)
        if text.hasPrefix("http") || text.contains("@") && !text.contains(" ") { return [] }
        for marker in [" | ", " - ", " – ", " — ", ", ", " and ", " & ", ";"] {
            text = ByteSearch.split(text, separator: marker).joined(separator: "\u{1F}")
        }
        var names: [String] = []
        for piece in text.split(separator: "\u{1F}") {
            var words = piece.split(separator: " ").map(String.init)
            while let first = words.first, ["by", "von", "par", "written", "posted", "author:"].contains(first.lowercased()) {
                words.removeFirst()
            }
            guard !words.isEmpty, words.count <= maximumWords else { continue }
            let name = words.joined(separator: " ")
            guard name.unicodeScalars.first.map({ $0.properties.isUppercase }) == true,
                !name.unicodeScalars.contains(where: { ("0"..."9").contains($0) || $0 == "@" || $0 == "/" })
            else { continue }
            names.append(name)
        }
        return names
    }
}
