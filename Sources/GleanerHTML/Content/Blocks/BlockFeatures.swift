#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the block model sees of one paragraph of the chosen article: how much of it
/// is links, how long it is and how it ends, where it stands among the article's
/// paragraphs, whether the page repeats it, and the words in the class and id names of
/// the elements around it. No site's names: word groups that templates everywhere use
/// for captions, related stories, newsletter boxes and author bios. The weights that
/// turn these into a decision are learned (`PageBlockModel`, Resources/README.md).
///
/// `scripts/train-page-blocks` reads these values from `gleaner extract --explain-page
/// --json`, so training and reading see the same numbers; `names` is the model file's
/// vocabulary and its order is the vector's.
enum BlockFeatures {
    static let names: [String] =
        [
            "link share", "length", "short", "sentence end", "label end", "heading", "position", "after the prose",
            "before the prose", "heading after the prose", "short after the prose", "furniture after the prose", "repeated",
            "capitalised words",
            "digits", "you", "furniture phrase", "caption phrase", "bio sentence", "root share", "in list", "in figure",
            "in gallery", "in table", "in quote", "after a box label", "web address", "call to action after the prose",
        ] + WordGroup.allCases.map { "class " + $0.rawValue }

    /// Class and id words, grouped by the part of a template they name. Searched on the
    /// elements from the paragraph's own block up to its root: a box inside the article.
    enum WordGroup: String, CaseIterable {
        case caption, related, newsletter, author, ad, social, meta, content

        var words: Set<String> {
            switch self {
            case .caption:
                ["caption", "figcaption", "credit", "credits", "photo", "image", "img", "media", "figure", "gallery", "picture"]
            case .related:
                [
                    "related", "more", "recommended", "readmore", "also", "teaser", "teasers", "links", "list", "card", "cards",
                    "popular", "trending", "next", "latest", "feed",
                ]
            case .newsletter:
                [
                    "newsletter", "subscribe", "subscription", "signup", "email", "form", "cta", "optin", "inbox", "follow",
                    "promo",
                ]
            case .author: ["author", "authors", "bio", "byline", "about", "profile", "contributor", "writer", "staff", "person"]
            case .ad: ["ad", "ads", "advert", "advertisement", "sponsor", "sponsored", "partner", "affiliate", "commercial"]
            case .social: ["share", "social", "sharing", "facebook", "twitter", "comment", "comments"]
            case .meta: ["meta", "date", "time", "tags", "tag", "category", "categories", "info", "details", "timestamp"]
            case .content: ["article", "body", "content", "text", "entry", "story", "post", "richtext", "prose"]
            }
        }
    }

    private static let groupOfWord: [String: UInt16] = {
        var table: [String: UInt16] = [:]
        for (bit, group) in WordGroup.allCases.enumerated() {
            for word in group.words { table[word, default: 0] |= 1 << UInt16(bit) }
        }
        return table
    }()

    /// A sentence that introduces a writer has both: how it introduces ("is a", "covers")
    /// and a trade ("reporter"). A list of names with trades ("Ann Lee, writer") is not one.
    private static let bioIntroductions = PhraseSet(
        [
            " is a ", " is an ", " covers ", " writes about ", " writes for ", "based in", "author of", "follow him",
            "follow her",
        ].map { Array($0.utf8) })
    /// Whole words: "author" is not "authority", "editor" not "editorial".
    private static let bioTrades = PhraseSet(
        [
            "writer", "reporter", "editor", "journalist", "correspondent", "columnist", "contributor", "author",
            "photographer", "critic",
        ].flatMap { trade in [" ", ",", ".", ";"].map { Array((" " + trade + $0).utf8) } })

    /// How picture captions and credits begin or end, on any site.
    private static let captionPhrases = PhraseSet(
        [
            "photo:", "photograph:", "picture:", "image:", "credit:", "credits:", "(photo", "(image", "(credit", "(picture",
            "getty images", "shutterstock", "file photo", "photo by", "photo courtesy", "image courtesy", "pictured",
            "via getty", "/ reuters", "/ ap", "/afp", "/ afp",
        ].map { Array($0.utf8) })

    /// Paragraphs this long with few links are the story's prose: "after the prose" is
    /// the tail a template hangs under the story.
    private static let proseLength = 150

