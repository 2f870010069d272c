import CLibXML2

/// libxml2's HTML parser, the one real parser Debian keeps patched: it recovers from
/// broken markup the way browsers roughly do. The result is copied into an `HTMLTree`
/// at once so no libxml2 pointer outlives the call.
public enum HTMLParser {
    /// libxml2 wants its global state set up once, before threads use it.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Content reaches the core as a Swift String, already UTF-8: the page's own
    /// `<meta charset>` must not make libxml2 decode it a second time.
    private static let options =
        Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        | Int32(XML_PARSE_HUGE.rawValue)

    public static func parse(_ html: String) -> HTMLTree {
        _ = initialized
        var source = html
        let document = source.withUTF8 { buffer -> htmlDocPtr? in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(clamping: buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return HTMLTree(nodes: []) }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return HTMLTree(nodes: []) }
        return HTMLTree(nodes: flatten(root))
    }

    /// Walks libxml2's tree in document order by its parent/next links, recording each
    /// node's parent and, on the way back up, where its subtree ends.
    private static func flatten(_ root: xmlNodePtr) -> [HTMLTree.Node] {
        var nodes: [HTMLTree.Node] = []
        var openIndices: [Int] = []
        var current: xmlNodePtr? = root

        func close(_ count: Int) {
            for _ in 0..<count {
                let index = openIndices.removeLast()
                nodes[index].end = nodes.count
            }
        }

        while let node = current {
            let parent = openIndices.last ?? -1
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let name = node.pointee.name.map { String(cString: $0) } ?? ""
                nodes.append(
                    HTMLTree.Node(
                        tag: HTMLTag(name: name), name: name, parent: parent, end: nodes.count + 1, text: "",
                        attributes: attributes(of: node)))
                if node.pointee.children != nil {
                    openIndices.append(nodes.count - 1)
                    descend = true
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    nodes.append(
                        HTMLTree.Node(
                            tag: .text, name: "", parent: parent, end: nodes.count + 1, text: String(cString: content),
                            attributes: []))
                }
            default:
                break
            }
            if descend {
                current = node.pointee.children
                continue
            }
            // Climb until a node has a next sibling, closing each element left behind;
            // every ancestor up to the root was opened on the way down.
            var step = node
            current = nil
            while step != root {
                if let next = step.pointee.next {
                    current = next
                    break
                }
                guard let parent = step.pointee.parent else { break }
                close(1)
                step = parent
            }
        }
        close(openIndices.count)
        return nodes
    }

    private static func attributes(of node: xmlNodePtr) -> [HTMLTree.Attribute] {
        var result: [HTMLTree.Attribute] = []
        var property = node.pointee.properties
        while let attribute = property {
            if let rawName = attribute.pointee.name {
                let name = String(cString: rawName).lowercased()
                // Values are the costly part (srcset, data-*, long URLs): keep only those read.
                guard HTMLTree.readAttributes.contains(name) else {
                    property = attribute.pointee.next
                    continue
                }
                var value = ""
                if let text = attribute.pointee.children, let content = text.pointee.content {
                    value = String(cString: content)
                    // An attribute value with an entity is several text children.
                    var more = text.pointee.next
                    while let piece = more {
                        if let pieceContent = piece.pointee.content { value += String(cString: pieceContent) }
                        more = piece.pointee.next
                    }
                }
                result.append(HTMLTree.Attribute(name: name, value: value))
            }
            property = attribute.pointee.next
        }
        return result
    }
}
