/// How a document writes its words, gathered before tagging any sentence of it.
public struct DocumentCase: Sendable {
    public private(set) var capitalized: Set<String> = []
    public private(set) var lowercase: Set<String> = []
    /// Both sets in one table, so a token takes one look-up: `capitalizedFlag` when
    /// the key is in `capitalized`, `lowercaseFlag` when it is in `lowercase`.
    private(set) var spellings: [String: UInt8] = [:]
    static let capitalizedFlag: UInt8 = 1
    static let lowercaseFlag: UInt8 = 2
    /// Each word's commonest entity type in a first tagging pass over the whole
    /// document: the second pass sees that "Ryabkov" was a person three sentences ago.
    public var predictedTypes: [String: String] = [:]

    public init() {}

    /// Lowercased words seen capitalised mid-sentence, and words seen in lowercase,
    /// in sentences that are not all capitals.
    public init(_ sentences: [[String]]) {
        for tokens in sentences {
            let upper = tokens.reduce(0) { $0 + ($1.unicodeScalars.first?.isUpper == true ? 1 : 0) }
            guard upper * 2 < tokens.count else { continue }
            for (index, token) in tokens.enumerated() {
                guard let first = token.unicodeScalars.first, first.isAlpha else { continue }
                if first.isLower {
                    if lowercase.insert(token).inserted { spellings[token, default: 0] |= Self.lowercaseFlag }
                } else if index > 0, token.unicodeScalars.dropFirst().contains(where: { $0.isLower }) {
                    let lower = token.lowercasedASCIIFast()
                    if capitalized.insert(lower).inserted { spellings[lower, default: 0] |= Self.capitalizedFlag }
                }
            }
        }
    }
}

/// The tagger's view of a sentence: per token, the features that do not depend on
/// predicted tags (computed once), plus the tag-history features added while decoding.
struct NERFeatures {
    /// Per token: the hashes of its static features.
    private(set) var staticFeatures: [[UInt64]] = []
    /// The tokens lowercased, which the decoder's tag-history features reuse.
    let lowers: [String]
    let shapes: [String]

    enum Template: UInt8 {
        case bias = 1, word, lower, shape, prefix1, prefix2, prefix3, suffix1, suffix2, suffix3, suffix4
        case previousLower, nextLower, previous2Lower, next2Lower, previousShape, nextShape
        case previousTag, previousTwoTags, previousTagWord, firstInSentence, capsSentence, capsLower
        case gazetteer, gazetteerNext, gazetteerPrevious, wordBigramPrevious, wordBigramNext, shapeTrigram
        case sentenceLength, upperInitialAndSuffix, documentCased, lowerAndFirst, hyphenParts, documentLowercase
        case documentPredicted
    }

