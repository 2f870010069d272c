/// Names of places, nationalities and organizations, from the generated resource
/// `gazetteer.tsv` (scripts/build-gazetteer), read through its pre-built index
/// `gazetteer.idx` (`GazetteerIndex`). The core receives the bytes and never reads
/// files; `GleanerResources` loads them.
public struct Gazetteer: Sendable {
    public struct Kinds: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let country = Kinds(rawValue: 1)
        public static let city = Kinds(rawValue: 2)
        public static let state = Kinds(rawValue: 4)
        public static let region = Kinds(rawValue: 8)
        public static let demonym = Kinds(rawValue: 16)
        public static let organization = Kinds(rawValue: 32)
    }

    public struct Place: Sendable, Equatable {
        public var name: String
        public var kind: Kinds
        public var country: String?
        public var admin1: String?
        public var latitude: Double?
        public var longitude: Double?
        public var population: Int
    }

    public struct Organization: Sendable, Equatable {
        public var acronym: String
        public var name: String
        public var country: String?
    }

    /// What one phrase (a token sequence, lowercased) may name.
    public struct Entry: Sendable, Equatable {
        public var kinds: Kinds = []
        public var places: [Place] = []
        public var demonymCountry: String?
        public var organization: Organization?
    }

    public let countryNames: [String: String]
    /// The first nationality form listed for each country ("American" for US): the
    /// canonical name of a NORP entity, whichever form the text used.
    public let demonymAdjective: [String: String]
    /// The longest phrase in tokens, which bounds the matcher's look-ahead.
    public var maxPhraseTokens: Int { index.maxPhraseTokens }
    /// Every phrase, with whether it is the first token of one (most tokens are rejected
    /// by that one look-up) and whether it begins a longer one ("united" and "united
    /// states" for "united states of america": the matcher stops growing a phrase that
    /// begins none).
    private let index: GazetteerIndex

    public static let empty = Gazetteer(tsv: "")

    /// Loads the pre-built index (`gleaner gazetteer-index`): one copy of the bytes and
    /// two small dictionaries, so that start-up does not pay for parsing the TSV.
    public init(index bytes: [UInt8]) throws {
        self.init(try GazetteerIndex(bytes: bytes))
    }

    /// Parses the TSV itself (about a second for the bundled file): for a gazetteer
    /// given on the command line, and for building the index.
    public init(tsv: String) {
        // The writer's output always passes the reader's checks.
        self.init(try! GazetteerIndex(bytes: Self.index(tsv: tsv)))
    }

    private init(_ index: GazetteerIndex) {
        self.index = index
        countryNames = index.pairs(headerField: GazetteerIndex.countryNamesField)
        demonymAdjective = index.pairs(headerField: GazetteerIndex.demonymAdjectiveField)
    }

    /// The pre-built index of a TSV gazetteer, the bytes `init(index:)` loads; the same
    /// TSV always gives the same bytes.
    public static func index(tsv: String) -> [UInt8] {
        GazetteerIndex.encode(GazetteerTable(tsv: tsv))
    }

    public static func key<S: Sequence>(_ tokens: S) -> String where S.Element == String {
        tokens.map { $0.lowercasedASCIIFast() }.joined(separator: " ")
    }

    public func entry(_ tokens: ArraySlice<String>) -> Entry? {
        entry(key: Self.key(tokens))
    }

    private func entry(key: String) -> Entry? {
        guard let slot = index.slot(key), slot.flags.contains(.entry) else { return nil }
        return index.entry(at: slot.entryOffset)
    }

    /// Longest gazetteer phrases in a token sequence, left to right, matching only
    /// capitalised tokens ("paris" in lowercase prose is not the city).
    public func matches(_ tokens: [String], lowercased: [String]? = nil) -> [(range: Range<Int>, entry: Entry)] {
        let lowers = lowercased ?? tokens.map { $0.lowercased() }
        var found: [(Range<Int>, Entry)] = []
        var index = 0
        while index < tokens.count {
            guard let first = tokens[index].unicodeScalars.first, first.isUpper,
                self.index.slot(lowers[index])?.flags.contains(.firstToken) == true
            else {
                index += 1
                continue
            }
            // Entries are decoded only for the longest match, not for each shorter one.
            var best: (range: Range<Int>, entryOffset: Int)?
            let limit = min(tokens.count, index + maxPhraseTokens)
            var end = index + 1
            while end <= limit {
                let key = end == index + 1 ? lowers[index] : lowers[index..<end].joined(separator: " ")
                guard let slot = self.index.slot(key) else { break }
                if slot.flags.contains(.entry) { best = (index..<end, slot.entryOffset) }
                guard end < limit, slot.flags.contains(.prefix) else { break }
                end += 1
            }
            if let best {
                found.append((best.range, self.index.entry(at: best.entryOffset)))
                index = best.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }
}
