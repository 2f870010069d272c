/// One input document that passed validation (CONTRACT.md, "Input: one document").
public struct InputDocument: Sendable, Equatable {
    public enum ContentType: String, Sendable {
        case plainText = "text/plain"
        case html = "text/html"
    }

    public var id: String
    public var content: String
    public var contentType: ContentType
    public var publishedAt: String?
    public var url: String?
    public var source: String?
    public var language: String?
    public var metadata: JSONValue?

    public init(
        id: String? = nil, content: String, contentType: ContentType? = nil, publishedAt: String? = nil,
        url: String? = nil, source: String? = nil, language: String? = nil, metadata: JSONValue? = nil
    ) {
        self.id = id ?? SHA256.hex(content.utf8)
        self.content = content
        self.contentType = contentType ?? ContentTypeDetector.detect(content)
        self.publishedAt = publishedAt
        self.url = url
        self.source = source
        self.language = language
        self.metadata = metadata
    }
}

/// Tells an HTML page from plain text when upstream did not say which it sent.
public enum ContentTypeDetector {
    public static func detect(_ content: String) -> InputDocument.ContentType {
        // A page starts, after whitespace and a BOM, with a doctype, a comment or a tag
        // that only HTML uses; a plain story that merely mentions "<b>" does not.
        var prefix = content.utf8.prefix(1024).drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { prefix = prefix.dropFirst(3) }
        guard prefix.first == UInt8(ascii: "<") else { return .plainText }
        let head = String(decoding: prefix.prefix(64), as: UTF8.self).lowercased()
        let markers = ["<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<div", "<article", "<p>", "<p ", "<title"]
        return markers.contains { head.hasPrefix($0) } ? .html : .plainText
    }
}
