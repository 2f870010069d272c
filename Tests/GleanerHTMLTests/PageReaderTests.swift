import GleanerCore
import Testing

@testable import GleanerHTML

/// Pages written for these tests, shaped like the templates news sites use.
@Suite struct PageReaderTests {
    static let newsPage = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <title>Council approves river footbridge after long debate | Valley Courier</title>
          <meta property="og:title" content="Council approves river footbridge after long debate | Valley Courier">
          <meta property="og:site_name" content="Valley Courier">
          <meta name="description" content="The bridge will link the two halves of the town.">
          <link rel="canonical" href="https://courier.example.org/news/footbridge">
          <script type="application/ld+json">
          {"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "name": "Valley Courier"},
            {"@type": "NewsArticle", "headline": "Council approves river footbridge after long debate",
             "datePublished": "2024-03-05T18:40:00+00:00",
             "author": [{"@type": "Person", "name": "Mara Quint"}, {"@type": "Person", "name": "Olu Benet"}]}
          ]}
          </script>
        </head>
        <body class="single-post has-sidebar">
          <div id="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
          <header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
          <div class="layout">
            <article class="story">
              <h1>Council approves river footbridge after long debate</h1>
              <div class="byline">By Mara Quint and Olu Benet</div>
              <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
              <div class="story-body">
                <p>The town council voted seven to two on Tuesday evening to build a footbridge across the river, ending a debate that has run, on and off, for eleven years.</p>
                <p>Supporters said the crossing would let children from the eastern estates walk to the secondary school without a two-mile detour along the bypass.</p>
                <div class="ad-slot">Advertisement</div>
                <p>Opponents, including the two councillors who voted against, argued that the cost, estimated at four million pounds, should go to road repairs instead.</p>
                <h2>What happens next</h2>
                <p>Construction is expected to begin in the autumn, once the environmental survey of the riverbank, which protects a colony of kingfishers, is complete.</p>
                <p>Follow us on Twitter for the latest news.</p>
              </div>
            </article>
            <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Bakery wins national prize</a></li><li><a href="/b">Fog closes the ring road</a></li></ul></aside>
          </div>
          <section class="related-stories"><h3>Related stories</h3><p><a href="/c">Footbridge plan goes out to consultation, with residents asked for their views</a></p></section>
          <div id="comments"><h3>3 comments</h3><p>Typical council, always spending our money on pet projects and never on the potholes.</p></div>
          <footer>© 2024 Valley Courier. All rights reserved.</footer>
        </body>
        </html>
        """

    @Test func articleTextWithoutBoilerplate() {
        let page = HTMLPageReader().read(Self.newsPage, url: nil)
        #expect(page.textSource == .article)
        for kept in [
            "The town council voted seven to two", "without a two-mile detour", "Opponents, including the two councillors",
            "What happens next", "colony of kingfishers",
        ] {
            #expect(page.text.contains(kept), "missing \(kept)")
        }
        for dropped in [
            "cookies", "Home", "Share on", "Advertisement", "Most read", "Bakery", "Related stories", "consultation",
            "potholes", "All rights reserved", "Follow us on Twitter",
        ] {
            #expect(!page.text.contains(dropped), "boilerplate \(dropped) kept")
        }
    }

    @Test func paragraphsAreSeparatedByBlankLines() {
        let page = HTMLPageReader().read(Self.newsPage, url: nil)
        let paragraphs = page.text.split(separator: "\n\n", omittingEmptySubsequences: false)
        #expect(paragraphs.contains("What happens next"))
        #expect(paragraphs.allSatisfy { !$0.isEmpty && !$0.contains("\n") })
        #expect(paragraphs.count == 5)
    }

    @Test func metadataFromStructuredDataAndMetaTags() {
        let page = HTMLPageReader().read(Self.newsPage, url: "https://courier.example.org/news/footbridge")
        #expect(page.title == "Council approves river footbridge after long debate")
        #expect(page.publishedAt == "2024-03-05T18:40:00Z", "the stamp's time and offset are kept")
        #expect(page.authors == ["Mara Quint", "Olu Benet"])
        #expect(page.siteName == "Valley Courier")
        #expect(page.canonicalURL == "https://courier.example.org/news/footbridge")
        #expect(page.description == "The bridge will link the two halves of the town.")
        #expect(page.language == "en-GB")
    }

    @Test func titleFromTheDocumentTitleWithoutTheSiteName() {
        let html = """
            <html><head><title>Harbour dredging starts next week – Coastline Daily</title></head>
            <body><h1>Coastline Daily</h1><h1>Harbour dredging starts next week</h1>
            <p>Dredgers will work around the clock for three weeks, the harbour master said, and ferries will keep to their timetable.</p></body></html>
            """
        #expect(HTMLPageReader().read(html, url: nil).title == "Harbour dredging starts next week")
    }

    @Test func theShownHeadlineBeatsASocialTitleWordedApart() {
        func page(_ heading: String) -> String {
            """
            <html><head><title>Ferry fares to rise in spring | Coastline Daily</title>
            <meta property="og:title" content="Ferry fares to rise in spring">
            <meta property="og:site_name" content="Coastline Daily"></head>
            <body><h1>\(heading)</h1>
            <p>Return tickets on the island ferry will cost a fifth more from April, the operator said, blaming fuel and crew costs.</p></body></html>
            """
        }
        let reader = HTMLPageReader()
        #expect(
            reader.read(page("Island ferry fares will rise by a fifth from April"), url: nil).title
                == "Island ferry fares will rise by a fifth from April")
        // An h1 that pads the social title with a section name, or is one word, is template text.
        #expect(reader.read(page("Transport | Ferry fares to rise in spring"), url: nil).title == "Ferry fares to rise in spring")
        #expect(reader.read(page("Transport"), url: nil).title == "Ferry fares to rise in spring")
    }

    @Test func bylineAndDateFromTheTemplateWhenNoMetadata() {
        let html = """
            <html lang="en-GB"><body><h1>Library extends opening hours</h1>
            <p class="post-date">Posted 04/03/2024</p><span class="author">By Jo Fenwick, Staff Reporter</span>
            <div class="entry-content"><p>The central library will open until nine in the evening on weekdays from next month, after a petition signed by more than two thousand residents.</p></div>
            </body></html>
            """
        let page = HTMLPageReader().read(html, url: nil)
        // A British page writes the day first.
        #expect(page.publishedAt == "2024-03-04")
        #expect(page.authors == ["Jo Fenwick", "Staff Reporter"] || page.authors == ["Jo Fenwick"])
        #expect(page.text.hasPrefix("The central library will open"))
    }

    @Test func dateFromTheURLAndTheLocalDayOverAUTCStamp() {
        let html = """
            <html><head><meta property="article:published_time" content="2023-11-09T04:30:00+00:00"></head>
            <body><p>The polls closed at eight and the count went on well past midnight in the town hall, where both candidates waited.</p></body></html>
            """
        let page = HTMLPageReader().read(html, url: "https://news.example.org/2023/11/08/count-goes-late/")
        #expect(page.publishedAt == "2023-11-08")
        #expect(PublicationDate.urlDate("https://x.example/2019/08/02/slug") == "2019-08-02")
        #expect(PublicationDate.urlDate("https://x.example/2019/08/slug") == nil)
    }

    @Test func structuredArticleBodyForScriptRenderedPages() {
        let html = """
            <html><head><script type="application/ld+json">
            {"@type": "NewsArticle", "headline": "Tram line reopens",
             "articleBody": "The tram line reopened on Monday after repairs.\\nPassengers were back to the normal timetable by the evening rush hour, the operator said."}
            </script></head><body><div id="app">Loading…</div></body></html>
            """
        let page = HTMLPageReader().read(html, url: nil)
        #expect(page.textSource == .structuredData)
        #expect(
            page.text
                == "The tram line reopened on Monday after repairs.\n\nPassengers were back to the normal timetable by the evening rush hour, the operator said."
        )
    }

    @Test func templateLabelsBetweenParagraphsAreDropped() {
        let html = """
            <html><body><article>
            <p>Harbour pilots walked out at dawn on Friday, leaving six cargo ships waiting at anchor outside the breakwater.</p>
            <p>Advertisement</p><p>Story continues below</p>
            <p>The pilots' union said talks with the port authority would resume on Monday, and that no ship would be left in danger.</p>
            <p>Read more:</p>
            </article></body></html>
            """
        let text = HTMLPageReader().read(html, url: nil).text
        #expect(text.contains("six cargo ships") && text.contains("no ship would be left in danger"))
        #expect(!text.contains("Advertisement") && !text.contains("Story continues") && !text.contains("Read more"))
    }

    @Test func standfirstBetweenHeadlineAndBodyJoinsTheArticle() {
        let html = """
            <html><body>
            <header class="article-header"><h1>Orchard growers count frost damage</h1>
            <p class="dek">Late frost in the valley has cost growers up to half of this year's apple blossom, the cooperative says.</p></header>
            <div class="layout"><div class="article-body">
            <p>The cooperative's survey of forty orchards found that trees on the valley floor, where cold air settles, lost the most blossom.</p>
            <p>Growers on the slopes, a few degrees warmer on the coldest nights, reported little damage, and expect a normal harvest.</p>
            </div></div></body></html>
            """
        let text = HTMLPageReader().read(html, url: nil).text
        #expect(text.hasPrefix("Late frost in the valley"))
        #expect(text.contains("expect a normal harvest"))
        #expect(!text.contains("Orchard growers count frost damage"))
    }

    @Test func wholePageWhenNoArticleStandsOut() {
        let html =
            "<html><body><ul><li><a href='/a'>One</a></li><li><a href='/b'>Two</a></li></ul><div>Short note</div></body></html>"
        let page = HTMLPageReader().read(html, url: nil)
        #expect(page.textSource == .wholePage)
        #expect(page.text.contains("Short note"))
    }

    @Test func datesInTheirCommonShapes() {
        #expect(DateText.parse("2019-08-02T10:00:00Z") == "2019-08-02")
        #expect(DateText.parse("Posted on August 2, 2019 at 10:00") == "2019-08-02")
        #expect(DateText.parse("2nd Aug. 2019") == "2019-08-02")
        #expect(DateText.parse("02.08.2019") == "2019-08-02")
        #expect(DateText.parse("8/2/2019") == "2019-08-02")
        #expect(DateText.parse("8/2/2019", monthFirst: false) == "2019-02-08")
        #expect(DateText.parse("© 1887 and 2019") == nil)
        #expect(DateText.parse("31/31/2019") == nil)
    }
}
