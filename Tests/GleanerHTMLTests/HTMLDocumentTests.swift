import GleanerCore
import Testing

@testable import GleanerHTML

/// HTML documents through the core's baseline extractor with the real page reader:
/// what the record says about where its fields came from.
@Suite struct HTMLDocumentTests {
    let extractor = BaselineExtractor(pageReader: HTMLPageReader())
    let page = """
        <html lang="en-US"><head><title>Bridge reopens | Town Crier</title>
        <meta property="article:published_time" content="2024-06-02T08:00:00Z"></head>
        <body><article><h1>Bridge reopens</h1>
        <p>The old stone bridge reopened to traffic on Saturday after eight months of repairs to its arches.</p>
        </article></body></html>
        """

    @Test func pageDateFillsPublishedAtAndSaysSo() throws {
        let result = try extractor.extract(InputDocument(content: page, contentType: .html))
        #expect(result.publishedAt == "2024-06-02T08:00:00Z", "the page's time and offset are kept")
        #expect(result.publishedAtSource == .html)
        #expect(result.title == "Bridge reopens")
        #expect(result.language == "en")
        #expect(result.page?.textSource == .article)
    }

    @Test func inputDateWinsOverThePage() throws {
        let result = try extractor.extract(InputDocument(content: page, contentType: .html, publishedAt: "2024-06-03"))
        #expect(result.publishedAt == "2024-06-03")
        #expect(result.publishedAtSource == .input)
    }

    @Test func textIsTheArticleNotTheMarkup() throws {
        let result = try extractor.extract(InputDocument(content: page))
        #expect(result.contentType == .html)
        #expect(
            result.text.hasSuffix(
                "\n\nThe old stone bridge reopened to traffic on Saturday after eight months of repairs to its arches."))
        #expect(!result.text.contains("<") && !result.text.contains("Town Crier"))
    }
}
