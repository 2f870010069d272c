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

    /// The attributes the reader looks at; the parser keeps no others.
    public static let readAttributes: Set<String> = [
        "class", "id", "style", "hidden", "aria-hidden", "role", "itemprop", "rel", "href", "content", "name", "property",
        "charset", "datetime", "type", "lang", "xml:lang", "pubdate", "title", "value", "http-equiv",
    ]

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
