import GleanerCore
import Testing

@testable import GleanerHTML

/// Pages no browser would be proud of: each must come back as a page (possibly empty),
/// never a crash or a hang.
@Suite struct GarbageHTMLTests {
    let reader = HTMLPageReader()

    @Test func truncatedTagsAndAttributes() {
        for html in [
            "<html><body><p>Half a para", "<div class=\"open", "<p>text</p><a href=", "<", "</", "<!--", "<script>var x = 1;",
        ] {
            let page = reader.read(html, url: nil)
            #expect(!page.text.contains("<"), "markup leaked from \(html)")
        }
        #expect(reader.read("<html><body><p>Half a para", url: nil).text == "Half a para")
    }

    @Test func hundredThousandNestedDivs() {
        let depth = 100_000
        let html = String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth)
        let tree = HTMLParser.parse(html)
        // libxml2 may cap the depth it builds; whatever it keeps must be walkable.
        #expect(tree.nodes.count > 1)
        #expect(tree.nodes.allSatisfy { $0.end <= tree.nodes.count })
        _ = reader.read(html, url: nil)
    }

    @Test func binaryBytesDecodedAsText() {
        var generator = SplitMix64(seed: 7)
        let bytes = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let page = reader.read(String(decoding: bytes, as: UTF8.self), url: nil)
        #expect(page.textSource == .article || page.textSource == .wholePage)
    }

    @Test func twentyMegabytePage() {
        let paragraph =
            "<p>The committee met again on Thursday, and once more the discussion turned to the budget, the roads and the schools.</p>\n"
        let html =
            "<html><body><article>" + String(repeating: paragraph, count: 20_000_000 / paragraph.utf8.count)
            + "</article></body></html>"
        let page = reader.read(html, url: nil)
        #expect(page.textSource == .article)
        #expect(page.text.utf8.count > 15_000_000)
    }

    @Test func emptyAndWhitespaceOnly() {
        #expect(reader.read("", url: nil).text.isEmpty)
        #expect(reader.read("   \n\t ", url: nil).text.isEmpty)
        #expect(reader.read("<html></html>", url: nil).text.isEmpty)
    }

    @Test func brokenStructuredDataIsIgnored() {
        let html = """
            <html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Cut off</script>
            <title>Ferry timetable changes</title></head><body><p>The winter timetable starts on Sunday, with two fewer sailings each day on the northern route.</p></body></html>
            """
        let page = reader.read(html, url: nil)
        #expect(page.title == "Ferry timetable changes")
        #expect(page.text.contains("winter timetable"))
    }
}
