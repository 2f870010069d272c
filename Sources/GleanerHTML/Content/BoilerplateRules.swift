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
    static let boilerplateWords: Set<String> = [
        "comment", "comments", "commentlist", "disqus", "respond", "reply", "replies",
        "share", "shares", "sharing", "sharebar", "social", "socials", "sociallinks", "sharedaddy", "addthis",
        "related", "recommended", "recommendations", "popular", "trending", "outbrain", "taboola", "zergnet",
        "sidebar", "widget", "widgets", "secondary", "rail",
        "menu", "nav", "navbar", "navigation", "breadcrumb", "breadcrumbs", "pagination", "pager", "postnav",
        "footer", "header", "masthead", "topbar", "toolbar", "tools",
        "cookie", "cookies", "consent", "gdpr", "banner", "popup", "modal", "overlay", "lightbox",
        "newsletter", "subscribe", "subscription", "signup", "login", "signin", "register", "paywall",
        "promo", "promotion", "advert", "advertisement", "advertising", "ad", "ads", "adsense", "dfp", "sponsor", "sponsored",
        "tags", "tagcloud", "taglist", "categories", "byline", "author", "authors", "bio", "meta", "postmeta", "metadata",
        "rss", "print", "skip", "hidden", "hide", "copyright", "disclaimer", "jump", "readmore",
        "next", "prev", "previous", "search", "caption", "credit", "credits",
    ]

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
        if let style = node.attribute("style") {
            let compact = style.lowercased().filter { $0 != " " }
            if compact.contains("display:none") || compact.contains("visibility:hidden") { return true }
        }
        return false
    }

    /// The words of an element's class and id names, lowercased.
    static func nameWords(_ node: HTMLTree.Node) -> [Substring] {
        var words: [Substring] = []
        for attribute in node.attributes where attribute.name == "class" || attribute.name == "id" {
            let lowered = attribute.value.lowercased()
            words += lowered.split { !($0.isLetter || $0.isNumber) }
        }
        return words
    }

    /// A name with more boilerplate words than article words: "related-posts" yes,
    /// "article-content sticky-sidebar-relative" no.
    static func isBoilerplateByName(_ node: HTMLTree.Node) -> Bool {
        var boilerplate = 0
        var article = 0
        for attribute in node.attributes where attribute.name == "class" || attribute.name == "id" {
            let lowered = attribute.value.lowercased()
            for name in lowered.split(separator: " ") where boilerplateClassNames.contains(String(name)) { return true }
            for word in lowered.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                let word = String(word)
                if boilerplateWords.contains(word) { boilerplate += 1 }
                if articleWords.contains(word) { article += 1 }
            }
        }
        return boilerplate > article
    }

    /// +1 per article word, -1 per boilerplate word in the class and id names.
    static func nameWeight(_ node: HTMLTree.Node) -> Int {
        var weight = 0
        for word in nameWords(node) {
            let word = String(word)
            if articleWords.contains(word) { weight += 1 }
            if boilerplateWords.contains(word) { weight -= 1 }
        }
        if node.attribute("itemprop")?.lowercased() == "articlebody" { weight += 2 }
        return weight
    }
}