    /// `document`: how the document writes each word elsewhere. A word capitalised in
    /// mid-sentence elsewhere is likely a name in an all-caps headline or at a sentence
    /// start; one also written in lowercase is likely a common word.
    init(tokens: [String], gazetteer: Gazetteer, document: DocumentCase = DocumentCase()) {
        let count = tokens.count
        let lowers = tokens.map { $0.lowercasedASCIIFast() }
        self.lowers = lowers
        let shapes = tokens.map(Self.shape)
        self.shapes = shapes
        var gazetteerTags = [String](repeating: "", count: count)
        for match in gazetteer.matches(tokens, lowercased: lowers) {
            let kinds = Self.kindNames(match.entry.kinds)
            for position in match.range {
                let part = position == match.range.lowerBound ? "B" : "I"
                gazetteerTags[position] = kinds + "-" + part + (match.range.count == 1 ? "S" : "")
            }
        }
        let letters = tokens.reduce(into: (upper: 0, lower: 0)) { counts, token in
            for scalar in token.unicodeScalars where scalar.isAlpha {
                if scalar.isUpper { counts.upper += 1 } else { counts.lower += 1 }
            }
        }
        let allCaps = letters.upper > 8 && letters.lower * 4 < letters.upper

        staticFeatures.reserveCapacity(count)
        for index in 0..<count {
            let word = tokens[index]
            let lower = lowers[index]
            let shape = shapes[index]
            var features: [UInt64] = []
            features.reserveCapacity(36)
            features.append(FeatureHash(Template.bias.rawValue).value)
            features.append(FeatureHash.of(Template.word.rawValue, word))
            features.append(FeatureHash.of(Template.lower.rawValue, lower))
            features.append(FeatureHash.of(Template.shape.rawValue, shape))
            Self.appendAffixes(of: lower, to: &features)
            let previous = index > 0 ? lowers[index - 1] : "<s>"
            let next = index + 1 < count ? lowers[index + 1] : "</s>"
            features.append(FeatureHash.of(Template.previousLower.rawValue, previous))
            features.append(FeatureHash.of(Template.nextLower.rawValue, next))
            features.append(FeatureHash.of(Template.previous2Lower.rawValue, index > 1 ? lowers[index - 2] : "<s>"))
            features.append(FeatureHash.of(Template.next2Lower.rawValue, index + 2 < count ? lowers[index + 2] : "</s>"))
            features.append(FeatureHash.of(Template.previousShape.rawValue, index > 0 ? shapes[index - 1] : "<s>"))
            features.append(FeatureHash.of(Template.nextShape.rawValue, index + 1 < count ? shapes[index + 1] : "</s>"))
            features.append(FeatureHash.of(Template.wordBigramPrevious.rawValue, previous, lower))
            features.append(FeatureHash.of(Template.wordBigramNext.rawValue, lower, next))
            var trigram = FeatureHash(Template.shapeTrigram.rawValue)
            trigram.mix(index > 0 ? shapes[index - 1] : "<s>")
            trigram.mix(shape)
            trigram.mix(index + 1 < count ? shapes[index + 1] : "</s>")
            features.append(trigram.value)
            if index == 0 {
                features.append(FeatureHash(Template.firstInSentence.rawValue).value)
                features.append(FeatureHash.of(Template.lowerAndFirst.rawValue, lower))
            }
            if allCaps {
                features.append(FeatureHash(Template.capsSentence.rawValue).value)
                features.append(FeatureHash.of(Template.capsLower.rawValue, lower))
            }
            if count <= 3 { features.append(FeatureHash.of(Template.sentenceLength.rawValue, String(count))) }
            if !gazetteerTags[index].isEmpty {
                features.append(FeatureHash.of(Template.gazetteer.rawValue, gazetteerTags[index]))
                features.append(FeatureHash.of(Template.gazetteer.rawValue, gazetteerTags[index], shape))
            }
            if index + 1 < count, !gazetteerTags[index + 1].isEmpty {
                features.append(FeatureHash.of(Template.gazetteerNext.rawValue, gazetteerTags[index + 1]))
            }
            if index > 0, !gazetteerTags[index - 1].isEmpty {
                features.append(FeatureHash.of(Template.gazetteerPrevious.rawValue, gazetteerTags[index - 1]))
            }
            let spelling = document.spellings.isEmpty ? 0 : document.spellings[lower] ?? 0
            if spelling & DocumentCase.capitalizedFlag != 0 {
                features.append(FeatureHash.of(Template.documentCased.rawValue, index == 0 ? "first" : allCaps ? "caps" : "mid"))
            }
            if !document.predictedTypes.isEmpty, let type = document.predictedTypes[lower] {
                features += Self.documentPredicted(type, shape: shape)
            }
            if spelling & DocumentCase.lowercaseFlag != 0, lower != word {
                features.append(
                    FeatureHash.of(Template.documentLowercase.rawValue, index == 0 ? "first" : allCaps ? "caps" : "mid"))
            }
            if word.utf8.contains(0x2D), word.contains("-") {
                for part in word.split(separator: "-") where !part.isEmpty {
                    features.append(FeatureHash.of(Template.hyphenParts.rawValue, part.lowercased()))
                }
            }
            staticFeatures.append(features)
        }
    }

    private static let prefixTemplates: [Template] = [.prefix1, .prefix2, .prefix3]
    private static let suffixTemplates: [Template] = [.suffix1, .suffix2, .suffix3, .suffix4]