    /// One feature vector per paragraph, in `names` order. `ruledOut` marks the
    /// paragraphs the template rules drop: a label they drop ("Related" over a box the
    /// pruning already took) heads nothing that is left.
    static func compute(_ paragraphs: [TextAssembler.Paragraph], tree: HTMLTree, ruledOut: [Bool]) -> [[Double]] {
        let lengths = paragraphs.map { UTF8Space.visibleLength($0.text) }
        let isProse = paragraphs.indices.map { lengths[$0] >= proseLength && paragraphs[$0].linkShare < 0.3 }
        let firstProse = isProse.firstIndex(of: true) ?? paragraphs.count
        let lastProse = isProse.lastIndex(of: true) ?? -1
        var rootLength: [Int: Int] = [:]
        for (index, paragraph) in paragraphs.enumerated() { rootLength[paragraph.root, default: 0] += lengths[index] }
        let total = max(1, lengths.reduce(0, +))
        var groupCache: [Int: UInt16] = [:]
        let surroundings = paragraphs.map { Self.surroundings($0, tree: tree, cache: &groupCache) }
        // A page whose article is mostly figures (a gallery, a slideshow of costumes)
        // tells its story in the captions.
        let figureLength = paragraphs.indices.reduce(0) { $0 + (surroundings[$1].inFigure > 0 ? lengths[$1] : 0) }
        let isGallery = figureLength * 10 >= total * 3
        var vectors: [[Double]] = []
        vectors.reserveCapacity(paragraphs.count)
        for (index, paragraph) in paragraphs.enumerated() {
            let text = Self.textFeatures(paragraph.text, length: lengths[index])
            let around = surroundings[index]
            let short = lengths[index] < 50
            let afterProse = index > lastProse
            let furniture = text.furniture > 0
            // The paragraph right under a box's label ("Comments", "Keep reading") is the box's.
            let afterLabel = index > 0 && !ruledOut[index - 1] && SectionLabels.isLabel(paragraphs[index - 1].text)
            var vector: [Double] = [
                paragraph.linkShare,
                min(1.5, log(1 + Double(lengths[index])) / log(1000)),
                short ? 1 : 0,
                text.sentenceEnd,
                lengths[index] < 25 && paragraph.text.hasSuffix(":") ? 1 : 0,
                paragraph.isHeading ? 1 : 0,
                paragraphs.count > 1 ? Double(index) / Double(paragraphs.count - 1) : 0,
                afterProse ? 1 : 0,
                index < firstProse ? 1 : 0,
                afterProse && paragraph.isHeading ? 1 : 0,
                afterProse && short ? 1 : 0,
                afterProse && furniture ? 1 : 0,
                paragraph.repeats > 1 ? 1 : 0,
                text.capitalised,
                text.digits,
                text.you,
                furniture ? 1 : 0,
                text.caption,
                text.bio,
                Double(rootLength[paragraph.root] ?? 0) / Double(total),
                around.inList, around.inFigure, isGallery ? around.inFigure : 0, around.inTable, around.inQuote,
                afterLabel ? 1 : 0, SectionLabels.isWebAddress(paragraph.text) ? 1 : 0, afterProse ? text.callToAction : 0,
            ]
            for bit in WordGroup.allCases.indices { vector.append(around.groups & (1 << UInt16(bit)) != 0 ? 1 : 0) }
            vectors.append(vector)
        }
        return vectors
    }

    private struct TextFeatures {
        var sentenceEnd = 0.0, capitalised = 0.0, digits = 0.0, you = 0.0, furniture = 0.0, caption = 0.0, bio = 0.0
        /// Opens with a verb that asks the reader to act and speaks to them: "Get our
        /// notes in your inbox", "Follow us for more of your favourite recipes".
        var callToAction = 0.0
    }

    private static let you = Array(" you".utf8)
    /// Verbs a template's calls to action open with; a story's sentence seldom opens
    /// with one and speaks to the reader below the story.
    private static let actionVerbs: Set<[UInt8]> = Set(
        [
            "get", "sign", "subscribe", "follow", "download", "join", "click", "watch", "listen", "like", "share",
            "register", "tap", "visit", "read", "support", "donate",
        ].map { Array($0.utf8) })
    /// Calls to action are a line or two.
    private static let callToActionLength = 200
    private static let furniturePhrases = PhraseSet(ArticleEdges.phrases)

