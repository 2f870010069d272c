import GleanerCore
import Testing

/// The index format on a gazetteer small enough to read: what it keeps, and that a
/// damaged file is refused at load rather than misread later.
@Suite struct GazetteerIndexFormatTests {
    static let tsv = """
        # a comment line
        country\tGB\tUnited Kingdom\tUK|Britain\t51.5085\t-0.1257
        demonym\tBritish\tGB
        demonym\tBriton\tGB
        city\tLondon\tGB\tENG\t51.5085\t-0.1257\t8961989\tLondres
        city\tLondon\tCA\t08\t42.9834\t-81.233\t346765\t
        org\tBBC\tBritish Broadcasting Corporation\tGB\t
        """

    @Test func indexKeepsWhatTheTSVSays() throws {
        let gazetteer = try Gazetteer(index: Gazetteer.index(tsv: Self.tsv))
        let london = try #require(gazetteer.entry(["LONDON"]))
        #expect(london.kinds == .city)
        #expect(london.places.map(\.country) == ["GB", "CA"])  // the larger first
        #expect(london.places[0].latitude == 51.5085 && london.places[0].population == 8_961_989)
        #expect(gazetteer.entry(["United", "Kingdom"])?.places.first?.name == "United Kingdom")
        #expect(gazetteer.entry(["United"]) == nil)
        #expect(gazetteer.entry(["Briton"])?.demonymCountry == "GB")
        #expect(gazetteer.entry(["British", "Broadcasting", "Corporation"])?.organization?.acronym == "BBC")
        #expect(gazetteer.countryNames == ["GB": "United Kingdom"])
        #expect(gazetteer.demonymAdjective == ["GB": "British"])
        #expect(gazetteer.maxPhraseTokens == 3)
        let found = gazetteer.matches(["The", "United", "Kingdom", "and", "London", "united"])
        #expect(found.map(\.range) == [1..<3, 4..<5])
    }

    @Test func sameTSVGivesTheSameBytes() {
        #expect(Gazetteer.index(tsv: Self.tsv) == Gazetteer.index(tsv: Self.tsv))
    }

    @Test func damagedIndexIsRefused() {
        let bytes = Gazetteer.index(tsv: Self.tsv)
        #expect(throws: (any Error).self) { try Gazetteer(index: Array(bytes.dropLast())) }
        #expect(throws: (any Error).self) { try Gazetteer(index: [0] + bytes.dropFirst()) }
        #expect(throws: (any Error).self) { try Gazetteer(index: []) }
    }
}
