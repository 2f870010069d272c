// Byte-level text helpers for the page reader's hot paths.

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

/// Substring search on UTF-8 bytes. The standard library's `contains(_:)` for strings
/// goes through the generic string-processing searcher, many times slower on the
/// large script bodies and the many short phrases it is asked about here.
enum ByteSearch {
    /// The offset just past the first occurrence of `needle`, or nil.
    static func end(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index + matched }
            }
            index += 1
        }
        return nil
    }

    /// `text` cut at every occurrence of `separator`, pieces kept as they are (empty ones too).
    static func split(_ text: String, separator: String) -> [String] {
        let needle = Array(separator.utf8)
        var text = text
        return text.withUTF8 { bytes in
            var pieces: [String] = []
            var pieceStart = 0
            var searchFrom = 0
            while let end = end(of: needle, in: bytes, from: searchFrom) {
                pieces.append(
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[pieceStart..<(end - needle.count)]), as: UTF8.self))
                pieceStart = end
                searchFrom = end
            }
            pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[pieceStart...]), as: UTF8.self))
            return pieces
        }
    }

    static func contains(_ needle: [UInt8], in text: String) -> Bool {
        var text = text
        return text.withUTF8 { end(of: needle, in: $0) != nil }
    }
}

/// Several phrases searched in one pass: the phrases are bucketed by their first byte,
/// so each position of the text is compared only with the few that can start there.
/// Searching 50 phrases one after another read a paragraph 50 times, on every
/// paragraph of every page.
struct PhraseSet: Sendable {
    private let buckets: [[[UInt8]]]

    init(_ phrases: [[UInt8]]) {
        var buckets = [[[UInt8]]](repeating: [], count: 256)
        for phrase in phrases where !phrase.isEmpty { buckets[Int(phrase[0])].append(phrase) }
        self.buckets = buckets
    }

    /// Whether any phrase occurs in `text`.
    func occurs(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        for start in text.indices {
            for phrase in buckets[Int(text[start])] where phrase.count <= text.count - start {
                var matched = 1
                while matched < phrase.count, text[start + matched] == phrase[matched] { matched += 1 }
                if matched == phrase.count { return true }
            }
        }
        return false
    }
}
