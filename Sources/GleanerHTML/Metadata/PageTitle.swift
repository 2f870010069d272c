/// The article's headline. Pages state it several times, each with its own noise:
/// `<title>` carries the site's name ("Headline | Site"), `og:title` is sometimes a
/// shorter social-media line, and `<h1>` is sometimes the site's logo. The choice
/// prefers a statement that another one confirms.
enum PageTitle {
    private static let separators = [" | ", " – ", " — ", " - ", " :: ", " : ", " » ", " « ", " // ", " · "]

    static func find(_ tree: HTMLTree, meta: MetaTags, linkedData: LinkedData, siteName: String?) -> String? {
        let documentTitle = tree.first(.title).map { tree.text(of: $0) }.flatMap(nonEmpty)
        let titleParts = documentTitle.map(split) ?? []
        let headings = tree.all(.h1).map { tree.text(of: $0) }.filter { !$0.isEmpty && $0.unicodeScalars.count < 300 }
        let social = meta.first(["og:title", "twitter:title"]).flatMap(nonEmpty) ?? linkedData.headline.flatMap(nonEmpty)
        let site = siteName.map(loose)

        func confirmed(_ candidate: String) -> Bool {
            let key = loose(candidate)
            return titleParts.contains { loose($0) == key } || documentTitle.map(loose) == key
                || headings.contains { loose($0) == key } || social.map(loose) == key
        }
        func withoutSite(_ candidate: String) -> String {
            let parts = split(candidate)
            guard parts.count > 1 else { return candidate }
            let kept = parts.filter { loose($0) != site && !(titleParts.count > 1 && loose($0) == loose(titleParts.last!)) }
            return kept.count == parts.count || kept.isEmpty ? candidate : kept.joined(separator: " - ")
        }

        if let social {
            let stripped = withoutSite(social)
            // The headline the page shows beats a social-media line worded apart from it.
            if let heading = shownHeadline(headings, social: stripped, site: site) {
                return heading
            }
            if confirmed(social) || confirmed(stripped) { return stripped }
            // A social title nothing else repeats: the heading that the <title> confirms is the headline.
            if let heading = headings.first(where: { heading in
                titleParts.first.map(loose) == loose(heading) || documentTitle.map(loose)?.hasPrefix(loose(heading)) == true
            }) {
                return heading
            }
            return stripped
        }
        // Several headings can echo a part of <title> (the site's logo is often an h1):
        // the longest echoed part is the headline.
        if let heading = headings.filter({ heading in titleParts.contains { loose($0) == loose(heading) } })
            .max(by: { $0.unicodeScalars.count < $1.unicodeScalars.count })
        {
            return heading
        }
        if headings.count == 1, titleParts.isEmpty { return headings[0] }
        if let main = titleParts.filter({ loose($0) != site }).max(by: { $0.count < $1.count }) { return main }
        return headings.first
    }

    /// The <h1> that states the same story as the social title in other words ("Alaska
    /// Airlines sets new date ..." beside "Alaska Airlines to become ..."), or that the
    /// social title pads ("... Focaccia Bread" in "Oven-baked ... Focaccia Bread"). Not
    /// the site's name, a one-word heading or an <h1> that pads the social title with a
    /// section name ("Politics | ..."): those are template text around the headline.
    /// Of several <h1>s, the one sharing most words with the social title.
    private static func shownHeadline(_ headings: [String], social: String, site: String?) -> String? {
        let socialKey = loose(social)
        let socialWords = contentWords(social)
        var best: (heading: String, shared: Int)?
        for heading in headings {
            let key = loose(heading)
            guard key != site, key != socialKey, contentWords(heading).count >= 2,
                !(key.count > socialKey.count && key.contains(socialKey))
            else { continue }
            let shared = contentWords(heading).intersection(socialWords).count
            if shared >= 2, shared > (best?.shared ?? 0) { best = (heading, shared) }
        }
        return best?.heading
    }

    /// Lowercased words of three or more letters.
    private static func contentWords(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.filter { $0.count >= 3 }.map(String.init))
    }

    private static func split(_ title: String) -> [String] {
        var parts = [title]
        for separator in separators {
            parts = parts.flatMap { ByteSearch.split($0, separator: separator) }
        }
        return parts.map { collapseWhitespace($0) }.filter { !$0.isEmpty }
    }

    /// Case, quote style and spacing differ between the copies of one headline.
    static func loose(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }

    private static func nonEmpty(_ text: String) -> String? {
        let collapsed = collapseWhitespace(text)
        return collapsed.isEmpty ? nil : collapsed
    }
}
