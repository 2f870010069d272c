/// Fills the contract's required fields only: headline, text, language, publication
/// date, and empty entity, quote and timex lists. It keeps everything downstream real
/// until the entity, quote and date extractors land.
public struct BaselineExtractor: Extractor {
    public let info = ExtractorInfo(name: "gleaner-baseline", version: GleanerVersion.current)

    public init() {}

    public func extract(_ document: InputDocument) throws -> ExtractionResult {
        let text: String
        let title: String?
        switch document.contentType {
        case .plainText:
            text = document.content
            title = Self.headline(of: text)
        case .html:
            let page = HTMLText.extract(document.content)
            text = page.text
            title = page.title ?? Self.headline(of: text)
        }
        return ExtractionResult(
            document: document,
            title: title,
            text: text,
            publishedAt: document.publishedAt,
            publishedAtSource: document.publishedAt == nil ? nil : .input,
            language: document.language ?? LanguageDetector.detect(text),
            extractor: info
        )
    }

    /// The first non-blank line of a text document.
    static func headline(of text: String) -> String? {
        for line in text.split(separator: "\n", maxSplits: 32, omittingEmptySubsequences: true).prefix(32) {
            let trimmed = line.trimmingWhitespace()
            if !trimmed.isEmpty { return trimmed }
        }
        return nil
    }
}
