/// What marks a part of a page as not the article: the element itself (navigation,
/// forms, embedded media), ARIA roles, hidden styling, and the words page templates
/// put in class and id names. A class name is split into words ("related-posts" →
/// related, posts) so "comment" matches "comment-list" but not "commentary".
enum BoilerplateRules {
    static let droppedTags: Set<HTMLTag> = [
        .head, .script, .style, .noscript, .template, .svg, .math, .iframe, .canvas, .object, .embed, .video, .audio,
        .button, .select, .option, .textarea, .input, .nav, .aside, .footer, .header, .dialog, .menu,
    ]

    private static let droppedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog", "alertdialog", "search",
        "toolbar", "tablist",
    ]

    /// Words in class and id names that page templates use for everything around the
    /// article. Chosen from what such templates call their parts, not from one site.
    /// A strong word marks boilerplate even beside article words ("content-related-stories");
    /// a weak one only when it outnumbers them ("article-content sticky-sidebar").
    static let strongBoilerplateWords: Set<String> = [
        "comment", "comments", "commentlist", "disqus", "respond", "replies",
        "share", "shares", "sharing", "sharebar", "social", "socials", "sociallinks", "sharedaddy", "addthis",
        "related", "recommended", "recommendations", "popular", "trending", "outbrain", "taboola", "zergnet",
        "breadcrumb", "breadcrumbs", "pagination", "pager", "postnav",
        "cookie", "cookies", "consent", "gdpr", "popup", "modal", "newsletter", "subscribe", "subscription", "signup",
        "paywall", "promo", "promotion", "advert", "advertisement", "advertising", "ad", "ads", "adsense", "dfp",
        "sponsor", "sponsored", "readtime", "factbox", "copyright", "disclaimer", "cta", "buy", "buybox", "checkout",
    ]
    static let weakBoilerplateWords: Set<String> = [
        "reply", "sidebar", "widget", "widgets", "secondary", "rail",
        "menu", "nav", "navbar", "navigation", "footer", "header", "masthead", "topbar", "toolbar", "tools",
        "banner", "overlay", "lightbox", "login", "signin", "register",
        "tags", "tagcloud", "taglist", "categories", "byline", "author", "authors", "bio", "meta", "postmeta", "metadata",
        "rss", "print", "skip", "jump", "readmore", "next", "prev", "previous", "search",
        "credit", "credits",
    ]
    static let boilerplateWords = strongBoilerplateWords.union(weakBoilerplateWords)

    private static let boilerplateClassNames: Set<String> = [
        "sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden", "wp-caption-text", "fb-root",
    ]

    /// Words that mark the article itself; they raise a container's score.
    static let articleWords: Set<String> = [
        "article", "articlebody", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
        "storybody", "postbody", "entrycontent", "postcontent", "articlecontent", "richtext",
    ]

    static func isDroppedByElement(_ node: HTMLTree.Node) -> Bool {
        if droppedTags.contains(node.tag) { return true }
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden") == "true" { return true }
        if let role = node.attribute("role"), droppedRoles.contains(role.lowercased()) { return true }
        if let style = node.attribute("style") { return hidesElement(style) }
        return false
    }

    private static let hidingDeclarations: [[UInt8]] = ["display:none", "visibility:hidden"].map { Array($0.utf8) }

    /// `display: none` or `visibility: hidden` in an inline style, any case or spacing.
    static func hidesElement(_ style: String) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(style.utf8.count)
        for byte in style.utf8 where byte != 0x20 && byte != 0x09 && byte != 0x0A {
            compact.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return compact.withUnsafeBufferPointer { buffer in
            hidingDeclarations.contains { ByteSearch.end(of: $0, in: buffer) != nil }
        }
    }

    /// The words of an element's class and id names, lowercased: split at punctuation
    /// and at camelCase humps ("RelatedCoverage-container" → related, coverage, container).
    /// A heading's id is a slug of its own words ("what-to-read-next"), not a template's name.
    static func nameWords(_ node: HTMLTree.Node, includingID: Bool = true) -> [String] {
        var words: [String] = []
        for attribute in node.attributes where attribute.name == "class" || (includingID && attribute.name == "id") {
            var word: [UInt8] = []
            var previousWasLower = false
            func flush() {
                if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
            }
            // Class names are ASCII in practice; other bytes stay inside words.
            for byte in attribute.value.utf8 {
                let isUpper = (0x41...0x5A).contains(byte)
                let isLower = (0x61...0x7A).contains(byte)
                guard isUpper || isLower || (0x30...0x39).contains(byte) || byte >= 0x80 else {
                    flush()
                    previousWasLower = false
                    continue
                }
                if isUpper, previousWasLower { flush() }
                word.append(isUpper ? byte + 0x20 : byte)
                previousWasLower = isLower
            }
            flush()
        }
        return words
    }

    enum NameVerdict {
        case content
        /// Words like "sidebar" or "meta" alone: boilerplate unless the node holds the article.
        case weakBoilerplate
        /// Words like "comments" or "related": boilerplate wherever they are.
        case strongBoilerplate
    }

    /// Article words count against boilerplate words, strong ones twice:
    /// "content-related-stories" is boilerplate, "article-content sc-ad-container" is not.
    static func verdict(_ node: HTMLTree.Node) -> NameVerdict {
        for attribute in node.attributes where attribute.name == "class" || attribute.name == "id" {
            for name in attribute.value.lowercased().split(separator: " ") where boilerplateClassNames.contains(String(name)) {
                return .strongBoilerplate
            }
        }
        var strong = 0
        var weak = 0
        var article = 0
        for word in nameWords(node, includingID: !node.tag.isHeading) {
            if strongBoilerplateWords.contains(word) { strong += 1 }
            if weakBoilerplateWords.contains(word) { weak += 1 }
            if articleWords.contains(word) { article += 1 }
        }
        if strong > 0, 2 * strong > article { return .strongBoilerplate }
        return weak + 2 * strong > article ? .weakBoilerplate : .content
    }

    /// +1 per article word, -1 per boilerplate word in the class and id names.
    static func nameWeight(_ node: HTMLTree.Node) -> Int {
        var weight = 0
        for word in nameWords(node) {
            if articleWords.contains(word) { weight += 1 }
            if boilerplateWords.contains(word) { weight -= 1 }
        }
        if node.attribute("itemprop")?.lowercased() == "articlebody" { weight += 2 }
        return weight
    }
}
