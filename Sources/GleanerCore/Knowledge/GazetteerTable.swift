/// The gazetteer as parsed from its source text, `gazetteer.tsv`: every phrase
/// tokenized with the `Tokenizer` and keyed by `Gazetteer.key`. This is the slow
/// path (about a second for the bundled file), so processes never run it at start:
/// `gleaner gazetteer-index` runs it once and writes its result as the pre-built
/// index that `Gazetteer(index:)` loads. It stays the reference the index is tested
/// against.
public struct GazetteerTable: Sendable {
    public typealias Entry = Gazetteer.Entry
    public typealias Place = Gazetteer.Place

    public private(set) var entries: [String: Entry] = [:]
    public private(set) var countryNames: [String: String] = [:]
    public private(set) var demonymAdjective: [String: String] = [:]
    public private(set) var maxPhraseTokens = 1
    /// First tokens of all phrases, lowercased.
    public private(set) var firstTokens: Set<String> = []
    /// Keys of the shorter phrases that begin longer ones.
    public private(set) var phrasePrefixes: Set<String> = []

    public init(tsv: String) {
        let tokenizer = Tokenizer()
        func add(_ phrase: String, _ update: (inout Entry) -> Void) {
            let tokens = tokenizer.tokenize(phrase).map { $0.text }
            guard !tokens.isEmpty else { return }
            let key = Gazetteer.key(tokens)
            maxPhraseTokens = max(maxPhraseTokens, tokens.count)
            firstTokens.insert(tokens[0].lowercased())
            for length in 1..<tokens.count { phrasePrefixes.insert(Gazetteer.key(tokens[..<length])) }
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
                let place = Place(
                    name: name, kind: .country, country: code, admin1: nil, latitude: field(4).flatMap(Double.init),
                    longitude: field(5).flatMap(Double.init), population: 0)
                for phrase in [name] + aliases(3) {
                    add(phrase) {
                        $0.kinds.insert(.country)
                        $0.places.append(place)
                    }
                }
            case "city", "state":
                guard let name = field(1) else { continue }
                let kind: Gazetteer.Kinds = fields[0] == "city" ? .city : .state
                let place = Place(
                    name: name, kind: kind, country: field(2), admin1: field(3), latitude: field(4).flatMap(Double.init),
                    longitude: field(5).flatMap(Double.init), population: field(6).flatMap { Int($0) } ?? 0)
                for phrase in [name] + (kind == .city ? aliases(7) : []) {
                    add(phrase) {
                        $0.kinds.insert(kind)
                        $0.places.append(place)
                    }
                }
            case "region":
                guard let name = field(1) else { continue }
                let place = Place(
                    name: name, kind: .region, country: nil, admin1: nil, latitude: nil, longitude: nil, population: 0)
                for phrase in [name] + aliases(3) {
                    add(phrase) {
                        $0.kinds.insert(.region)
                        $0.places.append(place)
                    }
                }
            case "demonym":
                guard let form = field(1), let code = field(2) else { continue }
                add(form) {
                    $0.kinds.insert(.demonym)
                    $0.demonymCountry = $0.demonymCountry ?? code
                }
                if demonymAdjective[code] == nil { demonymAdjective[code] = form }
            case "org":
                guard let acronym = field(1), let name = field(2) else { continue }
                let organization = Gazetteer.Organization(acronym: acronym, name: name, country: field(3))
                for phrase in [acronym, name] + aliases(4) {
                    add(phrase) {
                        $0.kinds.insert(.organization)
                        $0.organization = $0.organization ?? organization
                    }
                }
            default:
                continue
            }
        }
        for key in entries.keys {
            entries[key]!.places.sort { ($0.kind.rawValue, -$0.population) < ($1.kind.rawValue, -$1.population) }
        }
    }
}