    /// The first 1-3 and last 1-4 scalars of the lowercased word (suffixes only shorter
    /// than the word), hashed from its UTF-8 bytes cut at scalar boundaries.
    @inline(__always)
    private static func appendAffixes(of lower: String, to features: inout [UInt64]) {
        var lower = lower
        lower.withUTF8 { bytes in
            // Byte offsets where scalars start, for the first three and the last five.
            var scalarCount = 0
            for byte in bytes where byte & 0xC0 != 0x80 { scalarCount += 1 }
            func start(ofScalar target: Int) -> Int {
                if target >= scalarCount { return bytes.count }
                var seen = -1
                for offset in bytes.indices where bytes[offset] & 0xC0 != 0x80 {
                    seen += 1
                    if seen == target { return offset }
                }
                return bytes.count
            }
            for length in 1...3 where scalarCount >= length {
                var hash = FeatureHash(prefixTemplates[length - 1].rawValue)
                hash.mix(utf8: UnsafeBufferPointer(rebasing: bytes[0..<start(ofScalar: length)]))
                features.append(hash.value)
            }
            for length in 1...4 where scalarCount > length {
                var hash = FeatureHash(suffixTemplates[length - 1].rawValue)
                hash.mix(utf8: UnsafeBufferPointer(rebasing: bytes[start(ofScalar: scalarCount - length)...]))
                features.append(hash.value)
            }
        }
    }

    /// The second stage's features: the first pass's type for this word in the document.
    static func documentPredicted(_ type: String, shape: String) -> [UInt64] {
        [
            FeatureHash.of(Template.documentPredicted.rawValue, type),
            FeatureHash.of(Template.documentPredicted.rawValue, type, shape),
        ]
    }

    /// The same features with the second stage's added, without recomputing the rest.
    func addingDocumentPredictions(_ predictedTypes: [String: String]) -> NERFeatures {
        var copy = self
        for index in lowers.indices {
            if let type = predictedTypes[lowers[index]] {
                copy.staticFeatures[index] += Self.documentPredicted(type, shape: shapes[index])
            }
        }
        return copy
    }

    /// Features that depend on the tags already chosen to the left.
    static func dynamic(previous: Int, beforePrevious: Int, lower: String) -> [UInt64] {
        var pair = FeatureHash(Template.previousTwoTags.rawValue)
        pair.mix(previous)
        pair.mix(beforePrevious)
        var tagWord = FeatureHash(Template.previousTagWord.rawValue)
        tagWord.mix(previous)
        tagWord.mix(lower)
        var single = FeatureHash(Template.previousTag.rawValue)
        single.mix(previous)
        return [single.value, pair.value, tagWord.value]
    }

    /// A compressed word shape: "Ryabkov" → "Xx", "U.S." → "X.X.", "1996-08-30" → "d-d-d".
    /// Written straight into UTF-8: a mapped scalar never takes more bytes than its source.
    static func shape(_ word: String) -> String {
        String(unsafeUninitializedCapacity: word.utf8.count) { buffer in
            var length = 0
            var last: Unicode.Scalar?
            for scalar in word.unicodeScalars {
                let mapped: Unicode.Scalar
                if scalar.isUpper {
                    mapped = "X"
                } else if scalar.isLower {
                    mapped = "x"
                } else if scalar.isNumeric {
                    mapped = "d"
                } else {
                    mapped = scalar
                }
                if mapped != last {
                    UTF8.encode(mapped) { byte in
                        buffer[length] = byte
                        length += 1
                    }
                }
                last = mapped
            }
            return length
        }
    }

    private static func kindNames(_ kinds: Gazetteer.Kinds) -> String {
        var names: [String] = []
        if kinds.contains(.country) { names.append("country") }
        if kinds.contains(.city) { names.append("city") }
        if kinds.contains(.state) { names.append("state") }
        if kinds.contains(.region) { names.append("region") }
        if kinds.contains(.demonym) { names.append("demonym") }
        if kinds.contains(.organization) { names.append("org") }
        return names.joined(separator: "+")
    }
}
