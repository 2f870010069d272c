import Testing

@testable import GleanerCore

@Suite struct TokenizerTests {
    private func words(_ text: String) -> [String] { Tokenizer().tokenize(text).map(\.text) }

    @Test func splitsClitcsAndKeepsAbbreviationsInitialsAndNumbersWhole() {
        #expect(words("Russia's U.S. envoy didn't say.") == ["Russia", "'s", "U.S.", "envoy", "did", "n't", "say", "."])
        #expect(
            words("Gen. J. Smith paid $1,000.50 on 14:00 in 2021/22.") == [
                "Gen.", "J.", "Smith", "paid", "$", "1,000.50", "on", "14:00", "in", "2021/22", ".",
            ])
        #expect(words("Russian-backed O'Brien AT&T") == ["Russian-backed", "O'Brien", "AT&T"])
        #expect(words("ST. LOUIS, \"Quote\"...") == ["ST.", "LOUIS", ",", "\"", "Quote", "\"", "..."])
    }

    @Test func partyLabelsStayWholeAndEndNoSentence() {
        #expect(words("Rep. Trey Gowdy (R-S.C.) said") == ["Rep.", "Trey", "Gowdy", "(", "R-S.C.", ")", "said"])
        #expect(
            words("Sen. Ron Johnson (R-Wis.) and Rep. Meeks (D-N.Y.)") == [
                "Sen.", "Ron", "Johnson", "(", "R-Wis.", ")", "and", "Rep.", "Meeks", "(", "D-N.Y.", ")",
            ])
        let analysis = DocumentAnalysis(text: "Rep. Trey Gowdy (R-S.C.) said the claim smacked of hypocrisy.")
        #expect(analysis.sentences.count == 1)
    }

    @Test func offsetsAreCodePointsEvenAfterAstralCharacters() {
        let text = "😀 Zürich — Київ"
        let scalars = Array(text.unicodeScalars)
        for token in Tokenizer().tokenize(text) {
            #expect(String(String.UnicodeScalarView(scalars[token.start..<token.end])) == token.text)
        }
        #expect(Tokenizer().tokenize(text).map(\.start) == [0, 2, 9, 11])
    }

    @Test func sentencesEndAtTerminalsAndLinesButNotAtAbbreviations() {
        let analysis = DocumentAnalysis(
            text: "Headline without stop\nGen. Smith met U.S. officials. He said: \"Go.\" Then it rained.\nnew line")
        let sentences = analysis.sentences.map { analysis.tokenTexts($0).joined(separator: " ") }
        #expect(
            sentences == [
                "Headline without stop", "Gen. Smith met U.S. officials .", "He said : \" Go . \"", "Then it rained .",
                "new line",
            ])
        #expect(analysis.paragraphOfSentence == [0, 1, 1, 1, 2])
    }

    @Test func aRunawaySentenceIsCutIntoBoundedPieces() {
        let analysis = DocumentAnalysis(text: String(repeating: "word ", count: 1000))
        #expect(analysis.sentences.count == 5)
        #expect(analysis.sentences.allSatisfy { $0.tokens.count <= 200 })
    }
}

@Suite struct GazetteerTests {
    let gazetteer = Gazetteer(
        tsv: """
            # test data written for this test
            country\tUS\tUnited States\tUS|U.S.|America\t38.9\t-77.0
            city\tParis\tFR\t11\t48.85\t2.35\t2138551\t
            city\tParis\tUS\tTX\t33.66\t-95.55\t24782\t
            demonym\tRussian\tRU
            demonym\tRussians\tRU
            region\tDonbass\tLOC\tDonbas
            org\tNATO\tNorth Atlantic Treaty Organization\t\t
            """)

    @Test func findsTheLongestCapitalisedPhrasesOnly() {
        let tokens = ["The", "United", "States", "and", "paris", "Paris", "NATO", "Russians"]
        let found = gazetteer.matches(tokens).map { (tokens[$0.range].joined(separator: " "), $0.entry.kinds) }
        #expect(found.map(\.0) == ["United States", "Paris", "NATO", "Russians"])
        #expect(found[0].1 == .country)
        #expect(found[3].1 == .demonym)
    }

    @Test func keepsSameNamedPlacesLargestFirstAndCanonicalCountryNames() throws {
        let paris = try #require(gazetteer.entry(["Paris"]))
        #expect(paris.places.map(\.country) == ["FR", "US"])
        #expect(gazetteer.entry(["U.S."])?.places.first?.country == "US")
        #expect(gazetteer.countryNames["US"] == "United States")
        #expect(gazetteer.demonymAdjective["RU"] == "Russian")
        #expect(gazetteer.entry(["Donbas"])?.kinds == .region)
    }
}

@Suite struct TaggerModelTests {
    @Test func bioAndBilouDecodeToTheSameSpans() {
        let bio = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG", "O"]
        let expected = [
            TaggedSpan(type: "PER", tokens: 0..<2), TaggedSpan(type: "LOC", tokens: 3..<4),
            TaggedSpan(type: "LOC", tokens: 4..<5), TaggedSpan(type: "ORG", tokens: 5..<6),
        ]
        #expect(BIO.spans(bio) == expected)
        #expect(BIO.bilou(["B-PER", "I-PER", "O", "B-LOC", "B-LOC"]) == ["B-PER", "L-PER", "O", "U-LOC", "U-LOC"])
        #expect(BIO.spans(BIO.bilou(["B-PER", "I-PER", "O", "B-LOC", "B-LOC"])) == Array(expected.prefix(3)))
    }

    @Test func trainingIsDeterministicLearnsAndSurvivesSerialisation() throws {
        // A tiny corpus written for this test: names after "met", places after "in".
        var lines = ["-DOCSTART- -X- -X- O", ""]
        let people = ["Anna Kovacs", "Piet Vos", "Lena Berg", "Omar Haddad", "Maria Lopes", "Ivan Petrov"]
        let places = ["Lisbon", "Vienna", "Oslo", "Cairo", "Lima", "Quito"]
        for (person, place) in zip(people, places) {
            let names = person.split(separator: " ")
            lines += [
                "We NN O O", "met NN O O", "\(names[0]) NNP O B-PER", "\(names[1]) NNP O I-PER", "in IN O O",
                "\(place) NNP O B-LOC", ". . O O", "",
            ]
        }
        let corpus = CoNLLCorpus(text: lines.joined(separator: "\n"))
        var trainer = EntityTaggerTrainer(gazetteer: .empty)
        trainer.epochs = 5
        let first = trainer.train(corpus)
        let second = trainer.train(corpus)
        #expect(first.serialized() == second.serialized(), "same data and seed, same model")
        let restored = try EntityTaggerModel(serialized: first.serialized())
        let tagger = EntityTagger(model: restored, gazetteer: .empty)
        #expect(
            tagger.tag(["We", "met", "Ivan", "Petrov", "in", "Oslo", "."]) == ["O", "O", "B-PER", "L-PER", "O", "U-LOC", "O"])
        #expect(throws: EntityTaggerModel.FormatError.self) {
            try EntityTaggerModel(serialized: Array(first.serialized().prefix(40)))
        }
        let file = EntityTaggerModelFile.serialize([first, restored])
        #expect(try EntityTaggerModelFile.deserialize(file).count == 2)
    }
}
