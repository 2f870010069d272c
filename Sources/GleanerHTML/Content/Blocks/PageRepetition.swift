/// How often each run of text occurs on the whole page, hidden parts included: a
/// teaser headline, an author bio or a "sign up" line repeats (in the menu, the
/// sidebar, a second template for phones), a paragraph of the story rarely does.
/// Runs are keyed by a hash of their lowercased bytes without whitespace; short runs
/// ("Share", "By") repeat on every page and are not counted.
struct PageRepetition {
    private var counts: [UInt64: Int] = [:]

    /// Runs with fewer visible bytes than this are not counted.
    private static let minimumLength = 20

    init(_ tree: HTMLTree) {
        var skipUntil = 0
        for (index, node) in tree.nodes.enumerated() {
            if index < skipUntil { continue }
            if node.tag == .head || node.tag == .script || node.tag == .style || node.tag == .template {
                skipUntil = node.end
                continue
            }
            guard node.isText, let key = Self.key(node.text) else { continue }
            counts[key, default: 0] += 1
        }
    }

    /// The number of times `text`'s run occurs on the page (1 for a short run).
    func count(of text: String) -> Int {
        guard let key = Self.key(text) else { return 1 }
        return max(1, counts[key] ?? 0)
    }

    /// FNV-1a over the lowercased non-whitespace bytes; nil for a short run.
    private static func key(_ text: String) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var length = 0
        for byte in text.utf8 where !(byte == 0x20 || (0x09...0x0D).contains(byte)) {
            hash = (hash ^ UInt64((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)) &* 0x100_0000_01b3
            length += 1
        }
        return length >= minimumLength ? hash : nil
    }
}
