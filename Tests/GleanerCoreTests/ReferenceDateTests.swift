import Testing

@testable import GleanerCore

/// The publication date as scrapers send it, read into one RFC 3339 value and one UTC column.
struct ReferenceDateTests {
    /// [rfc3339, utc], or nil when the string does not read.
    func read(_ raw: String) -> [String]? {
        ReferenceDateParser.parse(raw).map { [$0.date.rfc3339, $0.date.utc] }
    }

    @Test func rfc3339AndISOForms() {
        #expect(read("2025-03-04") == ["2025-03-04", "2025-03-04T00:00:00Z"])
        #expect(read("2025-09-23T10:15:00+01:00") == ["2025-09-23T10:15:00+01:00", "2025-09-23T09:15:00Z"])
        #expect(read("2025-09-23t10:15:00z") == ["2025-09-23T10:15:00Z", "2025-09-23T10:15:00Z"])
        #expect(read("2025-03-04T10:00:00.250-05:00") == ["2025-03-04T10:00:00.250-05:00", "2025-03-04T15:00:00Z"])
        #expect(read("2025-03-04T23:30:00-0200") == ["2025-03-04T23:30:00-02:00", "2025-03-05T01:30:00Z"])
        #expect(read("2025-03-04 10:00") == ["2025-03-04T10:00:00Z", "2025-03-04T10:00:00Z"], "no zone: read as UTC")
        #expect(read("2025-01-01T00:30:00+01:00")?.last == "2024-12-31T23:30:00Z", "the offset can cross a year")
        #expect(read(" 20250304 ")?.first == "2025-03-04")
    }

    @Test func rssForms() {
        #expect(read("Tue, 04 Mar 2025 10:00:00 GMT") == ["2025-03-04T10:00:00Z", "2025-03-04T10:00:00Z"])
        #expect(read("Tue, 4 Mar 2025 10:00:00 +0000 (UTC)")?.first == "2025-03-04T10:00:00Z")
        #expect(read("4 Mar 25 10:00 EST") == ["2025-03-04T10:00:00-05:00", "2025-03-04T15:00:00Z"])
        #expect(read("Wednesday, March 5, 2025 9:05 PDT")?.last == "2025-03-05T16:05:00Z")
        #expect(read("March 5, 2025")?.first == "2025-03-05")
    }

    @Test func epochSecondsAndMilliseconds() {
        #expect(read("1741082400") == ["2025-03-04T10:00:00Z", "2025-03-04T10:00:00Z"])
        #expect(read("1741082400123")?.first == "2025-03-04T10:00:00.123Z")
        #expect(read("1741082400.5")?.first == "2025-03-04T10:00:00.5Z")
    }

    @Test func unreadableStringsAreRefused() {
        for raw in [
            "yesterday", "", "2025-02-30", "2025-13-01", "2025-03-04T25:00", "Tue, 04 Mar 2025 10:00 +", "2025", "12345",
            "2025-03-04 and more", "2025-03-04T10:00:00+19:00",
        ] {
            #expect(ReferenceDateParser.parse(raw) == nil, "\(raw)")
        }
        let zone = ReferenceDateParser.parse("Tue, 04 Mar 2025 10:00:00 IST")
        #expect(zone?.unknownZone == "IST")
        #expect(zone?.date.utc == "2025-03-04T10:00:00Z")
    }

    @Test func resultRecordsTheDateTheRawStringAndWarnings() throws {
        let extractor = BaselineExtractor()
        let rss = try extractor.extract(InputDocument(content: "Headline\n\nBody.", publishedAt: "Tue, 04 Mar 2025 10:00:00 GMT"))
        #expect(rss.publishedAt == "2025-03-04T10:00:00Z")
        #expect(rss.publishedAtSource == .input)
        #expect(rss.metadata?["publishedAtRaw"] == .string("Tue, 04 Mar 2025 10:00:00 GMT"))
        #expect(rss.warnings.isEmpty)

        let plain = try extractor.extract(InputDocument(content: "Headline\n\nBody.", publishedAt: "2025-03-04"))
        #expect(plain.metadata == nil, "an RFC 3339 string as given is not copied")

        let kept = JSONValue.object([JSONMember("feed", .string("rss"))])
        let bad = try extractor.extract(
            InputDocument(content: "Headline\n\nBody.", publishedAt: "sometime in spring", metadata: kept))
        #expect(bad.publishedAt == nil)
        #expect(bad.publishedAtSource == nil)
        #expect(bad.warnings.map(\.code) == [.publishedAtUnreadable])
        #expect(bad.warnings.first?.value == "sometime in spring")
        #expect(bad.metadata?["feed"] == .string("rss"), "upstream's metadata stays")
        #expect(bad.metadata?["publishedAtRaw"] == .string("sometime in spring"))
    }

    @Test func numericPublishedAtIsRead() throws {
        let raw = Array(#"{"id":"n1","content":"Headline\n\nBody.","publishedAt":1741082400}"#.utf8)
        let document = try RecordDecoder().decode(raw).get()
        #expect(document.publishedAt == "1741082400")
        let result = try BaselineExtractor().extract(document)
        #expect(result.publishedAt == "2025-03-04T10:00:00Z")
        guard case .object(let members) = result.json else {
            Issue.record("not an object")
            return
        }
        let fields = Dictionary(uniqueKeysWithValues: members.map { ($0.key, $0.value) })
        #expect(fields["publishedAtUtc"] == .string("2025-03-04T10:00:00Z"))
        #expect(fields["publishedAtPrecision"] == .string("second"))
    }
}
