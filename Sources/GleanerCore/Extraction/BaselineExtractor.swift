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

    /// The first non-blank line of a text document. Scans UTF-8 bytes: splitting the
    /// String would walk the whole body Character by Character.
    static func headline(of text: String) -> String? {
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let trimmed = text[lineStart..<lineEnd].trimmingWhitespace()
            if !trimmed.isEmpty { return trimmed }
            guard lineEnd < bytes.endIndex else { break }
            lineStart = bytes.index(after: lineEnd)
        }
        return nil
    }
}
