/// Templates put calls to action and fine print inside the article's own container,
/// at its top and bottom: reading times, bylines, "Subscribe now for the full story",
/// "Follow us on Twitter", copyright lines. Only the edges are trimmed, and only short
/// paragraphs: the same words inside the story are the story.
enum ArticleEdges {
    /// Paragraphs longer than this are prose, whatever words they contain.
    static let maximumLength = 320

    static let phrases: [[UInt8]] = [
        "subscribe", "subscriber", "sign up", "signing up", "newsletter", "follow us", "follow the", "on twitter",
        "on facebook", "on instagram", "download the", "download our", "our app", "all rights reserved", "copyright",
        "©", "written permission", "not responsible for", "submit your letter", "what you think", "click here",
        "min read", "minute read", "related coverage", "related stories", "explore further", "advertisement",
        "share this", "posted by", "last modified", "last updated", "release date", "category :", "categories:",
        "tags:", "leave a comment", "post your comment", "comments (", "you might also like", "more stories",
        "latest articles", "read more", "contact us", "we may earn", "affiliate", "references to products",
        "instant access", "online access", "advertiser", "compensation", "get the latest",
    ].map { Array($0.utf8) }

    /// Labels a template drops between paragraphs ("Advertisement", "Read more"); a
    /// paragraph that is nothing but one of them is not text wherever it stands.
    private static let labels: Set<String> = [
        "advertisement", "advertisements", "ad", "sponsored", "sponsored content", "credit", "photo", "image",
        "related", "related coverage", "related stories", "related articles", "explore further", "read more",
        "read more below", "more", "share", "share this", "share this article", "tweet", "print", "email",
        "continue reading", "story continues below", "article continues below", "scroll to continue",
    ]

    /// Also gone wherever they stand: separators with no letter or digit ("|", "•") and
    /// lone date lines, which are the template's dateline, not the story's prose.
    static func dropLabels(_ paragraphs: [TextAssembler.Paragraph]) -> [TextAssembler.Paragraph] {
        paragraphs.filter { paragraph in
            guard paragraph.text.utf8.count <= 40 else { return true }
            if !paragraph.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || ("0"..."9").contains($0) }) {
                return false
            }
            if DateText.parse(paragraph.text) != nil { return false }
            let key = String(
                String.UnicodeScalarView(paragraph.text.lowercased().unicodeScalars.filter { $0 != ":" && $0 != "." }))
            return !labels.contains(collapseWhitespace(key))
        }
    }

    /// Furniture is removed from the runs at both ends; headings inside those runs (the
    /// article's own title above its date line) stay.
    static func trim(_ paragraphs: [TextAssembler.Paragraph]) -> [TextAssembler.Paragraph] {
        var paragraphs = dropLabels(paragraphs)
        var end = paragraphs.endIndex
        while end > 0, paragraphs[end - 1].isHeading || isFurniture(paragraphs[end - 1]) { end -= 1 }
        paragraphs = Array(paragraphs[..<end]) + paragraphs[end...].filter { $0.isHeading && !isFurniture($0) }
        var start = 0
        while start < paragraphs.count, paragraphs[start].isHeading || isFurniture(paragraphs[start]) { start += 1 }
        return paragraphs[..<start].filter { !isFurniture($0) } + paragraphs[start...]
    }

    private static func isFurniture(_ paragraph: TextAssembler.Paragraph) -> Bool {
        let length = paragraph.text.unicodeScalars.count
        guard length <= maximumLength else { return false }
        let lowered = paragraph.text.lowercased()
        return phrases.contains(where: { ByteSearch.contains($0, in: lowered) })
    }
}
