import Testing

@testable import GleanerHTML

@Suite struct HTMLParserTests {
    @Test func flatTreeKeepsParentsAndSubtreeEnds() {
        let tree = HTMLParser.parse("<html><body><div id=a><p>One <b>two</b></p><p>three</p></div></body></html>")
        let div = try! #require(tree.first(.div))
        #expect(tree[div].attribute("id") == "a")
        #expect(tree.children(of: div).map { tree[$0].tag } == [.p, .p])
        #expect(tree.text(of: div) == "One two three")
        let bold = try! #require(tree.first(.b))
        #expect(tree.isAncestor(div, of: bold))
        #expect(tree[tree[bold].parent].tag == .p)
    }

    @Test func brokenMarkupIsRecovered() {
        let tree = HTMLParser.parse("<div><p>unclosed <i>italic<p>next &amp; last</div></span>")
        #expect(tree.all(.p).count == 2)
        #expect(tree.text(of: 0).contains("next & last"))
    }

    @Test func emptyAndTextOnlyInput() {
        #expect(HTMLParser.parse("").isEmpty)
        let tree = HTMLParser.parse("just words")
        #expect(tree.text(of: 0) == "just words")
    }
}
