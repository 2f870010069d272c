/// A parsed page as one flat array in document order. A node's descendants are the
/// nodes right after it, up to `end`, so subtree walks and bottom-up sums are plain
/// loops over indices: no recursion, which a page of 100,000 nested divs would turn
/// into a stack overflow on a worker thread.
public struct HTMLTree: Sendable {
    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    public struct Node: Sendable {
        public var tag: HTMLTag
        /// The element's name as parsed (lowercase), empty for text.
        public var name: String
        public var parent: Int
        /// One past the node's last descendant.
        public var end: Int
        /// Text content of a text node, empty for elements.
        public var text: String
        public var attributes: [Attribute]

        public var isText: Bool { tag == .text }

        public func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    public var nodes: [Node]

    public init(nodes: [Node]) {
        self.nodes = nodes
    }

    public var isEmpty: Bool { nodes.isEmpty }

    public subscript(index: Int) -> Node { nodes[index] }

    /// The indices of `index`'s direct children.
    public func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        while child < nodes[index].end {
            result.append(child)
            child = nodes[child].end
        }
        return result
    }

    /// The first element with this tag, in document order.
    public func first(_ tag: HTMLTag) -> Int? {
        nodes.indices.first { nodes[$0].tag == tag }
    }

    public func all(_ tag: HTMLTag) -> [Int] {
        nodes.indices.filter { nodes[$0].tag == tag }
    }

    /// `index`'s own text and its descendants', whitespace collapsed.
    public func text(of index: Int) -> String {
        var pieces: [String] = []
        for node in nodes[index..<nodes[index].end] where node.isText {
            pieces.append(node.text)
        }
        return collapseWhitespace(pieces.joined(separator: " "))
    }

    /// The text nodes under `index` joined as they are: for script bodies, where
    /// collapsing whitespace would only cost time.
    public func rawText(of index: Int) -> String {
        var result = ""
        for node in nodes[index..<nodes[index].end] where node.isText { result += node.text }
        return result
    }

    public func isAncestor(_ ancestor: Int, of index: Int) -> Bool {
        ancestor < index && index < nodes[ancestor].end
    }
}

/// Runs of whitespace become one space; ends trimmed. Works on UTF-8 bytes: it runs
/// on every block of every page. Whitespace is ASCII's plus the Unicode spaces pages
/// actually use (no-break, the U+2000 block, zero-width, ideographic).
func collapseWhitespace(_ text: String) -> String {
    var source = text
    return source.withUTF8 { bytes in
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let width = UTF8Space.spaceWidth(bytes, at: index)
            if width > 0 {
                pendingSpace = !output.isEmpty
                index += width
                continue
            }
            if pendingSpace { output.append(0x20) }
            pendingSpace = false
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// The multi-byte UTF-8 spaces: U+00A0, U+2000–U+200B, U+202F, U+205F, U+3000.
enum UTF8Space {
    /// The byte length of the space starting at `index`, or 0 when none starts there.
    static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || (0x09...0x0D).contains(byte) { return 1 }
        switch byte {
        case 0xC2:
            return index + 1 < bytes.count && bytes[index + 1] == 0xA0 ? 2 : 0
        case 0xE2:
            guard index + 2 < bytes.count else { return 0 }
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            return (second == 0x80 && (third <= 0x8B || third == 0xAF)) || (second == 0x81 && third == 0x9F) ? 3 : 0
        case 0xE3:
            return index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    /// Scalars that are not whitespace, counted on bytes: lead bytes of non-ASCII
    /// scalars count, except a no-break space; other Unicode spaces are rare enough
    /// in running text not to move a length-based score.
    static func visibleLength(_ text: String) -> Int {
        var length = 0
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x80 {
                if !(byte == 0x20 || (0x09...0x0D).contains(byte)) { length += 1 }
            } else if byte >= 0xC0 {
                length += 1
            } else if previous == 0xC2, byte == 0xA0 {
                length -= 1
            }
            previous = byte
        }
        return length
    }
}
