/// How often each run of text occurs on the whole page, hidden parts included: a
/// teaser headline, an author bio or a "sign up" line repeats (in the menu, the
/// sidebar, a second template for phones), a paragraph of the story rarely does.
/// Runs are keyed by a hash of their lowercased bytes without whitespace; short runs
/// ("Share", "By") repeat on every page and are not counted.
struct PageRepetition {
    private var counts: [UInt64: Int] = [:]
    /// Each node's key (0 for none), so the assembler does not hash its runs again.
    private var keys: [UInt64]

    /// Runs with fewer visible bytes than this are not counted.
    private static let minimumLength = 20

    init(_ tree: HTMLTree) {
        // By index, not `for node in`: copying each node retained and released its strings.
        let nodes = tree.nodes
        keys = [UInt64](repeating: 0, count: nodes.count)
        var index = 0
        while index < nodes.count {
            let tag = nodes[index].tag
            if tag == .head || tag == .script || tag == .style || tag == .template {
                index = nodes[index].end
                continue
            }
            if tag == .text, let key = Self.key(nodes[index].text) {
                counts[key, default: 0] += 1
                keys[index] = key
            }
            index += 1
        }
    }

    /// The number of times text node `index`'s run occurs on the page (1 for a short run).
    func count(ofNode index: Int) -> Int {
        let key = keys[index]
        return key == 0 ? 1 : max(1, counts[key] ?? 0)
    }

    /// FNV-1a over the lowercased non-whitespace bytes; nil for a short run.
    private static func key(_ text: String) -> UInt64? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var length = 0
        for byte in text.utf8 where !(byte == 0x20 || (0x09...0x0D).contains(byte)) {
            hash = (hash ^ UInt64((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)) &* 0x100_0000_01b3
            length += 1
        }
        return length >= minimumLength && hash != 0 ? hash : nil
    }
}
