import Foundation
import GleanerCore
import Testing

@testable import GleanerHTML

/// The block model on pages written for these tests: one story whose container also
/// holds a picture caption, a related-story list, a newsletter box or an author bio,
/// under class names no template rule knows. Each must go and the story must stay.
@Suite struct PageBlockTests {
    /// The bundled weights, read from the source tree (GleanerHTML has no resources).
    static let model: PageBlockModel = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/GleanerResources/Resources/page-blocks.tsv")
        return PageBlockModel(tsv: (try? String(contentsOf: path, encoding: .utf8)) ?? "")
    }()

    static let story = [
        "A pair of grey herons has nested on the reed beds of Otter Marsh for the first time since the drainage works of the early two-thousands, volunteers from the wildlife trust said on Friday.",
        "The birds were first seen in March, carrying sticks into a stand of willow at the northern end of the marsh, and the trust has since roped off the footpath that runs past the nest.",
        "Counts of eels and frogs, the herons' main food, have risen every year since the ditches were blocked and the water table allowed to rise, according to the trust's annual survey.",
        "\"We hoped for waders and ducks, but nobody expected herons this soon,\" said the reserve's warden, who has walked the same transect every week for nine years.",
        "The trust plans to open a hide on the western bank in the autumn, once the chicks have fledged, and will ask visitors to keep dogs on leads between April and July.",
    ]

    /// The story with `box` after its first paragraph (`middle`) or after its last.
    static func page(with box: String, middle: Bool = false) -> String {
        var body = story.map { "<p>\($0)</p>" }
        body.insert(box, at: middle ? 1 : body.count)
        return """
            <!DOCTYPE html><html lang="en"><head><title>Herons return to the marsh | Fenland Gazette</title></head>
            <body><div class="page"><div class="article-body">
            <h1>Herons return to the marsh</h1>
            \(body.joined(separator: "\n"))
            </div></div></body></html>
            """
    }

    static let caption = """
        <figure class="inline-picture"><img src="heron.jpg" alt=""><figcaption>A heron wades through the shallows at dawn. Photo: Tamsin Reed</figcaption></figure>
        """
    static let relatedList = """
        <div class="box-more"><h3>Read next</h3><ul>
        <li><a href="/a">Otters Spotted Again On The Upper River</a></li>
        <li><a href="/b">Village Pond Restored By Volunteers</a> In Pictures</li>
        </ul></div>
        """
    static let newsletterBox = """
        <div class="inline-box"><p>Get the Gazette's nature notes in your inbox every Sunday. Sign up now</p></div>
        """
    static let authorBio = """
        <div class="contributor-note"><p>Ruth Alder is a nature writer and reporter based in Ely who covers farming and wildlife.</p></div>
        """

    /// The text read with the model, after checking that the story is whole.
    func read(_ html: String) -> String {
        let text = HTMLPageReader(blockModel: Self.model).read(html, url: nil).text
        for paragraph in Self.story { #expect(text.contains(paragraph), "story paragraph lost: \(paragraph.prefix(40))") }
        return text
    }

    /// The verdict the explanation gives on the paragraph containing `words`.
    func reason(_ html: String, _ words: String) -> String? {
        HTMLPageReader(blockModel: Self.model).explain(html).blocks.first { $0.text.contains(words) }?.reason
    }

    @Test func pictureCaptionGoes() {
        let html = Self.page(with: Self.caption, middle: true)
        #expect(!read(html).contains("A heron wades"))
        #expect(reason(html, "A heron wades") == "block model")
        // The rules alone keep it: the model made the difference.
        #expect(HTMLPageReader().read(html, url: nil).text.contains("A heron wades"))
    }

    @Test func relatedStoryListGoes() {
        let html = Self.page(with: Self.relatedList)
        let text = read(html)
        for teaser in ["Read next", "Otters Spotted", "Village Pond"] { #expect(!text.contains(teaser), "kept \(teaser)") }
        #expect(reason(html, "Read next") == "block model")
    }

    /// Not the page's last block: the edge rule would take it there before the model.
    @Test func newsletterBoxGoes() {
        let html = Self.page(with: Self.newsletterBox + Self.authorBio)
        #expect(!read(html).contains("Sign up now"))
        #expect(reason(html, "Sign up now") == "block model")
    }

    @Test func authorBioGoes() {
        let html = Self.page(with: Self.authorBio)
        #expect(!read(html).contains("Ruth Alder"))
        #expect(reason(html, "Ruth Alder") == "block model")
        #expect(HTMLPageReader().read(html, url: nil).text.contains("Ruth Alder"))
    }

    static let teaserBox = """
        <div class="block-x"><h4>Keep reading</h4><p>The latest on wetland birds, from the bittern's boom to the return of the crane, collected by our nature desk in one place for readers.</p></div>
        """

    /// A box's first paragraph reads like prose; the label over it says whose it is.
    @Test func paragraphUnderABoxLabelGoes() {
        let html = Self.page(with: Self.teaserBox, middle: true)
        #expect(!read(html).contains("The latest on wetland birds"))
        #expect(reason(html, "The latest on wetland birds") == "block model")
        #expect(HTMLPageReader().read(html, url: nil).text.contains("The latest on wetland birds"))
    }

    /// "Related" alone is dropped by the label rule and heads nothing that is left: the
    /// story that goes on after it (the box's links were pruned) stays whole.
    @Test func labelTheRulesDroppedHeadsNothing() {
        let html = Self.page(with: "<h2>Related</h2>", middle: true)
        #expect(!read(html).contains("Related"))
        let next = HTMLPageReader(blockModel: Self.model).explain(html).blocks.first { $0.text == Self.story[1] }
        #expect(next?.features.first { $0.name == "after a box label" }?.value == 0)
    }

    @Test func loneWebAddressGoes() {
        let html = Self.page(with: "<p>FENLANDGAZETTE.CO.UK</p>", middle: true)
        #expect(!read(html).contains("FENLANDGAZETTE"))
        #expect(reason(html, "FENLANDGAZETTE") == "block model")
    }

    /// A credit in brackets does not end a sentence; a sentence in brackets does.
    @Test func bracketedCreditIsNoSentence() {
        let html = Self.page(with: "<p>(Credit: Tamsin Reed / Gazette)</p><p>(Thanks to all who wrote in!)</p>", middle: true)
        let blocks = HTMLPageReader(blockModel: Self.model).explain(html).blocks
        func sentenceEnd(_ words: String) -> Double? {
            blocks.first { $0.text.contains(words) }?.features.first { $0.name == "sentence end" }?.value
        }
        #expect(sentenceEnd("Credit: Tamsin") == 0)
        #expect(sentenceEnd("Thanks to all") == 1)
    }

    @Test func sectionLabelsAndWebAddresses() {
        for label in ["Comments (3)", "Keep Reading", "Editors’ Recommendations:", "More from the Gazette", "— Read next —"] {
            #expect(SectionLabels.isLabel(label), "\(label)")
        }
        for text in ["Commentary", "Relatedness of eels", "Comments on the draft plan were invited from every parish council"] {
            #expect(!SectionLabels.isLabel(text), "\(text)")
        }
        for address in ["www.example.org", "EXAMPLENEWS.COM", "https://example.net/a", "gazette.co.uk/nature"] {
            #expect(SectionLabels.isWebAddress(address), "\(address)")
        }
        for text in ["Node.js", "e.g.", "U.S.", "3.5", "Visit example.com today", "ann.lee@example.org"] {
            #expect(!SectionLabels.isWebAddress(text), "\(text)")
        }
    }

    @Test func explanationGivesFeaturesScoresAndReasons() {
        let explanation = HTMLPageReader(blockModel: Self.model).explain(Self.page(with: Self.caption, middle: true))
        #expect(explanation.containers.first == "article container: div.article-body")
        let caption = explanation.blocks.first { $0.text.contains("A heron wades") }
        #expect(caption?.kept == false)
        #expect(caption?.features.contains { $0.name == "in figure" && $0.value == 1 } == true)
        #expect(caption?.contributions.first.map { $0.value < 0 } == true)
        #expect(explanation.blocks.filter(\.kept).count == Self.story.count + 1)  // the story and its h1
        let lines = explanation.jsonLines()
        #expect(lines.count == explanation.blocks.count)
        let parsed = try? JSONParser.parse(Array(lines[0].utf8))
        #expect(parsed?["features"]?["link share"] != nil)
    }

    @Test func modelFileReadsByNameAndIgnoresUnknownLines() {
        let model = PageBlockModel(tsv: "# comment\nbias\t2\nin figure\t-5\nno such feature\t9\nthreshold\t0.4\n")
        var features = [Double](repeating: 0, count: BlockFeatures.names.count)
        #expect(abs(model.probability(features) - 1 / (1 + exp(-2))) < 1e-9)
        features[BlockFeatures.names.firstIndex(of: "in figure")!] = 1
        #expect(abs(model.probability(features) - 1 / (1 + exp(3))) < 1e-9)
        #expect(model.threshold == 0.4)
    }
}
