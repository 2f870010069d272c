/// The page's `<meta>` and `<link>` declarations, keyed by lowercased name, property,
/// itemprop or rel; the first declaration of a key wins, as in browsers' previews.
struct MetaTags {
    private var values: [String: String] = [:]
    private(set) var links: [String: String] = [:]
    private(set) var charset: String?

    init(_ tree: HTMLTree) {
        for node in tree.nodes where node.tag == .meta || node.tag == .link {
            if node.tag == .link {
                if let rel = node.attribute("rel")?.lowercased(), let href = node.attribute("href"), links[rel] == nil {
                    links[rel] = href
                }
                continue
            }
            if let charset = node.attribute("charset"), self.charset == nil { self.charset = charset }
            guard let content = node.attribute("content") ?? node.attribute("value") ?? node.attribute("datetime") else {
                continue
            }
            for key in ["name", "property", "itemprop", "http-equiv"] {
                guard let name = node.attribute(key)?.lowercased(), !name.isEmpty else { continue }
                let trimmed = collapseWhitespace(content)
                if values[name] == nil, !trimmed.isEmpty { values[name] = trimmed }
            }
        }
    }

    /// The first of these keys the page declares.
    func first(_ keys: [String]) -> String? {
        for key in keys {
            if let value = values[key] { return value }
        }
        return nil
    }
}