    /// One pass over the UTF-8 bytes (word starts, capitals, digits, an ASCII-lowercased
    /// copy), then the phrase searches on that copy: this runs on every paragraph of
    /// every page, where Unicode case mapping and property look-ups cost a third of the
    /// reader's time. Phrases are ASCII, so ASCII lowercasing finds them all.
    private static func textFeatures(_ text: String, length: Int) -> TextFeatures {
        var features = TextFeatures()
        var words = 0
        var capitalised = 0
        var digits = 0
        var scalars = 0
        var atWordStart = true
        var lowered: [UInt8] = [0x20]
        lowered.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            let isScalarStart = byte & 0xC0 != 0x80
            let isUpper = (0x41...0x5A).contains(byte)
            // A non-ASCII lead byte is taken for a letter: accented and non-Latin words.
            if atWordStart, isUpper || (0x61...0x7A).contains(byte) || byte >= 0xC0 {
                words += 1
                if isUpper { capitalised += 1 }
            }
            if (0x30...0x39).contains(byte) { digits += 1 }
            if isScalarStart {
                scalars += 1
                atWordStart = byte == 0x20
            }
            lowered.append(isUpper ? byte + 0x20 : byte)
        }
        lowered.append(0x20)
        features.sentenceEnd = endsSentence(text) ? 1 : 0
        features.capitalised = words >= 3 ? Double(capitalised) / Double(words) : 0
        features.digits = length > 0 ? Double(digits) / Double(length) : 0
        lowered.withUnsafeBufferPointer { buffer in
            features.you = ByteSearch.end(of: you, in: buffer) != nil ? 1 : 0
            if features.you > 0, length <= callToActionLength, actionVerbs.contains(firstWord(buffer)) {
                features.callToAction = 1
            }
            if scalars <= ArticleEdges.maximumLength, furniturePhrases.occurs(in: buffer) { features.furniture = 1 }
            if length <= 600 {
                features.bio = bioIntroductions.occurs(in: buffer) && bioTrades.occurs(in: buffer) ? 1 : 0
                features.caption = captionPhrases.occurs(in: buffer) ? 1 : 0
            }
        }
        return features
    }

    /// The first run of ASCII letters in lowercased bytes: "get" in " “get the…".
    private static func firstWord(_ lowered: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let start = lowered.firstIndex(where: { (0x61...0x7A).contains($0) }) else { return [] }
        let end = lowered[start...].firstIndex(where: { !(0x61...0x7A).contains($0) }) ?? lowered.endIndex
        return Array(lowered[start..<end])
    }

    /// Ends like a sentence: "(Photo: Ann Lee / Agency)" is an aside in brackets, a credit,
    /// unless a sentence ends inside them ("(Thanks to all who wrote in!)").
    private static func endsSentence(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let last = scalars.last, ".!?\"”’'):;".unicodeScalars.contains(last) else { return false }
        guard last == ")", scalars.first == "(" else { return true }
        return scalars.dropLast().last.map { ".!?".unicodeScalars.contains($0) } == true
    }

    private struct Surroundings {
        var inList = 0.0, inFigure = 0.0, inTable = 0.0, inQuote = 0.0
        var groups: UInt16 = 0
    }

    /// The tags and class word groups between the paragraph's block and its root.
    private static func surroundings(
        _ paragraph: TextAssembler.Paragraph, tree: HTMLTree, cache: inout [Int: UInt16]
    ) -> Surroundings {
        var around = Surroundings()
        let nodes = tree.nodes
        var node = paragraph.node
        while node >= 0, nodes[node].tag != .body, nodes[node].tag != .html {
            switch nodes[node].tag {
            case .li, .ul, .ol, .dl, .dd, .dt: around.inList = 1
            case .figure, .figcaption, .caption: around.inFigure = 1
            case .table, .td, .th, .tr: around.inTable = 1
            case .blockquote, .q: around.inQuote = 1
            default: break
            }
            if let cached = cache[node] {
                around.groups |= cached
            } else {
                var groups: UInt16 = 0
                for word in BoilerplateRules.nameWords(nodes[node], includingID: !nodes[node].tag.isHeading) {
                    groups |= groupOfWord[word] ?? 0
                }
                cache[node] = groups
                around.groups |= groups
            }
            if node == paragraph.root { break }
            node = nodes[node].parent
        }
        return around
    }
}
