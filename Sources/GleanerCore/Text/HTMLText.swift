/// A stop-gap HTML-to-text pass for the baseline extractor: drops markup, scripts and
/// styles, turns block elements into paragraph breaks and decodes common entities.
/// It does no boilerplate removal; the HTML issue replaces it with a real parser.
enum HTMLText {
    struct Page {
        var title: String?
        var text: String
    }

    private static let blockTags: Set<String> = [
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section",
        "article", "header", "footer", "blockquote", "pre", "hr", "nav", "main", "aside", "figure", "figcaption",
    ]
    private static let skippedTags: Set<String> = ["script", "style", "noscript", "template", "svg"]

    static func extract(_ html: String) -> Page {
        let scalars = Array(html.unicodeScalars)
        var text = String.UnicodeScalarView()
        var title: String?
        var skipping: String?
        var index = 0
        var pendingBreak = false

        func appendText(_ scalar: Unicode.Scalar) {
            if scalar.properties.isWhitespace {
                if let last = text.last, !last.properties.isWhitespace { text.append(" ") }
                return
            }
            if pendingBreak {
                while let last = text.last, last == " " { text.removeLast() }
                if !text.isEmpty { text.append(contentsOf: "\n\n".unicodeScalars) }
                pendingBreak = false
            }
            text.append(scalar)
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                let close = scalars[index...].firstIndex(of: ">") ?? scalars.count
                let tag = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                let name = tagName(tag)
                let isEnd = tag.hasPrefix("/")
                index = close + 1
                if let open = skipping {
                    if isEnd && name == open { skipping = nil }
                    continue
                }
                if name == "title" && !isEnd {
                    let rest = scalars[index...]
                    let end = findEndTag("title", in: rest) ?? scalars.count
                    title = decodeEntities(String(String.UnicodeScalarView(scalars[index..<end]))).trimmingWhitespace()
                    index = end
                    continue
                }
                if skippedTags.contains(name) && !isEnd && !tag.hasSuffix("/") {
                    skipping = name
                } else if blockTags.contains(name) {
                    pendingBreak = true
                }
                continue
            }
            if skipping != nil {
                index += 1
                continue
            }
            if scalar == "&", let (decoded, length) = entity(at: index, in: scalars) {
                decoded.unicodeScalars.forEach(appendText)
                index += length
                continue
            }
            appendText(scalar)
            index += 1
        }
        let body = String(text).trimmingWhitespace()
        return Page(title: title?.isEmpty == false ? title : nil, text: body)
    }

    private static func tagName(_ tag: String) -> String {
        let trimmed = tag.unicodeScalars.drop { $0 == "/" || $0 == "!" }
        return String(String.UnicodeScalarView(trimmed.prefix { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
            .lowercased()
    }

    private static func findEndTag(_ name: String, in scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        var index = scalars.startIndex
        while let open = scalars[index...].firstIndex(of: "<") {
            let close = scalars[open...].firstIndex(of: ">") ?? scalars.endIndex
            if tagName(String(String.UnicodeScalarView(scalars[(open + 1)..<close]))) == name,
                scalars[open + 1] == "/"
            {
                return open
            }
            index = open + 1
        }
        return nil
    }

    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "—", "ndash": "–",
        "hellip": "…", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "laquo": "«", "raquo": "»",
        "copy": "©", "reg": "®", "eacute": "é", "egrave": "è", "uuml": "ü", "ouml": "ö", "auml": "ä",
    ]

    private static func entity(at index: Int, in scalars: [Unicode.Scalar]) -> (String, Int)? {
        let limit = min(scalars.count, index + 12)
        guard let semicolon = scalars[index..<limit].firstIndex(of: ";") else { return nil }
        let body = String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))
        let length = semicolon - index + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(scalar), length)
        }
        return namedEntities[body].map { ($0, length) }
    }

    static func decodeEntities(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let (decoded, length) = entity(at: index, in: scalars) {
                output.append(contentsOf: decoded.unicodeScalars)
                index += length
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }
}
