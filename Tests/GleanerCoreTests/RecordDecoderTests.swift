import Testing

@testable import GleanerCore

@Suite struct RecordDecoderTests {
    let decoder = RecordDecoder(maxBytes: 1000)

    private func failureCode(_ raw: [UInt8]) -> FailureCode? {
        if case .failure(let failure) = decoder.decode(raw) { return failure.code }
        return nil
    }

    @Test func acceptsAContractRecordAndKeepsItsFields() throws {
        let raw = Array(
            #"{"id":"a1","content":"Title\n\nBody.","publishedAt":"2024-02-24","url":"https://x","source":"voa","language":"en","metadata":{"k":[1,2]}}"#
                .utf8)
        let document = try decoder.decode(raw).get()
        #expect(document.id == "a1")
        #expect(document.content == "Title\n\nBody.")
        #expect(document.contentType == .plainText)
        #expect(document.publishedAt == "2024-02-24")
        #expect(document.url == "https://x")
        #expect(document.metadata == .object([JSONMember("k", .array([.number("1"), .number("2")]))]))
    }

    @Test func derivesTheIDFromTheContentsSHA256() throws {
        let document = try decoder.decode(Array(#"{"content":"abc"}"#.utf8)).get()
        #expect(document.id == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func detectsHTMLWhenNotDeclared() throws {
        let page = try decoder.decode(Array(#"{"content":"  <!DOCTYPE html><html><p>x</p></html>"}"#.utf8)).get()
        #expect(page.contentType == .html)
        let text = try decoder.decode(Array(#"{"content":"The <b> tag is bold."}"#.utf8)).get()
        #expect(text.contentType == .plainText)
        let declared = try decoder.decode(Array(#"{"content":"x","contentType":"text/html; charset=utf-8"}"#.utf8)).get()
        #expect(declared.contentType == .html)
    }

    @Test func namesEveryKindOfBadInput() {
        #expect(failureCode([0x7B, 0xFF, 0xFE, 0x7D]) == .invalidUTF8)
        #expect(failureCode(Array(#"{"content": "trunc"#.utf8)) == .invalidJSON)
        #expect(failureCode([]) == .invalidJSON)
        #expect(failureCode(Array("[1,2]".utf8)) == .notAnObject)
        #expect(failureCode(Array(#""just a string""#.utf8)) == .notAnObject)
        #expect(failureCode(Array(#"{"id":"x"}"#.utf8)) == .missingContent)
        #expect(failureCode(Array(#"{"content":42}"#.utf8)) == .contentNotString)
        #expect(failureCode(Array(#"{"content":"  \n\t "}"#.utf8)) == .emptyContent)
        #expect(
            failureCode(Array(#"{"content":""#.utf8) + Array(repeating: UInt8(ascii: "a"), count: 2000) + Array(#""}"#.utf8))
                == .tooLarge)
        #expect(failureCode(Array(repeating: UInt8(ascii: "["), count: 900)) == .invalidJSON)
    }

    @Test func keepsTheUpstreamIDOfABadRecordWhenItCanBeRead() {
        guard case .failure(let failure) = decoder.decode(Array(#"{"id":"up-7","content":null}"#.utf8)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.id == "up-7")
        guard case .failure(let garbage) = decoder.decode([0xFF, 0x00]) else { return }
        #expect(garbage.id == SHA256.hex([0xFF, 0x00]))
    }
}

@Suite struct DocumentProcessorTests {
    @Test func aGoodDocumentBecomesAResultLineWithTheRequiredFields() throws {
        let processor = DocumentProcessor()
        let output = processor.process(
            Array(
                #"{"id":"d1","content":"Headline here\n\nThe minister said the talks went well.","publishedAt":"2022-02-26"}"#
                    .utf8))
        #expect(output.outcome == .result)
        let record = try JSONParser.parse(output.line)
        #expect(record["id"] == .string("d1"))
        #expect(record["title"] == .string("Headline here"))
        #expect(record["text"] == .string("Headline here\n\nThe minister said the talks went well."))
        #expect(record["language"] == .string("en"))
        #expect(record["publishedAt"] == .string("2022-02-26"))
        #expect(record["entities"] == .array([]))
        #expect(record["extractor"]?["version"] == .string(GleanerVersion.current))
        #expect(output.line.starts(with: Array(#"{"id":"d1""#.utf8)), "the sink reads ids from the head of each line")
    }

    @Test func invalidUTF8IsKeptAsBase64ForReplay() throws {
        let raw: [UInt8] = [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x7D]
        let output = DocumentProcessor().process(raw)
        #expect(output.outcome == .error)
        let record = try JSONParser.parse(output.line)
        #expect(record["error"]?["code"] == .string("invalid_utf8"))
        #expect(record["inputEncoding"] == .string("base64"))
        #expect(record["input"] == .string(Base64.encode(raw)))
    }

    @Test func hugeInputKeepsOnlyAValidUTF8Head() throws {
        let big =
            Array(#"{"content":""#.utf8) + Array(repeating: Array("é".utf8), count: 700_000).flatMap { $0 } + Array(#""}"#.utf8)
        let output = DocumentProcessor(maxBytes: 1000).process(big)
        let record = try JSONParser.parse(output.line)
        #expect(record["error"]?["code"] == .string("too_large"))
        #expect(record["inputTruncated"] == .bool(true))
        #expect(record["inputEncoding"] == .string("utf-8"))
        #expect(record["inputBytes"] == .number(String(big.count)))
        #expect((record["input"]?.stringValue?.utf8.count ?? .max) <= ErrorRecord.keptInputBytes)
    }

    @Test func anAbandonedDocumentIsAnErrorRecordWithItsAttempts() throws {
        let output = DocumentProcessor().abandon(Array(#"{"id":"poison","content":"x"}"#.utf8), attempts: 6)
        let record = try JSONParser.parse(output.line)
        #expect(output.id == "poison")
        #expect(record["error"]?["code"] == .string("max_attempts_exceeded"))
        #expect(record["attempts"] == .number("6"))
    }

    @Test func extractorFailuresBecomeErrorRecordsNotCrashes() throws {
        struct Failing: Extractor {
            struct Boom: Error {}
            let info = ExtractorInfo(name: "failing", version: "0")
            func extract(_ document: InputDocument) throws -> ExtractionResult { throw Boom() }
        }
        let output = DocumentProcessor(extractor: Failing()).process(Array(#"{"id":"f","content":"x"}"#.utf8))
        #expect(output.outcome == .error)
        #expect(output.failureCode == .extractionFailed)
    }

    @Test func garbageOfEveryShapeYieldsARecordNeverACrash() throws {
        var generator = SplitMix64(seed: 42)
        let processor = DocumentProcessor(maxBytes: 100_000)
        let samples: [[UInt8]] = [
            (0..<5000).map { _ in UInt8.random(in: 0...255, using: &generator) },
            Array(repeating: 0, count: 100),
            Array(#"{"content": "\u0000\u0000"}"#.utf8),
            Array(("{\"content\":\"" + String(repeating: "<div>", count: 20_000) + "\"}").utf8),
            Array(#"{"content":"mixed Ελληνικά русский 中文 عربى 😀"}"#.utf8),
        ]
        for sample in samples {
            let output = processor.process(sample)
            #expect((try? JSONParser.parse(output.line)) != nil)
        }
    }
}
