import Foundation
import GleanerCore
import GleanerResources
import Testing

/// The pre-built gazetteer index against the TSV it is built from: the committed index
/// is what the TSV rebuilds to, and it answers every look-up the way the dictionaries
/// parsed from the TSV do (the behaviour before the index existed).
@Suite struct GazetteerIndexTests {
    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/GleanerResources/Resources").standardizedFileURL

    /// The TSV parsed once for the whole suite (seconds in a debug build), not once a test.
    struct Fixture: Sendable {
        let tsv: String
        let table: GazetteerTable
        let indexBytes: [UInt8]
        let gazetteer: Gazetteer

        init() throws {
            tsv = try String(contentsOf: GazetteerIndexTests.resources.appendingPathComponent("gazetteer.tsv"), encoding: .utf8)
            table = GazetteerTable(tsv: tsv)
            indexBytes = Array(try Data(contentsOf: GazetteerIndexTests.resources.appendingPathComponent("gazetteer.idx")))
            gazetteer = try Gazetteer(index: indexBytes)
        }
    }

    static let fixture = Result { try Fixture() }

    let tsv: String
    let table: GazetteerTable
    let indexBytes: [UInt8]
    let gazetteer: Gazetteer

    init() throws {
        let fixture = try Self.fixture.get()
        (tsv, table, indexBytes, gazetteer) = (fixture.tsv, fixture.table, fixture.indexBytes, fixture.gazetteer)
    }

    @Test func committedIndexIsWhatTheTSVRebuildsTo() {
        // Not #expect(==) on the arrays: a failure would print megabytes.
        let rebuilt = Gazetteer.index(tsv: tsv)
        #expect(rebuilt.count == indexBytes.count)
        #expect(rebuilt == indexBytes, "gazetteer.idx is stale: run scripts/build-gazetteer (see Resources/README.md)")
    }

    @Test func everyPhraseHasTheSameEntry() {
        var differing: [String] = []
        for (key, entry) in table.entries {
            let tokens = key.split(separator: " ").map(String.init)
            // Capitalised as in text: look-ups lowercase the tokens themselves.
            let capitalised = tokens.map { $0.prefix(1).uppercased() + $0.dropFirst() }
            if gazetteer.entry(tokens[...]) != entry || gazetteer.entry(capitalised[...]) != entry { differing.append(key) }
        }
        #expect(table.entries.count > 100_000)
        #expect(differing.isEmpty, "\(differing.count) phrases differ, e.g. \(differing.sorted().prefix(5))")
    }

    @Test func phrasesThatAreOnlyPrefixesOrFirstTokensHaveNoEntry() {
        let notPhrases = table.phrasePrefixes.union(table.firstTokens).filter { table.entries[$0] == nil }
        #expect(!notPhrases.isEmpty)
        #expect(notPhrases.filter { gazetteer.entry($0.split(separator: " ").map(String.init)[...]) != nil }.isEmpty)
        #expect(gazetteer.entry(["no", "such", "place"]) == nil)
    }

    @Test func tablesBesideTheEntriesAreTheSame() {
        #expect(gazetteer.countryNames == table.countryNames)
        #expect(gazetteer.demonymAdjective == table.demonymAdjective)
        #expect(gazetteer.maxPhraseTokens == table.maxPhraseTokens)
        #expect(gazetteer.countryNames.count > 200 && gazetteer.demonymAdjective.count > 100)
    }

    /// Swift's String equality is canonical equivalence, so the TSV's dictionaries found
    /// "Zürich" written with a combining diaeresis; the index must too.
    @Test func decomposedSpellingsFindTheirPhrase() {
        let nonASCII = table.entries.keys.filter { !$0.utf8.allSatisfy { $0 < 0x80 } }.sorted()
        var differing: [String] = []
        for key in nonASCII {
            let decomposed = key.decomposedStringWithCanonicalMapping.split(separator: " ").map(String.init)
            if gazetteer.entry(decomposed[...]) != table.entries[key] { differing.append(key) }
        }
        #expect(nonASCII.count > 1000)
        #expect(differing.isEmpty, "\(differing.count) decomposed phrases differ, e.g. \(differing.prefix(5))")
    }

    /// The matcher on every line of the TSV read as text (names and aliases side by
    /// side: long phrases, shared prefixes, overlaps), against the matcher as it was
    /// written over the TSV's dictionaries and sets.
    @Test func matcherFindsTheSamePhrases() {
        let tokenizer = Tokenizer()
        var lines = 0
        var differing: [String] = []
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let text = line.replacingOccurrences(of: "\t", with: " , ").replacingOccurrences(of: "|", with: " , ")
            let tokens = tokenizer.tokenize(text).map(\.text)
            let found = gazetteer.matches(tokens)
            let expected = referenceMatches(tokens)
            if found.map(\.range) != expected.map(\.range) || found.map(\.entry) != expected.map(\.entry) {
                differing.append(String(line))
            }
            lines += 1
        }
        #expect(lines > 30_000)
        #expect(differing.isEmpty, "\(differing.count) lines differ, e.g. \(differing.prefix(3))")
    }

    private func referenceMatches(_ tokens: [String]) -> [(range: Range<Int>, entry: Gazetteer.Entry)] {
        let lowers = tokens.map { $0.lowercased() }
        var found: [(range: Range<Int>, entry: Gazetteer.Entry)] = []
        var index = 0
        while index < tokens.count {
            guard let first = tokens[index].unicodeScalars.first, first.properties.isUppercase,
                table.firstTokens.contains(lowers[index])
            else {
                index += 1
                continue
            }
            var best: (range: Range<Int>, entry: Gazetteer.Entry)?
            let limit = min(tokens.count, index + table.maxPhraseTokens)
            var end = index + 1
            while end <= limit {
                let key = end == index + 1 ? lowers[index] : lowers[index..<end].joined(separator: " ")
                if let entry = table.entries[key] { best = (index..<end, entry) }
                guard end < limit, table.phrasePrefixes.contains(key) else { break }
                end += 1
            }
            if let best {
                found.append(best)
                index = best.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }
}
