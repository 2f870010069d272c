/// Names of places, nationalities and organizations, from the generated resource
/// `gazetteer.tsv` (scripts/build-gazetteer). The core receives its text and never
/// reads files; `GleanerResources` loads it.
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
    public struct Entry: Sendable {
        public var kinds: Kinds = []
        public var places: [Place] = []
        public var demonymCountry: String?
        public var organization: Organization?
    }

    public private(set) var entries: [String: Entry] = [:]
    public private(set) var countryNames: [String: String] = [:]
    /// The first nationality form listed for each country ("American" for US): the
    /// canonical name of a NORP entity, whichever form the text used.
    public private(set) var demonymAdjective: [String: String] = [:]
    /// The longest phrase in tokens, which bounds the matcher's look-ahead.
    public private(set) var maxPhraseTokens = 1
    /// First tokens of all phrases (lowercased): most tokens are rejected by one look-up.
    private var firstTokens: Set<String> = []
    /// Keys of the shorter phrases that begin longer ones ("united" and "united states"
    /// for "united states of america"): the matcher stops growing a phrase that begins none.
    private var phrasePrefixes: Set<String> = []

    public static let empty = Gazetteer()

    private init() {}

    public init(tsv: String) {
        let tokenizer = Tokenizer()
        func add(_ phrase: String, _ update: (inout Entry) -> Void) {
            let tokens = tokenizer.tokenize(phrase).map { $0.text }
            guard !tokens.isEmpty else { return }
            let key = Self.key(tokens)
            maxPhraseTokens = max(maxPhraseTokens, tokens.count)
            firstTokens.insert(tokens[0].lowercased())
            for length in 1..<tokens.count { phrasePrefixes.insert(Self.key(tokens[..<length])) }
            update(&entries[key, default: Entry()])
        }
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func field(_ index: Int) -> String? { index < fields.count && !fields[index].isEmpty ? fields[index] : nil }
            func aliases(_ index: Int) -> [String] { field(index)?.split(separator: "|").map(String.init) ?? [] }
            switch fields.first {
            case "country":
                guard let code = field(1), let name = field(2) else { continue }
                countryNames[code] = name
                let place = Place(name: name, kind: .country, country: code, admin1: nil, latitude: field(4).flatMap(Double.init),
                    longitude: field(5).flatMap(Double.init), population: 0)
                for phrase in [name] + aliases(3) {
                    add(phrase) { $0.kinds.insert(.country); $0.places.append(place) }
                }
            case "city", "state":
                guard let name = field(1) else { continue }
                let kind: Kinds = fields[0] == "city" ? .city : .state
                let place = Place(
                    name: name, kind: kind, country: field(2), admin1: field(3), latitude: field(4).flatMap(Double.init),
                    longitude: field(5).flatMap(Double.init), population: field(6).flatMap { Int($0) } ?? 0)
                for phrase in [name] + (kind == .city ? aliases(7) : []) {
                    add(phrase) { $0.kinds.insert(kind); $0.places.append(place) }
                }
            case "region":
                guard let name = field(1) else { continue }
                let place = Place(name: name, kind: .region, country: nil, admin1: nil, latitude: nil, longitude: nil, population: 0)
                for phrase in [name] + aliases(3) {
                    add(phrase) { $0.kinds.insert(.region); $0.places.append(place) }
                }
            case "demonym":
                guard let form = field(1), let code = field(2) else { continue }
                add(form) { $0.kinds.insert(.demonym); $0.demonymCountry = $0.demonymCountry ?? code }
                if demonymAdjective[code] == nil { demonymAdjective[code] = form }
            case "org":
                guard let acronym = field(1), let name = field(2) else { continue }
                let organization = Organization(acronym: acronym, name: name, country: field(3))
                for phrase in [acronym, name] + aliases(4) {
                    add(phrase) { $0.kinds.insert(.organization); $0.organization = $0.organization ?? organization }
                }
            default:
                continue
            }
        }
        for key in entries.keys {
            entries[key]!.places.sort { ($0.kind.rawValue, -$0.population) < ($1.kind.rawValue, -$1.population) }
        }
    }

    public static func key<S: Sequence>(_ tokens: S) -> String where S.Element == String {
        tokens.map { $0.lowercasedASCIIFast() }.joined(separator: " ")
    }

    public func entry(_ tokens: ArraySlice<String>) -> Entry? {
        entries[Self.key(tokens)]
    }

    /// Longest gazetteer phrases in a token sequence, left to right, matching only
    /// capitalised tokens ("paris" in lowercase prose is not the city).
    public func matches(_ tokens: [String], lowercased: [String]? = nil) -> [(range: Range<Int>, entry: Entry)] {
        let lowers = lowercased ?? tokens.map { $0.lowercased() }
        var found: [(Range<Int>, Entry)] = []
        var index = 0
        while index < tokens.count {
            guard let first = tokens[index].unicodeScalars.first, first.isUpper,
                firstTokens.contains(lowers[index])
            else {
                index += 1
                continue
            }
            var best: (Range<Int>, Entry)?
            let limit = min(tokens.count, index + maxPhraseTokens)
            var end = index + 1
            while end <= limit {
                let key = end == index + 1 ? lowers[index] : lowers[index..<end].joined(separator: " ")
                if let entry = entries[key] { best = (index..<end, entry) }
                guard end < limit, phrasePrefixes.contains(key) else { break }
                end += 1
            }
            if let best {
                found.append(best)
                index = best.0.upperBound
            } else {
                index += 1
            }
        }
        return found
    }
}
