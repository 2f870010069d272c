/// Fills the contract's required fields only: headline, text, language, publication
/// date, and empty entity, quote and timex lists. It keeps everything downstream real
/// until the entity, quote and date extractors land.
public struct BaselineExtractor: Extractor {
    public let info = ExtractorInfo(name: "gleaner-baseline", version: GleanerVersion.current)

    public let pageReader: any PageReader

    public init(pageReader: any PageReader = MarkupStrippingReader()) {
        self.pageReader = pageReader
    }

    public func extract(_ document: InputDocument) throws -> ExtractionResult {
        guard document.contentType == .html else {
            var result = ExtractionResult(
                document: document, title: Self.headline(of: document.content), text: document.content,
                publishedAt: nil, publishedAtSource: nil,
                language: document.language ?? LanguageDetector.detect(document.content), extractor: info)
            result.adoptPublishedAt(document.publishedAt, source: .input)
            return result
        }
        let page = pageReader.read(document.content, url: document.url)
        var result = ExtractionResult(
            document: document, title: page.title ?? Self.headline(of: page.text), text: page.text,
            publishedAt: nil, publishedAtSource: nil,
            language: document.language ?? page.language.flatMap(Self.languageCode) ?? LanguageDetector.detect(page.text),
            extractor: info)
        result.page = page
        // The input's own date wins over anything the page claims; an unreadable one does not.
        if !result.adoptPublishedAt(document.publishedAt, source: .input) {
            result.adoptPublishedAt(page.publishedAt, source: .html)
        }
        return result
    }

    /// "en-US" → "en"; a declared language that is not an ISO 639-1 code is ignored.
    static func languageCode(_ declared: String) -> String? {
        let code = declared.prefix { $0 != "-" && $0 != "_" }.lowercased()
        guard code.count == 2, code.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return nil }
        return code
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
