/// Short lines that say what a template box is rather than being text: a heading
/// such as "Comments", "Keep reading" or "Editors' recommendations" opens a box of
/// someone else's text (a teaser, an advertiser's pitch) even when the box sits inside
/// the article's container under class names no rule knows; and a paragraph that is
/// nothing but a web address ("EXAMPLENEWS.COM") credits a source, it says nothing.
/// Word lists of what templates everywhere call these parts, not one site's.
enum SectionLabels {
    /// A label is at most this long: a heading of a few words.
    static let maximumLength = 40

    /// How such labels begin, lowercased. "Related" alone is also on the edge rules' label
    /// list (`ArticleEdges`): a label the rules drop heads nothing (`BlockFeatures.compute`).
    private static let openings: [[UInt8]] = [
        "related", "read more", "keep reading", "recommended", "recommendations", "comments", "you may also like",
        "you might also like", "you may like", "more from", "more on", "more stories", "more news", "trending",
        "most read", "most popular", "latest news", "further reading", "see also", "about the author", "share this",
        "leave a reply", "leave a comment", "read next", "up next", "editors", "editor's picks", "top stories",
        "also read", "read also", "what to read next", "don't miss",
    ].map { Array($0.utf8) }

    /// Whether `text` is a box's label: short, and opening with one of the words above
    /// as whole words ("Comments (3)", "Keep Reading", not "Commentary" or "Relatedness").
    static func isLabel(_ text: String) -> Bool {
        guard text.utf8.count <= 4 * maximumLength, text.unicodeScalars.count <= maximumLength else { return false }
        let bytes = words(text)
        guard let start = bytes.firstIndex(where: isLetterOrDigit) else { return false }
        return openings.contains { opening in
            let end = start + opening.count
            guard end <= bytes.count, bytes[start..<end].elementsEqual(opening) else { return false }
            return end == bytes.count || !isLetterOrDigit(bytes[end])
        }
    }

    /// Top-level domains a credit line ends with; "Node.js" or "ASP.NET" are not addresses.
    private static let domains: Set<String> = [
        "com", "org", "net", "info", "news", "co", "uk", "gov", "edu", "io", "tv", "au", "ca", "ie", "nz", "za", "us",
    ]

    /// A paragraph that is one web address: "www.example.org", "https://…", "EXAMPLENEWS.COM".
    static func isWebAddress(_ text: String) -> Bool {
        // A mail address ("ann.lee@example.org") is someone to write to, often in a list the story gives.
        guard text.utf8.count < 60, !text.utf8.contains(0x20), !text.utf8.contains(0x40) else { return false }
        let bytes = text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        for prefix in ["http://", "https://", "www."] where bytes.starts(with: prefix.utf8) { return true }
        let host = bytes.split(separator: 0x2F, maxSplits: 1, omittingEmptySubsequences: false).first ?? []
        let labels = host.split(separator: 0x2E, omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, labels.dropLast().allSatisfy({ !$0.isEmpty }) else { return false }
        return domains.contains(String(decoding: last, as: UTF8.self))
    }

    /// ASCII-lowercased bytes of the letters and digits, the typographic apostrophe as a
    /// plain one and every other mark ("—", "(") as a space.
    private static func words(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\u{2019}" || scalar == "'" {
                bytes.append(0x27)
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                for byte in String(scalar).utf8 { bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte) }
            } else {
                bytes.append(0x20)
            }
        }
        return bytes
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte >= 0x80
    }
}
