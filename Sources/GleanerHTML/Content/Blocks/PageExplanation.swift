import GleanerCore

/// What `gleaner extract --explain-page` prints: the containers the reader took for
/// the article, then every paragraph in them with its features, the block model's
/// score and the verdict. As text for reading, as JSON lines for
/// `scripts/train-page-blocks`.
public struct PageExplanation: Sendable {
    public struct Block: Sendable {
        public var text: String
        /// The block element the paragraph came from, as `tag#id.class`.
        public var element: String
        public var kept: Bool
        public var reason: String
        public var probability: Double?
        public var features: [(name: String, value: Double)]
        /// Weight times value per feature, largest first: what moved the score.
        public var contributions: [(name: String, value: Double)]
    }

    public var containers: [String]
    public var blocks: [Block]

    /// How many characters of a paragraph the text view shows.
    private static let preview = 90

    public func lines() -> [String] {
        containers
            + blocks.map { block in
                let verdict = block.kept ? "KEEP" : "DROP"
                let score = block.probability.map { " p=" + Self.number($0) } ?? ""
                let text =
                    block.text.unicodeScalars.count > Self.preview
                    ? String(String.UnicodeScalarView(block.text.unicodeScalars.prefix(Self.preview))) + "…" : block.text
                let why = block.contributions.prefix(4).map { "\($0.name) \(Self.signed($0.value))" }.joined(separator: ", ")
                let set = block.features.filter { $0.value != 0 }.map { "\($0.name)=\(Self.number($0.value))" }
                    .joined(separator: " ")
                return "\(verdict)\(score) [\(block.reason)] \(block.element): \(text)\n    because: \(why)\n    features: \(set)"
            }
    }

    /// One JSON object per paragraph: text, element, verdict, reason, probability and
    /// the feature values by name.
    public func jsonLines() -> [String] {
        blocks.map { block in
            let value = JSONValue.object([
                JSONMember("text", .string(block.text)),
                JSONMember("element", .string(block.element)),
                JSONMember("kept", .bool(block.kept)),
                JSONMember("reason", .string(block.reason)),
                JSONMember("probability", block.probability.map { .number(Self.number($0)) } ?? .null),
                JSONMember("features", .object(block.features.map { JSONMember($0.name, .number(Self.number($0.value))) })),
            ])
            return String(decoding: JSONWriter.encode(value), as: UTF8.self)
        }
    }

    /// Six decimals: enough for the trainer, and always a valid JSON number.
    private static func number(_ value: Double) -> String {
        let scaled = (value * 1_000_000).rounded() / 1_000_000
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }

    private static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + number(value)
    }
}
